/// <reference lib="dom" />
// Week by week in the page (headless Chromium): the program's charts and one person's, drawn from the API's series,
// their numbers under the pointer and in a table, clean for axe-core, and on a 360-px phone.
import { Browser, Page } from 'playwright-core';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import {
  accessibilityProblems,
  launchChromium,
  overflowsSideways,
  phone,
  screenshot,
  signedIn,
} from '../support/browser';
import { anaAndBen, W2 } from '../support/week-fixture';

describe('week by week in the page', () => {
  let harness: AppHarness;
  let coordinator: ApiClient;
  let program: Program;
  let ana: string;
  let browser: Browser;

  beforeAll(async () => {
    harness = await AppHarness.start({}, { worker: false });
    const admin = new ApiClient(harness);
    program = await admin.createProgram({}, { timezone: 'America/New_York', name: 'Weeks in New York' });
    ({ ana } = await anaAndBen(harness.dataSource, program.id));
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  /** The table behind a chart, opened as a reader would: its rows' cells as text. */
  async function tableOf(page: Page, chart: string): Promise<string[][]> {
    await page.locator(`[data-chart=${chart}] summary`).click();
    const rows = page.locator(`[data-table=${chart}] tbody tr`);
    return Promise.all(
      (await rows.all()).map(async (row) => (await row.locator('th, td').allTextContents()).map((t) => t.trim())),
    );
  }

  it("draws the program's weeks with the API's numbers, under the pointer and as a table", async () => {
    const { weeks, series } = await coordinator.ok('GET', `/api/dashboard/trends?programId=${program.id}`);
    const page = await signedIn(browser, harness.baseUrl, coordinator.token, `/program/${program.id}`);
    await page.waitForSelector('[data-chart=debriefs] canvas');
    expect(await page.locator('[data-section=weeks] canvas').count()).toBe(3);

    const debriefs = await tableOf(page, 'debriefs');
    expect(debriefs).toHaveLength(weeks.length);
    expect(debriefs.map((cells) => cells.slice(1).map(Number))).toEqual(
      weeks.map((_: string, i: number) => [
        series.debriefsDue[i],
        series.debriefsOnTime[i],
        series.debriefsLate[i],
        series.debriefsMissing[i],
      ]),
    );
    // The week clocks went back is named by its Monday, whatever the browser's zone.
    expect(debriefs[weeks.indexOf(W2)][0]).toBe('Oct 26, 2026');
    const activity = await tableOf(page, 'activity');
    expect(activity[weeks.indexOf(W2)].slice(1)).toEqual(['8', '1', '5']);
    const stages = await page.locator('[data-table=stages] thead th').allTextContents();
    expect(stages).toEqual(expect.arrayContaining(['Week of', 'Training']));

    // Under the pointer: the week's numbers in words beside the chart.
    const chart = page.locator('[data-chart=debriefs] .u-over');
    const box = (await chart.boundingBox())!;
    const before = await page.locator('[data-hovered=debriefs]').textContent();
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.waitForFunction(
      (text) => document.querySelector('[data-hovered=debriefs]')?.textContent !== text,
      before,
    );
    expect(await page.locator('[data-hovered=debriefs]').textContent()).toMatch(/^Oct 19, 2026: due 1, on time 1/);

    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'weeks-program.png');
    await page.close();
  });

  it("draws one person's weeks on their page", async () => {
    const page = await signedIn(browser, harness.baseUrl, coordinator.token, `/organizer/${ana}`);
    await page.waitForSelector('[data-chart=person-debriefs] canvas');
    const rows = await tableOf(page, 'person-debriefs');
    expect(rows.map((cells) => cells.slice(1))).toEqual([
      ['1', '1', '0', '0'],
      ['1', '0', '1', '0'],
      ['1', '0', '0', '1'],
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'weeks-person.png');
    await page.close();
  });

  it('fits a 360-px phone', async () => {
    const page = await signedIn(browser, harness.baseUrl, coordinator.token, `/program/${program.id}`, phone);
    await page.waitForSelector('[data-chart=debriefs] canvas');
    expect(await overflowsSideways(page)).toBe(false);
    await tableOf(page, 'debriefs');
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'weeks-phone.png');
    await page.close();
  });
});
