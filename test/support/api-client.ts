// A client of the HTTP API as a coordinator's tool would use it, for the integration tests.
import { randomUUID } from 'node:crypto';
import type { PolicyPatch } from '../../src/domain/policy';
import type { AppHarness, HttpResult } from './app-harness';
import { aFastPolicy } from './builders';

export const adminToken = 'test-admin-token-0123456789';

export interface Program {
  id: string;
  policy: { requiredTrainings: string[]; initialRideAlongs: number };
}

export class ApiClient {
  constructor(
    readonly harness: AppHarness,
    readonly token: string = adminToken,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.harness, token);
  }

  call<T = any>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.harness.http<T>(method, path, { token: this.token, body });
  }

  async ok<T = any>(
    method: string,
    path: string,
    body?: unknown,
    status = method === 'POST' ? [200, 201] : [200],
  ): Promise<T> {
    const response = await this.call<T>(method, path, body);
    if (!status.includes(response.status))
      throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** A program whose durations are seconds unless `policy` says otherwise. */
  createProgram(policy: PolicyPatch = aFastPolicy(), extra: Record<string, unknown> = {}): Promise<Program> {
    return this.ok('POST', '/api/programs', {
      name: `Program ${randomUUID().slice(0, 6)}`,
      affiliate: 'AFT Local 1',
      kind: 'member_organizer',
      timezone: 'America/Chicago',
      termStart: '2026-01-05',
      policy,
      ...extra,
    });
  }

  async createUser(role: string, extra: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
    return this.ok('POST', '/api/users', {
      email: `${role}-${randomUUID().slice(0, 8)}@example.org`,
      name: `A ${role}`,
      role,
      ...extra,
    });
  }

  apply(programId: string, overrides: Record<string, unknown> = {}): Promise<HttpResult> {
    const memberId = `M-${randomUUID().slice(0, 8)}`;
    return this.call('POST', `/api/programs/${programId}/applications`, {
      memberId,
      name: `Member ${memberId}`,
      email: `${memberId.toLowerCase()}@example.org`,
      attestations: {
        currentMember: true,
        driversLicense: true,
        insuredVehicle: true,
        fullTerm: true,
        doorKnocking: true,
        weeklyHours: 10,
      },
      ...overrides,
    });
  }

  act(organizerId: string, action: string, body: unknown): Promise<HttpResult> {
    return this.call('POST', `/api/organizers/${organizerId}/${action}`, body);
  }

  /** Walks an applicant along the hiring path over HTTP until it reaches `stage` (an open stage); returns the last detail. */
  async advanceTo(
    program: Program,
    organizerId: string,
    stage: 'applied' | 'screening' | 'role_play' | 'offered' | 'training' | 'ride_along' | 'active',
  ): Promise<any> {
    const step = (action: string, body: unknown) => this.ok('POST', `/api/organizers/${organizerId}/${action}`, body);
    const path: [string, () => Promise<any>][] = [
      ['screening', () => step('schedule-screening', { at: '2027-01-12T17:30:00-06:00', location: 'Local 1 hall' })],
      ['role_play', () => step('record-screening', { attended: true, advance: true, notes: 'strong story' })],
      [
        'offered',
        () =>
          step('record-role-play', {
            scores: { listening: 4, agitation: 3 },
            decision: 'offer',
            offer: { hoursPerWeek: 10, startDate: '2027-02-01', stipend: 1500 },
          }),
      ],
      ['training', () => step('respond-offer', { accepted: true })],
      [
        'ride_along',
        async () => {
          let detail;
          for (const training of program.policy.requiredTrainings)
            detail = await step('record-training', { training, completedAt: '2027-02-02T18:00:00Z' });
          return detail;
        },
      ],
      [
        'active',
        async () => {
          let detail;
          for (let i = 0; i < program.policy.initialRideAlongs; i++)
            detail = await step('record-ride-along', { date: `2027-02-1${i}`, staff: 'Jo Rivera' });
          return detail;
        },
      ],
    ];
    let detail = stage === 'applied' ? await this.ok('GET', `/api/organizers/${organizerId}`) : undefined;
    for (const [reached, walk] of path) {
      if (stage === 'applied') break;
      detail = await walk();
      if (reached === stage) break;
    }
    return detail;
  }

  /** Walks an applicant through the whole hiring path to active, over HTTP; returns the final detail. */
  hireToActive(program: Program, organizerId: string): Promise<any> {
    return this.advanceTo(program, organizerId, 'active');
  }
}

/** What a refused request must leave unchanged: the organizer's stage and version, and the count of each kind of row. */
export async function footprint(harness: AppHarness, organizerId: string): Promise<Record<string, unknown>> {
  const [row] = await harness.dataSource.query('SELECT stage, version, paused, at_risk FROM organizers WHERE id = $1', [
    organizerId,
  ]);
  const counts: Record<string, number> = {};
  for (const table of ['stage_transitions', 'debriefs', 'trainings', 'ride_alongs', 'notifications']) {
    const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE organizer_id = $1`, [
      organizerId,
    ]);
    counts[table] = n;
  }
  return { ...row, ...counts };
}
