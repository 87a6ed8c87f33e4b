// Signing in from the page as a coordinator would: an email link, a second tab already signed in, the sessions panel
// and signing out everywhere (issue 28), in Chromium, checked with axe.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { accessibilityProblems, overflowsSideways, phone, screenshot, signedIn } from '../support/browser';
import { eventually } from '../support/eventually';

describe('signing in from the page', () => {
  let harness: AppHarness;
  let admin: ApiClient;

  beforeAll(async () => {
    harness = await AppHarness.start({}, { mail: true, chromium: true, worker: false });
    admin = new ApiClient(harness);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** The secret of sign-in email number `after` to `email` (invitations aside), once it has come. */
  async function newestLink(email: string, after: number): Promise<string> {
    const mail = await eventually(
      `a sign-in email to ${email}`,
      async () =>
        harness.mail.messages.filter(
          (m) => JSON.stringify(m.to).includes(email) && m.subject === 'Sign in to Organizer Pipeline',
        )[after],
    );
    return /\/signin\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1];
  }

  async function askForLink(page: Page, email: string): Promise<void> {
    await page.goto(`${harness.baseUrl}/`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('status').filter({ hasText: 'a sign-in link is on its way' }).waitFor();
  }

  async function signInFromEmail(context: BrowserContext, email: string, sent: number): Promise<Page> {
    const page = await context.newPage();
    await askForLink(page, email);
    await page.goto(`${harness.baseUrl}/signin/${await newestLink(email, sent)}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${harness.baseUrl}/#/`);
    await page.getByRole('link', { name: 'Signed in as coordinator' }).waitFor();
    return page;
  }

  it('signs in from an emailed link, stays signed in in a new tab, and signs out everywhere', async () => {
    const email = `rosa-${randomUUID().slice(0, 8)}@example.org`;
    await admin.ok('POST', '/api/users', { email, name: 'Rosa Díaz', role: 'coordinator' });
    const laptop = await harness.browser.newContext();
    const phoneContext = await harness.browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
    try {
      const asking = await laptop.newPage();
      await asking.goto(`${harness.baseUrl}/`);
      expect(await accessibilityProblems(asking)).toEqual([]);
      await screenshot(asking, 'sign-in.png');

      const first = await signInFromEmail(laptop, email, 0);
      expect(await accessibilityProblems(first)).toEqual([]);

      // A second tab of the same browser is signed in already: nothing to paste.
      const second = await laptop.newPage();
      await second.goto(`${harness.baseUrl}/#/today`);
      await second.getByRole('heading', { level: 1 }).filter({ hasText: 'Today' }).waitFor();

      const onThePhone = await signInFromEmail(phoneContext, email, 1);
      expect(await overflowsSideways(onThePhone)).toBe(false);

      await second.getByRole('link', { name: 'Signed in as coordinator' }).click();
      await second.getByRole('heading', { name: 'Sessions and tokens' }).waitFor();
      const rows = second.locator('[data-table="sessions"] tbody tr');
      await eventually('both browsers listed', async () => (await rows.count()) === 2);
      expect(await accessibilityProblems(second)).toEqual([]);
      await screenshot(second, 'sessions.png');

      await second.getByRole('button', { name: 'Sign out everywhere' }).click();
      await second.getByRole('heading', { name: 'Sign in' }).waitFor();
      await onThePhone.reload();
      await onThePhone.getByRole('heading', { name: 'Sign in' }).waitFor();
      await first.reload();
      await first.getByRole('heading', { name: 'Sign in' }).waitFor();
    } finally {
      await laptop.close();
      await phoneContext.close();
    }
  });

  it("goes on to the view a reminder's link opened once signed in", async () => {
    const email = `ana-${randomUUID().slice(0, 8)}@example.org`;
    await admin.ok('POST', '/api/users', { email, name: 'Ana Ruiz', role: 'coordinator' });
    const context = await harness.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${harness.baseUrl}/#/today`);
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await page.getByRole('status').filter({ hasText: 'a sign-in link is on its way' }).waitFor();
      await page.goto(`${harness.baseUrl}/signin/${await newestLink(email, 0)}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${harness.baseUrl}/#/today`);
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Today' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('makes an API token in the panel, shows it once, and revokes it', async () => {
    const nat = await admin.ok('POST', '/api/users', {
      email: `nat-${randomUUID().slice(0, 8)}@example.org`,
      name: 'Nat',
      role: 'national',
    });
    const page = await signedIn(harness.browser, harness.baseUrl, nat.token, '/account');
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByLabel('Name (what it is for)').fill('roster sync');
    await page.getByRole('button', { name: 'Make a token' }).click();
    const shown = (await page.locator('.token code').textContent())!;
    expect((await admin.as(shown).call('GET', '/api/users/me')).status).toBe(200);
    const rows = page.locator('[data-table="tokens"] tbody tr');
    await eventually('the new token listed', async () => (await rows.count()) === 2);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'tokens.png');
    await page.getByRole('button', { name: 'Revoke roster sync' }).click();
    await eventually('the token gone', async () => (await rows.count()) === 1);
    expect((await admin.as(shown).call('GET', '/api/users/me')).status).toBe(401);
    await page.close();
  });

  it('says a used link has ended and how to get a new one', async () => {
    const email = `jo-${randomUUID().slice(0, 8)}@example.org`;
    await admin.ok('POST', '/api/users', { email, name: 'Jo Rivera', role: 'coordinator' });
    const context = await harness.browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await askForLink(page, email);
      const token = await newestLink(email, 0);
      await page.goto(`${harness.baseUrl}/signin/${token}`);
      await screenshot(page, 'phone-sign-in-link.png');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${harness.baseUrl}/#/`);

      const again = await context.newPage();
      await again.goto(`${harness.baseUrl}/signin/${token}`);
      await again.getByRole('button', { name: 'Sign in' }).click();
      await again.getByRole('alert').filter({ hasText: 'already used or has expired' }).waitFor();
      await again.getByRole('link', { name: 'Ask for a new sign-in link' }).waitFor();
      expect(await accessibilityProblems(again)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
