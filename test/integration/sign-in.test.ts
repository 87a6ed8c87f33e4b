// Signing in by a link sent by email, the session cookie it sets, and what guards it (issue 28), over HTTP.
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { adminToken, ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { days, elapse, hours, minutes } from '../support/test-clock';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A POST from a chosen loopback source address (the whole 127.0.0.0/8 reaches the API on 127.0.0.1). */
function postFrom(localAddress: string, url: string, body: unknown): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = httpRequest(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (message: unknown, context?: string) => this.lines.push(`${context} ${String(message)}`);
  error = (message: unknown, ...rest: unknown[]) => this.lines.push(`${String(message)} ${rest.map(String).join(' ')}`);
  warn = (message: unknown, context?: string) => this.lines.push(`${context} ${String(message)}`);
  debug = (message: unknown) => this.lines.push(String(message));
  verbose = (message: unknown) => this.lines.push(String(message));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('signing in by email', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  const logger = new RecordingLogger();
  let addresses = 0;
  /** A loopback address of its own for each request that must not share the per-address limit. */
  const freshAddress = () => {
    addresses += 1;
    return `127.0.${Math.floor(addresses / 250) + 1}.${(addresses % 250) + 1}`;
  };

  beforeAll(async () => {
    // Sessions last as long as they do by default (7 days idle, 30 in all): the test clock moves days on.
    harness = await AppHarness.start({}, { mail: true, worker: false, logger });
    admin = new ApiClient(harness);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function coordinator(): Promise<{ id: string; email: string }> {
    const email = `coordinator-${randomUUID().slice(0, 8)}@example.org`;
    const created = await admin.ok('POST', '/api/users', { email, name: 'Rosa Díaz', role: 'coordinator' });
    return { id: created.id, email };
  }

  /** Asks for a link for `email` and answers the link's secret, read from the email that brings it. */
  async function linkFor(email: string): Promise<string> {
    // Sign-in emails only: a new user's invitation comes too.
    const to = () =>
      harness.mail.messages.filter(
        (m) => JSON.stringify(m.to).includes(email) && m.subject === 'Sign in to Organizer Pipeline',
      );
    const before = to().length;
    const asked = await postFrom(freshAddress(), `${harness.baseUrl}/api/auth/email`, { email });
    expect(asked.status).toBe(202);
    const mail = await eventually(`the sign-in email to ${email}`, async () => to()[before]);
    const token = /\/signin\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    expect(token).toBeDefined();
    return token!;
  }

  /** Signs in with a fresh link: the session cookie (name=value) and the session's CSRF token. */
  async function signIn(email: string): Promise<{ cookie: string; csrf: string; setCookie: string }> {
    const verified = await harness.http('POST', '/api/auth/email/verify', { body: { token: await linkFor(email) } });
    expect(verified.status).toBe(200);
    const setCookie = verified.headers.get('set-cookie')!;
    return { cookie: setCookie.split(';')[0], csrf: verified.body.csrfToken, setCookie };
  }

  const withCookie = (cookie: string, headers: Record<string, string> = {}) => ({ headers: { cookie, ...headers } });

  it('signs a user in from the emailed link once, with a cookie the page cannot read', async () => {
    const rosa = await coordinator();
    const token = await linkFor(rosa.email);
    const mail = harness.mail.messages.find(
      (m) => JSON.stringify(m.to).includes(rosa.email) && m.subject === 'Sign in to Organizer Pipeline',
    )!;
    expect(mail.text).toContain('It works once, within the next 15 minutes.');

    const verified = await harness.http('POST', '/api/auth/email/verify', { body: { token } });
    expect(verified.status).toBe(200);
    expect(verified.body.user).toMatchObject({ id: rosa.id, email: rosa.email, role: 'coordinator' });
    const setCookie = verified.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^op_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/,
    );
    const cookie = setCookie.split(';')[0];

    const me = await harness.http('GET', '/api/auth/me', withCookie(cookie));
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: verified.body.user, csrfToken: verified.body.csrfToken });
    expect((await harness.http('GET', '/api/users/me', withCookie(cookie))).body).toMatchObject({ id: rosa.id });

    const again = await harness.http('POST', '/api/auth/email/verify', { body: { token } });
    expect(again.status).toBe(410);
    expect(again.body.message).toBe('This sign-in link was already used or has expired. Ask for a new one.');
    const made = await harness.http('POST', '/api/auth/email/verify', { body: { token: 'made-up' } });
    expect(made.status).toBe(410);

    const rows = await harness.dataSource.query('SELECT * FROM staff_sessions WHERE user_id = $1', [rosa.id]);
    expect(JSON.stringify(rows)).not.toContain(cookie.split('=')[1]);
    const links = await harness.dataSource.query('SELECT * FROM sign_in_links WHERE user_id = $1', [rosa.id]);
    expect(JSON.stringify(links)).not.toContain(token);
    const audit = await harness.dataSource.query(
      `SELECT kind FROM audit_entries WHERE subject = $1 AND kind LIKE 'sign%' ORDER BY at`,
      [rosa.id],
    );
    expect(audit.map((a: { kind: string }) => a.kind)).toEqual(['sign-in-link-sent', 'signed-in']);
  });

  it('writes no sign-in secret to the log: not the link, not the session', async () => {
    const rosa = await coordinator();
    const token = await linkFor(rosa.email);
    expect((await fetch(`${harness.baseUrl}/signin/${token}`)).status).toBe(200);
    const { cookie } = await signIn(rosa.email);
    await harness.http('GET', '/api/auth/me', withCookie(cookie));
    const log = logger.lines.join('\n');
    expect(log).toContain('GET /signin/<secret> 200');
    expect(log).toContain('POST /api/auth/email/verify 200');
    for (const secret of [token, cookie.split('=')[1]]) expect(log).not.toContain(secret);
  });

  it('signs in once from a link used twice at the same moment, and not at all from an expired one', async () => {
    const rosa = await coordinator();
    const token = await linkFor(rosa.email);
    const both = await Promise.all(
      [1, 2].map(() => harness.http('POST', '/api/auth/email/verify', { body: { token } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 410]);

    // A link works for 15 minutes.
    const inTime = await linkFor(rosa.email);
    await elapse(harness.dataSource, rosa.id, minutes(14));
    expect((await harness.http('POST', '/api/auth/email/verify', { body: { token: inTime } })).status).toBe(200);
    const late = await linkFor(rosa.email);
    await elapse(harness.dataSource, rosa.id, minutes(15) + 1_000);
    const expired = await harness.http('POST', '/api/auth/email/verify', { body: { token: late } });
    expect(expired.status).toBe(410);
  });

  it('answers an unknown address as it answers a known one, and sends it nothing', async () => {
    const rosa = await coordinator();
    const known = await harness.http('POST', '/api/auth/email', { body: { email: rosa.email } });
    const unknown = await harness.http('POST', '/api/auth/email', { body: { email: 'nobody@example.org' } });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    await eventually('the known one’s email', async () =>
      harness.mail.messages.some(
        (m) => JSON.stringify(m.to).includes(rosa.email) && m.subject === 'Sign in to Organizer Pipeline',
      ),
    );
    expect(harness.mail.messages.some((m) => JSON.stringify(m.to).includes('nobody@example.org'))).toBe(false);
  });

  it('takes as long for an unknown address as for a known one (50 tries each)', async () => {
    const known = await Promise.all(Array.from({ length: 50 }, () => coordinator()));
    const times: { known: number[]; unknown: number[] } = { known: [], unknown: [] };
    for (const [i, user] of known.entries()) {
      const url = `${harness.baseUrl}/api/auth/email`;
      times.known.push((await postFrom(freshAddress(), url, { email: user.email })).ms);
      times.unknown.push((await postFrom(freshAddress(), url, { email: `nobody-${i}@example.org` })).ms);
    }
    const [k, u] = [median(times.known), median(times.unknown)];
    expect(Math.abs(k - u)).toBeLessThan(Math.max(5, 0.5 * Math.max(k, u)));
  });

  it('limits requests: 5 an hour for one address, 30 a minute from one client', async () => {
    const rosa = await coordinator();
    const url = `${harness.baseUrl}/api/auth/email`;
    // The windows are fixed (minutes, hours): start well inside one, so the requests share it.
    while (new Date().getUTCSeconds() > 50) await sleep(1000);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await postFrom(freshAddress(), url, { email: rosa.email })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);

    const client = freshAddress();
    const fromOne = [];
    for (let i = 0; i < 31; i++)
      fromOne.push((await postFrom(client, url, { email: `someone-${i}@example.org` })).status);
    expect(fromOne.filter((s) => s === 202)).toHaveLength(30);
    expect(fromOne[30]).toBe(429);
  });

  it('refuses a change made with the cookie without the session’s CSRF token or from another site', async () => {
    const rosa = await coordinator();
    const { cookie, csrf } = await signIn(rosa.email);
    const signOut = (headers: Record<string, string>) =>
      harness.http('POST', '/api/auth/sign-out', withCookie(cookie, headers));
    expect((await signOut({})).status).toBe(403);
    expect((await signOut({ 'x-csrf-token': 'not-the-token' })).status).toBe(403);
    const foreign = await signOut({ 'x-csrf-token': csrf, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toBe('this request comes from another site');
    // Refused, so nothing changed: the session still works.
    expect((await harness.http('GET', '/api/auth/me', withCookie(cookie))).status).toBe(200);
    // A bearer token needs no CSRF token, for a change either.
    expect((await harness.http('GET', '/api/auth/me', { token: adminToken })).body.csrfToken).toBeNull();
    const byToken = await harness.http('POST', '/api/auth/sign-out', { token: adminToken });
    expect(byToken.status).toBe(200);

    const own = await signOut({ 'x-csrf-token': csrf, origin: harness.baseUrl });
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ ended: 1 });
    expect((await harness.http('GET', '/api/auth/me', withCookie(cookie))).status).toBe(401);
  });

  it('ends another browser at once when it is revoked, and every browser on signing out everywhere', async () => {
    const rosa = await coordinator();
    const laptop = await signIn(rosa.email);
    const phone = await signIn(rosa.email);
    const listed = await harness.http('GET', '/api/auth/sessions', withCookie(laptop.cookie));
    expect(listed.body.items).toHaveLength(2);
    const other = listed.body.items.find((s: { current: boolean }) => !s.current);
    expect(other.method).toBe('email');

    const revoked = await harness.http(
      'POST',
      `/api/auth/sessions/${other.id}/revoke`,
      withCookie(laptop.cookie, { 'x-csrf-token': laptop.csrf }),
    );
    expect(revoked.status).toBe(200);
    expect((await harness.http('GET', '/api/auth/me', withCookie(phone.cookie))).status).toBe(401);
    expect((await harness.http('GET', '/api/auth/me', withCookie(laptop.cookie))).status).toBe(200);

    const tablet = await signIn(rosa.email);
    const everywhere = await harness.http(
      'POST',
      '/api/auth/sign-out-everywhere',
      withCookie(tablet.cookie, { 'x-csrf-token': tablet.csrf }),
    );
    expect(everywhere.body).toEqual({ ended: 2 });
    for (const { cookie } of [laptop, tablet])
      expect((await harness.http('GET', '/api/auth/me', withCookie(cookie))).status).toBe(401);
  });

  it('lets another user revoke no one’s session but an admin anyone’s, and revoking a user ends their sessions', async () => {
    const rosa = await coordinator();
    const jo = await coordinator();
    const rosas = await signIn(rosa.email);
    const jos = await signIn(jo.email);
    const [session] = (await harness.http('GET', '/api/auth/sessions', withCookie(rosas.cookie))).body.items;
    const byJo = await harness.http(
      'POST',
      `/api/auth/sessions/${session.id}/revoke`,
      withCookie(jos.cookie, { 'x-csrf-token': jos.csrf }),
    );
    expect(byJo.status).toBe(403);
    expect((await harness.http('GET', '/api/auth/me', withCookie(rosas.cookie))).status).toBe(200);
    await admin.ok('POST', `/api/users/${rosa.id}/revoke`);
    expect((await harness.http('GET', '/api/auth/me', withCookie(rosas.cookie))).status).toBe(401);
  });

  it('ends a session left idle for 7 days, and any session 30 days after sign-in however busy', async () => {
    const rosa = await coordinator();
    // Each unused session is looked at once: looking starts its idle time again.
    const idleAWeekLess = await signIn(rosa.email);
    const idleAWeek = await signIn(rosa.email);
    const busy = await signIn(rosa.email);
    const status = async (session: { cookie: string }) =>
      (await harness.http('GET', '/api/auth/me', withCookie(session.cookie))).status;
    // Used every day, one session lives on; the other, unused, ends once 7 days pass.
    for (let day = 1; day <= 29; day += 1) {
      await elapse(harness.dataSource, rosa.id, days(1));
      expect([day, await status(busy)]).toEqual([day, 200]);
      if (day === 6) {
        await elapse(harness.dataSource, rosa.id, hours(23));
        expect(await status(idleAWeekLess)).toBe(200);
        await elapse(harness.dataSource, rosa.id, -hours(23));
      }
      if (day === 7) {
        await elapse(harness.dataSource, rosa.id, minutes(1));
        expect(await status(idleAWeek)).toBe(401);
      }
    }
    await elapse(harness.dataSource, rosa.id, hours(23));
    expect(await status(busy)).toBe(200);
    await elapse(harness.dataSource, rosa.id, hours(1));
    const ended = await harness.http('GET', '/api/auth/me', withCookie(busy.cookie));
    expect(ended.status).toBe(401);
    expect(ended.body.message).toBe('your session has ended: sign in again');
  });

  it('shares sessions between API processes (they share the database)', async () => {
    const second = await AppHarness.start({}, { worker: false });
    try {
      const rosa = await coordinator();
      const { cookie } = await signIn(rosa.email);
      const there = await second.http('GET', '/api/auth/me', withCookie(cookie));
      expect(there.status).toBe(200);
      expect(there.body.user.id).toBe(rosa.id);
    } finally {
      await second.stop();
    }
  });
});
