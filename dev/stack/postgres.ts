import { ManagedProcess, ManagedProcessOptions } from './managed-process';
import { isListening } from './ports';
import { toolScript } from './settings';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (test runs only). */
  fast?: boolean;
  logFile?: string;
  echo?: ManagedProcessOptions['echo'];
}

export const embeddedDatabase = 'organizer_pipeline';
export const embeddedUser = 'postgres';
export const embeddedPassword = 'postgres';

export function embeddedPostgresUrl(port: number): string {
  return `postgres://${embeddedUser}:${embeddedPassword}@127.0.0.1:${port}/${embeddedDatabase}`;
}

export interface RunningPostgres {
  url: string;
  process: ManagedProcess;
}

/** Starts the embedded PostgreSQL (dev/stack/embedded-postgres-server.ts, built) and resolves with its URL once it is ready. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  if (await isListening(options.port)) {
    throw new Error(
      `port ${options.port} is already in use: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL`,
    );
  }
  let announceReady!: (url: string) => void;
  const ready = new Promise<string>((resolveUrl) => (announceReady = resolveUrl));
  const process = new ManagedProcess({
    name: 'postgres',
    command: globalThis.process.execPath,
    args: [
      toolScript('dev', 'stack', 'embedded-postgres-server.js'),
      JSON.stringify({ dataDir: options.dataDir, port: options.port, fast: options.fast }),
    ],
    logFile: options.logFile,
    echo: options.echo,
    onLine: (line) => line.startsWith('ready ') && announceReady(line.slice('ready '.length)),
  });
  const url = await Promise.race([ready, process.exited.then(() => undefined)]);
  if (!url) throw new Error(`embedded PostgreSQL exited before it was ready:\n${process.recent.join('\n')}`);
  return { url, process };
}
