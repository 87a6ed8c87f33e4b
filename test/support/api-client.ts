// A client of the HTTP API as a coordinator's tool would use it, for the integration tests.
import { randomUUID } from 'node:crypto';
import type { PolicyPatch } from '../../src/domain/policy';
import type { OpenStage } from '../../src/domain/stages';
import { anApplicationFor, walkTo, type WalkOptions } from '../../dev/hiring-walk';
import type { AppHarness } from './app-harness';
import type { HttpEndpoint, HttpResult } from './http-endpoint';
import { aFastPolicy } from './builders';

export const adminToken = 'test-admin-token-0123456789';

export interface Program {
  id: string;
  timezone: string;
  policy: { requiredTrainings: string[]; initialRideAlongs: number; rolePlayRubric?: string[] };
}

export class ApiClient {
  constructor(
    readonly harness: HttpEndpoint,
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
      // A program pays nothing unless the test gives it a pay policy (the kind's preset has one).
      policy: policy.pay ? policy : { ...policy, pay: null },
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
      ...anApplicationFor(memberId),
      ...overrides,
    });
  }

  act(organizerId: string, action: string, body: unknown): Promise<HttpResult> {
    return this.call('POST', `/api/organizers/${organizerId}/${action}`, body);
  }

  /** Walks an applicant along the hiring path over HTTP until it reaches `stage` (an open stage); returns the last detail. */
  async advanceTo(program: Program, organizerId: string, stage: OpenStage, options: WalkOptions = {}): Promise<any> {
    let detail = await this.ok('GET', `/api/organizers/${organizerId}`);
    for (const { action, input } of walkTo(program.policy, stage, { timeZone: program.timezone, ...options }))
      detail = await this.ok('POST', `/api/organizers/${organizerId}/${action}`, input);
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
  for (const table of ['stage_transitions', 'debriefs', 'trainings', 'ride_alongs', 'notifications', 'pay_periods']) {
    const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE organizer_id = $1`, [
      organizerId,
    ]);
    counts[table] = n;
  }
  return { ...row, ...counts };
}
