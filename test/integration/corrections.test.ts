// A way back from mistakes over HTTP (issue 29): closed records reopened, as a coordinator's client would, against the
// real workflow. A record whose run has ended gets a new run under the same id that goes on from its last state.
import { ApiClient, type Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { aFastPolicy, attestations } from '../support/builders';
import { eventually } from '../support/eventually';
import { afterNextDescribe } from '../support/interleave';

describe('reopening a closed record', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let coordinator: ApiClient;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram({}));
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** The runs of a record's workflow, oldest first, once its first run has ended. */
  async function runs(organizerId: string): Promise<string[]> {
    const found: { status: string; startTime: Date }[] = [];
    for await (const run of harness.temporal.workflow.list({ query: `WorkflowId = '${organizerId}'` }))
      found.push({ status: run.status.name, startTime: run.startTime });
    return found.sort((a, b) => a.startTime.getTime() - b.startTime.getTime()).map((r) => r.status);
  }

  const ended = (organizerId: string) =>
    eventually(`the run of ${organizerId} to end`, async () => (await runs(organizerId))[0] === 'COMPLETED');

  const reopen = (organizerId: string, body: unknown) => coordinator.act(organizerId, 'reopen', body);

  it('checks an ineligible application again with its answers corrected, in a new run, one timeline', async () => {
    const { body: applied } = await coordinator.apply(program.id, {
      attestations: attestations({ driversLicense: false, insuredVehicle: false }),
    });
    expect(applied.stage).toBe('ineligible');
    expect(applied.ineligibleInWords).toEqual([
      'You said you do not have a driver’s license.',
      'You said you do not have an insured vehicle.',
    ]);
    await ended(applied.id);

    const still = await reopen(applied.id, {
      reason: 'two boxes left unticked on the phone',
      attestations: attestations({ insuredVehicle: false }),
    });
    expect(still.status).toBe(409);
    expect(still.body.message).toBe('still not eligible: did not attest to insuredVehicle');
    expect((await coordinator.ok('GET', `/api/organizers/${applied.id}`)).stage).toBe('ineligible');

    const reopened = await reopen(applied.id, {
      reason: 'two boxes left unticked on the phone',
      attestations: attestations(),
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ stage: 'applied', ineligibleReasons: [], ineligibleInWords: [] });
    expect(reopened.body.history.map((t: { to: string }) => t.to)).toEqual(['ineligible', 'applied']);
    expect(reopened.body.history[1]).toMatchObject({ reason: 'two boxes left unticked on the phone' });
    expect(await runs(applied.id)).toEqual(['COMPLETED', 'RUNNING']);
    // The new run takes the record on: hiring goes on from here.
    const scheduled = await coordinator.act(applied.id, 'schedule-screening', {
      at: new Date(Date.now() + 86_400_000).toISOString(),
      location: 'Local 1 hall',
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.history.map((t: { to: string }) => t.to)).toEqual(['ineligible', 'applied', 'screening']);
  });

  it('takes a withdrawn hire back to where they were, owing their debriefs again', async () => {
    const { body } = await coordinator.apply(program.id);
    await coordinator.hireToActive(program, body.id);
    await coordinator.ok('POST', `/api/organizers/${body.id}/withdraw`, { reason: 'moved away' });
    await ended(body.id);
    const back = await coordinator.ok('POST', `/api/organizers/${body.id}/reopen`, {
      reason: 'withdrawal entered on the wrong person',
    });
    expect(back.stage).toBe('active');
    expect(back.history.map((t: { to: string }) => t.to).slice(-2)).toEqual(['withdrawn', 'active']);
    await eventually('a debrief owed again', async () => {
      const detail = await coordinator.ok('GET', `/api/organizers/${body.id}`);
      return detail.pendingDebriefPeriods.length > 0;
    });
  });

  it('takes a rejected or declined application back to applied; refuses it twice, on an open record, by an organizer', async () => {
    const { body: rejected } = await coordinator.apply(program.id);
    await coordinator.ok('POST', `/api/organizers/${rejected.id}/reject`, { reason: 'clicked on the wrong row' });
    await ended(rejected.id);
    const organizer = admin.as((await admin.createUser('organizer', { organizerId: rejected.id })).token);
    expect((await organizer.act(rejected.id, 'reopen', { reason: 'me' })).status).toBe(403);
    const [first, second] = await Promise.all([
      reopen(rejected.id, { reason: 'clicked on the wrong row' }),
      reopen(rejected.id, { reason: 'clicked on the wrong row' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect((await coordinator.ok('GET', `/api/organizers/${rejected.id}`)).history.length).toBe(3);
    expect((await reopen(rejected.id, { reason: 'again' })).status).toBe(409);

    const { body: offered } = await coordinator.apply(program.id);
    await coordinator.advanceTo(program, offered.id, 'offered');
    await coordinator.ok('POST', `/api/organizers/${offered.id}/respond-offer`, { accepted: false });
    expect((await coordinator.ok('POST', `/api/organizers/${offered.id}/reopen`, { reason: 'misclicked' })).stage).toBe(
      'applied',
    );
  });

  it('refuses a reopen that found the run ended just before another reopen started the new one', async () => {
    const { body } = await coordinator.apply(program.id);
    await coordinator.ok('POST', `/api/organizers/${body.id}/reject`, { reason: 'wrong row' });
    await ended(body.id);
    // The interleaving two reopens sent at once can take: this one is told the run has ended, and before it goes on,
    // the other one starts the new run.
    let other: number | undefined;
    const restore = afterNextDescribe(harness.temporal, body.id, async () => {
      other = (await reopen(body.id, { reason: 'the other click' })).status;
    });
    try {
      const late = await reopen(body.id, { reason: 'wrong row' });
      expect([other, late.status, late.body.message]).toEqual([200, 409, expect.stringContaining('applied')]);
    } finally {
      restore();
    }
  });

  it("refuses once the member's data is erased, or the program's term has ended", async () => {
    const { body: gone } = await coordinator.apply(program.id);
    const erased = await admin.ok('POST', `/api/organizers/${gone.id}/erase`);
    const refused = await coordinator.act(erased.organizerId, 'reopen', { reason: 'undo' });
    expect([refused.status, refused.body.message]).toEqual([
      409,
      "the member's data was erased; their record can no longer change",
    ]);

    const short = await admin.createProgram();
    const { body } = await admin.apply(short.id);
    await admin.ok('POST', `/api/organizers/${body.id}/reject`, { reason: 'no' });
    await admin.ok('PATCH', `/api/programs/${short.id}`, { termEnd: new Date(Date.now() + 2_000).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const late = await admin.act(body.id, 'reopen', { reason: 'too late' });
    expect([late.status, late.body.message]).toEqual([
      409,
      "the program's term has ended: a record cannot be reopened after it",
    ]);
  });

  it('undoes a screening result recorded wrong, even one that closed the record, and refuses a second undo', async () => {
    const { body } = await coordinator.apply(program.id);
    await coordinator.advanceTo(program, body.id, 'screening');
    const closed = await coordinator.ok('POST', `/api/organizers/${body.id}/record-screening`, {
      attended: true,
      advance: false,
    });
    expect(closed.stage).toBe('not_selected');
    expect(closed.allowedActions).toEqual(expect.arrayContaining(['revert-step', 'reopen']));
    expect(Date.parse(closed.undoUntil) - Date.now()).toBeGreaterThan(47 * 3_600_000);
    await ended(body.id);
    const undone = await coordinator.ok('POST', `/api/organizers/${body.id}/revert-step`, {
      reason: 'result clicked on the wrong row',
    });
    expect(undone.stage).toBe('screening');
    expect(undone.history.map((t: { to: string }) => t.to)).toEqual([
      'applied',
      'screening',
      'not_selected',
      'screening',
    ]);
    expect(undone.allowedActions).not.toContain('revert-step');
    expect(undone.undoUntil).toBeUndefined();
    const again = await coordinator.act(body.id, 'revert-step', { reason: 'again' });
    expect([again.status, again.body.message]).toEqual([
      409,
      'revert-step is not possible in stage screening (only in applied, role_play, not_selected, offered, training, ride_along, active, declined)',
    ]);
    // The record goes on: the result recorded right this time.
    expect(
      (await coordinator.ok('POST', `/api/organizers/${body.id}/record-screening`, { attended: true, advance: true }))
        .stage,
    ).toBe('role_play');
  });

  it('takes back a training recorded on the wrong person: its record gone, the undoing in the history', async () => {
    const { body } = await coordinator.apply(program.id);
    await coordinator.advanceTo(program, body.id, 'training');
    const training = program.policy.requiredTrainings[0];
    const trained = await coordinator.ok('POST', `/api/organizers/${body.id}/record-training`, {
      training,
      completedAt: new Date().toISOString(),
    });
    expect(trained.trainings.map((t: { training: string }) => t.training)).toEqual([training]);
    expect(trained.allowedActions).toContain('revert-step');
    const undone = await coordinator.ok('POST', `/api/organizers/${body.id}/revert-step`, {
      reason: 'recorded for the wrong trainee',
    });
    expect(undone).toMatchObject({ stage: 'training', trainings: [] });
    expect(undone.history.at(-1)).toMatchObject({
      from: 'training',
      to: 'training',
      reason: 'recorded for the wrong trainee',
    });
    const rows = await harness.dataSource.query('SELECT training FROM trainings WHERE organizer_id = $1', [body.id]);
    expect(rows).toEqual([]);
    // Recorded again, it stands again.
    const again = await coordinator.ok('POST', `/api/organizers/${body.id}/record-training`, {
      training,
      completedAt: new Date().toISOString(),
    });
    expect(again.trainings).toHaveLength(1);
  });

  it('refuses to take back the ride-along that made the organizer active', async () => {
    const { body } = await coordinator.apply(program.id);
    const active = await coordinator.advanceTo(program, body.id, 'active');
    expect(active.undoUntil).toBeUndefined();
    const refused = await coordinator.act(body.id, 'revert-step', { reason: 'wrong person' });
    expect([refused.status, refused.body.message]).toEqual([
      409,
      'the last step (record-ride-along) made the organizer active: their debriefs and pay follow from it',
    ]);
  });

  it("refuses an undo outside the program's correction window", async () => {
    const quick = await admin.createProgram(aFastPolicy({ correctionWindow: '2 seconds' }));
    const { body } = await admin.apply(quick.id);
    await admin.advanceTo(quick, body.id, 'role_play');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const late = await admin.act(body.id, 'revert-step', { reason: 'too late' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/is older than the program's correction window \(2 seconds\)$/);
  });

  /** Deletes every run of a record's workflow, as Temporal does past its retention, and waits until it is gone. */
  async function forget(organizerId: string): Promise<void> {
    const { namespace } = harness.config.temporal;
    const handle = harness.temporal.workflow.getHandle(organizerId);
    await eventually(
      `the runs of ${organizerId} gone`,
      async () => {
        const { runId } = await handle.describe().catch(() => ({ runId: undefined }));
        if (!runId) return true;
        await harness.temporal.workflowService
          .deleteWorkflowExecution({ namespace, workflowExecution: { workflowId: organizerId, runId } })
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 500));
        return false;
      },
      // The dev server deletes a run in its own time (some 25 s each, longer on a loaded machine).
      150_000,
    );
  }

  it("reopens an application whose runs Temporal no longer keeps, from the read model; a hire's it refuses", async () => {
    const { body } = await coordinator.apply(program.id);
    await coordinator.ok('POST', `/api/organizers/${body.id}/reject`, { reason: 'clicked the wrong row' });
    await ended(body.id);
    await forget(body.id);
    const back = await coordinator.ok('POST', `/api/organizers/${body.id}/reopen`, { reason: 'clicked the wrong row' });
    expect(back.stage).toBe('applied');
    expect(back.history.map((t: { seq: number; to: string }) => [t.seq, t.to])).toEqual([
      [1, 'applied'],
      [2, 'not_selected'],
      [3, 'applied'],
    ]);
    expect(await runs(body.id)).toEqual(['RUNNING']);

    const { body: hire } = await coordinator.apply(program.id);
    await coordinator.hireToActive(program, hire.id);
    await coordinator.ok('POST', `/api/organizers/${hire.id}/withdraw`, { reason: 'moved' });
    await ended(hire.id);
    await forget(hire.id);
    const refused = await coordinator.act(hire.id, 'reopen', { reason: 'wrong person' });
    expect([refused.status, refused.body.message]).toEqual([
      409,
      "this record's history is no longer kept, and a hire cannot be reopened from the read model alone",
    ]);
    expect((await coordinator.ok('GET', `/api/organizers/${hire.id}`)).stage).toBe('withdrawn');
    // The dev server deletes runs in its own time: some 25 s each.
  }, 360_000);
});
