// A deploy fails no request (issue 34): two API processes behind a balancer that drops a backend once its readiness
// says no; each is restarted in turn (SIGTERM, then a new process on its port) while 40 clients hire applicants
// through the balancer. No request fails, every action answered is in the read model, each process exits 0.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { anApplicationFor, walkTo } from '../../dev/hiring-walk';
import { freePort } from '../../dev/stack/ports';
import type { ManagedProcess } from '../../dev/stack/managed-process';
import { adminToken, ApiClient, type Program } from '../support/api-client';
import { startApiProcess } from '../support/product-processes';
import { AppHarness } from '../support/app-harness';
import { Balancer } from '../support/balancer';
import { eventually } from '../support/eventually';
import { outputDir } from '../support/histories';
import { HttpEndpoint } from '../support/http-endpoint';
import { uniqueTaskQueue } from '../support/workflow-harness';

const clients = 40;

/** Posts `body` to `path` of the API at `port` directly, the body arriving over `overMs`; resolves with the answer. */
function postSlowly(port: number, path: string, json: object, overMs: number): Promise<{ status: number; body: any }> {
  const body = Buffer.from(JSON.stringify(json));
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent: false,
        headers: {
          authorization: `Bearer ${adminToken}`,
          'content-type': 'application/json',
          'content-length': body.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.write(body.subarray(0, 10));
    setTimeout(() => request.end(body.subarray(10)), overMs);
  });
}
/** How long a stopping API keeps answering after it reports not ready: longer than the balancer takes to notice. */
const shutdownDelayMs = 2_000;

