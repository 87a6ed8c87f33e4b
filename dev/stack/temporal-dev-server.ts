import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeTypes } from '../../src/temporal/search-attributes';
import { ManagedProcess, ManagedProcessOptions } from './managed-process';
import { waitUntil } from './ports';
import { toolScript } from './settings';

export interface DevServerOptions {
  /** From resolveTemporalCli; undefined falls back to the SDK's download (needs internet). */
  cli: string | undefined;
  port: number;
  /** Undefined: no Web UI. */
  uiPort?: number;
  /** The codec endpoint the Web UI's pages call to show payloads readable. */
  uiCodecEndpoint?: string;
  /** Undefined: in memory (tests). */
  dbFile?: string;
  httpPort?: number;
  logFile?: string;
  echo?: ManagedProcessOptions['echo'];
}

export interface RunningDevServer {
  address: string;
  uiUrl: string | undefined;
  process: ManagedProcess;
}

/**
 * Server settings beyond the dev server's defaults (deploy/temporal/dynamicconfig.yaml sets the same for the compose
 * stack). Eager activity execution: a workflow task that schedules an activity on its own task queue gets the
 * activity back in the same answer when the worker has a free slot, instead of the activity waiting to be matched to
 * a poll (the projection after each change).
 */
const dynamicConfigValues: Record<string, unknown> = { 'system.enableActivityEagerExecution': true };

export const dynamicConfigArgs = () =>
  Object.entries(dynamicConfigValues).flatMap(([key, value]) => [
    '--dynamic-config-value',
    `${key}=${JSON.stringify(value)}`,
  ]);

function cliArgs(options: DevServerOptions): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  if (options.uiPort) args.push('--ui-ip', '127.0.0.1', '--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.uiPort && options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  if (options.httpPort) args.push('--http-port', String(options.httpPort));
  for (const [name, type] of Object.entries(searchAttributeTypes)) args.push('--search-attribute', `${name}=${type}`);
  args.push(...dynamicConfigArgs());
  return args;
}

export async function temporalIsServing(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

/** Starts Temporal's development server (SQLite in `dbFile`) and resolves once it answers. */
export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  if (options.dbFile) mkdirSync(dirname(options.dbFile), { recursive: true });
  const process = options.cli
    ? new ManagedProcess({
        name: 'temporal',
        command: options.cli,
        args: cliArgs(options),
        logFile: options.logFile,
        echo: options.echo,
      })
    : new ManagedProcess({
        name: 'temporal',
        command: globalThis.process.execPath,
        args: [toolScript('dev', 'stack', 'sdk-dev-server.js'), JSON.stringify(options)],
        logFile: options.logFile,
        echo: options.echo,
      });
  const address = `127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitUntil(`Temporal dev server on ${address}`, () => temporalIsServing(address), 120_000, 200),
      process.exited.then((code) =>
        Promise.reject(
          new Error(`Temporal dev server exited with code ${code} before it was ready:\n${process.recent.join('\n')}`),
        ),
      ),
    ]);
  } catch (error) {
    await process.stop();
    throw error;
  }
  return { address, uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined, process };
}
