// What operators scrape (issue 34): GET /metrics in Prometheus' text format, served only with METRICS_TOKEN and only
// to that bearer token; after a scripted hiring its action counters moved by exactly the actions taken; the worker
// exports the Temporal SDK's own series (task slots) on WORKER_METRICS_PORT.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkTo } from '../../dev/hiring-walk';
import { freePort } from '../../dev/stack/ports';
import { reconcileWorkflowType } from '../../src/contracts/reconcile';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { outputDir } from '../support/histories';
import { uniqueTaskQueue } from '../support/workflow-harness';
import { startWorkerProcess } from '../support/product-processes';

const metricsToken = `scrape-${randomUUID()}`;

/**
 * Prometheus' text format, line by line: comments (# HELP, # TYPE), else `name{labels} value` (NaN in any case, as
 * Prometheus' Go parser reads it).
 */
function parsed(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|[Nn][Aa][Nn]|[+-]Inf)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => [k, v]),
    );
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

describe('metrics', () => {
  let api: AppHarness;
  let admin: ApiClient;
  /** Every series name the API and the worker exported in these tests. */
  const exported = new Set<string>();

  beforeAll(async () => {
    api = await AppHarness.start({ METRICS_TOKEN: metricsToken }, { mail: true });
    admin = new ApiClient(api);
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
  });

  const scrape = async () => {
    const response = await api.http('GET', '/metrics', { token: metricsToken });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsed(String(response.body));
  };

  const actionsTaken = (samples: ReturnType<typeof parsed>) =>
    Object.fromEntries(
      samples
        .filter((s) => s.name === 'organizer_actions_total')
        .map((s) => [`${s.labels.action} ${s.labels.outcome}`, s.value]),
    );

  it('answers only its bearer token, and nothing at all without METRICS_TOKEN', async () => {
    expect((await api.http('GET', '/metrics')).status).toBe(401);
    expect((await api.http('GET', '/metrics', { token: 'not-the-metrics-token' })).status).toBe(401);
    // An admin's token is a person's, not the scraper's.
    expect((await api.http('GET', '/metrics', { token: admin.token })).status).toBe(401);
    const without = await AppHarness.start({}, { worker: false });
    try {
      expect((await without.http('GET', '/metrics', { token: metricsToken })).status).toBe(404);
    } finally {
      await without.stop();
    }
  }, 60_000);

  it('counts exactly the actions a hiring took, by name and outcome, and the requests by route', async () => {
    const before = actionsTaken(await scrape());
    const program = await admin.createProgram(aFastPolicy());
    const id = (await admin.apply(program.id)).body.id;
    await admin.hireToActive(program, id);
    // One refused: rejecting someone already hired.
    const refused = await admin.act(id, 'reject', { reason: 'too late for that' });
    expect(refused.status).toBe(409);

    const samples = await scrape();
    for (const sample of samples) exported.add(sample.name);
    const moved = Object.entries(actionsTaken(samples))
      .map(([key, value]) => [key, value - (before[key] ?? 0)] as const)
      .filter(([, change]) => change !== 0);
    const expected: Record<string, number> = { 'reject refused': 1 };
    for (const { action } of walkTo(program.policy, 'active', { timeZone: program.timezone }))
      expected[`${action} done`] = (expected[`${action} done`] ?? 0) + 1;
    expect(Object.fromEntries(moved)).toEqual(expected);
    const applications = samples.find((s) => s.name === 'organizer_applications_total' && s.labels.source === 'api');
    expect(applications?.value).toBeGreaterThanOrEqual(1);
    // Requests by route template (ids never become labels), with their durations.
    const routes = samples.filter((s) => s.name === 'http_request_duration_seconds_count').map((s) => s.labels.route);
    expect(routes).toContain('/api/organizers/:organizerId/record-screening');
    expect(routes.some((route) => route.includes(id))).toBe(false);
    expect(samples.some((s) => s.name === 'process_resident_memory_bytes')).toBe(true);
  }, 120_000);

  it('counts the emails it sends and those the mail server refuses, by purpose', async () => {
    const sent = (samples: ReturnType<typeof parsed>, outcome: string) =>
      samples.find(
        (s) => s.name === 'organizer_emails_total' && s.labels.purpose === 'sign_in' && s.labels.outcome === outcome,
      )?.value ?? 0;
    const refusing = await AppHarness.start(
      { METRICS_TOKEN: metricsToken, SMTP_URL: `smtp://127.0.0.1:${await freePort()}` },
      { worker: false },
    );
    try {
      for (const harness of [api, refusing]) {
        const email = `metrics-${randomUUID()}@example.org`;
        await new ApiClient(harness).createUser('coordinator', { email });
        expect((await harness.http('POST', '/api/auth/email', { body: { email } })).status).toBe(202);
      }
      // The sign-in link is sent after the answer.
      await eventually('the sent sign-in link counted', async () => sent(await scrape(), 'sent') >= 1 || undefined);
      const fromRefusing = async () =>
        parsed(String((await refusing.http('GET', '/metrics', { token: metricsToken })).body));
      await eventually(
        'the refused one counted',
        async () => ((await fromRefusing()).length > 0 && sent(await fromRefusing(), 'failed') === 1) || undefined,
      );
      expect(sent(await fromRefusing(), 'sent')).toBe(0);
    } finally {
      await refusing.stop();
    }
  }, 60_000);

  it("has the worker export the Temporal SDK's series and the product's own on its own port", async () => {
    const port = await freePort();
    const taskQueue = uniqueTaskQueue('metrics');
    const outbox = mkdtempSync(join(tmpdir(), 'metrics-outbox-'));
    const worker = await startWorkerProcess(taskQueue, { WORKER_METRICS_PORT: String(port), MAIL_OUTBOX: outbox });
    // An API on the worker's queue, so the worker has an organizer's tasks to time.
    const front = await AppHarness.start(
      { TEMPORAL_TASK_QUEUE: taskQueue, METRICS_TOKEN: metricsToken },
      { worker: false },
    );
    try {
      const client = new ApiClient(front);
      const program = await client.createProgram(aFastPolicy());
      const applied = await client.apply(program.id);
      expect(applied.status).toBe(201);
      // A screening invites the applicant by email; a second task on the same workflow finds it in the sticky cache.
      await client.advanceTo(program, applied.body.id, 'screening');
      expect((await client.act(applied.body.id, 'reject', { reason: 'a test' })).status).toBe(200);
      // A row corrupted on purpose, which the reconcile pass repairs on this worker.
      await front.dataSource.query("UPDATE organizers SET stage = 'applied' WHERE id = $1", [applied.body.id]);
      const summary = await front.temporal.workflow.execute(reconcileWorkflowType, {
        taskQueue,
        workflowId: `reconcile-metrics-${randomUUID()}`,
        args: [{ closedWithinDays: 1, programId: program.id }],
      });
      expect(summary).toMatchObject({ repaired: 1 });
      const value = (samples: ReturnType<typeof parsed>, name: string, labels: Record<string, string> = {}) =>
        samples
          .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
          .reduce((sum, s) => sum + s.value, 0);
      const text = await eventually(
        "the worker to export its task slots, its tasks' latency and what it did",
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => undefined);
          const body = response?.ok ? await response.text() : '';
          return body.includes('temporal_worker_task_slots_available') &&
            body.includes('temporal_workflow_task_schedule_to_start_latency_bucket') &&
            body.includes('temporal_sticky_cache_hit_total') &&
            value(parsed(body), 'organizer_emails_total', { purpose: 'announcement', outcome: 'sent' }) >= 1
            ? body
            : undefined;
        },
        60_000,
      );
      // As an operator would see it (and the dashboard's queries are checked against it).
      mkdirSync(outputDir, { recursive: true });
      writeFileSync(join(outputDir, 'worker-metrics.txt'), text!);
      const samples = parsed(text!);
      for (const sample of samples) exported.add(sample.name);
      // The actions' results the API stored; the record's close the workflow stored itself, timed from when it asked,
      // in buckets up to minutes.
      expect(value(samples, 'organizer_projection_lag_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(value(samples, 'organizer_projection_lag_seconds_bucket', { le: '300' })).toBe(
        value(samples, 'organizer_projection_lag_seconds_count'),
      );
      expect(value(samples, 'organizer_reconcile_checks_total', { outcome: 'repaired' })).toBe(1);
      // Each notification is counted once, by whichever process stored it first (the API answering, or the worker).
      const fromFront = parsed(String((await front.http('GET', '/metrics', { token: metricsToken })).body));
      for (const sample of fromFront) exported.add(sample.name);
      const stored: { kind: string; n: number }[] = await front.dataSource.query(
        'SELECT kind, count(*)::int AS n FROM notifications WHERE organizer_id = $1 GROUP BY kind',
        [applied.body.id],
      );
      expect(stored.map(({ kind }) => kind)).toContain('screening_invitation');
      for (const { kind, n } of stored)
        expect([
          kind,
          value(samples, 'organizer_notifications_total', { kind }) +
            value(fromFront, 'organizer_notifications_total', { kind }),
        ]).toEqual([kind, n]);
      const slots = parsed(text!).filter((s) => s.name === 'temporal_worker_task_slots_available');
      expect(slots.map((s) => s.labels.worker_type)).toEqual(expect.arrayContaining(['WorkflowWorker']));
    } finally {
      await front.stop();
      await worker.stop('SIGKILL');
    }
  }, 90_000);

  it("queries, in deploy/'s dashboard and alerts, only series the API and the worker export", () => {
    const dashboard = JSON.parse(readFileSync('deploy/monitoring/grafana-dashboard.json', 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const alerts = readFileSync('deploy/monitoring/alerts.yml', 'utf8');
    const queries = [...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)), alerts];
    const named = new Set(
      queries.flatMap((q) => q.match(/\b(?:temporal|http|organizer|process|nodejs)_[a-z0-9_]+/g) ?? []),
    );
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((name) => !exported.has(name))).toEqual([]);
    // Each rule has its query and how long it must hold; a stuck worker and rising schedule-to-start are among them.
    const rules = alerts.split('- alert: ').slice(1);
    expect(rules.every((rule) => /\n\s+expr:/.test(rule) && /\n\s+for: \d+m/.test(rule))).toBe(true);
    expect(rules.map((rule) => rule.split('\n')[0])).toEqual(
      expect.arrayContaining(['OrganizerWorkerStuck', 'ScheduleToStartLatencyRising']),
    );
  });
});
