// Every route × every kind of caller, with the status each must get, from one table. A route the server answers that
// is missing from the table fails the build, so a new route cannot ship without its access decided here.
import { randomUUID } from 'node:crypto';
import { anApplicationFor, localDay, rubricScores, soon } from '../../dev/hiring-walk';
import { aFastPolicy } from '../support/builders';
import { payPresets } from '../../src/domain/pay';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { LinkRepository } from '../../src/repositories/link.repository';
import { SessionRepository } from '../../src/repositories/session.repository';
import { hashToken } from '../../src/api/auth/tokens';
import type { LinkPurpose } from '../../src/domain/links';

const callers = [
  'none',
  'bad',
  'admin',
  'national',
  'coordinator',
  'otherCoordinator',
  'self',
  'otherOrganizer',
] as const;
type CallerKind = (typeof callers)[number];
type Stage = 'applied' | 'screening' | 'role_play' | 'offered' | 'training' | 'ride_along' | 'active' | 'paused';

interface Cell {
  path: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  /** The organizer-owned token for `self`, when the cell uses its own organizer. */
  selfToken?: string;
}

interface Row {
  route: string;
  /** Status for admin, national, coordinator of the program, coordinator of another, the organizer, another organizer. */
  expect: [number, number, number, number, number, number];
  /** Unauthenticated callers get 401 unless the route is public (then what the admin gets). */
  public?: boolean;
  /** It ends the caller's session: signed in by the cookie, the cell uses a session of its own. */
  endsSession?: boolean;
  cell(caller: CallerKind, allowed: boolean): Promise<Cell>;
}

