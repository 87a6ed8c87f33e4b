// The worker is killed (SIGKILL) in the middle of a projection, held there by a row lock, then started again: the
// change completes exactly once: one history row, one notification, one email.
import { createHash } from 'node:crypto';
import { soon } from '../../dev/hiring-walk';
import { Client as PgClient } from 'pg';
import type { ManagedProcess } from '../../dev/stack/managed-process';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness, HttpResult } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { startSmtpServer } from '../support/smtp';
import { startWorkerProcess } from '../support/product-processes';

describe('worker killed mid-projection', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let worker: ManagedProcess | undefined;

  const startWorker = () => startWorkerProcess(harness.config.temporal.taskQueue, { SMTP_URL: smtp.url });

  /** Holds the organizer's row locked until released, so its projection blocks right where it writes. */
  async function lockRow(organizerId: string): Promise<{ release: () => Promise<void> }> {
    const client = new PgClient({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM organizers WHERE id = $1 FOR UPDATE', [organizerId]);
    return {
      release: async () => {
        await client.query('ROLLBACK');
        await client.end();
      },
    };
  }

  const projectionWaiting = async () => {
    const rows = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO organizers%'`,
    );
    return rows[0].n > 0;
  };

  async function killMidProjection(): Promise<void> {
    await eventually('a projection blocked on the lock', projectionWaiting, 20_000);
    worker!.kill();
    await worker!.exited;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    harness = await AppHarness.start({ TEMPORAL_UPDATE_TIMEOUT_MS: '90000', SMTP_URL: smtp.url }, { worker: false });
    admin = new ApiClient(harness);
    program = await admin.createProgram(
      aFastPolicy({ debriefEvery: '8 seconds', debriefGrace: '2 seconds', escalateAfter: '60 seconds' }),
    );
    worker = await startWorker();
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await harness?.stop();
    await smtp?.close();
  });

  it('completes an action exactly once when the worker dies while projecting it', async () => {
    const { body } = await admin.apply(program.id);
    const lock = await lockRow(body.id);
    const pending: Promise<HttpResult> = admin.act(body.id, 'schedule-screening', {
      at: soon(),
      location: 'hall',
    });
    await killMidProjection();
    await lock.release();
    worker = await startWorker();

    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.body.stage).toBe('screening');
    const history = await harness.dataSource.query(
      'SELECT seq, to_stage FROM stage_transitions WHERE organizer_id = $1 ORDER BY seq',
      [body.id],
    );
    expect(history).toEqual([
      { seq: 1, to_stage: 'applied' },
      { seq: 2, to_stage: 'screening' },
    ]);
    const state = await harness.temporal.workflow.getHandle(body.id).query<{ version: number }>('organizerState');
    expect(response.body.version).toBe(state.version);
  }, 120_000);

  it('raises a timer-driven reminder exactly once, and emails it once, when the worker dies while projecting it', async () => {
    const { body } = await admin.apply(program.id);
    const organizer = await admin.hireToActive(program, body.id);
    const overdueAt = Date.parse(organizer.pendingDebriefPeriods[0].overdueAt);
    await new Promise((r) => setTimeout(r, Math.max(0, overdueAt - Date.now() - 1_500)));
    const lock = await lockRow(body.id);
    await killMidProjection();
    await lock.release();
    worker = await startWorker();

    const id = `${body.id}:debrief_overdue:${organizer.pendingDebriefPeriods[0].start}`;
    const messageId = `<${createHash('sha256').update(`${id}\n${organizer.email}`).digest('hex').slice(0, 32)}@organizer-pipeline>`;
    await eventually('the reminder email', async () => smtp.messages.some((m) => m.messageId === messageId), 60_000);
    // Give a duplicate every chance to arrive before counting.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await harness.dataSource.query('SELECT kind FROM notifications WHERE id = $1', [id])).toEqual([
      { kind: 'debrief_overdue' },
    ]);
    expect(smtp.messages.filter((m) => m.messageId === messageId)).toHaveLength(1);
    const [{ n }] = await harness.dataSource.query(
      'SELECT count(*)::int AS n FROM notification_deliveries WHERE notification_id = $1',
      [id],
    );
    expect(n).toBe(1);
  }, 120_000);

  it('reports each person as they stand when a group session is retried after the worker died during it', async () => {
    const people: string[] = [];
    const names = new Map<string, string>();
    for (let i = 0; i < 4; i++) {
      const { body } = await admin.apply(program.id);
      people.push(body.id);
      names.set(body.id, body.name);
    }
    // An API that gives up on a workflow after 3 s, on the same task queue: it answers while the worker is away.
    const impatient = await AppHarness.start(
      { TEMPORAL_TASK_QUEUE: harness.config.temporal.taskQueue, TEMPORAL_UPDATE_TIMEOUT_MS: '3000' },
      { worker: false },
    );
    try {
      worker!.kill();
      await worker!.exited;
      const session = (api: AppHarness) =>
        api.http('POST', `/api/programs/${program.id}/group-screenings`, {
          token: admin.token,
          body: { at: soon(), location: 'Union hall', organizerIds: people },
          headers: { 'Idempotency-Key': 'screening-during-an-outage' },
        });
      const first = await session(impatient);
      expect(first.status).toBe(201);
      expect(first.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([false, false, false, false]);

      // Back: what the API gave up on may have been applied since. The retry (through an API that waits for the
      // worker to take its tasks again) tells what is true now.
      worker = await startWorker();
      const retried = await session(harness);
      expect(retried.body.id).toBe(first.body.id);
      expect(retried.body.results).toEqual(
        people.map((organizerId) => ({ organizerId, name: names.get(organizerId), ok: true, stage: 'screening' })),
      );
      // Scheduled once each: the late changes' rows come with their workflows' own projections.
      const scheduled = () =>
        harness.dataSource.query(
          `SELECT organizer_id, count(*)::int AS n FROM stage_transitions
            WHERE organizer_id = ANY ($1) AND to_stage = 'screening' GROUP BY organizer_id`,
          [people],
        );
      await eventually('every screening in the read model', async () => (await scheduled()).length === 4, 30_000);
      expect((await scheduled()).every((row: { n: number }) => row.n === 1)).toBe(true);
      const stored = await admin.ok('GET', `/api/group-sessions/${first.body.id}`);
      expect(stored.members.map((m: { outcome: { ok: boolean } }) => m.outcome.ok)).toEqual([true, true, true, true]);
    } finally {
      await impatient.stop();
    }
  }, 120_000);
});
