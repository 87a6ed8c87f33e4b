// Bad input over every route that takes a body: never a 5xx, never a changed record; text that looks like SQL or
// markup is stored verbatim and comes back verbatim.
import { randomUUID } from 'node:crypto';
import { anApplicationFor, localDay, rubricScores, soon } from '../../dev/hiring-walk';
import { ApiClient, footprint, Program } from '../support/api-client';
import { AppHarness, HttpResult, startAppWithProgram } from '../support/app-harness';

const injections = [
  "Robert'); DROP TABLE organizers;--",
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '" OR 1=1 --',
  '${7*7} {{7*7}} %s %n',
  'Zoë Ünïcødé — 組合 🤝',
];

describe('bad input', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let organizerId: string;
  const tally = { requests: 0, fiveHundreds: 0 };

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram({}));
    organizerId = (await admin.apply(program.id)).body.id;
  });

  afterAll(async () => {
    process.stdout.write(`[bad-input] ${tally.requests} requests, ${tally.fiveHundreds} answered 5xx\n`);
    await harness?.stop();
  });

  async function send(
    method: string,
    path: string,
    options: { body?: unknown; raw?: string; contentType?: string },
  ): Promise<HttpResult> {
    const response = await harness.http(method, path, { token: admin.token, ...options });
    tally.requests += 1;
    if (response.status >= 500) tally.fiveHundreds += 1;
    return response;
  }

  // Every route with a body: a valid body, and the text fields to abuse.
  const routes: {
    route: string;
    method: string;
    path: () => string;
    body: () => Record<string, unknown>;
    text: string[];
  }[] = [
    {
      route: 'POST /api/users',
      method: 'POST',
      path: () => '/api/users',
      body: () => ({ email: `u-${randomUUID()}@example.org`, name: 'N', role: 'national' }),
      text: ['name'],
    },
    {
      route: 'POST /api/programs',
      method: 'POST',
      path: () => '/api/programs',
      body: () => ({
        name: 'P',
        affiliate: 'A',
        kind: 'member_organizer',
        timezone: 'America/Chicago',
        termStart: '2027-01-01',
      }),
      text: ['name', 'affiliate'],
    },
    {
      route: 'PATCH /api/programs/:id',
      method: 'PATCH',
      path: () => `/api/programs/${program.id}`,
      body: () => ({ goals: { note: 'x' } }),
      text: [],
    },
    {
      route: 'POST /api/programs/:id/applications',
      method: 'POST',
      path: () => `/api/programs/${program.id}/applications`,
      body: () => ({
        memberId: `M-${randomUUID().slice(0, 8)}`,
        name: 'N',
        email: 'n@example.org',
        local: 'Local 1',
        attestations: { currentMember: true, weeklyHours: 10 },
      }),
      text: ['name', 'local'],
    },
    {
      route: 'POST /api/organizers/:id/schedule-screening',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/schedule-screening`,
      body: () => ({ at: soon(), location: 'hall' }),
      text: ['location'],
    },
    {
      route: 'POST /api/organizers/:id/record-screening',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/record-screening`,
      body: () => ({ attended: true, advance: true, notes: 'n' }),
      text: ['notes'],
    },
    {
      route: 'POST /api/organizers/:id/record-role-play',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/record-role-play`,
      body: () => ({ scores: rubricScores(program.policy, 3), decision: 'reject', notes: 'n' }),
      text: ['notes'],
    },
    {
      route: 'POST /api/organizers/:id/respond-offer',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/respond-offer`,
      body: () => ({ accepted: true }),
      text: [],
    },
    {
      route: 'POST /api/organizers/:id/record-training',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/record-training`,
      body: () => ({ training: 'orientation', completedAt: new Date().toISOString() }),
      text: ['training'],
    },
    {
      route: 'POST /api/organizers/:id/record-ride-along',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/record-ride-along`,
      body: () => ({ date: localDay(program.timezone), staff: 'Jo', notes: 'n' }),
      text: ['staff', 'notes'],
    },
    {
      route: 'POST /api/organizers/:id/submit-debrief',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/submit-debrief`,
      body: () => ({
        hours: 5,
        conversations: 3,
        oneOnOnes: 1,
        leadersIdentified: 0,
        inPerson: true,
        group: false,
        notes: 'n',
      }),
      text: ['notes'],
    },
    {
      route: 'POST /api/organizers/:id/submit-timesheet',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/submit-timesheet`,
      body: () => ({
        periodStart: new Date().toISOString(),
        entries: [{ date: localDay(program.timezone), hours: 2.5, kind: 'organizing' }],
        miles: 4.5,
        allowances: { phone: 1500 },
      }),
      text: [],
    },
    {
      route: 'POST /api/organizers/:id/approve-pay-period',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/approve-pay-period`,
      body: () => ({ periodStart: new Date().toISOString() }),
      text: [],
    },
    {
      route: 'POST /api/programs/:id/vouchers',
      method: 'POST',
      path: () => `/api/programs/${program.id}/vouchers`,
      body: () => ({ through: localDay(program.timezone), local: 'Local 1' }),
      text: ['local'],
    },
    {
      route: 'POST /api/vouchers/:id/return',
      method: 'POST',
      path: () => `/api/vouchers/${randomUUID()}/return`,
      body: () => ({ reason: 'r' }),
      text: ['reason'],
    },
    {
      route: 'POST /api/organizers/:id/pause',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/pause`,
      body: () => ({ reason: 'r' }),
      text: ['reason'],
    },
    {
      route: 'POST /api/organizers/:id/resume',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/resume`,
      body: () => ({ reason: 'r' }),
      text: ['reason'],
    },
    {
      route: 'POST /api/organizers/:id/reject',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/reject`,
      body: () => ({ reason: 'r' }),
      text: ['reason'],
    },
    {
      route: 'POST /api/organizers/:id/withdraw',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/withdraw`,
      body: () => ({ reason: 'r' }),
      text: ['reason'],
    },
    {
      route: 'POST /api/organizers/:id/terminate',
      method: 'POST',
      path: () => `/api/organizers/${organizerId}/terminate`,
      body: () => ({ reason: 'r' }),
      text: ['reason'],
    },
  ];

  const abuses: [
    string,
    (r: (typeof routes)[number]) => { body?: unknown; raw?: string; contentType?: string },
    number[],
  ][] = [
    ['malformed JSON', () => ({ raw: '{"a": [1, 2' }), [400]],
    ['a JSON array', () => ({ body: [1, 2, 3] }), [400]],
    ['a JSON string', () => ({ raw: '"hello"' }), [400]],
    [
      'wrong types everywhere',
      (r) => ({ body: Object.fromEntries(Object.keys(r.body()).map((k) => [k, { nested: ['x'] }])) }),
      [400],
    ],
    ['an unknown field', (r) => ({ body: { ...r.body(), isAdmin: true } }), [400]],
    [
      'a prototype-pollution key',
      (r) => ({ raw: JSON.stringify(r.body()).replace(/^\{/, '{"__proto__": {"admin": true},') }),
      [400],
    ],
    ['a NUL character in text', (r) => ({ body: { ...r.body(), [r.text[0] ?? 'extra']: 'Sam\u0000Okafor' } }), [400]],
    ['half a surrogate pair in text', (r) => ({ body: { ...r.body(), [r.text[0] ?? 'extra']: 'Sam \ud83e' } }), [400]],
    ['a body over 1 MB', (r) => ({ body: { ...r.body(), padding: 'x'.repeat(1_200_000) } }), [413]],
    [
      'a very long string',
      (r) => ({
        body: r.text.length
          ? { ...r.body(), [r.text[0]]: 'y'.repeat(20_000) }
          : { ...r.body(), extra: 'y'.repeat(20_000) },
      }),
      [400],
    ],
    ['null for every field', (r) => ({ body: Object.fromEntries(Object.keys(r.body()).map((k) => [k, null])) }), [400]],
    [
      'form-encoded instead of JSON',
      () => ({ raw: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }),
      [415],
    ],
    ['plain text instead of JSON', () => ({ raw: 'hello', contentType: 'text/plain' }), [415]],
  ];

  const cases = routes.flatMap((route) =>
    abuses.map(([name, make, statuses]) => [route.route, name, route, make, statuses] as const),
  );

  it.each(cases)('%s with %s: a clear 4xx and nothing changed', async (_, __, route, make, statuses) => {
    const before = await footprint(harness, organizerId);
    const programBefore = (await admin.call('GET', `/api/programs/${program.id}`)).body;
    const response = await send(route.method, route.path(), make(route));
    expect(statuses).toContain(response.status);
    expect(response.body).toEqual({
      statusCode: response.status,
      error: expect.any(String),
      message: expect.any(String),
      // A 400 about fields names each (the page shows each next to its field).
      ...(response.body.problems
        ? { problems: expect.arrayContaining([{ field: expect.any(String), reason: expect.any(String) }]) }
        : {}),
    });
    expect(await footprint(harness, organizerId)).toEqual(before);
    expect((await admin.call('GET', `/api/programs/${program.id}`)).body).toEqual(programBefore);
  });

  it('names the field whose text the database could not store, in a body and in a roster', async () => {
    const application = {
      memberId: 'M-NUL',
      name: 'N',
      email: 'n@example.org',
      attestations: { currentMember: true, weeklyHours: 10 },
    };
    const nul = await send('POST', `/api/programs/${program.id}/applications`, {
      body: { ...application, name: 'Sam\u0000' },
    });
    expect(nul.body).toMatchObject({
      statusCode: 400,
      message: 'name contains a NUL character or an unpaired surrogate, which cannot be stored',
    });
    const rostered = await admin.createProgram({});
    const roster = await send('POST', `/api/programs/${rostered.id}/roster`, {
      raw: 'memberId,name,local,status\nM-1,Ana\u0000,Local 1,active\nM-2,Bo,Local 1,active\n',
      contentType: 'text/csv',
    });
    expect(roster.status).toBe(200);
    expect(roster.body).toEqual({
      accepted: 1,
      rejected: [{ line: 2, reason: 'name contains a NUL character or an unpaired surrogate' }],
      rejectedCount: 1,
    });
  });

  it.each(injections)('stores %p verbatim and returns it verbatim', async (text) => {
    const created = await send('POST', `/api/programs/${program.id}/applications`, {
      body: anApplicationFor(`M-${randomUUID().slice(0, 8)}`, { name: text, email: 'i@example.org', local: text }),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await send('POST', `/api/organizers/${id}/schedule-screening`, {
      body: { at: soon(), location: text },
    });
    const rejected = await send('POST', `/api/organizers/${id}/reject`, { body: { reason: text } });
    expect(rejected.status).toBe(200);
    const detail = (await admin.call('GET', `/api/organizers/${id}`)).body;
    expect(detail.name).toBe(text);
    expect(detail.local).toBe(text);
    expect(detail.screening.location).toBe(text);
    expect(detail.history.at(-1).reason).toBe(text);
    const program2 = await send('POST', '/api/programs', {
      body: { name: text, affiliate: text, kind: 'civic_engagement', timezone: 'UTC', termStart: '2027-01-01' },
    });
    expect(program2.body).toMatchObject({ name: text, affiliate: text });
    // The tables are all still there.
    const [{ n }] = await harness.dataSource.query('SELECT count(*)::int AS n FROM organizers');
    expect(n).toBeGreaterThan(0);
  });

  it.each([
    ['an impossible date', { termStart: '2027-02-30' }, /termStart must be an ISO-8601 date/],
    ['a date with garbage', { termStart: '2027-01-01; DROP TABLE programs' }, /termStart must be an ISO-8601 date/],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, /timezone must be an IANA time zone/],
    [
      'a term that ends before it starts',
      { termStart: '2027-05-01', termEnd: '2027-04-01' },
      /termEnd must be after termStart/,
    ],
    [
      'a duration that is not one',
      { policy: { debriefEvery: 'every week' } },
      /policy.debriefEvery must be a duration/,
    ],
    [
      'a timer that would fire at once',
      { policy: { debriefGrace: '0 seconds' } },
      /policy.debriefGrace must be at least 1 second/,
    ],
    [
      'a timer that would never fire',
      { policy: { termLength: '9999 days' } },
      /policy.termLength must be at most 5 years/,
    ],
    ['a negative count', { policy: { requiredRideAlongs: -1 } }, /policy.requiredRideAlongs must be a whole number/],
    ['an unknown attestation', { policy: { requiredAttestations: ['astrology'] } }, /policy.requiredAttestations/],
  ])('refuses a program with %s, naming the field', async (_, patch, message) => {
    const base = {
      name: 'P',
      affiliate: 'A',
      kind: 'member_organizer',
      timezone: 'America/Chicago',
      termStart: '2027-01-01',
    };
    const before = (await admin.call('GET', '/api/programs')).body.total;
    const response = await send('POST', '/api/programs', { body: { ...base, ...patch } });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(message);
    expect((await admin.call('GET', '/api/programs')).body.total).toBeLessThanOrEqual(before + 1); // others may run in parallel
  });

  it('answered no request with a 5xx', () => {
    expect(tally.fiveHundreds).toBe(0);
    expect(tally.requests).toBeGreaterThan(150);
  });
});
