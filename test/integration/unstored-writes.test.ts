// An action's result is written by the API that sent it, and by no activity of the workflow (issue 35): an API that
// dies between the update's answer and its write leaves a note, and the worker's sweep writes the result from the
// workflow within its interval. Nothing is lost, nothing is written twice, and the next action's write carries the
// change too.
import { randomUUID } from 'node:crypto';
import { anApplicationFor, walkTo } from '../../dev/hiring-walk';
import { freePort } from '../../dev/stack/ports';
import { WorkflowGateway } from '../../src/api/temporal/workflow.gateway';
import { sweepEveryMs } from '../../src/activities/unstored-writes-sweep';
import { OrganizerRepository } from '../../src/repositories/organizer.repository';
import { ReadModelReconciler } from '../../src/activities/read-model-reconciler';
import { ProductMetrics } from '../../src/metrics/product-metrics';
import { UnstoredWritesRepository } from '../../src/repositories/unstored-writes.repository';
import { adminToken, ApiClient, type Program } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { aCoordinator } from '../support/builders';
import { convergedDifferences, differences } from '../support/consistency';
import { eventually } from '../support/eventually';
import { HttpEndpoint } from '../support/http-endpoint';
import { startApiProcess } from '../support/product-processes';

/** Notes older than the update timeout are swept: short here, so the test waits seconds. */
const updateTimeoutMs = 2_000;

