// The HTTP API as coordinators and organizers use it, against the real worker, Temporal dev server and PostgreSQL.
import { ApiClient, Program } from '../support/api-client';
import { anApplicationFor, eligibleAttestations, localDay, soon, walkStages } from '../../dev/hiring-walk';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { eventually } from '../support/eventually';

describe('hiring over HTTP', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let coordinator: ApiClient;
  let coordinatorId: string;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram({}));
    const user = await admin.createUser('coordinator', { programIds: [program.id] });
    coordinatorId = user.id;
    coordinator = admin.as(user.token);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('takes three applicants through the whole hiring path to active; one is not selected; one withdraws', async () => {
    const applicants = await Promise.all([1, 2, 3, 4, 5].map(() => coordinator.apply(program.id)));
    for (const response of applicants) {
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        programId: program.id,
        stage: 'applied',
        version: 1,
        history: [{ seq: 1, from: null, to: 'applied', actor: coordinatorId }],
      });
    }
    const [a, b, c, rejected, withdrawing] = applicants.map((r) => r.body.id as string);

    for (const id of [a, b, c]) {
      const detail = await coordinator.hireToActive(program, id);
      expect(detail.stage).toBe('active');
      expect(detail.history.map((h: { to: string }) => h.to)).toEqual(walkStages);
      expect(detail.trainings.map((t: { training: string }) => t.training).sort()).toEqual(
        [...program.policy.requiredTrainings].sort(),
      );
      expect(detail.rideAlongs).toHaveLength(1);
      expect(detail.nextDebriefDueAt).toBeDefined();
      expect(detail.pendingDebriefPeriods).toHaveLength(1);
      expect(detail.offer).toBeNull();
      expect(detail.hiredAt).not.toBeNull();
    }

    await coordinator.ok('POST', `/api/organizers/${rejected}/schedule-screening`, {
      at: soon(),
      location: 'hall',
    });
    const notSelected = await coordinator.ok('POST', `/api/organizers/${rejected}/reject`, {
      reason: 'not ready this round',
    });
    expect(notSelected).toMatchObject({
      stage: 'not_selected',
      history: expect.arrayContaining([
        expect.objectContaining({ to: 'not_selected', reason: 'not ready this round' }),
      ]),
    });

    const organizer = admin.as((await admin.createUser('organizer', { organizerId: withdrawing })).token);
    const own = await organizer.ok('GET', `/api/organizers/${withdrawing}`);
    expect(own.stage).toBe('applied');
    const withdrawn = await organizer.ok('POST', `/api/organizers/${withdrawing}/withdraw`, {
      reason: 'took a new job',
    });
    expect(withdrawn.stage).toBe('withdrawn');
    expect(withdrawn.history.at(-1)).toMatchObject({ from: 'applied', to: 'withdrawn', reason: 'took a new job' });

    const list = await coordinator.ok('GET', `/api/programs/${program.id}/organizers?limit=10`);
    expect(list.total).toBe(5);
    const active = await coordinator.ok('GET', `/api/programs/${program.id}/organizers?stage=active`);
    expect(active.items.map((o: { id: string }) => o.id).sort()).toEqual([a, b, c].sort());
    const paged = await coordinator.ok('GET', `/api/programs/${program.id}/organizers?limit=2&offset=4`);
    expect(paged).toMatchObject({ total: 5, items: [expect.any(Object)] });
  });

  it('records an ineligible applicant with the reasons, and uses the roster when the program has one', async () => {
    const ineligible = await coordinator.apply(program.id, { attestations: { currentMember: true, weeklyHours: 4 } });
    expect(ineligible.status).toBe(201);
    expect(ineligible.body.stage).toBe('ineligible');
    expect(ineligible.body.ineligibleReasons).toEqual([
      'did not attest to driversLicense',
      'did not attest to insuredVehicle',
      'did not attest to fullTerm',
      'did not attest to doorKnocking',
      'commits 4 hours a week; the program asks 10',
    ]);

    const rostered = await admin.createProgram({});
    const roster =
      'memberId,name,local,status\nR-1,Rosa Díaz,Local 12,active\nR-2,Sam Okafor,Local 12,lapsed\n,No Id,Local 12,active\nR-1,Again,Local 12,active\n';
    const imported = await harness.http('POST', `/api/programs/${rostered.id}/roster`, {
      token: admin.token,
      raw: roster,
      contentType: 'text/csv',
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({
      accepted: 2,
      rejected: [
        { line: 4, reason: 'memberId is empty' },
        { line: 5, reason: 'memberId R-1 repeats line 2' },
      ],
      rejectedCount: 2,
    });
    expect((await admin.apply(rostered.id, { memberId: 'R-1' })).body.stage).toBe('applied');
    expect((await admin.apply(rostered.id, { memberId: 'R-2' })).body.ineligibleReasons).toEqual([
      'roster status is lapsed, not active',
    ]);
    expect((await admin.apply(rostered.id, { memberId: 'R-9' })).body.ineligibleReasons).toEqual([
      "not on the program's member roster",
    ]);
  });

  it('reads its own writes: 100 action → GET pairs in a row', async () => {
    const { body } = await coordinator.apply(program.id);
    await coordinator.hireToActive(program, body.id);
    const roundTrips: number[] = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      const acted = await coordinator.act(body.id, 'record-ride-along', {
        date: localDay(program.timezone),
        staff: `Staff ${i}`,
      });
      roundTrips.push(performance.now() - started);
      expect(acted.status).toBe(200);
      const read = await coordinator.ok('GET', `/api/organizers/${body.id}`);
      expect(read.rideAlongs).toHaveLength(i + 2);
      expect(read.version).toBe(acted.body.version);
    }
    roundTrips.sort((x, y) => x - y);
    process.stdout.write(
      `[api] action round trip over HTTP: p50 ${roundTrips[49].toFixed(1)} ms, p99 ${roundTrips[98].toFixed(1)} ms (100 actions)\n`,
    );
  });

  it('turns 10 concurrent identical applications into one 201 and nine 409s, one workflow, one row', async () => {
    const application = anApplicationFor('M-SAME-1', { attestations: { ...eligibleAttestations, weeklyHours: 12 } });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        coordinator.call('POST', `/api/programs/${program.id}/applications`, application),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const conflict = responses.find((r) => r.status === 409)!;
    expect(conflict.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'this member has already applied to this program',
    });
    const rows = await harness.dataSource.query('SELECT id FROM organizers WHERE program_id = $1 AND member_id = $2', [
      program.id,
      'M-SAME-1',
    ]);
    expect(rows).toHaveLength(1);
    // Visibility is eventually consistent: wait for the listing to settle, then it must hold exactly one run.
    const runs = await eventually('the workflow listing', async () => {
      const found = [];
      for await (const wf of harness.temporal.workflow.list({ query: `WorkflowId = '${rows[0].id}'` }))
        found.push(wf.runId);
      return found.length > 0 && found;
    });
    expect(runs).toHaveLength(1);
  });

  it('reaches running organizers with a policy change and a term end changed together', async () => {
    const { body } = await coordinator.apply(program.id);
    const changed = await admin.ok('PATCH', `/api/programs/${program.id}`, {
      policy: { escalateAfter: '3 days', stageSla: { applied: '2 days' } },
      termEnd: '2027-12-15',
      goals: { turnoutPercent: 20 },
    });
    expect(changed.policy.escalateAfter).toBe('3 days');
    expect(changed.policy.stageSla).toEqual({
      applied: '2 days',
      screening: '14 days',
      role_play: '7 days',
      training: '21 days',
      ride_along: '21 days',
    });
    expect(changed.goals).toEqual([{ name: 'turnoutPercent', note: 20 }]);
    const state = await harness.temporal.workflow
      .getHandle(body.id)
      .query<{ policy: { escalateAfter: string }; termEnd?: string }>('organizerState');
    expect(state.policy.escalateAfter).toBe('3 days');
    expect(state.termEnd).toBe(changed.termEnd);
  });

  it('applies two policy changes sent at once, one after the other, and every organizer ends with both', async () => {
    const { body } = await coordinator.apply(program.id);
    const [first, second] = await Promise.all([
      admin.call('PATCH', `/api/programs/${program.id}`, { policy: { debriefGrace: '2 days' } }),
      admin.call('PATCH', `/api/programs/${program.id}`, { policy: { escalateAfter: '4 days' } }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const now = await admin.ok('GET', `/api/programs/${program.id}`);
    expect(now.policy).toMatchObject({ debriefGrace: '2 days', escalateAfter: '4 days' });
    const state = await harness.temporal.workflow
      .getHandle(body.id)
      .query<{ policy: { debriefGrace: string; escalateAfter: string } }>('organizerState');
    expect(state.policy).toMatchObject({ debriefGrace: '2 days', escalateAfter: '4 days' });
  });

  it('reschedules a screening: a new time and place, for coordinators, only while it is scheduled', async () => {
    const id = (await coordinator.apply(program.id)).body.id as string;
    const path = (action: string) => `/api/organizers/${id}/${action}`;
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    // Nothing to reschedule before a screening is scheduled.
    const early = await coordinator.call('POST', path('reschedule-screening'), { at, location: 'hall' });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/only in screening/);

    await coordinator.ok('POST', path('schedule-screening'), { at: soon(), location: 'hall' });
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const moved = await coordinator.ok('POST', path('reschedule-screening'), { at: later, location: 'Local 7 office' });
    expect(moved).toMatchObject({ stage: 'screening', screening: { at: later, location: 'Local 7 office' } });
    expect(moved.allowedActions).toContain('reschedule-screening');
    expect(moved.actionForms.find((f: { action: string }) => f.action === 'reschedule-screening').fields).toEqual([
      expect.objectContaining({ name: 'at', kind: 'moment', required: true }),
      expect.objectContaining({ name: 'location', kind: 'line', value: 'Local 7 office' }),
    ]);

    // The same time and place again changes nothing and says so; a bad body names its field; organizers may not.
    const same = await coordinator.call('POST', path('reschedule-screening'), {
      at: later,
      location: 'Local 7 office',
    });
    expect(same.status).toBe(409);
    const bad = await coordinator.call('POST', path('reschedule-screening'), { at: 'next week', location: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field)).toEqual(['at']);
    const own = admin.as((await admin.createUser('organizer', { organizerId: id })).token);
    expect((await own.call('POST', path('reschedule-screening'), { at, location: 'hall' })).status).toBe(403);
    const audit = await admin.ok('GET', `/api/programs/${program.id}/audit?limit=200`);
    expect(
      audit.items.filter((e: { subject: string }) => e.subject === id).map((e: { kind: string }) => e.kind),
    ).toEqual(['reschedule-screening', 'schedule-screening', 'application']);
  });
});
