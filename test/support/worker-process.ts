// The worker as its own process (dist/worker.js), for tests that kill it.
import { join } from 'node:path';
import { ManagedProcess } from '../../dev/stack/managed-process';
import { projectRoot } from '../../dev/stack/settings';

/**
 * Starts a worker on `taskQueue`; resolves once it polls. `env` adds to (or overrides) the test's environment; every
 * line of its output goes to `logFile` when given.
 */
export function startWorkerProcess(
  taskQueue: string,
  env: Record<string, string> = {},
  logFile?: string,
): Promise<ManagedProcess> {
  return new Promise((resolve, reject) => {
    const worker = new ManagedProcess({
      name: 'worker',
      command: process.execPath,
      args: [join(projectRoot, 'dist', 'worker.js')],
      env: { ...process.env, NODE_ENV: 'test', TEMPORAL_TASK_QUEUE: taskQueue, ...env },
      logFile,
      onLine: (line) => line.includes('worker polling task queue') && resolve(worker),
    });
    void worker.exited.then((code) => reject(new Error(`worker exited early (${code}): ${worker.recent.join('\n')}`)));
  });
}
