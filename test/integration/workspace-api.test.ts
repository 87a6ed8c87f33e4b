// What the coordinator's workspace stands on, over HTTP: the actions each caller may take now, organizer accounts
// made by coordinators, group screenings and group debriefs answered person by person (and retried safely), and the
// to-do list with its rules.
import { eventually } from '../support/eventually';
import { randomUUID } from 'node:crypto';
import { soon } from '../../dev/hiring-walk';
import { ApiClient, footprint, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { aFastHiringPolicy, aFastPolicy } from '../support/builders';

describe("the coordinator's workspace API", () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let national: ApiClient;
  let program: Program;
  let other: Program;

  beforeAll(async () => {
    // Debriefs weekly on the calendar (the AFT preset's Friday 17:00) over a year's term; hiring limits in seconds.
    ({ harness, admin, program } = await startAppWithProgram(aFastHiringPolicy()));
    other = await admin.createProgram();
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
    national = admin.as((await admin.createUser('national')).token);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const applicant = async (target: Program = program) => (await admin.apply(target.id)).body.id as string;
  const namesOf = async (ids: string[]) =>
    new Map(
      await Promise.all(
        ids.map(async (id) => [id, (await admin.ok('GET', `/api/organizers/${id}`)).name as string] as const),
      ),
    );

  it('says on the detail which actions this caller may take now', async () => {
    const id = await applicant();
    expect((await coordinator.ok('GET', `/api/organizers/${id}`)).allowedActions).toEqual([
      'schedule-screening',
      'reject',
      'withdraw',
      'set-languages',
    ]);
    expect((await national.ok('GET', `/api/organizers/${id}`)).allowedActions).toEqual([]);
    await admin.advanceTo(program, id, 'offered');
    const self = admin.as((await admin.createUser('organizer', { organizerId: id })).token);
    expect((await self.ok('GET', `/api/organizers/${id}`)).allowedActions).toEqual(['respond-offer', 'withdraw']);
    // The answer to an action carries the next set.
    const accepted = await self.ok('POST', `/api/organizers/${id}/respond-offer`, { accepted: true });
    expect(accepted.allowedActions).toEqual(['withdraw']);
  });

  it("lets a coordinator make and revoke accounts for their programs' organizers, and nothing else", async () => {
    const mine = await applicant();
    const theirs = await applicant(other);
    const created = await coordinator.call('POST', '/api/users', {
      email: `o-${randomUUID().slice(0, 8)}@example.org`,
      name: 'Ana Organizer',
      role: 'organizer',
      organizerId: mine,
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toEqual(expect.any(String));
    const elsewhere = await coordinator.call('POST', '/api/users', {
      email: `o-${randomUUID().slice(0, 8)}@example.org`,
      name: 'Not Mine',
      role: 'organizer',
      organizerId: theirs,
    });
    expect(elsewhere.status).toBe(403);
    const colleague = await coordinator.call('POST', '/api/users', {
      email: `c-${randomUUID().slice(0, 8)}@example.org`,
      name: 'A Colleague',
      role: 'coordinator',
      programIds: [program.id],
    });
    expect(colleague.status).toBe(403);
    const listed = await coordinator.ok('GET', `/api/users?programId=${program.id}`);
    expect(listed.items.map((u: { id: string }) => u.id)).toContain(created.body.id);
    expect((await coordinator.call('GET', `/api/users?programId=${other.id}`)).status).toBe(403);
    expect((await coordinator.call('GET', '/api/users')).status).toBe(403);
    const revoked = await coordinator.ok('POST', `/api/users/${created.body.id}/revoke`);
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect((await admin.as(created.body.token).call('GET', '/api/users/me')).status).toBe(401);
  });

  it('schedules a group screening of 10 and reports each person, the 2 refusals with their reasons', async () => {
    const invited = await Promise.all(Array.from({ length: 8 }, () => applicant()));
    const alreadyScheduled = await applicant();
    await admin.advanceTo(program, alreadyScheduled, 'screening');
    const gone = await applicant();
    await admin.ok('POST', `/api/organizers/${gone}/withdraw`, { reason: 'moved away' });
    const fromElsewhere = await applicant(other);
    const organizerIds = [...invited, alreadyScheduled, gone];
    const before = await footprint(harness, alreadyScheduled);
    const key = `screening-${randomUUID()}`;
    const body = { at: soon(), location: 'Local 12 hall', organizerIds };
    const created = await harness.http('POST', `/api/programs/${program.id}/group-screenings`, {
      token: coordinator.token,
      body,
      headers: { 'Idempotency-Key': key },
    });
    expect(created.status).toBe(201);
    const { id, results } = created.body as {
      id: string;
      results: { organizerId: string; name: string; ok: boolean }[];
    };
    expect(results.map((r) => r.organizerId)).toEqual(organizerIds);
    expect(results.filter((r) => r.ok)).toHaveLength(8);
    // Each by name, as the people read it.
    const names = await namesOf(organizerIds);
    expect(results.map((r) => r.name)).toEqual(organizerIds.map((organizerId) => names.get(organizerId)));
    expect(results.find((r) => r.organizerId === alreadyScheduled)).toEqual({
      organizerId: alreadyScheduled,
      name: names.get(alreadyScheduled),
      ok: false,
      stage: 'screening',
      message: expect.stringContaining('not possible in stage screening'),
    });
    expect(results.find((r) => r.organizerId === gone)).toEqual({
      organizerId: gone,
      name: names.get(gone),
      ok: false,
      stage: 'withdrawn',
      message: expect.stringContaining('stage is withdrawn, which is closed'),
    });
    expect(await footprint(harness, alreadyScheduled)).toEqual(before);
    for (const organizerId of invited)
      expect((await coordinator.ok('GET', `/api/organizers/${organizerId}`)).stage).toBe('screening');
    // The history says when, in the program's time: never an ISO instant.
    const history = (await coordinator.ok('GET', `/api/organizers/${invited[0]}`)).history;
    expect(history[history.length - 1].reason).toMatch(
      /^screening at Local 12 hall, \w+day, \w+ \d+, \d{4} at \d\d:\d\d \(America\/Chicago\)$/,
    );

    // The same request again (a retry after a lost answer): the first session, nothing scheduled twice.
    const transitions = await harness.dataSource.query(
      'SELECT count(*)::int AS n FROM stage_transitions WHERE organizer_id = ANY ($1)',
      [invited],
    );
    const retried = await harness.http('POST', `/api/programs/${program.id}/group-screenings`, {
      token: coordinator.token,
      body,
      headers: { 'Idempotency-Key': key },
    });
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(id);
    expect(retried.body.results).toEqual(expect.arrayContaining(results));
    expect(
      await harness.dataSource.query('SELECT count(*)::int AS n FROM stage_transitions WHERE organizer_id = ANY ($1)', [
        invited,
      ]),
    ).toEqual(transitions);

    // The sheet: six advance, one did not come, one came and does not go on; someone not invited is refused.
    const [noShow, notAdvanced, ...advancing] = invited;
    const uninvited = await applicant();
    const sheet = await coordinator.ok('POST', `/api/group-screenings/${id}/results`, {
      results: [
        ...advancing.map((organizerId) => ({ organizerId, attended: true, advance: true })),
        { organizerId: noShow, attended: false, advance: false },
        { organizerId: notAdvanced, attended: true, advance: false, notes: 'not this round' },
        { organizerId: fromElsewhere, attended: true, advance: true },
        { organizerId: uninvited, attended: true, advance: true },
      ],
    });
    const stageOf = (organizerId: string) =>
      sheet.results.find((r: { organizerId: string }) => r.organizerId === organizerId);
    for (const organizerId of advancing)
      expect(stageOf(organizerId)).toEqual({ organizerId, name: names.get(organizerId), ok: true, stage: 'role_play' });
    expect(stageOf(noShow)).toEqual({ organizerId: noShow, name: names.get(noShow), ok: true, stage: 'applied' });
    expect(stageOf(notAdvanced)).toEqual({
      organizerId: notAdvanced,
      name: names.get(notAdvanced),
      ok: true,
      stage: 'not_selected',
    });
    expect(stageOf(fromElsewhere)).toMatchObject({ ok: false, message: 'not in this screening session' });
    // Another program's person stays nameless here.
    expect(stageOf(fromElsewhere).name).toBeUndefined();
    expect(stageOf(uninvited)).toMatchObject({ ok: false, message: 'not in this screening session' });
    // Sent again, the sheet answers the same and records nothing twice.
    const again = await coordinator.ok('POST', `/api/group-screenings/${id}/results`, {
      results: advancing.map((organizerId) => ({ organizerId, attended: true, advance: true })),
    });
    expect(again.results.every((r: { ok: boolean; stage: string }) => r.ok && r.stage === 'role_play')).toBe(true);
    const session = await national.ok('GET', `/api/group-sessions/${id}`);
    expect(session).toMatchObject({ kind: 'screening', location: 'Local 12 hall' });
    expect(session.members).toHaveLength(10);
    expect(session.members.filter((m: { result: unknown }) => m.result)).toHaveLength(8);
    const listed = await coordinator.ok('GET', `/api/programs/${program.id}/group-sessions?kind=screening`);
    expect(listed.items.map((s: { id: string }) => s.id)).toContain(id);
  }, 120_000);

  it("refuses a session naming anyone outside the program, before storing anything: no one's name is shown", async () => {
    const mine = await applicant();
    const theirs = await applicant(other);
    const strangers = Array.from({ length: 200 }, () => randomUUID());
    const sessions = async () =>
      (
        await harness.dataSource.query(
          `SELECT count(DISTINCT s.id)::int AS sessions, count(m.organizer_id)::int AS members
             FROM group_sessions s LEFT JOIN group_session_members m ON m.session_id = s.id WHERE s.program_id = $1`,
          [program.id],
        )
      )[0];
    const before = await sessions();
    const mineBefore = await footprint(harness, mine);
    const attempts: [string, Record<string, unknown>][] = [
      [`/api/programs/${program.id}/group-screenings`, { at: soon(), location: 'hall', organizerIds: [mine, theirs] }],
      [`/api/programs/${program.id}/group-debriefs`, { heldAt: new Date().toISOString(), organizerIds: [theirs] }],
      [`/api/programs/${program.id}/group-screenings`, { at: soon(), location: 'hall', organizerIds: strangers }],
    ];
    for (const [path, body] of attempts) {
      const response = await harness.http('POST', path, { token: coordinator.token, body });
      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual([
        { field: 'organizerIds', reason: expect.stringContaining('are not applicants or organizers of this program') },
      ]);
    }
    expect(await sessions()).toEqual(before);
    expect(await footprint(harness, mine)).toEqual(mineBefore);
    const listed = await coordinator.ok('GET', `/api/programs/${program.id}/group-sessions`);
    const shown = JSON.stringify(listed);
    const theirName = (await admin.ok('GET', `/api/organizers/${theirs}`)).name;
    expect(shown).not.toContain(theirs);
    expect(shown).not.toContain(theirName);
  });

  it('records one in-person group debrief for 5: the group-debrief rule met for each, no weekly debrief made', async () => {
    const attendees = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const id = await applicant();
        await admin.hireToActive(program, id);
        return id;
      }),
    );
    const heldAt = new Date().toISOString();
    const created = await coordinator.ok('POST', `/api/programs/${program.id}/group-debriefs`, {
      heldAt,
      location: 'Union hall',
      organizerIds: attendees,
      notes: 'turf planning',
    });
    const names = await namesOf(attendees);
    expect(created.results).toEqual(
      attendees.map((organizerId) => ({ organizerId, name: names.get(organizerId), ok: true, stage: 'active' })),
    );
    for (const id of attendees) {
      const detail = await coordinator.ok('GET', `/api/organizers/${id}`);
      expect(detail.totals).toMatchObject({ groupDebriefs: 1, debriefs: 0 });
      expect(detail.debriefs).toEqual([]);
    }
    // One person's group debrief on its own: a session of one, which counts once; the same one again is refused.
    const single = await coordinator.call('POST', `/api/organizers/${attendees[0]}/record-group-debrief`, { heldAt });
    expect(single.status).toBe(200);
    expect(single.body.totals.groupDebriefs).toBe(2);
    const twice = await coordinator.call('POST', `/api/organizers/${attendees[0]}/record-group-debrief`, { heldAt });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('already recorded');
  }, 120_000);

  it('refuses a malformed session with a 400 naming the field, and changes nothing', async () => {
    const id = await applicant();
    const before = await footprint(harness, id);
    const cases: [Record<string, unknown>, Record<string, string>, RegExp][] = [
      [{ at: soon(), location: 'hall', organizerIds: [] }, {}, /organizerIds/],
      [{ at: soon(), location: 'hall', organizerIds: [id, id] }, {}, /organizerIds/],
      [{ at: 'tomorrow', location: 'hall', organizerIds: [id] }, {}, /at/],
      [{ at: '2001-01-01T10:00:00Z', location: 'hall', organizerIds: [id] }, {}, /at must be within a year/],
      [{ at: soon(), location: 'hall', organizerIds: [id] }, { 'Idempotency-Key': 'x'.repeat(201) }, /Idempotency-Key/],
    ];
    for (const [body, headers, message] of cases) {
      const response = await harness.http('POST', `/api/programs/${program.id}/group-screenings`, {
        token: coordinator.token,
        body,
        headers,
      });
      expect({ status: response.status, message: response.body.message }).toEqual({
        status: 400,
        message: expect.stringMatching(message),
      });
    }
    expect(await footprint(harness, id)).toEqual(before);
  });

  it("serves a program's board in one answer: open-stage cards with their deadlines, closed stages as counts", async () => {
    const fresh = await admin.createProgram({
      ...aFastPolicy(),
      stageSla: { applied: '2 days', screening: '14 days', role_play: '7 days' },
    });
    const [waiting, screened, gone] = await Promise.all([1, 2, 3].map(() => applicant(fresh)));
    const at = soon();
    await admin.ok('POST', `/api/organizers/${screened}/schedule-screening`, { at, location: 'hall' });
    await admin.ok('POST', `/api/organizers/${gone}/withdraw`, { reason: 'moved' });
    const board = await coordinator.call('GET', `/api/programs/${fresh.id}/board`);
    expect(board.status).toBe(403);
    const seen = await national.ok('GET', `/api/programs/${fresh.id}/board`);
    expect(seen.timezone).toBe('America/Chicago');
    expect(seen.closed).toEqual({ withdrawn: 1 });
    const card = (id: string) => seen.items.find((c: { id: string }) => c.id === id);
    expect(seen.items.map((c: { id: string }) => c.id).sort()).toEqual([waiting, screened].sort());
    const applied = card(waiting);
    expect(Date.parse(applied.stageDueAt) - Date.parse(applied.stageEnteredAt)).toBe(2 * 86_400_000);
    expect(card(screened)).toMatchObject({ stage: 'screening', nextDueAt: at });
    // A screening's limit counts from the screening's time, as the workflow's reminder does (not from scheduling it).
    expect(Date.parse(card(screened).stageDueAt) - Date.parse(at)).toBe(14 * 86_400_000);
    const presets = await coordinator.ok('GET', '/api/policy-presets');
    expect(presets.items.map((p: { kind: string }) => p.kind)).toEqual([
      'member_organizer',
      'political_organizer',
      'civic_engagement',
    ]);
  });

  it('lists what is due across the programs by deadline, each with its rule, period and action', async () => {
    const screened = await applicant();
    await admin.ok('POST', `/api/organizers/${screened}/schedule-screening`, {
      at: new Date(Date.now() - 3_600_000).toISOString(),
      location: 'hall',
    });
    const offered = await applicant();
    await admin.advanceTo(program, offered, 'offered');
    const active = await applicant();
    await admin.hireToActive(program, active);

    const inbox = await coordinator.ok('GET', `/api/inbox?programId=${program.id}`);
    const of = (organizerId: string) =>
      inbox.items.filter((i: { organizerId: string }) => i.organizerId === organizerId);
    // Each item names its program; a screening held an hour ago is to record, not overdue.
    const programName = (await admin.ok('GET', `/api/programs/${program.id}`)).name;
    expect(of(screened)).toEqual([
      expect.objectContaining({
        kind: 'screening_to_record',
        programId: program.id,
        programName,
        overdue: false,
        timezone: 'America/Chicago',
        action: 'record-screening',
        rule: expect.stringContaining('once it has been held'),
      }),
    ]);
    expect(of(offered)).toEqual([
      expect.objectContaining({
        kind: 'offer_expiring',
        action: 'respond-offer',
        rule: 'An offer lapses 60 seconds after it is made unless the applicant answers',
      }),
    ]);
    const debrief = of(active).find((i: { kind: string }) => i.kind === 'debrief_due');
    expect(debrief).toMatchObject({
      action: 'submit-debrief',
      period: { start: expect.any(String), end: expect.any(String) },
      rule: expect.stringMatching(/^A debrief for each period is due Fridays at 17:00 \(America\/Chicago\)/),
    });
    expect(debrief.dueAt).toBe(debrief.period.end);
    expect(debrief.overdue).toBe(false);
    const dues = inbox.items.map((i: { dueAt: string }) => i.dueAt);
    expect(dues).toEqual([...dues].sort());
    // National sees every program; a coordinator of another program sees none of this one; organizers have none.
    expect(
      (await national.ok('GET', '/api/inbox')).items.some((i: { organizerId: string }) => i.organizerId === screened),
    ).toBe(true);
    const outsider = admin.as((await admin.createUser('coordinator', { programIds: [other.id] })).token);
    expect((await outsider.call('GET', `/api/inbox?programId=${program.id}`)).status).toBe(403);
    expect(
      (await outsider.ok('GET', '/api/inbox')).items.some((i: { programId: string }) => i.programId === program.id),
    ).toBe(false);
  }, 120_000);

  it("dates a ride-along reminder by the window's close, as the workflow set it", async () => {
    // A 120-second window checked every tenth of it; twenty ride-alongs cannot be reached.
    const paced = await admin.createProgram(aFastPolicy({ requiredRideAlongs: 20 }));
    const paceCoordinator = admin.as((await admin.createUser('coordinator', { programIds: [paced.id] })).token);
    const id = (await admin.apply(paced.id)).body.id as string;
    const hired = await admin.hireToActive(paced, id);
    let item: { kind: string; dueAt: string; action: string } | undefined;
    await eventually(
      'the ride-along reminder on Today',
      async () => {
        const inbox = await paceCoordinator.ok('GET', `/api/inbox?programId=${paced.id}`);
        item = inbox.items.find(
          (i: { organizerId: string; kind: string }) => i.organizerId === id && i.kind === 'ride_alongs_behind',
        );
        return item !== undefined;
      },
      30_000,
    );
    expect(item).toMatchObject({ action: 'record-ride-along' });
    expect(item!.dueAt).toBe(new Date(Date.parse(hired.hiredAt) + 120_000).toISOString());
    // A longer window set since changes nothing the workflow said: Today does not recompute it from the policy now.
    await admin.ok('PATCH', `/api/programs/${paced.id}`, { policy: { rideAlongWindow: '240 seconds' } });
    const after = await paceCoordinator.ok('GET', `/api/inbox?programId=${paced.id}`);
    const same = after.items.find(
      (i: { organizerId: string; kind: string }) => i.organizerId === id && i.kind === 'ride_alongs_behind',
    );
    expect(same.dueAt).toBe(item!.dueAt);
  }, 60_000);
});
