import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../../src/config/configuration';

/** The project's root folder (the nearest holding package.json), whether this file runs from source or from its build. */
export const projectRoot = ((): string => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
})();

/** A built script of the product (`npm run build`: dist/main.js, dist/worker.js, …). */
export const productScript = (...parts: string[]): string => join(projectRoot, 'dist', ...parts);

/** A built script of the tooling (`npm run build:tools`: dist/tools/dev/…, dist/tools/bench/…). */
export const toolScript = (...parts: string[]): string => join(projectRoot, 'dist', 'tools', ...parts);

/** Pinned versions of the servers the stack provides for itself. */
export const pinned = {
  temporalCli: { module: 'github.com/temporalio/cli/cmd/temporal', version: 'v1.5.1' },
  /** The dev server's own version (the CLI above embeds it), on PostgreSQL for the bench (BENCH_TEMPORAL=postgres). */
  temporalServer: { module: 'go.temporal.io/server', version: 'v1.29.1' },
  temporalTestServer: { groupId: 'io.temporal', artifactId: 'temporal-test-server', version: '1.38.0' },
} as const;

/** Settings of the local stack (command 1 and the test run), read from the environment. */
export interface StackSettings {
  dataDir: string;
  toolsDir: string;
  /** Set when the user points at an existing PostgreSQL; otherwise an embedded one is started. */
  databaseUrl: string | undefined;
  /** Set when the user points at an existing Temporal server; otherwise a dev server is started. */
  temporalAddress: string | undefined;
  temporalCli: string | undefined;
  ports: { api: number; temporal: number; temporalUi: number; postgres: number; codec: number };
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new ConfigError(`${name} must be a port number, got "${raw}"`);
  return value;
}

export function stackSettings(env: NodeJS.ProcessEnv = process.env): StackSettings {
  return {
    dataDir: resolve(projectRoot, env.DATA_DIR || '.data'),
    toolsDir: resolve(projectRoot, env.TOOLS_DIR || '.tools'),
    databaseUrl: env.DATABASE_URL || undefined,
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalCli: env.TEMPORAL_CLI || undefined,
    ports: {
      api: port(env, 'PORT', 3000),
      temporal: port(env, 'TEMPORAL_PORT', 7233),
      temporalUi: port(env, 'TEMPORAL_UI_PORT', 8233),
      postgres: port(env, 'EMBEDDED_PG_PORT', 54329),
      codec: port(env, 'CODEC_PORT', 8234),
    },
  };
}
