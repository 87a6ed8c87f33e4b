// Every 4xx of docs/api.md, each over HTTP, each leaving the organizer exactly as it was (stage, version, rows).
import { payPresets } from '../../src/domain/pay';
import { ApiClient, footprint, Program } from '../support/api-client';
import { rubricScores, soon } from '../../dev/hiring-walk';
import { AppHarness, HttpResult, startAppWithProgram } from '../support/app-harness';

describe('refusals over HTTP change nothing', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let coordinator: ApiClient;
  let otherCoordinator: ApiClient;
  let active: string; // an organizer in stage active, owned by `organizer`
  let applied: string; // an organizer in stage applied
  let training: string; // an organizer in stage training
  let withdrawn: string; // a closed organizer
  let organizer: ApiClient;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram({}));
    const other = await admin.createProgram({});
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
    otherCoordinator = admin.as((await admin.createUser('coordinator', { programIds: [other.id] })).token);
    [active, applied, training, withdrawn] = await Promise.all(
      [1, 2, 3, 4].map(async () => (await coordinator.apply(program.id)).body.id as string),
    );
    await coordinator.hireToActive(program, active);
    await coordinator.ok('POST', `/api/organizers/${training}/schedule-screening`, {
      at: soon(),
      location: 'hall',
    });
    await coordinator.ok('POST', `/api/organizers/${training}/record-screening`, { attended: true, advance: true });
    await coordinator.ok('POST', `/api/organizers/${training}/record-role-play`, {
      scores: rubricScores(program.policy, 3),
      decision: 'offer',
      offer: { hoursPerWeek: 10, startDate: '2027-02-01' },
    });
    await coordinator.ok('POST', `/api/organizers/${training}/respond-offer`, { accepted: true });
    await coordinator.ok('POST', `/api/organizers/${withdrawn}/withdraw`, { reason: 'moved' });
    await coordinator.ok('POST', `/api/organizers/${active}/submit-debrief`, {
      hours: 8,
      conversations: 12,
      oneOnOnes: 2,
      leadersIdentified: 1,
      inPerson: true,
      group: false,
    });
    organizer = admin.as((await admin.createUser('organizer', { organizerId: active })).token);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const debrief = { hours: 8, conversations: 12, oneOnOnes: 2, leadersIdentified: 1, inPerson: true, group: false };

  /** Sends the request and checks its status and body shape, and that the organizer's footprint did not move. */
  async function refused(
    organizerId: () => string,
    request: () => Promise<HttpResult>,
    statusCode: number,
    message: RegExp,
  ): Promise<void> {
    const before = await footprint(harness, organizerId());
    const response = await request();
    expect({ status: response.status, body: response.body }).toEqual({
      status: statusCode,
      body: {
        statusCode,
        error: expect.any(String),
        message: expect.stringMatching(message),
        ...(response.body.problems ? { problems: expect.any(Array) } : {}),
      },
    });
    expect(await footprint(harness, organizerId())).toEqual(before);
  }

  const cases: [string, () => string, () => Promise<HttpResult>, number, RegExp][] = [
    [
      '400 a field out of range',
      () => active,
      () => coordinator.act(active, 'submit-debrief', { ...debrief, hours: -1 }),
      400,
      /^hours must not be less than 0$/,
    ],
    [
      '400 a field of the wrong type',
      () => active,
      () => coordinator.act(active, 'submit-debrief', { ...debrief, conversations: 'many' }),
      400,
      /conversations must be an integer/,
    ],
    [
      '400 an unknown field',
      () => applied,
      () => coordinator.act(applied, 'schedule-screening', { at: soon(), location: 'hall', room: 4 }),
      400,
      /^room is not a field this route accepts$/,
    ],
    [
      '400 an invalid date',
      () => applied,
      () => coordinator.act(applied, 'schedule-screening', { at: '2027-02-30', location: 'hall' }),
      400,
      /^at must be an ISO-8601 date/,
    ],
    [
      '400 a missing nested field',
      () => active,
      () => coordinator.act(active, 'submit-debrief', { hours: 1 }),
      400,
      /conversations/,
    ],
    [
      '400 a score out of range',
      () => applied,
      () => coordinator.act(applied, 'record-role-play', { scores: { a: 6 }, decision: 'reject' }),
      400,
      /^scores must map/,
    ],
    [
      '400 an offer decision without an offer',
      () => applied,
      () => coordinator.act(applied, 'record-role-play', { scores: { a: 3 }, decision: 'offer' }),
      400,
      /^offer is required when decision is offer$/,
    ],
    [
      '400 malformed JSON',
      () => applied,
      () => harness.http('POST', `/api/organizers/${applied}/reject`, { token: coordinator.token, raw: '{"reason": ' }),
      400,
      /JSON/,
    ],
    [
      '401 no token',
      () => applied,
      () => harness.http('POST', `/api/organizers/${applied}/reject`, { body: { reason: 'x' } }),
      401,
      /sign in, or send a bearer token/,
    ],
    [
      '401 an unknown token',
      () => applied,
      () => admin.as('op_not-a-real-token').act(applied, 'reject', { reason: 'x' }),
      401,
      /unknown or revoked/,
    ],
    [
      '403 a coordinator of another program',
      () => applied,
      () => otherCoordinator.act(applied, 'reject', { reason: 'x' }),
      403,
      /do not coordinate this program/,
    ],
    [
      '403 an organizer on another record',
      () => applied,
      () => organizer.act(applied, 'withdraw', { reason: 'x' }),
      403,
      /only on your own record/,
    ],
    [
      '403 an organizer taking a coordinator action',
      () => active,
      () => organizer.act(active, 'pause', {}),
      403,
      /organizer may not do this/,
    ],
    [
      '403 a coordinator reading another program',
      () => applied,
      () => otherCoordinator.call('GET', `/api/organizers/${applied}`),
      403,
      /may not read this organizer/,
    ],
    [
      '404 an unknown organizer',
      () => applied,
      () => coordinator.act('00000000-0000-4000-8000-000000000000', 'reject', { reason: 'x' }),
      404,
      /no organizer/,
    ],
    [
      '404 a malformed organizer id',
      () => applied,
      () => coordinator.act('not-an-id', 'reject', { reason: 'x' }),
      404,
      /no organizer with that id/,
    ],
    [
      '404 an unknown program',
      () => applied,
      () => coordinator.apply('00000000-0000-4000-8000-000000000000'),
      404,
      /no program/,
    ],
    ['404 an unknown action', () => applied, () => coordinator.act(applied, 'promote', {}), 404, /Cannot POST/],
    [
      '409 an action the stage does not allow',
      () => applied,
      () =>
        coordinator.act(applied, 'record-training', { training: 'orientation', completedAt: new Date().toISOString() }),
      409,
      /not possible in stage applied/,
    ],
    [
      '409 an action on a closed record',
      () => withdrawn,
      () => coordinator.act(withdrawn, 'schedule-screening', { at: soon(), location: 'hall' }),
      409,
      /withdrawn/,
    ],
    [
      '409 a second debrief for the same period',
      () => active,
      () => organizer.act(active, 'submit-debrief', { ...debrief, periodStart: undefined }),
      409,
      /already submitted/,
    ],
    [
      '409 resuming an organizer who is not paused',
      () => active,
      () => coordinator.act(active, 'resume', {}),
      409,
      /not paused/,
    ],
    [
      '409 the same member applying twice',
      () => applied,
      async () => {
        const [{ member_id: memberId }] = await harness.dataSource.query(
          'SELECT member_id FROM organizers WHERE id = $1',
          [applied],
        );
        return coordinator.apply(program.id, { memberId });
      },
      409,
      /already applied/,
    ],
    [
      '422 a training the program does not list',
      () => training,
      () =>
        coordinator.act(training, 'record-training', { training: 'juggling', completedAt: new Date().toISOString() }),
      422,
      /not one the program requires/,
    ],
    [
      '413 a body over 1 MB',
      () => applied,
      () => coordinator.act(applied, 'reject', { reason: 'x'.repeat(1_100_000) }),
      413,
      /too large|larger than the limit/,
    ],
    [
      '415 a roster that is not CSV',
      () => applied,
      () => coordinator.call('POST', `/api/programs/${program.id}/roster`, { rows: [] }),
      415,
      /text\/csv/,
    ],
  ];

  it.each(cases)('%s', async (_, organizerId, request, status, message) => {
    await refused(organizerId, request, status, message);
  });

  it('refuses pausing twice with 409 and changes nothing the second time', async () => {
    const { body } = await coordinator.apply(program.id);
    await coordinator.hireToActive(program, body.id);
    expect((await coordinator.act(body.id, 'pause', { reason: 'leave' })).status).toBe(200);
    const paused = await footprint(harness, body.id);
    const again = await coordinator.act(body.id, 'pause', { reason: 'again' });
    expect(again.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'the organizer is already paused' });
    expect(await footprint(harness, body.id)).toEqual(paused);
  });

  it('refuses a second user with the same email with 409', async () => {
    const email = 'dup@example.org';
    expect((await admin.call('POST', '/api/users', { email, name: 'One', role: 'national' })).status).toBe(201);
    const again = await admin.call('POST', '/api/users', { email: 'DUP@example.org', name: 'Two', role: 'national' });
    expect(again.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'a user with email dup@example.org already exists',
    });
    const [{ n }] = await harness.dataSource.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(n).toBe(1);
  });

  it("clears a program's term end, national contact and pay with null, and refuses a malformed one naming it", async () => {
    const paid = await admin.createProgram(
      { pay: payPresets.member_organizer },
      { termEnd: '2027-06-30', nationalContactEmail: 'national@example.org' },
    );
    const before = await admin.ok('GET', `/api/programs/${paid.id}`);
    expect(before).toMatchObject({ nationalContactEmail: 'national@example.org', policy: { pay: expect.any(Object) } });
    expect(before.termEnd).toMatch(/^2027-0[67]/);
    for (const [body, field] of [
      [{ nationalContactEmail: 'not an address' }, 'nationalContactEmail'],
      [{ nationalContactEmail: 'x'.repeat(310) + '@example.org' }, 'nationalContactEmail'],
      [{ termEnd: 'next June' }, 'termEnd'],
      [{ policy: { pay: 'none' } }, 'policy.pay'],
    ] as const) {
      const refused = await admin.call('PATCH', `/api/programs/${paid.id}`, body);
      expect([refused.status, refused.body.message]).toEqual([400, expect.stringContaining(field)]);
    }
    expect(await admin.ok('GET', `/api/programs/${paid.id}`)).toEqual(before);

    await admin.ok('PATCH', `/api/programs/${paid.id}`, {
      termEnd: null,
      nationalContactEmail: null,
      policy: { pay: null },
    });
    const cleared = await admin.ok('GET', `/api/programs/${paid.id}`);
    expect(cleared).toMatchObject({ termEnd: null, nationalContactEmail: null });
    expect(cleared.policy.pay ?? null).toBeNull();
  });

  it('refuses a policy that would fire at once or never, naming the field, and changes nothing', async () => {
    const before = await admin.ok('GET', `/api/programs/${program.id}`);
    const response = await admin.call('PATCH', `/api/programs/${program.id}`, {
      policy: { debriefGrace: '0 seconds', termLength: '2000 days' },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(
      'policy.debriefGrace must be at least 1 second (a shorter one would fire at once); policy.termLength must be at most 5 years',
    );
    expect(await admin.ok('GET', `/api/programs/${program.id}`)).toEqual(before);
  });
});
