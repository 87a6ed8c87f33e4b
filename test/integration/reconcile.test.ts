// The reconciler: rows corrupted on purpose (ahead of their workflow, as projections from discarded tasks left them)
// are rewritten to the workflow's state by `npm run reconcile`; a repair never overwrites a row written after it was
// read; a pass run while actions flow leaves every row equal to its workflow; the daily Schedule exists.
import { join } from 'node:path';
import { ReadModelReconciler } from '../../src/activities/read-model-reconciler';
import { ProductMetrics } from '../../src/metrics/product-metrics';
import { ManagedProcess } from '../../dev/stack/managed-process';
import { projectRoot } from '../../dev/stack/settings';
import { OrganizerRepository } from '../../src/repositories/organizer.repository';
import { reconcileScheduleId, reconcileWorkflowType } from '../../src/contracts/reconcile';
import { organizerStateQuery } from '../../src/contracts/organizer-workflow';
import type { ReconcileSummary } from '../../src/contracts/activities';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { convergedDifferences, differences } from '../support/consistency';
import { afterNextDescribe } from '../support/interleave';
import { fire, raceActions, racePolicy, seededRandom } from '../support/race';

describe('reconciling read models with their workflows', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    harness = await AppHarness.start({ TEMPORAL_UPDATE_TIMEOUT_MS: '30000' });
    admin = new ApiClient(harness);
    program = await admin.createProgram(racePolicy);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const q = (sql: string, parameters: unknown[] = []) => harness.dataSource.query(sql, parameters);

  /** What a projection from a discarded task left: the row one version ahead in a stage never reached, records never made. */
  async function corrupt(organizerId: string, stage: string): Promise<void> {
    const [{ seq }] = await q('SELECT max(seq)::int AS seq FROM stage_transitions WHERE organizer_id = $1', [
      organizerId,
    ]);
    await q('UPDATE organizers SET stage = $2, version = version + 1, paused = true WHERE id = $1', [
      organizerId,
      stage,
    ]);
    await q(
      `INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor) VALUES ($1, $2, 'training', $3, now(), 'ghost')`,
      [organizerId, seq + 1, stage],
    );
    await q(
      `INSERT INTO trainings (organizer_id, training, completed_at, recorded_by) VALUES ($1, 'ghost training', now(), 'ghost')`,
      [organizerId],
    );
    await q(`UPDATE notifications SET resolved_at = now(), resolved_by = 'ghost' WHERE organizer_id = $1`, [
      organizerId,
    ]);
  }

  function runReconcileCommand(programId: string): Promise<{ code: number | null; output: string[] }> {
    const output: string[] = [];
    const command = new ManagedProcess({
      name: 'reconcile',
      command: process.execPath,
      args: [join(projectRoot, 'dist', 'reconcile.js'), '--program', programId, '--closed-within-days', '1'],
      env: { ...process.env, NODE_ENV: 'test' },
      onLine: (line) => output.push(line),
    });
    return command.exited.then((code) => ({ code, output }));
  }

  it('repairs rows corrupted on purpose, open and closed, and leaves equal ones alone (npm run reconcile)', async () => {
    // A ride-along window longer than the test: a timer that fired while a row is one version ahead would make the
    // very version the row claims, and its projection (a reminder) would be skipped as already stored, for good.
    const quiet = await admin.createProgram({ ...racePolicy, rideAlongWindow: '1 hour' });
    const [open, closed, untouched] = await Promise.all(
      [1, 2, 3].map(async () => (await admin.apply(quiet.id)).body.id as string),
    );
    await Promise.all([open, closed].map((id) => admin.advanceTo(quiet, id, 'training')));
    await admin.ok('POST', `/api/organizers/${open}/record-training`, {
      training: quiet.policy.requiredTrainings[0],
      completedAt: new Date().toISOString(),
    });
    await admin.ok('POST', `/api/organizers/${closed}/terminate`, { reason: 'did not report' });
    await corrupt(open, 'withdrawn');
    await corrupt(closed, 'withdrawn');
    expect((await differences(harness, [open, closed, untouched])).length).toBe(2);

    const { code, output } = await runReconcileCommand(quiet.id);
    expect(code).toBe(0);
    const log = output.join('\n');
    expect(log).toMatch(new RegExp(`repaired organizer ${open} to version \\d+: stage "withdrawn" → "training"`));
    expect(log).toMatch(new RegExp(`repaired organizer ${closed} to version \\d+: stage "withdrawn" → "terminated"`));
    expect(log).toMatch(/trainings not in the workflow: ghost training/);
    expect(log).toMatch(/checked \d+: \d+ equal, [2-9]\d* repaired/);
    // Converged, not at once: the program's own timers (its ride-along window) may move a workflow on meanwhile.
    expect(await convergedDifferences(harness, [open, closed, untouched], 15_000)).toEqual([]);
    // The ghost records are gone, and the history ends where the workflow is.
    expect(
      await q(`SELECT count(*)::int AS n FROM trainings WHERE recorded_by = 'ghost' AND organizer_id = ANY ($1)`, [
        [open, closed],
      ]),
    ).toEqual([{ n: 0 }]);
    const [last] = await q('SELECT to_stage FROM stage_transitions WHERE organizer_id = $1 ORDER BY seq DESC LIMIT 1', [
      closed,
    ]);
    expect(last.to_stage).toBe('terminated');
    // The dashboard's rollups follow the repaired rows.
    const [counts] = await q(
      `SELECT count(*) FILTER (WHERE stage = 'withdrawn')::int AS withdrawn FROM organizers WHERE program_id = $1`,
      [quiet.id],
    );
    const [rollup] = await q(
      `SELECT COALESCE(sum(organizers) FILTER (WHERE stage = 'withdrawn'), 0)::int AS withdrawn FROM program_stage_counts WHERE program_id = $1`,
      [quiet.id],
    );
    expect(rollup.withdrawn).toBe(counts.withdrawn);
  }, 120_000);

  it('never overwrites a row written after it was read (compare-and-set on the row as read)', async () => {
    const id = (await admin.apply(program.id)).body.id as string;
    await corrupt(id, 'withdrawn');
    const organizers = new OrganizerRepository(harness.dataSource);
    const stored = (await organizers.stored(id))!;
    const truth = await harness.temporal.workflow.getHandle(id).query(organizerStateQuery);
    // A write lands between the read and the repair.
    await q('UPDATE organizers SET flags = flags WHERE id = $1', [id]);
    expect(await organizers.repair(id, stored.token, truth)).toBeUndefined();
    expect(await q('SELECT stage FROM organizers WHERE id = $1', [id])).toEqual([{ stage: 'withdrawn' }]);
    // Read again, it repairs.
    expect(
      await new ReadModelReconciler(organizers, harness.temporal, harness.app.get(ProductMetrics)).reconcile(id),
    ).toBe('repaired');
    expect(await differences(harness, [id])).toEqual([]);
  });

  it('compares a closed record with the run it found ended, though a reopen starts a new run meanwhile', async () => {
    const { body } = await admin.apply(program.id);
    await admin.ok('POST', `/api/organizers/${body.id}/reject`, { reason: 'wrong row' });
    await harness.temporal.workflow.getHandle(body.id).result();
    // The reconciler is told the run has ended; before it reads that run's result, a coordinator reopens the record.
    let reopened: number | undefined;
    const restore = afterNextDescribe(harness.temporal, body.id, async () => {
      reopened = (await admin.act(body.id, 'reopen', { reason: 'the other click' })).status;
    });
    try {
      const reconciler = new ReadModelReconciler(
        new OrganizerRepository(harness.dataSource),
        harness.temporal,
        harness.app.get(ProductMetrics),
      );
      const outcome = await Promise.race([
        reconciler.reconcile(body.id),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10_000)),
      ]);
      expect([reopened, outcome]).toEqual([200, 'equal']);
    } finally {
      restore();
    }
    expect(await q('SELECT stage FROM organizers WHERE id = $1', [body.id])).toEqual([{ stage: 'applied' }]);
  });

  it('is safe to run while actions flow', async () => {
    const ids = await Promise.all(
      Array.from({ length: 8 }, async () => (await admin.apply(program.id)).body.id as string),
    );
    const organizers = ids.map((id) => ({ id, stage: 'applied' as const }));
    const reconciler = new ReadModelReconciler(
      new OrganizerRepository(harness.dataSource),
      harness.temporal,
      harness.app.get(ProductMetrics),
    );
    // What the reconciler says of a row it repaired or could not check, to show why.
    const warnings: string[] = [];
    (reconciler as unknown as { logger: { warn: (m: string) => void } }).logger.warn = (m) => void warnings.push(m);
    const passes: ReconcileSummary[] = [];
    let racing = true;
    const reconciling = (async () => {
      while (racing) passes.push(await reconciler.reconcileAll({ closedWithinDays: 1, programId: program.id }));
    })();
    await fire(admin, raceActions(seededRandom(7), program, organizers));
    racing = false;
    await reconciling;
    expect(passes.length).toBeGreaterThan(0);
    if (warnings.length) process.stdout.write(`[reconcile while racing] ${warnings.join('\n')}\n`);
    // Never a repair of a row that is only behind or ahead of a moving workflow. A row it could not check (its
    // workflow did not answer a query in time under the race's load) is left as it is for the next pass.
    expect(passes.reduce((n, pass) => n + pass.repaired, 0)).toBe(0);
    expect(warnings.filter((w) => !w.includes('not checked'))).toEqual([]);
    expect(await convergedDifferences(harness, ids)).toEqual([]);
  }, 120_000);

  it('runs as a daily Temporal Schedule, whose workflow does the same pass', async () => {
    const schedule = await harness.temporal.schedule.getHandle(reconcileScheduleId).describe();
    expect(schedule.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 3, end: 3, step: 1 }] });
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: reconcileWorkflowType });
    const summary = await harness.temporal.workflow.execute(reconcileWorkflowType, {
      taskQueue: harness.config.temporal.taskQueue,
      workflowId: `reconcile-test-${Date.now()}`,
      args: [{ closedWithinDays: 1, programId: program.id }],
    });
    expect(summary).toMatchObject({ checked: expect.any(Number), repaired: 0, failed: 0 });
    expect((summary as ReconcileSummary).checked).toBeGreaterThan(0);
  });
});
