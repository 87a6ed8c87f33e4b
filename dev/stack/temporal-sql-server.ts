// Temporal's own server on PostgreSQL persistence, for the bench's production-shaped runs (BENCH_TEMPORAL=postgres):
// the dev server keeps its timers in SQLite, which bounds bursts of timers no production server has. Built once from
// its Go module (the dev server's version) into the tools folder, as the CLI is; its schema comes from the module.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { ensureSearchAttributes } from '../../src/temporal/search-attributes';
import { ManagedProcess } from './managed-process';
import { freeLowPort, waitUntil } from './ports';
import { pinned, StackSettings } from './settings';
import { onPath } from './temporal-cli';
import { temporalIsServing } from './temporal-dev-server';

export interface TemporalServerTools {
  server: string;
  sqlTool: string;
  /** schema/postgresql/v12 of the server's module: `temporal/` and `visibility/`, each with `versioned/`. */
  schema: string;
}

/** Builds (first run only) and answers the pinned server, its SQL tool and its PostgreSQL schema. */
export function resolveTemporalServer(settings: StackSettings, log: (message: string) => void): TemporalServerTools {
  const { module, version } = pinned.temporalServer;
  const dir = join(settings.toolsDir, 'temporal-server', version);
  const tools = {
    server: join(dir, 'temporal-server'),
    sqlTool: join(dir, 'temporal-sql-tool'),
    schema: join(dir, 'schema'),
  };
  if (existsSync(tools.server) && existsSync(tools.sqlTool) && existsSync(tools.schema)) return tools;
  const go = onPath('go');
  if (!go) throw new Error('BENCH_TEMPORAL=postgres needs `go` to build the Temporal server');
  log(`building ${module}@${version} (cmd/server, cmd/tools/sql) into ${dir} (first run only; several minutes)`);
  mkdirSync(dir, { recursive: true });
  const scratch = mkdtempSync(join(dir, 'build-'));
  const goEnv = {
    ...process.env,
    GOBIN: scratch,
    GOFLAGS: [process.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' '),
  };
  try {
    for (const command of ['cmd/server', 'cmd/tools/sql']) {
      const result = spawnSync(go, ['install', `${module}/${command}@${version}`], { env: goEnv, stdio: 'inherit' });
      if (result.status !== 0)
        throw new Error(`go install ${module}/${command}@${version} failed (exit ${result.status})`);
    }
    const modCache = spawnSync(go, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
    cpSync(join(modCache, `${module}@${version}`, 'schema', 'postgresql', 'v12'), join(scratch, 'schema'), {
      recursive: true,
    });
    renameSync(join(scratch, 'schema'), tools.schema);
    renameSync(join(scratch, 'sql'), tools.sqlTool);
    renameSync(join(scratch, 'server'), tools.server);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return tools;
}

export interface PostgresAt {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** The parts of a postgres:// URL the server's configuration and its SQL tool take. */
export function postgresAt(url: string): PostgresAt {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/** Makes the server's two databases on `postgres` and brings their schema to the module's version. */
function setUpSchema(tools: TemporalServerTools, postgres: PostgresAt): void {
  const base = ['--plugin', 'postgres12', '--ep', postgres.host, '-p', String(postgres.port), '-u', postgres.user];
  if (postgres.password) base.push('--pw', postgres.password);
  for (const [database, folder] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ]) {
    for (const step of [
      ['create-database'],
      ['setup-schema', '-v', '0.0'],
      ['update-schema', '-d', join(tools.schema, folder, 'versioned')],
    ]) {
      const result = spawnSync(tools.sqlTool, [...base, '--db', database, ...step], { encoding: 'utf8' });
      if (result.status !== 0)
        throw new Error(`temporal-sql-tool ${step[0]} ${database} failed: ${result.stderr || result.stdout}`);
    }
  }
}

/** The server's configuration: every service on loopback on free ports, both stores on `postgres`. */
async function configuration(
  postgres: PostgresAt,
  dynamicConfigFile: string,
): Promise<{ yaml: string; frontend: number }> {
  // Membership ports are stored as smallint: every port of the server's own stays below 32768.
  const port = () => freeLowPort();
  const [frontend, frontendMembership, frontendHttp, history, historyMembership, matching, matchingMembership] =
    await Promise.all([port(), port(), port(), port(), port(), port(), port()]);
  const [worker, workerMembership, pprof] = await Promise.all([port(), port(), port()]);
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "${postgres.host}:${postgres.port}"
        connectProtocol: "tcp"
        user: ${JSON.stringify(postgres.user)}
        password: ${JSON.stringify(postgres.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (grpc: number, membership: number, http?: number) => `
      rpc:
        grpcPort: ${grpc}
        membershipPort: ${membership}
        bindOnLocalHost: true${http ? `\n        httpPort: ${http}` : ''}`;
  const yaml = `log:
  stdout: true
  level: warn
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:${store('temporal', 20)}
    postgres-visibility:${store('temporal_visibility', 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  pprof:
    port: ${pprof}
services:
  frontend:${service(frontend, frontendMembership, frontendHttp)}
  matching:${service(matching, matchingMembership)}
  history:${service(history, historyMembership)}
  worker:${service(worker, workerMembership)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${frontend}"
dcRedirectionPolicy:
  policy: "noop"
publicClient:
  hostPort: "127.0.0.1:${frontend}"
dynamicConfigClient:
  filepath: ${JSON.stringify(dynamicConfigFile)}
  pollInterval: "10s"
`;
  return { yaml, frontend };
}

/**
 * Starts the server on PostgreSQL (its databases made on first use) in `dir`, creates the `default` namespace and the
 * product's search attributes, and resolves once it answers.
 */
export async function startTemporalOnPostgres(options: {
  tools: TemporalServerTools;
  postgresUrl: string;
  dir: string;
  logFile: string;
}): Promise<{ address: string; process: ManagedProcess }> {
  const postgres = postgresAt(options.postgresUrl);
  setUpSchema(options.tools, postgres);
  mkdirSync(join(options.dir, 'config'), { recursive: true });
  // As the dev server runs (temporal-dev-server.ts): an activity scheduled by a task comes back in its answer.
  const dynamicConfigFile = join(options.dir, 'config', 'dynamicconfig.yaml');
  writeFileSync(dynamicConfigFile, 'system.enableActivityEagerExecution:\n  - value: true\n');
  const { yaml, frontend } = await configuration(postgres, dynamicConfigFile);
  writeFileSync(join(options.dir, 'config', 'bench.yaml'), yaml);
  const server = new ManagedProcess({
    name: 'temporal',
    command: options.tools.server,
    args: ['--root', options.dir, '--config', 'config', '--env', 'bench', '--allow-no-auth', 'start'],
    logFile: options.logFile,
  });
  const address = `127.0.0.1:${frontend}`;
  await waitUntil('the Temporal server on PostgreSQL', () => temporalIsServing(address).catch(() => false), 120_000);
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService
      .registerNamespace({ namespace: 'default', workflowExecutionRetentionPeriod: msToTs('1 day') })
      .catch((error: { code?: number }) => {
        if (error.code !== 6) throw error; // ALREADY_EXISTS
      });
    await waitUntil(
      'the default namespace',
      () =>
        connection.workflowService
          .describeNamespace({ namespace: 'default' })
          .then(() => true)
          .catch(() => false),
      60_000,
    );
    await ensureSearchAttributes(connection, 'default');
  } finally {
    await connection.close();
  }
  return { address, process: server };
}
