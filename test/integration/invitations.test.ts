// Staff invited by email instead of handed a token; the first admin from ADMIN_EMAIL; email as files without a mail
// server, and the command that finds the newest sign-in link there (issue 28).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toolScript } from '../../dev/stack/settings';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { eventually } from '../support/eventually';

const run = promisify(execFile);
const linkIn = (text: string) => /\/signin\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('invitations', () => {
  let harness: AppHarness;
  let admin: ApiClient;

  beforeAll(async () => {
    harness = await AppHarness.start({}, { mail: true, worker: false });
    admin = new ApiClient(harness);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const mailTo = (email: string) => harness.mail.messages.filter((m) => JSON.stringify(m.to).includes(email));

  it('emails a new user an invitation that signs them in, and the page need pass on no token', async () => {
    const email = `jo-${randomUUID().slice(0, 8)}@example.org`;
    const created = await admin.ok('POST', '/api/users', {
      email,
      name: 'Jo Rivera',
      role: 'coordinator',
      apiToken: false,
    });
    expect(created.token).toBeNull();
    const days = (Date.parse(created.invitedUntil) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const tokens = await harness.dataSource.query('SELECT 1 FROM personal_tokens WHERE user_id = $1', [created.id]);
    expect(tokens).toEqual([]);

    const invitation = await eventually('the invitation', async () => mailTo(email)[0]);
    expect(invitation.subject).toBe('Your account in Organizer Pipeline');
    expect(invitation.text).toContain('it works once, within 7 days.');
    const verified = await harness.http('POST', '/api/auth/email/verify', {
      body: { token: linkIn(invitation.text!) },
    });
    expect(verified.status).toBe(200);
    expect(verified.body.user).toMatchObject({ id: created.id, role: 'coordinator' });
    const audit = await harness.dataSource.query(
      `SELECT kind, after FROM audit_entries WHERE subject = $1 ORDER BY at`,
      [created.id],
    );
    expect(audit.map((a: { kind: string }) => a.kind)).toEqual(['user-created', 'user-invited', 'signed-in']);
    expect(audit[2].after).toEqual({ method: 'email', purpose: 'invitation' });
  });

  it('still answers API clients a token, and sends their users an invitation too', async () => {
    const email = `script-${randomUUID().slice(0, 8)}@example.org`;
    const created = await admin.ok('POST', '/api/users', { email, name: 'A script', role: 'national' });
    expect(created.token).toMatch(/^op_/);
    expect((await admin.as(created.token).call('GET', '/api/users/me')).status).toBe(200);
    await eventually('the invitation', async () => mailTo(email)[0]);
  });

  it('resends an invitation on request, and refuses one for a revoked user', async () => {
    const email = `sam-${randomUUID().slice(0, 8)}@example.org`;
    const created = await admin.ok('POST', '/api/users', { email, name: 'Sam', role: 'national', apiToken: false });
    await eventually('the first invitation', async () => mailTo(email)[0]);
    const resent = await admin.call('POST', `/api/users/${created.id}/invite`);
    expect(resent.status).toBe(200);
    expect(Date.parse(resent.body.invitedUntil)).toBeGreaterThan(Date.parse(created.invitedUntil));
    const second = await eventually('the second invitation', async () => mailTo(email)[1]);
    expect(linkIn(second.text!)).not.toBe(linkIn(mailTo(email)[0].text!));

    await admin.ok('POST', `/api/users/${created.id}/revoke`);
    const refused = await admin.call('POST', `/api/users/${created.id}/invite`);
    expect(refused.status).toBe(409);
    expect(mailTo(email)).toHaveLength(2);
    // Revoked, the invitation already sent signs no one in.
    const late = await harness.http('POST', '/api/auth/email/verify', { body: { token: linkIn(second.text!) } });
    expect(late.status).toBe(410);
  });
});

describe('the first admin, with no mail server', () => {
  it('makes the ADMIN_EMAIL admin once, writes their link to the outbox, and the command prints it', async () => {
    const outbox = mkdtempSync(join(tmpdir(), 'outbox-'));
    const email = `first-${randomUUID().slice(0, 8)}@example.org`;
    // Written as people write it: kept in lower case, so the address matches however it is typed later.
    const env = { ADMIN_EMAIL: ` ${email.replace('first', 'First')} `, MAIL_OUTBOX: outbox };
    const first = await AppHarness.start(env, { worker: false });
    try {
      const files = await eventually('the invitation in the outbox', async () => {
        const names = readdirSync(outbox);
        return names.length ? names : undefined;
      });
      expect(files).toHaveLength(1);
      expect(statSync(join(outbox, files[0])).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(outbox, files[0]), 'utf8')).toContain('Subject: Your account in Organizer Pipeline');

      const printed = await run(process.execPath, [toolScript('dev', 'sign-in-link.js'), email.toUpperCase()], {
        env: { ...process.env, MAIL_OUTBOX: outbox },
      });
      const token = linkIn(printed.stdout)!;
      const verified = await first.http('POST', '/api/auth/email/verify', { body: { token } });
      expect(verified.status).toBe(200);
      expect(verified.body.user).toMatchObject({ email, role: 'admin', name: email.split('@')[0] });
    } finally {
      await first.stop();
    }
    // Started again (or beside it), nothing new: the admin exists.
    const again = await AppHarness.start(env, { worker: false });
    try {
      const users = await again.dataSource.query('SELECT role FROM users WHERE email = $1', [email]);
      expect(users).toEqual([{ role: 'admin' }]);
    } finally {
      await again.stop();
    }
    expect(readdirSync(outbox)).toHaveLength(1);
  });
});
