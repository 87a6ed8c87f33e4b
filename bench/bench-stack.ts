// The servers and processes a benchmark run uses: its own PostgreSQL (durable settings, as `npm start`) and Temporal
// dev server in a scratch folder, the real API and worker as processes, and a worker for the baseline workflows.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { cpuSecondsOfTrees } from './cpu';
import { runMigrations } from '../src/database/data-source';
import { ManagedProcess } from '../dev/stack/managed-process';
import { freePort, waitUntil } from '../dev/stack/ports';
import { RunningPostgres, startEmbeddedPostgres } from '../dev/stack/postgres';
import { productScript, stackSettings, toolScript } from '../dev/stack/settings';
import { resolveTemporalCli } from '../dev/stack/temporal-cli';
import { RunningDevServer, startTemporalDevServer } from '../dev/stack/temporal-dev-server';
import { resolveTemporalServer, startTemporalOnPostgres } from '../dev/stack/temporal-sql-server';

/** Which Temporal the run measures on: the dev server (SQLite), or BENCH_TEMPORAL=postgres. */
export const onPostgres = process.env.BENCH_TEMPORAL === 'postgres';

export class BenchStack {
  readonly processes: ManagedProcess[] = [];
  readonly adminToken = `bench-${randomBytes(12).toString('hex')}`;
  readonly payloadKeys = `b1:${randomBytes(32).toString('base64')}`;
  client!: Client;
  pg!: PgClient;
  private postgres?: RunningPostgres;
  private temporal?: Pick<RunningDevServer, 'address' | 'process'>;
  databaseUrl!: string;
  temporalAddress!: string;

  private constructor(readonly scratch: string) {}

  static async start(log: (message: string) => void): Promise<BenchStack> {
    const stack = new BenchStack(mkdtempSync(join(tmpdir(), 'organizer-bench-')));
    const settings = stackSettings();
    log(`scratch folder ${stack.scratch}`);
    const postgres = startEmbeddedPostgres({
      dataDir: join(stack.scratch, 'postgres'),
      port: await freePort(),
      logFile: join(stack.scratch, 'postgres.log'),
    });
    // BENCH_TEMPORAL=postgres: Temporal's own server with its stores in that PostgreSQL, as production runs it.
    const temporal = onPostgres
      ? postgres.then(({ url }) =>
          startTemporalOnPostgres({
            tools: resolveTemporalServer(settings, log),
            postgresUrl: url,
            dir: join(stack.scratch, 'temporal'),
            logFile: join(stack.scratch, 'temporal.log'),
          }),
        )
      : startTemporalDevServer({
          cli: resolveTemporalCli(settings),
          port: await freePort(),
          httpPort: await freePort(),
          logFile: join(stack.scratch, 'temporal.log'),
        });
    [stack.postgres, stack.temporal] = await Promise.all([postgres, temporal]);
    stack.databaseUrl = stack.postgres.url;
    stack.temporalAddress = stack.temporal.address;
    await runMigrations(stack.databaseUrl);
    stack.pg = new PgClient({ connectionString: stack.databaseUrl });
    await stack.pg.connect();
    stack.client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
    log(`PostgreSQL and ${onPostgres ? 'Temporal on PostgreSQL' : 'Temporal dev server'} up`);
    return stack;
  }

  private env(extra: Record<string, string>): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      ADMIN_TOKEN: this.adminToken,
      PAYLOAD_KEYS: this.payloadKeys,
      ...extra,
    };
  }

  private spawnUntilReady(
    name: string,
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    ready: RegExp,
  ): Promise<{ process: ManagedProcess; startedMs: number }> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const child = new ManagedProcess({
        name,
        command: process.execPath,
        // BENCH_CPU_PROF=<folder>: each process writes a V8 CPU profile there when it exits (open in Chrome's DevTools).
        args: [
          ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
          script,
          ...args,
        ],
        env,
        logFile: join(this.scratch, `${name}.log`),
        onLine: (line) => ready.test(line) && resolve({ process: child, startedMs: performance.now() - started }),
      });
      this.processes.push(child);
      void child.exited.then((code) => reject(new Error(`${name} exited (${code}): ${child.recent.join('\n')}`)));
    });
  }

  /** The real worker (dist/worker.js, prebuilt workflow bundle) on its own task queue (`name` tells two apart). */
  startWorker(taskQueue: string, extra: Record<string, string> = {}, name = `worker-${taskQueue}`) {
    return this.spawnUntilReady(
      name,
      productScript('worker.js'),
      [],
      this.env({ TEMPORAL_TASK_QUEUE: taskQueue, ...extra }),
      /worker polling task queue/,
    );
  }

  /** The real API (dist/main.js); resolves with its base URL once it answers. */
  async startApi(taskQueue: string, name = 'api'): Promise<{ url: string; process: ManagedProcess }> {
    const port = await freePort();
    const { process: api } = await this.spawnUntilReady(
      name,
      productScript('main.js'),
      [],
      this.env({ TEMPORAL_TASK_QUEUE: taskQueue, PORT: String(port) }),
      /listening on/,
    );
    const url = `http://127.0.0.1:${port}`;
    await waitUntil('the API', async () => (await fetch(`${url}/api/health`)).ok, 30_000);
    return { url, process: api };
  }

  startBaselineWorker(taskQueue: string, maxCachedWorkflows = 2_000) {
    return this.spawnUntilReady(
      `baseline-${taskQueue}`,
      toolScript('bench', 'baseline-worker.js'),
      [JSON.stringify({ address: this.temporalAddress, taskQueue, maxCachedWorkflows })],
      process.env,
      /worker polling task queue/,
    );
  }

  /**
   * CPU seconds used so far by the Temporal server, PostgreSQL and each process the bench started and that still runs,
   * by name (each with its descendants).
   */
  cpuSeconds(): Record<string, number> {
    return cpuSecondsOfTrees({
      temporal: this.temporal?.process.pid,
      postgres: this.postgres?.process.pid,
      ...Object.fromEntries(this.processes.filter((p) => p.running).map((p) => [p.name, p.pid])),
    });
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    await this.client?.connection.close();
    await this.pg?.end();
    await Promise.all([this.temporal?.process.stop(), this.postgres?.process.stop()]);
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

/** A process's resident set size in bytes (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}
