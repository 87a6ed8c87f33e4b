// Single sign-on by OpenID Connect (issue 28) against a real provider (oidc-provider) in a child process on loopback:
// a browser's whole walk by HTTP, the user bound to the provider's account, and each way a sign-in is refused.
import { randomUUID } from 'node:crypto';
import { freePort } from '../../dev/stack/ports';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { accessibilityProblems, overflowsSideways, phone, screenshot } from '../support/browser';
import { TestProvider, walkThrough } from '../support/test-provider';

describe('single sign-on', () => {
  let harness: AppHarness;
  let provider: TestProvider;
  let admin: ApiClient;
  let appUrl: string;
  const tag = randomUUID().slice(0, 8);
  const email = (name: string) => `${name}-${tag}@example.org`;
  const users: Record<string, string> = {};

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    provider = await TestProvider.start(appUrl, {
      rosa: { email: email('rosa'), email_verified: true, name: 'Rosa Díaz' },
      'rosa-again': { email: email('rosa'), email_verified: true },
      jo: { email: email('jo').toUpperCase(), email_verified: true },
      stranger: { email: email('stranger'), email_verified: true },
      unverified: { email: email('sam'), email_verified: false },
      entra: { email: `lee-${tag}@entra.example.org` },
      // A provider that says "not verified" is believed, listed domain or not.
      'entra-unverified': { email: `kim-${tag}@entra.example.org`, email_verified: false },
      'no-email': {},
      revoked: { email: email('ex'), email_verified: true },
    });
    harness = await AppHarness.start(
      {
        PORT: String(port),
        PUBLIC_URL: appUrl,
        ...provider.env({ OIDC_NAME: 'Union Workspace', OIDC_EMAIL_DOMAINS: 'entra.example.org' }),
      },
      { worker: false, chromium: true },
    );
    admin = new ApiClient(harness);
    for (const [name, address] of [
      ['rosa', email('rosa')],
      ['jo', email('jo')],
      ['sam', email('sam')],
      ['lee', `lee-${tag}@entra.example.org`],
      ['kim', `kim-${tag}@entra.example.org`],
      ['ex', email('ex')],
    ]) {
      const created = await admin.ok('POST', '/api/users', { email: address, name, role: 'coordinator' });
      users[name] = created.id;
    }
    await admin.ok('POST', `/api/users/${users.ex}/revoke`);
  });

  afterAll(async () => {
    await harness?.stop();
    await provider?.stop();
  });

  const me = (session: string) => harness.http('GET', '/api/auth/me', { headers: { cookie: session } });
  const failedWith = (location: URL) =>
    location.href.startsWith(`${appUrl}/?`) && location.searchParams.get('signInFailed');

  it('offers the provider by name on the sign-in page', async () => {
    const options = await harness.http('GET', '/api/auth/options');
    expect(options.body).toMatchObject({
      email: false,
      singleSignOn: { name: 'Union Workspace', startUrl: '/api/auth/oidc/start' },
    });
    expect(options.body.singleSignOn.failures['no-account']).toBe(
      'No one here has the address you use at Union Workspace. Ask an administrator to invite you.',
    );
  });

  it('signs a staff user in through the provider and goes on to the view they asked for', async () => {
    const walk = await walkThrough(appUrl, 'rosa', { returnTo: '/#/organizers/3f1c' });
    expect(walk.location.href).toBe(`${appUrl}/#/organizers/3f1c`);
    expect(walk.session).toBeDefined();
    const signedIn = await me(walk.session!);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: users.rosa, email: email('rosa'), role: 'coordinator' });
    const sessions = await harness.http('GET', '/api/auth/sessions', { headers: { cookie: walk.session! } });
    expect(sessions.body.items).toEqual([expect.objectContaining({ method: 'oidc', current: true })]);
    const audit = await harness.dataSource.query(
      `SELECT kind, after FROM audit_entries WHERE subject = $1 AND kind IN ('sign-in-bound', 'signed-in') ORDER BY at`,
      [users.rosa],
    );
    expect(audit).toEqual([
      { kind: 'sign-in-bound', after: { issuer: provider.issuer } },
      { kind: 'signed-in', after: { method: 'oidc' } },
    ]);
  });

  it('keeps the browser’s attempt in a cookie only the callback reads, for ten minutes', async () => {
    const started = await fetch(`${appUrl}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(started.status).toBe(303);
    const to = new URL(started.headers.get('location')!);
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: `${appUrl}/api/auth/oidc/callback`,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    for (const check of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(check)).toMatch(/^.{43}$/);
    const cookie = started.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /^op_sso=[\w-]{43}; Max-Age=600; Path=\/api\/auth\/oidc; Expires=.*; HttpOnly; SameSite=Lax$/,
    );
  });

  it('matches on the provider’s account once bound, whatever email another account there claims', async () => {
    const again = await walkThrough(appUrl, 'rosa');
    expect((await me(again.session!)).body.user.id).toBe(users.rosa);
    const other = await walkThrough(appUrl, 'rosa-again');
    expect(failedWith(other.location)).toBe('other-account');
    expect(other.session).toBeUndefined();
    // An address is matched whatever its case.
    const jo = await walkThrough(appUrl, 'jo');
    expect((await me(jo.session!)).body.user.id).toBe(users.jo);
  });

  it('refuses an email no staff user has, one the provider does not vouch for, none, and a revoked user', async () => {
    const outcomes: Record<string, string | false | null> = {};
    for (const login of ['stranger', 'unverified', 'no-email', 'revoked']) {
      const walk = await walkThrough(appUrl, login);
      expect(walk.session).toBeUndefined();
      outcomes[login] = failedWith(walk.location);
    }
    expect(outcomes).toEqual({
      stranger: 'no-account',
      unverified: 'unverified',
      'no-email': 'no-email',
      revoked: 'no-account',
    });
    const [{ count }] = await harness.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE email = $1`, [
      email('stranger'),
    ]);
    expect(count).toBe(0);
    const failures = await harness.dataSource.query(
      `SELECT after->>'reason' AS reason FROM audit_entries WHERE kind = 'sign-in-failed' AND after->>'method' = 'oidc'`,
    );
    expect(failures.map((f: { reason: string }) => f.reason)).toEqual(
      expect.arrayContaining(['no-account', 'unverified', 'no-email']),
    );
  });

  it('takes an address in OIDC_EMAIL_DOMAINS that the provider does not mark verified (as Entra ID sends)', async () => {
    const walk = await walkThrough(appUrl, 'entra');
    expect((await me(walk.session!)).body.user.id).toBe(users.lee);
    const said = await walkThrough(appUrl, 'entra-unverified');
    expect([failedWith(said.location), said.session]).toEqual(['unverified', undefined]);
  });

  it('refuses a changed nonce, a changed state, a browser without the attempt, and an answer used twice', async () => {
    const nonce = await walkThrough(appUrl, 'jo', {
      tamper: { authorization: (url) => url.searchParams.set('nonce', 'n'.repeat(43)) },
    });
    expect([failedWith(nonce.location), nonce.session]).toEqual(['refused', undefined]);
    const state = await walkThrough(appUrl, 'jo', {
      tamper: { callback: (url) => url.searchParams.set('state', 's'.repeat(43)) },
    });
    expect([failedWith(state.location), state.session]).toEqual(['refused', undefined]);
    const foreign = await walkThrough(appUrl, 'jo', { tamper: { attemptCookie: 'a'.repeat(43) } });
    expect([failedWith(foreign.location), foreign.session]).toEqual(['ended', undefined]);

    let answer: URL | undefined;
    const first = await walkThrough(appUrl, 'jo', { tamper: { callback: (url) => void (answer = new URL(url)) } });
    expect(first.session).toBeDefined();
    const replayed = await fetch(answer!, { redirect: 'manual', headers: { cookie: first.jar.header(appUrl) } });
    expect(failedWith(new URL(replayed.headers.get('location')!))).toBe('ended');
  });

  it('goes back only to a path on the page’s own origin', async () => {
    for (const returnTo of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)']) {
      const walk = await walkThrough(appUrl, 'jo', { returnTo });
      expect(walk.location.href).toBe(`${appUrl}/`);
    }
  });

  it('says so when the provider cannot be reached, and answers 404 where single sign-on is not configured', async () => {
    const deadIssuer = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await AppHarness.start(
      { OIDC_ISSUER: deadIssuer, OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' },
      { worker: false },
    );
    const plain = await AppHarness.start({}, { worker: false });
    try {
      const started = await fetch(`${unreachable.baseUrl}/api/auth/oidc/start`, { redirect: 'manual' });
      expect(started.status).toBe(303);
      expect(new URL(started.headers.get('location')!).searchParams.get('signInFailed')).toBe('unavailable');
      expect((await plain.http('GET', '/api/auth/options')).body.singleSignOn).toBeNull();
      expect((await plain.http('GET', '/api/auth/oidc/start')).status).toBe(404);
      expect((await plain.http('GET', '/api/auth/oidc/callback?code=x&state=y')).status).toBe(404);
    } finally {
      await unreachable.stop();
      await plain.stop();
    }
  });

  it('signs in from the page by the provider’s button, on to the view asked for; says why not when it cannot', async () => {
    const laptop = await harness.browser.newContext();
    const phoneContext = await harness.browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
    try {
      const page = await laptop.newPage();
      await page.goto(`${appUrl}/#/account`);
      const button = page.getByRole('link', { name: 'Sign in with Union Workspace' });
      await button.waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, 'sign-in-single-sign-on.png');
      await button.click();
      await page.getByPlaceholder('Enter any login').fill('rosa');
      await page.getByPlaceholder('and password').fill('any');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.waitForURL(`${appUrl}/#/account`);
      await page.getByRole('heading', { name: 'Sessions and tokens' }).waitFor();
      expect(await page.locator('[data-table="sessions"] tbody tr').first().textContent()).toContain('single sign-on');

      const small = await phoneContext.newPage();
      await small.goto(`${appUrl}/`);
      await small.getByRole('link', { name: 'Sign in with Union Workspace' }).click();
      await small.getByPlaceholder('Enter any login').fill('stranger');
      await small.getByPlaceholder('and password').fill('any');
      await small.getByRole('button', { name: 'Sign-in' }).click();
      const alert = small.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toBe(
        'No one here has the address you use at Union Workspace. Ask an administrator to invite you.',
      );
      expect(small.url()).toBe(`${appUrl}/`);
      expect(await accessibilityProblems(small)).toEqual([]);
      expect(await overflowsSideways(small)).toBe(false);
      await screenshot(small, 'sign-in-single-sign-on-refused.png');
    } finally {
      await laptop.close();
      await phoneContext.close();
    }
  });
});
