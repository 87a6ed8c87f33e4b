// Two worker processes and two API processes on one Temporal and one PostgreSQL (issue 19, #10): the integrity race
// sent half to each API, while both workers poll the same task queue. Nothing is lost or done twice: every read model
// equals its workflow, every 200 reports a committed state, no reminder row or email is duplicated, and each
// reminder emailed went out once.
import type { ManagedProcess } from '../../dev/stack/managed-process';
import type { NotificationKind } from '../../src/domain/organizer';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { convergedDifferences, uncommittedAnswers } from '../support/consistency';
import { eventually } from '../support/eventually';
import { expectAnswers, fire, racePolicy, raceSeed, seededRace, tally } from '../support/race';
import { startSmtpServer } from '../support/smtp';
import { uniqueTaskQueue } from '../support/workflow-harness';
import { startWorkerProcess } from '../support/product-processes';

describe('two workers and two APIs', () => {
  const seed = raceSeed('two-of-each');
  const taskQueue = uniqueTaskQueue('two');
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let apis: AppHarness[] = [];
  let workers: ManagedProcess[] = [];
  let program: Program;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const env = { TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_UPDATE_TIMEOUT_MS: '60000', SMTP_URL: smtp.url };
    apis = [await AppHarness.start(env, { worker: false }), await AppHarness.start(env, { worker: false })];
    workers = await Promise.all([1, 2].map(() => startWorkerProcess(taskQueue, { SMTP_URL: smtp.url })));
    program = await new ApiClient(apis[0]).createProgram(racePolicy);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(apis.map((a) => a.stop()));
    await smtp?.close();
  }, 120_000);

  it('loses nothing and does nothing twice', async () => {
    const [first, second] = apis.map((api) => new ApiClient(api));
    const { organizerIds: ids, burst } = await seededRace(first, program, 4, seed);
    // Every other action through the second API.
    const outcomes = (
      await Promise.all([
        fire(
          first,
          burst.filter((_, i) => i % 2 === 0),
        ),
        fire(
          second,
          burst.filter((_, i) => i % 2 === 1),
        ),
      ])
    ).flat();
    process.stdout.write(`[two-of-each] ${burst.length} actions: ${JSON.stringify(tally(outcomes))}\n`);
    expectAnswers(outcomes, 'two-of-each', [0, 200, 409, 422]);
    expect(await uncommittedAnswers(apis[0], outcomes)).toEqual([]);
    expect(await convergedDifferences(apis[1], ids)).toEqual([]);

    // Reminders: one row per deterministic id (the key is the table's): nothing reminded of twice under two ids, and
    // each emailed reminder sent once. (An invitation or a cancellation is raised by an action, one per move of the
    // screening: two moves answered in one workflow task share its instant, and are two invitations.)
    const db = apis[0].dataSource;
    const byAction: NotificationKind[] = ['screening_invitation', 'screening_cancelled'];
    const twice = await db.query(
      `SELECT organizer_id, kind, recipient_role, created_at, array_agg(id) AS ids FROM notifications
        WHERE organizer_id = ANY ($1) AND kind <> ALL ($2)
        GROUP BY organizer_id, kind, recipient_role, created_at HAVING count(*) > 1`,
      [ids, byAction],
    );
    expect(twice).toEqual([]);
    const [{ rows }] = await db.query(`SELECT count(*)::int AS rows FROM notifications WHERE organizer_id = ANY ($1)`, [
      ids,
    ]);
    // Mail settles: the count stays the same for three seconds.
    let seen = -1;
    await eventually(
      'the emails to settle',
      async () => {
        await new Promise((r) => setTimeout(r, 3_000));
        const now = smtp.messages.length;
        const settled = now === seen;
        seen = now;
        return settled;
      },
      90_000,
    );
    const [{ deliveries }] = await db.query(
      `SELECT count(*)::int AS deliveries FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE n.organizer_id = ANY ($1)`,
      [ids],
    );
    const messageIds = smtp.messages.map((m) => m.messageId).filter(Boolean);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    process.stdout.write(
      `[two-of-each] ${rows} notifications on ${ids.length} organizers, ${deliveries} deliveries, ${messageIds.length} emails, none twice\n`,
    );
  }, 300_000);
});