describe('results their caller did not write', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    harness = await AppHarness.start({ TEMPORAL_UPDATE_TIMEOUT_MS: String(updateTimeoutMs) });
    admin = new ApiClient(harness);
    program = await admin.createProgram({});
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const versionOf = async (id: string) => (await harness.app.get(OrganizerRepository).access(id))!.version;
  const notesOf = async (id: string): Promise<number> =>
    (await harness.dataSource.query('SELECT count(*)::int AS n FROM unstored_writes WHERE organizer_id = $1', [id]))[0]
      .n;
  const transitionsOf = async (id: string): Promise<number> =>
    (
      await harness.dataSource.query('SELECT count(*)::int AS n FROM stage_transitions WHERE organizer_id = $1', [id])
    )[0].n;

  /** What an API process does up to the update's answer, and then it dies: the note stays, nothing is written. */
  const actAndDie = async (id: string, step: { action: string; input: unknown }) => {
    const writeBy = Date.now() + updateTimeoutMs;
    const audit = { actor: aCoordinator.id, programId: program.id, kind: step.action, subject: id, after: {} };
    const note = await harness.app.get(UnstoredWritesRepository).note(id, new Date(writeBy), audit);
    return harness.app.get(WorkflowGateway).act(id, step.action as never, step.input as never, aCoordinator, {
      stores: { storedVersion: await versionOf(id), writeBy },
      updateId: note,
    });
  };

  it('leaves no note once an action through the API has answered: its write removed it', async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    const [screening] = walkTo(program.policy, 'role_play', { timeZone: program.timezone });
    await admin.act(id, screening.action, screening.input);
    expect(await notesOf(id)).toBe(0);
    expect(await transitionsOf(id)).toBe(2);
  }, 60_000);

  it('writes a result its caller died before writing, within the sweep interval, once', async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    const [screening, screened] = walkTo(program.policy, 'role_play', { timeZone: program.timezone });
    await admin.act(id, screening.action, screening.input);
    const before = await versionOf(id);
    const answered = await actAndDie(id, screened);
    expect(answered.version).toBe(before + 1);
    // The workflow spends no activity on it: the row stays behind until the sweep.
    await new Promise((resolve) => setTimeout(resolve, updateTimeoutMs / 2));
    expect(await versionOf(id)).toBe(before);
    const started = Date.now();
    await eventually(
      'the sweep to write it',
      async () => (await versionOf(id)) === answered.version || undefined,
      30_000,
    );
    const tookMs = Date.now() - started;
    // Once older than the update timeout, within a sweep interval and a pass (other harnesses' notes share the table).
    expect(tookMs).toBeLessThan(updateTimeoutMs + 2 * sweepEveryMs + 5_000);
    await eventually('its note cleared', async () => (await notesOf(id)) === 0 || undefined);
    expect(await differences(harness, [id])).toEqual([]);
    // Applied, screening scheduled, screened: each transition stored once, and each action audited once, the last
    // with the stage it left the record in.
    expect(await transitionsOf(id)).toBe(3);
    const audited = await harness.dataSource.query(
      'SELECT kind, after, at FROM audit_entries WHERE subject = $1 ORDER BY at',
      [id],
    );
    expect(audited).toEqual([
      { kind: 'application', after: { memberId: expect.any(String), stage: 'applied' }, at: expect.any(Date) },
      { kind: screening.action, after: expect.objectContaining({ stage: 'screening' }), at: expect.any(Date) },
      { kind: screened.action, after: { stage: answered.stage }, at: expect.any(Date) },
    ]);
    // Dated when it was noted, before the update was sent, not when the sweep stored it.
    expect(audited[2].at.getTime()).toBeLessThan(started - updateTimeoutMs / 2);
  }, 60_000);

  it("writes only what its note's own update committed, not a change another caller is still writing", async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    const [screening, screened] = walkTo(program.policy, 'role_play', { timeZone: program.timezone });
    await admin.act(id, screening.action, screening.input);
    const before = await versionOf(id);
    // An API process noted an action and died before sending it: its note is long past its caller's deadline.
    const note = await harness.app.get(UnstoredWritesRepository).note(id, new Date(Date.now() - 30_000));
    await harness.dataSource.query("UPDATE unstored_writes SET noted_at = now() - interval '1 minute' WHERE id = $1", [
      note,
    ]);
    // Meanwhile another caller's action (one that emails nobody, so the workflow writes nothing itself) is answered,
    // and that caller is still writing it (its deadline is far off).
    const writing = await harness.app
      .get(WorkflowGateway)
      .act(id, screened.action as never, screened.input as never, aCoordinator, {
        stores: { storedVersion: before, writeBy: Date.now() + 60_000 },
        updateId: randomUUID(),
      });
    await eventually('the dead note swept', async () => (await notesOf(id)) === 0 || undefined, 30_000);
    // The sweep found no result of that note's update, and wrote nothing: the change is its own caller's to write.
    expect(await versionOf(id)).toBe(before);
    await harness.app.get(OrganizerRepository).project(writing.projection!);
    expect(await versionOf(id)).toBe(writing.version);
    expect(await differences(harness, [id])).toEqual([]);
  }, 60_000);

  it("leaves a note alone until its caller's deadline, and writes an update that came late but within it", async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    const [screening, screened] = walkTo(program.policy, 'role_play', { timeZone: program.timezone });
    await admin.act(id, screening.action, screening.input);
    // A caller that waits longer than this worker's update timeout (another process's setting, or a call delayed by
    // retries): noted long ago, its deadline still ahead.
    const writeBy = Date.now() + 10_000;
    const notes = harness.app.get(UnstoredWritesRepository);
    const note = await notes.note(id, new Date(writeBy));
    await harness.dataSource.query("UPDATE unstored_writes SET noted_at = now() - interval '1 minute' WHERE id = $1", [
      note,
    ]);
    // A sweep pass goes by while its update has not reached the workflow yet: the note stays.
    await new Promise((resolve) => setTimeout(resolve, sweepEveryMs + 1_000));
    expect(await notesOf(id)).toBe(1);
    const answered = await harness.app
      .get(WorkflowGateway)
      .act(id, screened.action as never, screened.input as never, aCoordinator, {
        stores: { storedVersion: await versionOf(id), writeBy },
        updateId: note,
      });
    // The caller dies with the answer: past its deadline, the sweep writes it.
    await eventually(
      'the sweep to write it',
      async () => (await versionOf(id)) === answered.version || undefined,
      30_000,
    );
    await eventually('its note cleared', async () => (await notesOf(id)) === 0 || undefined);
    expect(await differences(harness, [id])).toEqual([]);
  }, 60_000);

  it('leaves a write whose note was given up to the reconcile pass, which writes it', async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    const [screening, screened] = walkTo(program.policy, 'role_play', { timeZone: program.timezone });
    await admin.act(id, screening.action, screening.input);
    const left = await actAndDie(id, screened);
    // The sweep gave up on its note (its workflow did not answer for an hour); the row has been quiet since.
    await harness.dataSource.query('DELETE FROM unstored_writes WHERE organizer_id = $1', [id]);
    await harness.dataSource.query("UPDATE organizers SET projected_at = now() - interval '2 hours' WHERE id = $1", [
      id,
    ]);
    const reconciler = new ReadModelReconciler(
      harness.app.get(OrganizerRepository),
      harness.temporal,
      harness.app.get(ProductMetrics),
    );
    expect(await reconciler.reconcile(id)).toBe('repaired');
    expect(await versionOf(id)).toBe(left.version);
    expect(await differences(harness, [id])).toEqual([]);
  }, 60_000);

  it("has the next action's write carry a change its caller left unwritten", async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    const [screening, screened] = walkTo(program.policy, 'role_play', { timeZone: program.timezone });
    const left = await actAndDie(id, screening);
    // A coordinator acts next, through the API, before any sweep: its write brings both changes.
    const detail = await admin.ok('POST', `/api/organizers/${id}/${screened.action}`, screened.input);
    expect(detail.version).toBe(left.version + 1);
    expect(await versionOf(id)).toBe(detail.version);
    expect(await transitionsOf(id)).toBe(3);
    expect(await differences(harness, [id])).toEqual([]);
  }, 60_000);

  it('converges after the API process is killed while 40 clients act through it', async () => {
    const port = await freePort();
    const env = { TEMPORAL_TASK_QUEUE: harness.config.temporal.taskQueue, ADMIN_TOKEN: adminToken };
    const api = await startApiProcess(port, env);
    const client = new ApiClient(new HttpEndpoint(`http://127.0.0.1:${port}`));
    // One after another: the harness's short update timeout must not refuse an application under the test's own load.
    const applied = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const { id, version } = await admin.ok(
        'POST',
        `/api/programs/${program.id}/applications`,
        anApplicationFor(`KILL-${i}-${Date.now()}`),
      );
      applied.set(id, version);
    }
    const ids = [...applied.keys()];
    const steps = walkTo(program.policy, 'active', { timeZone: program.timezone });
    let killed = false;
    const acting = ids.map(async (id: string) => {
      for (const { action, input } of steps) {
        if (killed) return;
        const response = await client.call('POST', `/api/organizers/${id}/${action}`, input).catch(() => undefined);
        if (!response || response.status !== 200) return;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    killed = true;
    await api.stop('SIGKILL');
    await Promise.all(acting);
    const left = (
      await harness.dataSource.query('SELECT count(*)::int AS n FROM unstored_writes WHERE organizer_id = ANY ($1)', [
        ids,
      ])
    )[0].n;
    process.stdout.write(`[unstored-writes] notes left by the killed API: ${left}\n`);
    // It died with actions in flight: some between their note and their write.
    expect(left).toBeGreaterThan(0);
    // Every change the workflows made is in the read models once the sweep has run, and no note is left.
    expect(await convergedDifferences(harness, ids, 45_000)).toEqual([]);
    await eventually(
      'the notes swept',
      async () =>
        (
          await harness.dataSource.query(
            'SELECT count(*)::int AS n FROM unstored_writes WHERE organizer_id = ANY ($1)',
            [ids],
          )
        )[0].n === 0 || undefined,
      30_000,
    );
    // Each action a workflow applied (one version each) is in the audit trail once, whichever process wrote it.
    const audited: { id: string; version: number; actions: number }[] = await harness.dataSource.query(
      `SELECT o.id, o.version,
         (SELECT count(*)::int FROM audit_entries a WHERE a.subject = o.id::text AND a.kind <> 'application') AS actions
       FROM organizers o WHERE o.id = ANY ($1)`,
      [ids],
    );
    expect(audited.filter(({ id, version, actions }) => actions !== version - applied.get(id)!)).toEqual([]);
  }, 120_000);
});
