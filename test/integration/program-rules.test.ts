import { randomUUID } from 'node:crypto';
// Issue 14 over HTTP: every input edge closed (each refusal names its field and changes nothing), the audit trail,
// the rubric and scores on the detail, ride-along dates, applications after the term, the failed sign-in limit behind
// a proxy, and CSV cells a spreadsheet cannot run.
import { request as httpRequest } from 'node:http';
import { localDay, rubricScores, soon } from '../../dev/hiring-walk';
import { csvCell } from '../../src/api/dashboard/dashboard.service';
import { adminToken, ApiClient, footprint, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { eventually } from '../support/eventually';

describe('program rules and input edges over HTTP', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram({}));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const programBody = (extra: Record<string, unknown>) => ({
    name: 'Rules',
    affiliate: 'AFT Local 1',
    kind: 'member_organizer',
    timezone: 'America/Chicago',
    termStart: '2026-01-05',
    ...extra,
  });

  it('stores a time zone under its canonical name whatever its case, and refuses an unknown one', async () => {
    for (const [given, stored] of [
      ['america/chicago', 'America/Chicago'],
      ['utc', 'UTC'],
      ['Europe/kyiv', 'Europe/Kyiv'],
    ]) {
      const created = await admin.call('POST', '/api/programs', programBody({ timezone: given }));
      expect({ given, status: created.status, timezone: created.body.timezone }).toEqual({
        given,
        status: 201,
        timezone: stored,
      });
    }
    const refused = await admin.call('POST', '/api/programs', programBody({ timezone: 'Nowhere/City' }));
    expect(refused.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'timezone must be an IANA time zone such as America/Chicago',
      problems: [{ field: 'timezone', reason: 'must be an IANA time zone such as America/Chicago' }],
    });
  });

  it('refuses a body of 60,000 fields while it is parsed, with a short error', async () => {
    const coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
    const huge = JSON.stringify(Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, i])));
    expect(huge.length).toBeLessThan(1_000_000);
    const response = await harness.http('POST', `/api/programs/${program.id}/applications`, {
      token: coordinator.token,
      raw: huge,
    });
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'the body has more than 100 fields',
    });
    const manyErrors = await admin.call(
      'POST',
      '/api/users',
      Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`x${i}`, i])),
    );
    expect(manyErrors.status).toBe(400);
    // Ten problems at most, in the message and again field by field.
    expect(manyErrors.body.problems).toHaveLength(10);
    expect(JSON.stringify(manyErrors.body).length).toBeLessThan(1_200);
    expect(manyErrors.body.message).toMatch(/; and \d+ more$/);
  });

  it('trims names, refuses blank ones, and treats member ids alike whatever their case and spaces', async () => {
    const blank = await admin.apply(program.id, { name: '   ' });
    expect(blank.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'name must be longer than or equal to 1 characters',
      problems: [{ field: 'name', reason: 'must be longer than or equal to 1 characters' }],
    });
    const first = await admin.apply(program.id, { memberId: 'sec-u1', name: '  Sam Lee  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ memberId: 'SEC-U1', name: 'Sam Lee' });
    const again = await admin.apply(program.id, { memberId: ' SEC-U1 ' });
    expect(again.status).toBe(409);
  });

  it('refuses goal names objects reserve instead of dropping them', async () => {
    const refused = await admin.call('PATCH', `/api/programs/${program.id}`, { goals: { toString: 1 } });
    expect(refused.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '"toString" is not allowed as a field name',
    });
    const oddName = await admin.call('PATCH', `/api/programs/${program.id}`, { goals: { '1st goal': 1 } });
    expect(oddName.status).toBe(400);
    expect(oddName.body.message).toMatch(/^goals must be an object of at most 50 entries, each named by a letter/);
  });

  it('bounds dates to the term, and hours to quarter hours', async () => {
    const { body } = await admin.apply(program.id);
    const before = await footprint(harness, body.id);
    const screening1900 = await admin.act(body.id, 'schedule-screening', {
      at: '1900-01-02T10:00:00Z',
      location: 'hall',
    });
    expect(screening1900.status).toBe(400);
    expect(screening1900.body.message).toMatch(/^at must be within a year of the program's term/);
    expect(await footprint(harness, body.id)).toEqual(before);

    const active = await admin.hireToActive(program, (await admin.apply(program.id)).body.id);
    const training2199 = await admin.act(active.id, 'record-ride-along', { date: '2199-01-01', staff: 'Jo' });
    expect(training2199.body.message).toMatch(/^date must be not in the future/);
    const debrief = {
      hours: 1e-320,
      conversations: 1,
      oneOnOnes: 0,
      leadersIdentified: 0,
      inPerson: false,
      group: false,
    };
    expect((await admin.act(active.id, 'submit-debrief', debrief)).body.message).toBe(
      'hours must be in quarter hours (such as 9.25)',
    );
    expect((await admin.act(active.id, 'submit-debrief', { ...debrief, hours: 9.3 })).status).toBe(400);
  });

  it('refuses a ride-along dated before the hire (422, naming the date)', async () => {
    const active = await admin.hireToActive(program, (await admin.apply(program.id)).body.id);
    const before = await footprint(harness, active.id);
    const early = await admin.act(active.id, 'record-ride-along', { date: '2025-06-01', staff: 'Jo' });
    expect(early.status).toBe(422);
    expect(early.body.message).toMatch(/^date 2025-06-01 is before the organizer was hired \(\d{4}-\d{2}-\d{2}\)$/);
    expect(await footprint(harness, active.id)).toEqual(before);
  });

  it('refuses a user for an organizer that does not exist', async () => {
    const refused = await admin.call('POST', '/api/users', {
      email: 'ghost@example.org',
      name: 'Ghost',
      role: 'organizer',
      organizerId: '00000000-0000-4000-8000-000000000001',
    });
    expect(refused.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'organizerId names an organizer that does not exist',
      problems: [{ field: 'organizerId', reason: 'names an organizer that does not exist' }],
    });
  });

  it('takes no application once the term has ended (422), from any route', async () => {
    const ended = await admin.call(
      'POST',
      '/api/programs',
      programBody({ termStart: '2025-01-06', termEnd: '2025-12-19' }),
    );
    const refused = await admin.apply(ended.body.id);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(
      /^the program's term ended Saturday, December 20, 2025 at 00:00 \(America\/Chicago\); it takes no more applications$/,
    );
    const [{ n }] = await harness.dataSource.query('SELECT count(*)::int AS n FROM organizers WHERE program_id = $1', [
      ended.body.id,
    ]);
    expect(n).toBe(0);
  });

  it('brings a lowered stage limit to people already in the stage: long past it, they are reminded at once', async () => {
    const limited = await admin.createProgram({ stageSla: { training: '21 days' } });
    const { body } = await admin.apply(limited.id);
    await admin.advanceTo(limited, body.id, 'training');
    const stalled = () =>
      harness.dataSource.query(
        `SELECT kind, summary FROM notifications WHERE organizer_id = $1 AND kind = 'stage_stalled'`,
        [body.id],
      );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await stalled()).toEqual([]);
    await admin.ok('PATCH', `/api/programs/${limited.id}`, { policy: { stageSla: { training: '1 second' } } });
    await eventually('the stage reminder', async () => (await stalled()).length === 1);
    expect((await stalled())[0].summary).toMatch(/has been in training since \w+day, .* \(America\/Chicago\)$/);
  });

  it("scores a role-play against the program's rubric and shows it, with who scored when and the program's zone", async () => {
    const { body } = await admin.apply(program.id);
    await admin.advanceTo(program, body.id, 'role_play');
    const partial = await admin.act(body.id, 'record-role-play', { scores: { listening: 4 }, decision: 'reject' });
    expect(partial.status).toBe(422);
    expect(partial.body.message).toMatch(/missing: agitation, asking for commitment, story of self$/);
    const scores = rubricScores(program.policy, 5);
    // A stipend in one form or the other, never both (400 naming the field, nothing done).
    const offer = { hoursPerWeek: 10, startDate: localDay() };
    const before = await footprint(harness, body.id);
    const both = await admin.act(body.id, 'record-role-play', {
      scores,
      decision: 'offer',
      offer: { ...offer, stipend: 1500, stipendMinor: 150000 },
    });
    expect([both.status, both.body.problems]).toEqual([
      400,
      [{ field: 'offer.stipendMinor', reason: 'give stipend or stipendMinor, not both' }],
    ]);
    expect(await footprint(harness, body.id)).toEqual(before);
    const scored = await admin.act(body.id, 'record-role-play', {
      scores,
      decision: 'offer',
      offer: { ...offer, stipendMinor: 150050 },
    });
    expect(scored.body.offer).toMatchObject({
      stipend: 1500.5,
      stipendMinor: 150050,
      currency: 'USD',
      stipendInWords: '1500.50 USD a month',
    });
    expect(scored.body).toMatchObject({
      stage: 'offered',
      timezone: 'America/Chicago',
      rolePlay: {
        scores,
        decision: 'offer',
        scoredBy: 'bootstrap-admin',
        scoredByInWords: 'the administrator (ADMIN_TOKEN)',
      },
    });
    expect(Date.parse(scored.body.rolePlay.scoredAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps an audit trail: the caller of an application, actions with their reason, program changes before and after, roster imports, users', async () => {
    const audited = await admin.createProgram({});
    const coordinatorUser = await admin.createUser('coordinator', { programIds: [audited.id] });
    const coordinator = admin.as(coordinatorUser.token);
    const { body } = await coordinator.apply(audited.id);
    await coordinator.ok('POST', `/api/organizers/${body.id}/schedule-screening`, { at: soon(), location: 'hall' });
    await coordinator.ok('POST', `/api/organizers/${body.id}/reject`, { reason: 'not this round' });
    await admin.ok('PATCH', `/api/programs/${audited.id}`, {
      policy: { escalateAfter: '3 days' },
      goals: { oneOnOnes: 200 },
    });
    await harness.http('POST', `/api/programs/${audited.id}/roster`, {
      token: adminToken,
      raw: 'memberId,name,local,status\nM-1,Ana,Local 1,active\nM-2,,Local 1,active',
      contentType: 'text/csv',
    });
    const trail = await coordinator.ok('GET', `/api/programs/${audited.id}/audit`);
    const kinds = trail.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual([
      'roster-imported',
      'program-changed',
      'reject',
      'schedule-screening',
      'application',
      'user-created',
      'program-created',
    ]);
    const [roster, change, reject, , application] = trail.items;
    expect(roster).toMatchObject({ actor: 'bootstrap-admin', after: { accepted: 1, rejected: 1 } });
    expect(change.before.policy.escalateAfter).toBe('2 days');
    // Goals are stored (and audited) typed: the old form given is converted.
    expect(change.after).toMatchObject({
      policy: { escalateAfter: '3 days' },
      goals: [{ name: 'oneOnOnes', metric: 'one_on_ones', scope: 'program', target: 200 }],
    });
    expect(reject).toMatchObject({
      actor: coordinatorUser.id,
      actorName: 'A coordinator',
      actorInWords: 'A coordinator, coordinator',
      subject: body.id,
      after: { reason: 'not this round' },
    });
    expect(application).toMatchObject({ actor: coordinatorUser.id, subject: body.id, after: { stage: 'applied' } });
    expect(trail.items.at(-1)).toMatchObject({
      actor: 'bootstrap-admin',
      actorInWords: 'the administrator (ADMIN_TOKEN)',
    });
    await admin.ok('POST', `/api/users/${coordinatorUser.id}/revoke`);
    // Everything, newest first (other suites write to the trail at the same time).
    const all = await admin.ok('GET', '/api/audit?limit=100');
    expect(all.items.find((e: { subject: string }) => e.subject === coordinatorUser.id)).toMatchObject({
      kind: 'user-revoked',
    });
    expect((await coordinator.call('GET', '/api/audit')).status).toBe(401);
  });

  it('quotes CSV cells holding a separator, quote, line break or tab, and defuses formulas even after white space', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\t=cmd')).toBe(`"'\t=cmd"`);
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('plain')).toBe('plain');
  });
});

describe('failed sign-ins behind a trusted proxy', () => {
  let harness: AppHarness;

  beforeAll(async () => {
    harness = await AppHarness.start({ TRUST_PROXY: 'loopback', AUTH_FAILURES_PER_MINUTE: '3' }, { worker: false });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const get = (forwardedFor: string, token: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${harness.baseUrl}/api/programs`,
        { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': forwardedFor } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('counts failures per client address (TRUST_PROXY), and never refuses a valid token', async () => {
    // Addresses of this run's own: the counts are kept in the database every test shares.
    const [client, elsewhere] = [randomUUID(), randomUUID()].map(
      (id) => `2001:db8::${id.slice(0, 4)}:${id.slice(4, 8)}`,
    );
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await get(client, `guess-${i}`));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(await get(elsewhere, 'guess-elsewhere')).toBe(401);
    expect(await get(client, adminToken)).toBe(200);
  });
});
