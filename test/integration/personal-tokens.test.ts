// API tokens for scripts: each user's own, named, shown once, until they end or are revoked (issue 28).
import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { withAuditRefused } from '../support/audit-refusal';

describe('personal API tokens', () => {
  let harness: AppHarness;
  let admin: ApiClient;

  beforeAll(async () => {
    harness = await AppHarness.start({}, { worker: false });
    admin = new ApiClient(harness);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const aUser = async () =>
    admin.ok('POST', '/api/users', {
      email: `n-${randomUUID().slice(0, 8)}@example.org`,
      name: 'Nat',
      role: 'national',
    });

  it('makes a named token shown once, lists it with when it was last used, and ends it on revoke', async () => {
    const nat = await aUser();
    const asNat = admin.as(nat.token);
    const listed = await asNat.ok('GET', '/api/auth/tokens');
    expect(listed.items.map((t: { name: string }) => t.name)).toEqual(['API token']);

    const made = await asNat.ok('POST', '/api/auth/tokens', { name: 'roster sync' });
    expect(made.token).toMatch(/^op_/);
    expect(made).toMatchObject({ name: 'roster sync', expiresAt: null, lastUsedAt: null });
    expect((await admin.as(made.token).call('GET', '/api/users/me')).body.id).toBe(nat.id);
    const after = await asNat.ok('GET', '/api/auth/tokens');
    const used = after.items.find((t: { id: string }) => t.id === made.id);
    expect(used.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(after)).not.toContain(made.token);

    expect((await asNat.call('POST', `/api/auth/tokens/${made.id}/revoke`)).status).toBe(200);
    expect((await admin.as(made.token).call('GET', '/api/users/me')).status).toBe(401);
    expect((await asNat.call('GET', '/api/users/me')).status).toBe(200);
  });

  it('ends a token at its expiry, and refuses one that would end in the past', async () => {
    const nat = await aUser();
    const asNat = admin.as(nat.token);
    const past = await asNat.call('POST', '/api/auth/tokens', { name: 'old', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.problems).toEqual([{ field: 'expiresAt', reason: 'is in the past' }]);
    const soon = await asNat.ok('POST', '/api/auth/tokens', {
      name: 'for a day',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((await admin.as(soon.token).call('GET', '/api/users/me')).status).toBe(200);
    await harness.dataSource.query(
      `UPDATE personal_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [soon.id],
    );
    expect((await admin.as(soon.token).call('GET', '/api/users/me')).status).toBe(401);
  });

  it("lets no one revoke another's token but an admin, and revoking a user ends all their tokens", async () => {
    const nat = await aUser();
    const other = await aUser();
    const made = await admin.as(nat.token).ok('POST', '/api/auth/tokens', { name: 'script' });
    expect((await admin.as(other.token).call('POST', `/api/auth/tokens/${made.id}/revoke`)).status).toBe(403);
    expect((await admin.as(made.token).call('GET', '/api/users/me')).status).toBe(200);
    await admin.ok('POST', `/api/users/${nat.id}/revoke`);
    for (const token of [nat.token, made.token])
      expect((await admin.as(token).call('GET', '/api/users/me')).status).toBe(401);
    const second = await admin.as(other.token).ok('POST', '/api/auth/tokens', { name: 'two' });
    expect((await admin.call('POST', `/api/auth/tokens/${second.id}/revoke`)).status).toBe(200);
    expect((await admin.as(second.token).call('GET', '/api/users/me')).status).toBe(401);
  });

  it('makes, revokes or ends no account or token whose audit entry cannot be written', async () => {
    const email = `n-${randomUUID().slice(0, 8)}@example.org`;
    const refused = await withAuditRefused(harness.dataSource, { email }, () =>
      admin.call('POST', '/api/users', { email, name: 'Nat', role: 'national' }),
    );
    expect(refused.status).toBe(500);
    expect((await admin.call('POST', '/api/users', { email, name: 'Nat', role: 'national' })).status).toBe(201);

    const nat = await aUser();
    const asNat = admin.as(nat.token);
    const [apiToken] = (await asNat.ok('GET', '/api/auth/tokens')).items;
    const answers = await withAuditRefused(harness.dataSource, nat.id, async () => [
      (await asNat.call('POST', '/api/auth/tokens', { name: 'unaudited' })).status,
      (await asNat.call('POST', `/api/auth/tokens/${apiToken.id}/revoke`)).status,
      (await admin.call('POST', `/api/users/${nat.id}/revoke`)).status,
    ]);
    expect(answers).toEqual([500, 500, 500]);
    expect((await asNat.ok('GET', '/api/auth/tokens')).items.map((t: { name: string }) => t.name)).toEqual([
      'API token',
    ]);
    expect((await asNat.call('GET', '/api/users/me')).status).toBe(200);
  });

  it('gives ADMIN_TOKEN, which is no user, no token of its own', async () => {
    expect((await admin.call('POST', '/api/auth/tokens', { name: 'x' })).status).toBe(409);
    expect((await admin.ok('GET', '/api/auth/tokens')).items).toEqual([]);
  });
});