describe('access matrix: every route × every caller', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let paidProgram: Program;
  let tokens: Record<Exclude<CallerKind, 'none' | 'bad' | 'self'>, string> & { self: string };
  let shared: string; // an applicant in the program, owned by `self`

  /** A signed link's token, as an email would carry it. */
  async function linkFor(organizerId: string, purpose: LinkPurpose, subject: string | null = null) {
    return new LinkRepository(harness.dataSource).mint({
      organizerId,
      programId: program.id,
      purpose,
      subject,
      lifetimeMs: 60_000,
      createdBy: 'system',
      supersede: false,
    });
  }

  /** A voucher of the paid program in `status` (with no lines: what is checked here is who may see and move it). */
  async function voucherIn(status: 'draft' | 'submitted'): Promise<string> {
    const id = randomUUID();
    await harness.dataSource.query(
      `INSERT INTO vouchers (id, program_id, local, through, status, currency, lines, total_minor, reimbursed_by,
         created_by, created_at) VALUES ($1, $2, NULL, '2027-01-31', $3, 'USD', '[]', 0, 'national', 'test', now())`,
      [id, paidProgram.id, status],
    );
    return id;
  }

  const debrief = { hours: 8, conversations: 12, oneOnOnes: 2, leadersIdentified: 1, inPerson: true, group: false };

  /** A fresh organizer of the program in `stage`, walked there over HTTP by the admin. */
  async function organizerIn(stage: Stage): Promise<string> {
    const { status, body } = await admin.apply(program.id);
    if (status !== 201) throw new Error(`application answered ${status}: ${JSON.stringify(body)}`);
    const id = body.id as string;
    await admin.advanceTo(program, id, stage === 'paused' ? 'active' : stage);
    if (stage === 'paused') await admin.ok('POST', `/api/organizers/${id}/pause`, {});
    return id;
  }

  async function ownerToken(organizerId: string): Promise<string> {
    return (await admin.createUser('organizer', { organizerId })).token;
  }

  /** An action route: allowed cells get a fresh organizer in the stage the action needs; refused ones the shared one. */
  function action(name: string, stage: Stage, given: unknown, organizerMay: boolean): Row {
    // A body that depends on when it is sent (a meeting held just now) is made as the cell runs.
    const bodyNow = () => (typeof given === 'function' ? (given as () => unknown)() : given);
    return {
      route: `POST /api/organizers/{organizerId}/${name}`,
      expect: [200, 403, 200, 403, organizerMay ? 200 : 403, 403],
      async cell(caller, allowed) {
        if (!allowed) return { path: `/api/organizers/${shared}/${name}`, body: bodyNow() };
        const id = await organizerIn(stage);
        const body = bodyNow();
        return {
          path: `/api/organizers/${id}/${name}`,
          body,
          ...(caller === 'self' ? { selfToken: await ownerToken(id) } : {}),
        };
      },
    };
  }

  const table: Row[] = [
    {
      // Not served without METRICS_TOKEN (metrics.test.ts has the scraper's token).
      route: 'GET /metrics',
      public: true,
      expect: [404, 404, 404, 404, 404, 404],
      cell: async () => ({ path: '/metrics' }),
    },
    {
      route: 'GET /api/health',
      public: true,
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: '/api/health' }),
    },
    ...['live', 'ready'].map((which): Row => ({
      route: `GET /api/health/${which}`,
      public: true,
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: `/api/health/${which}` }),
    })),
    {
      route: 'GET /api/users/me',
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: '/api/users/me' }),
    },
    ...['me', 'sessions'].map((which): Row => ({
      route: `GET /api/auth/${which}`,
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: `/api/auth/${which}` }),
    })),
    {
      route: 'POST /api/auth/email',
      public: true,
      expect: [202, 202, 202, 202, 202, 202],
      async cell() {
        // Suites running beside this one ask for links from loopback too, and the limit (30 a minute a client) is
        // counted in the shared database: this cell starts loopback's count afresh (sign-in.test.ts tests the limit).
        await harness.dataSource.query(`DELETE FROM auth_request_counts WHERE key LIKE 'sign-in:address:%127.0.0.1'`);
        return { path: '/api/auth/email', body: { email: `someone-${randomUUID()}@example.org` } };
      },
    },
    {
      route: 'POST /api/auth/email/verify',
      public: true,
      expect: [410, 410, 410, 410, 410, 410],
      cell: async () => ({ path: '/api/auth/email/verify', body: { token: randomUUID() } }),
    },
    {
      route: 'GET /api/auth/options',
      public: true,
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: '/api/auth/options' }),
    },
    // Single sign-on is not configured here: its routes are single-sign-on.test.ts's.
    ...['start', 'callback'].map((which): Row => ({
      route: `GET /api/auth/oidc/${which}`,
      public: true,
      expect: [404, 404, 404, 404, 404, 404],
      cell: async () => ({ path: `/api/auth/oidc/${which}` }),
    })),
    {
      // Callers with a bearer token have no session; a session that is not theirs is the sign-in test's.
      route: 'POST /api/auth/sessions/{sessionId}/revoke',
      expect: [404, 404, 404, 404, 404, 404],
      cell: async () => ({ path: `/api/auth/sessions/${randomUUID()}/revoke` }),
    },
    {
      route: 'GET /api/auth/tokens',
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: '/api/auth/tokens' }),
    },
    {
      // The bootstrap admin is no user and holds no token (409); every user may make their own.
      route: 'POST /api/auth/tokens',
      expect: [409, 201, 201, 201, 201, 201],
      cell: async () => ({ path: '/api/auth/tokens', body: { name: 'a script' } }),
    },
    {
      route: 'POST /api/auth/tokens/{tokenId}/revoke',
      expect: [404, 404, 404, 404, 404, 404],
      cell: async () => ({ path: `/api/auth/tokens/${randomUUID()}/revoke` }),
    },
    ...['sign-out', 'sign-out-everywhere'].map((which): Row => ({
      route: `POST /api/auth/${which}`,
      endsSession: true,
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: `/api/auth/${which}` }),
    })),
    {
      route: 'GET /api/stages',
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: '/api/stages' }),
    },
    {
      route: 'POST /api/users',
      expect: [201, 403, 403, 403, 403, 403],
      cell: async () => ({
        path: '/api/users',
        body: { email: `u-${randomUUID()}@example.org`, name: 'New', role: 'national' },
      }),
    },
    {
      route: 'POST /api/users/{userId}/invite',
      expect: [200, 403, 403, 403, 403, 403],
      cell: async () => ({ path: `/api/users/${(await admin.createUser('national')).id}/invite` }),
    },
    {
      route: 'POST /api/users/{userId}/revoke',
      expect: [200, 403, 403, 403, 403, 403],
      cell: async () => ({ path: `/api/users/${(await admin.createUser('national')).id}/revoke` }),
    },
    {
      route: 'GET /api/users',
      expect: [200, 403, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/users?programId=${program.id}` }),
    },
    {
      route: 'POST /api/programs/{programId}/group-screenings',
      expect: [201, 403, 201, 403, 403, 403],
      cell: async (_, allowed) => ({
        path: `/api/programs/${program.id}/group-screenings`,
        body: { at: soon(), location: 'hall', organizerIds: [allowed ? await organizerIn('applied') : shared] },
      }),
    },
    {
      route: 'POST /api/group-screenings/{sessionId}/results',
      expect: [200, 403, 200, 403, 403, 403],
      cell: async () => {
        const id = await organizerIn('applied');
        const session = await admin.ok('POST', `/api/programs/${program.id}/group-screenings`, {
          at: soon(),
          location: 'hall',
          organizerIds: [id],
        });
        return {
          path: `/api/group-screenings/${session.id}/results`,
          body: { results: [{ organizerId: id, attended: true, advance: true }] },
        };
      },
    },
    {
      route: 'POST /api/programs/{programId}/group-debriefs',
      expect: [201, 403, 201, 403, 403, 403],
      cell: async (_, allowed) => {
        const id = allowed ? await organizerIn('active') : shared;
        return {
          path: `/api/programs/${program.id}/group-debriefs`,
          body: { heldAt: new Date().toISOString(), organizerIds: [id] },
        };
      },
    },
    {
      route: 'GET /api/programs/{programId}/group-sessions',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}/group-sessions` }),
    },
    {
      route: 'GET /api/group-sessions/{sessionId}',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => {
        const session = await admin.ok('POST', `/api/programs/${program.id}/group-screenings`, {
          at: soon(),
          location: 'hall',
          organizerIds: [await organizerIn('applied')],
        });
        return { path: `/api/group-sessions/${session.id}` };
      },
    },
    {
      route: 'GET /api/programs/{programId}/goals',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}/goals` }),
    },
    {
      route: 'GET /api/programs/{programId}/board',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}/board` }),
    },
    {
      route: 'GET /api/policy-presets',
      expect: [200, 200, 200, 200, 403, 403],
      cell: async () => ({ path: '/api/policy-presets' }),
    },
    {
      route: 'GET /api/inbox',
      expect: [200, 200, 200, 200, 403, 403],
      cell: async () => ({ path: '/api/inbox' }),
    },
    {
      route: 'POST /api/programs',
      expect: [201, 201, 403, 403, 403, 403],
      cell: async () => ({
        path: '/api/programs',
        body: {
          name: 'P',
          affiliate: 'A',
          kind: 'civic_engagement',
          timezone: 'America/Chicago',
          termStart: '2027-01-01',
        },
      }),
    },
    {
      route: 'GET /api/programs',
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: '/api/programs' }),
    },
    {
      route: 'POST /api/programs/{programId}/rehearsals',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({
        path: `/api/programs/${program.id}/rehearsals`,
        body: {
          season: { from: '2027-01-04T00:00:00Z', until: '2027-01-04T00:01:00Z' },
          cohorts: [
            {
              count: 1,
              habit: {
                onTime: 1,
                late: 0,
                missing: 0,
                lateBy: { from: '1 second', to: '2 seconds' },
                hoursPerPeriod: { from: 1, to: 2 },
                timesheetOnTime: 1,
                rideAlongsPerMonth: 0,
                pauses: { share: 0, for: { from: '1 second', to: '2 seconds' } },
                quits: 0,
              },
            },
          ],
        },
      }),
    },
    {
      route: 'GET /api/programs/{programId}',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}` }),
    },
    {
      route: 'PATCH /api/programs/{programId}',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}`, body: { goals: { turnoutPercent: 20 } } }),
    },
    {
      route: 'POST /api/programs/{programId}/roster',
      expect: [200, 403, 200, 403, 403, 403],
      // A header without rows: the program keeps no roster, so later applications stay unaffected.
      cell: async () => ({
        path: `/api/programs/${program.id}/roster`,
        raw: 'memberId,name,local,status\n',
        contentType: 'text/csv',
      }),
    },
    {
      route: 'POST /api/programs/{programId}/applications',
      expect: [201, 403, 201, 403, 403, 403],
      cell: async () => ({
        path: `/api/programs/${program.id}/applications`,
        body: {
          memberId: `M-${randomUUID().slice(0, 8)}`,
          name: 'N',
          email: 'n@example.org',
          attestations: { currentMember: true, weeklyHours: 10 },
        },
      }),
    },
    {
      route: 'GET /api/programs/{programId}/reports',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}/reports` }),
    },
    {
      // No report was made for that week: whoever may read one is told so (404), others are refused first.
      route: 'GET /api/programs/{programId}/reports/{weekOf}',
      expect: [404, 404, 404, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}/reports/2025-01-06` }),
    },
    {
      route: 'POST /api/programs/{programId}/reports',
      expect: [201, 201, 403, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}/reports`, body: { weekOf: '2026-01-05' } }),
    },
    {
      route: 'GET /api/programs/{programId}/audit',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}/audit` }),
    },
    {
      route: 'POST /api/organizers/{organizerId}/erase',
      expect: [200, 403, 403, 403, 403, 403],
      async cell(_, allowed) {
        if (!allowed) return { path: `/api/organizers/${shared}/erase` };
        return { path: `/api/organizers/${await organizerIn('applied')}/erase` };
      },
    },
    {
      route: 'GET /api/audit',
      expect: [200, 403, 403, 403, 403, 403],
      cell: async () => ({ path: '/api/audit' }),
    },
    {
      route: 'GET /api/programs/{programId}/organizers',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}/organizers` }),
    },
    {
      route: 'GET /api/organizers/{organizerId}',
      expect: [200, 200, 200, 403, 200, 403],
      cell: async () => ({ path: `/api/organizers/${shared}` }),
    },
    {
      route: 'GET /api/organizers/{organizerId}/trends',
      expect: [200, 200, 200, 403, 200, 403],
      cell: async () => ({ path: `/api/organizers/${shared}/trends` }),
    },
    {
      route: 'GET /api/organizers/{organizerId}/trends.csv',
      expect: [200, 200, 200, 403, 200, 403],
      cell: async () => ({ path: `/api/organizers/${shared}/trends.csv` }),
    },
    {
      route: 'GET /api/organizers/{organizerId}/notes',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/organizers/${shared}/notes` }),
    },
    {
      route: 'POST /api/organizers/{organizerId}/notes',
      expect: [201, 201, 201, 403, 403, 403],
      cell: async () => ({ path: `/api/organizers/${shared}/notes`, body: { text: 'Bilingual' } }),
    },
    // A note is changed by its author (or an admin): a caller who may write one changes their own.
    ...(['PATCH', 'DELETE'] as const).map((method): Row => ({
      route: `${method} /api/organizers/{organizerId}/notes/{noteId}`,
      expect: [200, 200, 200, 403, 403, 403],
      async cell(caller, allowed) {
        const author = allowed ? tokens[caller as keyof typeof tokens] : tokens.admin;
        const note = await admin.as(author).ok('POST', `/api/organizers/${shared}/notes`, { text: 'Call after 5' });
        return {
          path: `/api/organizers/${shared}/notes/${note.id}`,
          ...(method === 'PATCH' ? { body: { text: 'Call after 6' } } : {}),
        };
      },
    })),
    action('schedule-screening', 'applied', { at: soon(), location: 'hall' }, false),
    action('reschedule-screening', 'screening', () => ({ at: soon(), location: 'the other hall' }), false),
    action('respond-screening', 'screening', { coming: true, note: 'I can make it' }, true),
    action('record-screening', 'screening', { attended: true, advance: true }, false),
    action('record-role-play', 'role_play', { scores: rubricScores(aFastPolicy(), 3), decision: 'reject' }, false),
    action('respond-offer', 'offered', { accepted: true }, true),
    action('record-training', 'training', { training: 'orientation', completedAt: new Date().toISOString() }, false),
    action('record-ride-along', 'ride_along', { date: localDay('America/Chicago'), staff: 'Jo' }, false),
    action('submit-debrief', 'active', debrief, true),
    action('record-group-debrief', 'active', () => ({ heldAt: new Date().toISOString(), location: 'hall' }), false),
    action('set-work-plan', 'active', { targets: { conversations: 12, oneOnOnes: 3 }, notes: 'Lincoln' }, true),
    action('set-languages', 'applied', { preferredLanguage: 'es', languages: ['es', 'tl'] }, false),
    {
      route: 'POST /api/organizers/{organizerId}/submit-timesheet',
      expect: [200, 403, 200, 403, 200, 403],
      async cell(caller, allowed) {
        const timesheet = (periodStart: string) => ({
          periodStart,
          entries: [{ date: localDay(paidProgram.timezone), hours: 2, kind: 'organizing' }],
        });
        if (!allowed) return { path: `/api/organizers/${shared}/submit-timesheet`, body: timesheet(soon()) };
        const { body } = await admin.apply(paidProgram.id);
        const active = await admin.advanceTo(paidProgram, body.id, 'active');
        return {
          path: `/api/organizers/${body.id}/submit-timesheet`,
          body: timesheet(active.payPeriods[0].periodStart),
          ...(caller === 'self' ? { selfToken: await ownerToken(body.id) } : {}),
        };
      },
    },
    {
      // Approval needs a period that is over with its time sheet and debriefs; here access is what is checked, on
      // the shared applicant (whose stage takes no pay action: 409 for those allowed).
      route: 'POST /api/organizers/{organizerId}/approve-pay-period',
      expect: [409, 403, 409, 403, 403, 403],
      cell: async () => ({ path: `/api/organizers/${shared}/approve-pay-period`, body: { periodStart: soon() } }),
    },
    {
      route: 'GET /api/programs/{programId}/pay-periods',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${paidProgram.id}/pay-periods?status=open` }),
    },
    {
      // The program pays nothing: those allowed are told so.
      route: 'POST /api/programs/{programId}/vouchers',
      expect: [422, 403, 422, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${program.id}/vouchers`, body: { through: '2027-01-31' } }),
    },
    {
      route: 'GET /api/programs/{programId}/vouchers',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/programs/${paidProgram.id}/vouchers` }),
    },
    {
      route: 'GET /api/vouchers/{voucherId}',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/vouchers/${await voucherIn('draft')}` }),
    },
    {
      route: 'GET /api/vouchers/{voucherId}.csv',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/vouchers/${await voucherIn('draft')}.csv` }),
    },
    {
      route: 'POST /api/vouchers/{voucherId}/submit',
      expect: [200, 403, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/vouchers/${await voucherIn('draft')}/submit` }),
    },
    {
      route: 'POST /api/vouchers/{voucherId}/approve',
      expect: [200, 200, 403, 403, 403, 403],
      cell: async () => ({ path: `/api/vouchers/${await voucherIn('submitted')}/approve` }),
    },
    {
      route: 'POST /api/vouchers/{voucherId}/return',
      expect: [200, 200, 403, 403, 403, 403],
      cell: async () => ({
        path: `/api/vouchers/${await voucherIn('submitted')}/return`,
        body: { reason: 'hours to check' },
      }),
    },
    action('pause', 'active', {}, false),
    action('resume', 'paused', {}, false),
    action('reject', 'applied', { reason: 'not this round' }, false),
    action('withdraw', 'applied', { reason: 'moved' }, true),
    action('terminate', 'training', { reason: 'did not report' }, false),
    action('revert-step', 'role_play', { reason: 'recorded on the wrong person' }, false),
    {
      // Allowed cells reopen an application of their own, rejected first; the shared one is open (refused by stage).
      route: 'POST /api/organizers/{organizerId}/reopen',
      expect: [200, 403, 200, 403, 403, 403],
      async cell(_, allowed) {
        if (!allowed) return { path: `/api/organizers/${shared}/reopen`, body: { reason: 'a mistake' } };
        const id = await organizerIn('applied');
        await admin.ok('POST', `/api/organizers/${id}/reject`, { reason: 'clicked the wrong row' });
        return { path: `/api/organizers/${id}/reopen`, body: { reason: 'a mistake' } };
      },
    },
    {
      route: 'GET /api/links/{token}',
      public: true,
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: `/api/links/${(await linkFor(shared, 'status')).token}` }),
    },
    {
      route: 'POST /api/links/{token}',
      public: true,
      expect: [200, 200, 200, 200, 200, 200],
      async cell() {
        const id = await organizerIn('offered');
        const { offer } = await admin.ok('GET', `/api/organizers/${id}`);
        return { path: `/api/links/${(await linkFor(id, 'offer', offer.expiresAt)).token}`, body: { accepted: true } };
      },
    },
    {
      route: 'GET /api/organizers/{organizerId}/links',
      expect: [200, 403, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/organizers/${shared}/links` }),
    },
    {
      route: 'POST /api/organizers/{organizerId}/links',
      expect: [201, 403, 201, 403, 403, 403],
      cell: async () => ({ path: `/api/organizers/${shared}/links`, body: { purpose: 'status' } }),
    },
    {
      route: 'POST /api/organizers/{organizerId}/links/{linkId}/revoke',
      expect: [200, 403, 200, 403, 403, 403],
      cell: async () => ({
        path: `/api/organizers/${shared}/links/${(await linkFor(shared, 'status')).link.id}/revoke`,
      }),
    },
    {
      route: 'GET /api/public/words',
      public: true,
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: '/api/public/words?lang=es' }),
    },
    {
      route: 'GET /api/public/programs/{programId}',
      public: true,
      expect: [200, 200, 200, 200, 200, 200],
      cell: async () => ({ path: `/api/public/programs/${program.id}` }),
    },
    {
      route: 'POST /api/public/programs/{programId}/interest',
      public: true,
      expect: [202, 202, 202, 202, 202, 202],
      cell: async () => ({
        path: `/api/public/programs/${program.id}/interest`,
        body: anApplicationFor(`I-${randomUUID().slice(0, 8)}`),
      }),
    },
    {
      route: 'GET /api/dashboard/pipeline',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/dashboard/pipeline?programId=${program.id}` }),
    },
    {
      route: 'GET /api/dashboard/pipeline.csv',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/dashboard/pipeline.csv?programId=${program.id}` }),
    },
    {
      route: 'GET /api/dashboard/trends.csv',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/dashboard/trends.csv?programId=${program.id}` }),
    },
    {
      route: 'GET /api/dashboard/weeks',
      // Without a program named, every coordinator sees their own.
      expect: [200, 200, 200, 200, 403, 403],
      cell: async () => ({ path: '/api/dashboard/weeks?kind=civic_engagement' }),
    },
    {
      route: 'GET /api/dashboard/trends',
      expect: [200, 200, 200, 403, 403, 403],
      cell: async () => ({ path: `/api/dashboard/trends?programId=${program.id}` }),
    },
    {
      route: 'GET /api/notifications',
      expect: [200, 200, 200, 403, 200, 200],
      cell: async () => ({ path: `/api/notifications?programId=${program.id}` }),
    },
  ];

  beforeAll(async () => {
    // Email on: without it, sending a link is refused (409) whoever asks, and the matrix would not see the roles.
    harness = await AppHarness.start({ AUTH_FAILURES_PER_MINUTE: '100000' }, { mail: true });
    admin = new ApiClient(harness);
    program = await admin.createProgram({ applicationsOpen: { from: '2026-01-01T00:00:00Z' } });
    // A program with a past: a week's report can be made for any week since it began.
    await harness.dataSource.query(`UPDATE programs SET created_at = '2025-12-01T00:00:00Z' WHERE id = $1`, [
      program.id,
    ]);
    paidProgram = await admin.createProgram(
      aFastPolicy({ debriefEvery: '60 seconds', debriefGrace: '60 seconds', pay: payPresets.member_organizer }),
    );
    const other = await admin.createProgram({});
    shared = (await admin.apply(program.id)).body.id;
    const another = (await admin.apply(program.id)).body.id;
    tokens = {
      admin: admin.token,
      national: (await admin.createUser('national')).token,
      coordinator: (await admin.createUser('coordinator', { programIds: [program.id, paidProgram.id] })).token,
      otherCoordinator: (await admin.createUser('coordinator', { programIds: [other.id] })).token,
      self: await ownerToken(shared),
      otherOrganizer: await ownerToken(another),
    };
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('has a row for every route the server answers', () => {
    const router = harness.app.getHttpAdapter().getInstance().router as {
      stack: { route?: { path: string; methods: Record<string, boolean> } }[];
    };
    const served = router.stack
      .filter((layer) => layer.route && !layer.route.path.startsWith('/api/docs'))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map(
          (m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      );
    expect(table.map((row) => row.route).sort()).toEqual([...new Set(served)].sort());
  });

  const cells = table.flatMap((row) => callers.map((caller) => [row.route, caller, row] as const));

  /** A signed-in browser of the token's user: its cookie and CSRF token (as a sign-in link gives them). */
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  async function sessionOf(token: string, fresh = false): Promise<{ cookie: string; csrf: string }> {
    const kept = sessions.get(token);
    if (kept && !fresh) return kept;
    const [{ user_id: userId }] = await harness.dataSource.query(
      'SELECT user_id FROM personal_tokens WHERE token_hash = $1',
      [hashToken(token)],
    );
    const secret = randomUUID();
    await new SessionRepository(harness.dataSource).createLink({
      id: randomUUID(),
      secretHash: hashToken(secret),
      userId,
      purpose: 'sign-in',
      lifetimeMs: 60_000,
    });
    const verified = await harness.http('POST', '/api/auth/email/verify', { body: { token: secret } });
    const session = { cookie: verified.headers.get('set-cookie')!.split(';')[0], csrf: verified.body.csrfToken };
    if (!fresh) sessions.set(token, session);
    return session;
  }

  // The users again, signed in by the session cookie (sending the CSRF token) instead of a bearer token: the same
  // status everywhere. (ADMIN_TOKEN is no user: it has no session.)
  const signedInCallers = callers.filter((c) => !['none', 'bad', 'admin'].includes(c));
  const cookieCells = table.flatMap((row) => signedInCallers.map((caller) => [row.route, caller, row] as const));

  it.each(cookieCells)('%s as %s, signed in by the cookie', async (_, caller, row) => {
    const expected = row.expect[callers.indexOf(caller) - 2];
    const cell = await row.cell(caller, expected < 300);
    const token = cell.selfToken ?? tokens[caller as keyof typeof tokens];
    const { cookie, csrf } = await sessionOf(token, row.endsSession);
    // Signing out everywhere ends the kept session too: the next cell signs in again.
    if (row.endsSession) sessions.delete(token);
    const method = row.route.split(' ')[0];
    const response = await harness.http(method, cell.path, {
      body: cell.body,
      raw: cell.raw,
      contentType: cell.contentType,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) },
    });
    expect({ status: response.status, body: response.status >= 400 ? response.body : 'ok' }).toEqual({
      status: expected,
      body: expected >= 400 ? { statusCode: expected, error: expect.any(String), message: expect.any(String) } : 'ok',
    });
  });

  it.each(cells)('%s as %s', async (_, caller, row) => {
    const expected =
      caller === 'none' || caller === 'bad'
        ? row.public
          ? row.expect[0]
          : 401
        : row.expect[callers.indexOf(caller) - 2];
    const cell = await row.cell(caller, expected < 300);
    const token =
      caller === 'none'
        ? undefined
        : caller === 'bad'
          ? 'op_this-token-was-never-issued'
          : (cell.selfToken ?? tokens[caller]);
    const method = row.route.split(' ')[0];
    const response = await harness.http(method, cell.path, {
      token,
      body: cell.body,
      raw: cell.raw,
      contentType: cell.contentType,
    });
    expect({ status: response.status, body: response.status >= 400 ? response.body : 'ok' }).toEqual({
      status: expected,
      body: expected >= 400 ? { statusCode: expected, error: expect.any(String), message: expect.any(String) } : 'ok',
    });
  });

  it('covers every route × 8 callers', () => {
    process.stdout.write(`[auth-matrix] ${table.length} routes × ${callers.length} callers = ${cells.length} cells\n`);
    expect(cells).toHaveLength(table.length * 8);
  });
});