describe('a rolling restart', () => {
  const taskQueue = uniqueTaskQueue('rolling');
  const env = {
    TEMPORAL_TASK_QUEUE: taskQueue,
    ADMIN_TOKEN: adminToken,
    API_SHUTDOWN_DELAY_MS: String(shutdownDelayMs),
  };
  let harness: AppHarness;
  let program: Program;
  const ports: number[] = [];
  const apis: ManagedProcess[] = [];
  let balancer: Balancer | undefined;

  const log = (port: number, generation: number) => join(outputDir, 'rolling-restart', `api-${port}-${generation}.log`);

  beforeAll(async () => {
    // The worker runs here, on the processes' task queue; the harness's own API only sets up and checks.
    harness = await AppHarness.start({ TEMPORAL_TASK_QUEUE: taskQueue });
    // A program on a real calendar: no timer changes an applicant while the test runs, only the clients' actions.
    program = await new ApiClient(harness).createProgram({});
    for (let i = 0; i < 2; i++) {
      ports.push(await freePort());
      apis.push(await startApiProcess(ports[i], env, log(ports[i], 1)));
    }
    balancer = await Balancer.start(ports);
    await eventually(
      'both APIs in the rotation',
      async () => ports.every((port) => balancer!.isReady(port)) || undefined,
    );
  }, 120_000);

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(apis.map((api) => api.stop('SIGKILL')));
    await harness?.stop();
  });

  it('fails no request and loses no action while each API process is replaced', async () => {
    const endpoint = new HttpEndpoint(balancer!.url);
    const failed: string[] = [];
    /** Per applicant: the version its application answered, and every version an action answered since. */
    const answered = new Map<string, number[]>();
    let running = true;
    let applications = 0;

    const call = async (client: ApiClient, method: string, path: string, body?: unknown) => {
      const response = await client
        .call(method, path, body)
        .catch((error: Error) => ({ status: 0, body: error.message }));
      if (response.status < 200 || response.status > 299)
        failed.push(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
      return response.status >= 200 && response.status <= 299 ? response.body : undefined;
    };
    const hireOneAfterAnother = async (index: number) => {
      const client = new ApiClient(endpoint);
      while (running) {
        const applied = await call(
          client,
          'POST',
          `/api/programs/${program.id}/applications`,
          anApplicationFor(`RR-${index}-${++applications}`),
        );
        if (!applied) continue;
        const versions = [applied.version as number];
        answered.set(applied.id, versions);
        for (const { action, input } of walkTo(program.policy, 'active', { timeZone: program.timezone })) {
          if (!running) break;
          const detail = await call(client, 'POST', `/api/organizers/${applied.id}/${action}`, input);
          if (!detail) break;
          versions.push(detail.version);
        }
      }
    };
    const load = Array.from({ length: clients }, (_, i) => hireOneAfterAnother(i));

    const restarts = [];
    await sleep(2_000);
    for (const [i, port] of ports.entries()) {
      const inFlightAtSignal = balancer!.inFlight(port);
      // A client of this process itself, whose request is still arriving when the process stops accepting.
      const path = `/api/programs/${program.id}/applications`;
      const slow = postSlowly(port, path, anApplicationFor(`RR-slow-${i}`), shutdownDelayMs + 1_000);
      await sleep(100);
      const stopping = apis[i];
      const started = Date.now();
      await stopping.stop('SIGTERM', 60_000);
      const exitCode = await stopping.exited;
      const stoppedAfterMs = Date.now() - started;
      const inFlightAtClose = Number(
        /finishing (\d+) requests in flight/.exec(readFileSync(log(port, 1), 'utf8'))?.[1],
      );
      const servedBefore = balancer!.served(port);
      apis[i] = await startApiProcess(port, env, log(port, 2));
      await eventually(`the new API on :${port} in the rotation`, async () => balancer!.isReady(port) || undefined);
      await sleep(2_000);
      const slowAnswer = await slow;
      if (slowAnswer.status === 201) answered.set(slowAnswer.body.id, [slowAnswer.body.version]);
      restarts.push({
        port,
        exitCode,
        inFlightAtSignal,
        inFlightAtClose,
        slowStatus: slowAnswer.status,
        stoppedAfterMs,
        servedAfter: balancer!.served(port) - servedBefore,
      });
    }
    running = false;
    await Promise.all(load);

    expect(failed).toEqual([]);
    expect(balancer!.failures).toEqual([]);
    for (const restart of restarts) {
      // Each stopped by itself, having answered what it had, after its delay; the new one took requests.
      expect(restart.exitCode).toBe(0);
      expect(restart.inFlightAtSignal).toBeGreaterThan(0);
      // The slow request was still arriving when the process stopped accepting; it was answered all the same.
      expect(restart.inFlightAtClose).toBeGreaterThanOrEqual(1);
      expect(restart.slowStatus).toBe(201);
      expect(restart.stoppedAfterMs).toBeGreaterThanOrEqual(shutdownDelayMs);
      // Well before an idle keep-alive connection would have timed out (65 s): nothing held the stop open.
      expect(restart.stoppedAfterMs).toBeLessThan(shutdownDelayMs + 10_000);
      expect(restart.servedAfter).toBeGreaterThan(0);
    }
    // Every action answered is in the read model: each applicant's row is at the last version it was answered, and
    // the versions answered run one by one from its application (nothing applied twice, nothing skipped).
    const rows: { id: string; version: number }[] = await harness.dataSource.query(
      'SELECT id, version FROM organizers WHERE id = ANY($1)',
      [[...answered.keys()]],
    );
    const versions = new Map(rows.map((row) => [row.id, row.version]));
    const lost = [...answered].filter(([id, seen]) => versions.get(id) !== seen.at(-1));
    const skipped = [...answered].filter(([, seen]) => seen.some((version, i) => i > 0 && version !== seen[i - 1] + 1));
    expect(lost).toEqual([]);
    expect(skipped).toEqual([]);
    const actions = [...answered.values()].reduce((sum, seen) => sum + seen.length, 0);
    expect(actions).toBeGreaterThan(clients * 4);
    process.stdout.write(
      `rolling restart: ${actions} applications and actions answered by ${clients} clients, ` +
        `${JSON.stringify(restarts)}\n`,
    );
  }, 240_000);
});
