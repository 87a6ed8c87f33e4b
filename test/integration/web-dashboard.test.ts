/// <reference lib="dom" />
// The web page in headless Chromium: sign in, the numbers on the page are the API's, drill-down reaches an
// organizer's timeline, text people typed is shown as typed. Screenshots land in test-output/.
import { existsSync, mkdirSync } from 'node:fs';
import { soon } from '../../dev/hiring-walk';
import { Browser, chromium, Page } from 'playwright-core';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { screenshot } from '../support/browser';
import { eventually } from '../support/eventually';
import { outputDir } from '../support/histories';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hostileName = '<img src=x onerror="window.__xss=1">Local 7 & "Friends"';

describe('web dashboard (headless Chromium)', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let atRiskId: string;
  let browser: Browser;
  // The page's figures are compared with the API's: a coordinator of this program alone sees only what this test
  // holds still (other suites' programs keep moving meanwhile).
  let coordinator: ApiClient;

  beforeAll(async () => {
    if (!existsSync(chromiumPath))
      throw new Error(
        `no Chromium at ${chromiumPath}: install Debian's chromium (npm test does so as root) or set CHROMIUM_PATH`,
      );
    harness = await AppHarness.start();
    admin = new ApiClient(harness);
    program = await admin.createProgram(aFastPolicy(), { name: hostileName });
    const applicants = await Promise.all(
      [1, 2, 3, 4].map(async () => (await admin.apply(program.id)).body.id as string),
    );
    const [missing, steady, screening] = applicants;
    await Promise.all([admin.hireToActive(program, missing), admin.hireToActive(program, steady)]);
    await admin.ok('POST', `/api/organizers/${screening}/schedule-screening`, {
      at: soon(),
      location: 'hall',
    });
    await admin.ok('POST', `/api/organizers/${steady}/submit-debrief`, {
      hours: 6,
      conversations: 9,
      oneOnOnes: 2,
      leadersIdentified: 1,
      inPerson: true,
      group: true,
      notes: '<script>window.__xss=2</script>',
    });
    // Two missed weeks (4 s each, 2 s grace) flag the first organizer; pausing both then holds every figure still.
    await eventually(
      'the at-risk flag',
      async () => (await admin.ok('GET', `/api/organizers/${missing}`)).atRisk,
      60_000,
    );
    await admin.ok('POST', `/api/organizers/${missing}/pause`, {});
    await admin.ok('POST', `/api/organizers/${steady}/pause`, {});
    atRiskId = missing;
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
    mkdirSync(outputDir, { recursive: true });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(harness.baseUrl + '/');
    await page.getByText('Use an API token').click();
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  const numberOn = async (page: Page, selector: string) =>
    Number((await page.locator(selector).first().textContent())!.replace(/[,%]/g, ''));

  it('refuses a wrong token with a message', async () => {
    const page = await browser.newPage();
    await signIn(page, 'op_wrong');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not accepted');
    await page.close();
  });

  it('shows the API figures, drills down to an organizer, and renders typed text as text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(harness.baseUrl + '/');
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(page, coordinator.token);
    await page.waitForSelector('[data-kpi=applications] .value');

    const pipeline = await coordinator.ok('GET', '/api/dashboard/pipeline');
    expect(pipeline.programs).toHaveLength(1);
    const t = pipeline.totals;
    expect(await numberOn(page, '[data-kpi=applications] .value')).toBe(t.applications);
    expect(await numberOn(page, '[data-kpi=hired] .value')).toBe(t.hired);
    expect(await numberOn(page, '[data-kpi=conversion] .value')).toBeCloseTo(t.conversion * 100, 1);
    expect(await numberOn(page, '[data-kpi=overdueDebriefs] .value')).toBe(t.overdueDebriefs);
    expect(await numberOn(page, '[data-kpi=atRisk] .value')).toBe(t.atRisk);
    for (const [stage, count] of Object.entries(t.stages))
      expect(await numberOn(page, `[data-stage=${stage}]`)).toBe(count);
    await screenshot(page, 'dashboard-overview.png');

    // Drill down: the program (named with markup, shown as typed), then its at-risk organizer.
    const link = page.locator(`[data-program="${program.id}"]`);
    expect(await link.textContent()).toBe(hostileName);
    await link.click();
    await page.waitForSelector('[data-table=at-risk]');
    expect(await page.locator('h1').textContent()).toBe(hostileName);
    const figures = pipeline.programs.find((p: { programId: string }) => p.programId === program.id);
    for (const [stage, count] of Object.entries(figures.stages))
      expect(await numberOn(page, `[data-stage=${stage}]`)).toBe(count);
    expect(await numberOn(page, '[data-kpi=atRisk] .value')).toBe(1);
    // People who applied minutes ago waited minutes, not "0.0" days.
    const waits = await page
      .getByRole('table', { name: /Median time in stage/ })
      .locator('td')
      .allTextContents();
    expect(waits).not.toContain('0.0');
    expect(waits.some((text) => /^\d+ min$|^\d+\.\d hours$/.test(text))).toBe(true);
    await screenshot(page, 'dashboard-program.png');

    await page.locator(`[data-table=at-risk] a[href="#/organizer/${atRiskId}"]`).click();
    await page.waitForSelector(`[data-timeline="${atRiskId}"]`);
    const detail = await admin.ok('GET', `/api/organizers/${atRiskId}`);
    expect(await page.locator(`[data-timeline="${atRiskId}"] li`).count()).toBe(detail.history.length);
    expect(await page.locator('.tag.risk').count()).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-organizer.png');

    // The other organizer's debrief notes hold a script tag: shown, never run.
    const steady = (await admin.ok('GET', `/api/programs/${program.id}/organizers?stage=active`)).items.find(
      (o: { id: string }) => o.id !== atRiskId,
    );
    await page.goto(`${harness.baseUrl}/#/organizer/${steady.id}`);
    await page.waitForSelector(`[data-timeline="${steady.id}"]`);
    expect(await page.locator('[data-table=debriefs]').textContent()).toContain('<script>window.__xss=2</script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(page, admin.token);
    await page.waitForSelector('[data-kpi=applications] .value');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-phone.png');
    await page.close();
  });
});
