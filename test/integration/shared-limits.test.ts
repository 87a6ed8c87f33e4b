// Two API replicas on one PostgreSQL (issue 34): the public form's per-member limit and the failed sign-in limit hold
// in total across both, and a replica restarted still counts what came before.
import { randomUUID } from 'node:crypto';
import { anApplicationFor } from '../../dev/hiring-walk';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { uniqueTaskQueue } from '../support/workflow-harness';

describe('limits every replica shares', () => {
  // One task queue and one worker for both: the second replica is an API only, as in a deployment.
  const env = { TEMPORAL_TASK_QUEUE: uniqueTaskQueue('limits'), AUTH_FAILURES_PER_MINUTE: '3', TRUST_PROXY: 'true' };
  let first: AppHarness;
  let second: AppHarness;

  beforeAll(async () => {
    first = await AppHarness.start(env);
    second = await AppHarness.start(env, { worker: false });
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  /** A client at its own address, so no other test's requests count against it. */
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it("counts one member's applications across both replicas, and after a restart", async () => {
    const program = await new ApiClient(first).createProgram(
      aFastPolicy({ applicationsOpen: { from: '2026-01-01T00:00:00Z' } }),
    );
    const apply = (replica: AppHarness, i: number) =>
      replica.http('POST', `/api/public/programs/${program.id}/interest`, {
        body: anApplicationFor('SHARED-1'),
        headers: from(`2001:db8::a:${i}`),
      });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await apply(i % 2 ? second : first, i)).status);
    // Five an hour for a member id, whichever replica and address they came through.
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);

    await first.stop();
    first = await AppHarness.start(env);
    const afterRestart = await apply(first, 7);
    expect(afterRestart.status).toBe(429);
    const wait = Number(afterRestart.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(3_500);
    expect(wait).toBeLessThanOrEqual(3_600);
  }, 120_000);

  it('counts failed sign-ins from one address across both replicas', async () => {
    const address = `2001:db8::b:${randomUUID().slice(0, 4)}`;
    const get = (replica: AppHarness, token: string) =>
      replica.http('GET', '/api/programs', { token, headers: from(address) });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(i % 2 ? second : first, `op_guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await get(first, 'op_guess-again');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // A valid token is never refused for its address's failures.
    expect((await get(second, new ApiClient(second).token)).status).toBe(200);
  });
});
