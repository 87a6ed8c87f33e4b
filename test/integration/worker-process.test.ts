// The worker as operators run it (dist/worker.js): its health endpoint (live, and ready only while Temporal sees it
// polling), the Web UI's codec endpoint (decodes what the raw history holds, for the UI's origin only), logs as JSON
// with Temporal's own lines among them, and a SIGTERM that lets a running activity finish before it exits. And the
// API's liveness apart from its readiness.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { ManagedProcess } from '../../dev/stack/managed-process';
import { freePort } from '../../dev/stack/ports';
import { productScript } from '../../dev/stack/settings';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { startSmtpServer } from '../support/smtp';
import { queryStateWithCli } from '../support/cli-query';
import { startPayloadsForUi } from '../support/ui-payloads';
import { uniqueTaskQueue } from '../support/workflow-harness';

const uiOrigin = 'http://localhost:8233';

describe('the worker process', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let api: AppHarness;
  let worker: ManagedProcess;
  const lines: string[] = [];
  let healthUrl: string;
  let codecUrl: string;

  beforeAll(async () => {
    // A slow mail relay: each message takes 4 s to accept, so a delivery is in flight when the worker is stopped.
    smtp = await startSmtpServer({ delayMs: 4_000 });
    const taskQueue = uniqueTaskQueue('process');
    const [healthPort, codecPort] = [await freePort(), await freePort()];
    healthUrl = `http://127.0.0.1:${healthPort}`;
    codecUrl = `http://127.0.0.1:${codecPort}`;
    worker = new ManagedProcess({
      name: 'worker',
      command: process.execPath,
      args: [productScript('worker.js')],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        TEMPORAL_TASK_QUEUE: taskQueue,
        SMTP_URL: smtp.url,
        LOG_FORMAT: 'json',
        WORKER_HEALTH_PORT: String(healthPort),
        CODEC_PORT: String(codecPort),
        WORKER_SHUTDOWN_GRACE_MS: '15000',
      },
      onLine: (line) => lines.push(line),
    });
    api = await AppHarness.start({ TEMPORAL_TASK_QUEUE: taskQueue, SMTP_URL: smtp.url }, { worker: false });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.stop();
    await smtp?.close();
  });

  const get = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, body: await response.json() };
  };

  it('is live at once and ready once Temporal sees it polling its task queue', async () => {
    await eventually(
      'the worker is ready',
      async () => (await get(`${healthUrl}/health/ready`).catch(() => undefined))?.status === 200,
      60_000,
    );
    expect(await get(`${healthUrl}/health/ready`)).toEqual({
      status: 200,
      body: { status: 'ok', ready: true, state: 'RUNNING', polling: true },
    });
    expect(await get(`${healthUrl}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await get(`${healthUrl}/elsewhere`)).status).toBe(404);
  }, 70_000);

  it('serves the API its liveness apart from its readiness, both without a token', async () => {
    expect(await api.http('GET', '/api/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await api.http('GET', '/api/health/ready')).toMatchObject({
      status: 200,
      body: { status: 'ok', temporal: 'up', database: 'up' },
    });
  });

  it('decodes for the Web UI what the raw history holds, and answers no other origin', async () => {
    const admin = new ApiClient(api);
    const program = await admin.createProgram(aFastPolicy());
    const application = { name: `Zelda Quintero-${randomUUID().slice(0, 6)}` };
    const created = (await admin.apply(program.id, application)).body;
    // The history as the UI's server gives it to the browser: no codec.
    const raw = new Client({ connection: await Connection.connect(api.config.temporal.connection) });
    try {
      const history = await raw.workflow.getHandle(created.id as string).fetchHistory();
      const input = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads!;
      const asJson = input.map((payload) => ({
        metadata: Object.fromEntries(
          Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
        ),
        data: Buffer.from(payload.data!).toString('base64'),
      }));
      expect(Buffer.from(input[0].data!).toString('latin1')).not.toContain(application.name);

      const preflight = await fetch(`${codecUrl}/decode`, {
        method: 'OPTIONS',
        headers: { Origin: uiOrigin, 'Access-Control-Request-Headers': 'content-type,x-namespace' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(uiOrigin);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Namespace/);

      const decode = (origin: string, body: unknown) =>
        fetch(`${codecUrl}/decode`, {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'application/json', 'X-Namespace': 'default' },
          body: JSON.stringify(body),
        });
      const decoded = await decode(uiOrigin, { payloads: asJson });
      expect(decoded.status).toBe(200);
      expect(decoded.headers.get('access-control-allow-origin')).toBe(uiOrigin);
      const [plain] = ((await decoded.json()) as { payloads: { metadata: Record<string, string>; data: string }[] })
        .payloads;
      expect(Buffer.from(plain.metadata.encoding, 'base64').toString()).toBe('json/plain');
      expect(Buffer.from(plain.data, 'base64').toString()).toContain(application.name);

      const elsewhere = await decode('https://example.org', { payloads: asJson });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
      expect((await decode(uiOrigin, { payloads: 'nope' })).status).toBe(400);

      // What the UI encodes (a signal typed in it) decodes back.
      const typed = {
        metadata: { encoding: Buffer.from('json/plain').toString('base64') },
        data: Buffer.from('"hi"').toString('base64'),
      };
      const encoded = await fetch(`${codecUrl}/encode`, {
        method: 'POST',
        headers: { Origin: uiOrigin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ payloads: [typed] }),
      });
      const sealed = ((await encoded.json()) as { payloads: (typeof typed)[] }).payloads;
      expect(Buffer.from(sealed[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
      expect(
        ((await (await decode(uiOrigin, { payloads: sealed })).json()) as { payloads: unknown[] }).payloads,
      ).toEqual([typed]);
    } finally {
      await raw.connection.close();
    }
  });

  const rawInput = (workflowId: string) => startPayloadsForUi(api.config.temporal.connection, workflowId);

  const decodeForUi = (payloads: unknown) =>
    fetch(`${codecUrl}/decode`, {
      method: 'POST',
      headers: { Origin: uiOrigin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ payloads }),
    });

  it("serves the Temporal CLI's --codec-endpoint: a query without input sends {}, an empty list", async () => {
    const admin = new ApiClient(api);
    const program = await admin.createProgram(aFastPolicy());
    const name = `Zelda Quintero-${randomUUID().slice(0, 6)}`;
    const created = (await admin.apply(program.id, { name })).body;
    const query = queryStateWithCli(api.config.temporal.namespace, created.id, codecUrl);
    expect({ status: query.status, stderr: query.stderr }).toMatchObject({ status: 0 });
    expect(query.stdout).toContain(name);
    const empty = await fetch(`${codecUrl}/encode`, { method: 'POST', body: '{}' });
    expect({ status: empty.status, body: await empty.json() }).toEqual({ status: 200, body: { payloads: [] } });
  }, 60_000);

  it("stops decoding an erased member's payloads the moment the erasure answers", async () => {
    const admin = new ApiClient(api);
    const program = await admin.createProgram(aFastPolicy());
    const name = `Zelda Quintero-${randomUUID().slice(0, 6)}`;
    const created = (await admin.apply(program.id, { name })).body;
    const payloads = await rawInput(created.id);
    // Decoded once: the worker process has read (and may keep) the member's key.
    const before = await decodeForUi(payloads);
    expect(before.status).toBe(200);
    await admin.ok('POST', `/api/organizers/${created.id}/erase`);
    const after = await decodeForUi(payloads);
    expect({ status: after.status, body: await after.json() }).toEqual({
      status: 422,
      body: { message: expect.stringContaining('was erased') },
    });
  }, 60_000);

  it('on SIGTERM stops polling, lets the email in flight finish, then exits 0; every log line is JSON', async () => {
    const admin = new ApiClient(api);
    // The applied stage stalls after 1 s, which mails the program's coordinator through the slow relay.
    const program = await admin.createProgram(
      aFastPolicy({ stageSla: { applied: '1 second', screening: '30 seconds', role_play: '30 seconds' } }),
    );
    await admin.ok('POST', '/api/users', {
      email: `coordinator-${randomUUID()}@example.org`,
      name: 'Coordinator',
      role: 'coordinator',
      programIds: [program.id],
    });
    const before = smtp.receiving.count;
    expect((await admin.apply(program.id)).status).toBe(201);
    await eventually('the stall email is being sent', async () => smtp.receiving.count > before, 30_000);
    const delivered = smtp.messages.length;

    const exited = worker.stop('SIGTERM', 30_000);
    // Draining: alive, but no longer ready.
    await eventually(
      'not ready while draining',
      async () => (await get(`${healthUrl}/health/ready`)).status === 503,
      3_000,
    );
    expect((await get(`${healthUrl}/health/live`)).status).toBe(200);
    await exited;
    expect(await worker.exited).toBe(0);
    // The message went out whole, and its delivery was recorded: the activity was not cancelled.
    expect(smtp.messages.length).toBeGreaterThan(delivered);
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        JOIN organizers o ON o.id = n.organizer_id WHERE o.program_id = $1`,
      [program.id],
    );
    expect(n).toBe(1);

    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as { level: string; context?: string; message: unknown };
      } catch {
        throw new Error(`a log line is not JSON: ${line}`);
      }
    });
    expect(
      parsed.some((entry) => entry.context === 'temporal' && /Worker state changed/.test(String(entry.message))),
    ).toBe(true);
    expect(parsed.some((entry) => entry.context === 'worker' && entry.message === 'worker stopped')).toBe(true);
  }, 60_000);
});
