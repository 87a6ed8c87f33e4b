// The worker (dist/worker.js) and the API (dist/main.js) as processes of their own, for tests that kill, stop and
// start them as a deploy does.
import { join } from 'node:path';
import { ManagedProcess } from '../../dev/stack/managed-process';
import { projectRoot } from '../../dev/stack/settings';

/** Starts `dist/<script>`; resolves once it prints `readyLine`. `logFile` gets every line of its output. */
function startScript(
  name: string,
  script: string,
  readyLine: string,
  env: Record<string, string>,
  logFile: string | undefined,
): Promise<ManagedProcess> {
  return new Promise((resolve, reject) => {
    const child = new ManagedProcess({
      name,
      command: process.execPath,
      args: [join(projectRoot, 'dist', script)],
      env: { ...process.env, NODE_ENV: 'test', ...env },
      logFile,
      onLine: (line) => line.includes(readyLine) && resolve(child),
    });
    void child.exited.then((code) => reject(new Error(`${name} exited early (${code}): ${child.recent.join('\n')}`)));
  });
}

/** Starts a worker on `taskQueue`; resolves once it polls. `env` adds to (or overrides) the test's environment. */
export function startWorkerProcess(
  taskQueue: string,
  env: Record<string, string> = {},
  logFile?: string,
): Promise<ManagedProcess> {
  return startScript(
    'worker',
    'worker.js',
    'worker polling task queue',
    { TEMPORAL_TASK_QUEUE: taskQueue, ...env },
    logFile,
  );
}

/** Starts the API on `port` (loopback); resolves once it listens. `env` adds to (or overrides) the test's environment. */
export function startApiProcess(
  port: number,
  env: Record<string, string> = {},
  logFile?: string,
): Promise<ManagedProcess> {
  return startScript('api', 'main.js', 'listening on', { HOST: '127.0.0.1', PORT: String(port), ...env }, logFile);
}
