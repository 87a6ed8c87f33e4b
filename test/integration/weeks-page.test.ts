/// <reference lib="dom" />
// Week by week in the page (headless Chromium): the program's charts and one person's, drawn from the API's series,
// their numbers under the pointer and in a table, clean for axe-core, and on a 360-px phone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputDir } from '../support/histories';
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
import { anaAndBen, recordsIn, W2 } from '../support/week-fixture';
import { lastTwoWeeks } from '../../src/domain/trends';
import { aFastPolicy } from '../support/builders';
import { localDayOf } from '../../src/domain/calendar';

describe('week by week in the page', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let national: ApiClient;
  let program: Program;
  let second: Program;
  let falling: Program;
  let ana: string;
  let browser: Browser;

  beforeAll(async () => {
    harness = await AppHarness.start();
    admin = new ApiClient(harness);
    national = admin.as((await admin.createUser('national')).token);
    program = await admin.createProgram({}, { timezone: 'America/New_York', name: 'Weeks in New York' });
    // Its fixture's weeks are in October: the program began before them.
    await harness.dataSource.query(`UPDATE programs SET created_at = '2026-10-01T00:00:00Z' WHERE id = $1`, [
      program.id,
    ]);
    ({ ana } = await anaAndBen(harness.dataSource, program.id));
    // A second program, with two applications in its last whole week and one the week before; a third with one
    // against three: fewer than the second's, but falling.
    second = await admin.createProgram({}, { name: 'Side by side', kind: 'political_organizer' });
    const latest = await applications(second, 1, 2);
    // One of them screened a day after applying: their day in Applied ended in the last whole week.
    const { organizer, transitions } = recordsIn(harness.dataSource, second.id);
    const applied = new Date(latest.start.getTime() + 3_600_000);
    const screened = await organizer({ local: 'Local 9', stage: 'screening', applied: applied.toISOString() });
    await transitions(screened, [
      [null, 'applied', applied.toISOString()],
      ['applied', 'screening', new Date(applied.getTime() + 24 * 3_600_000).toISOString()],
    ]);
    // Its one goal, a hire due before these weeks, is behind plan in both.
    falling = await admin.createProgram(
      {},
      {
        name: 'Falling behind',
        kind: 'civic_engagement',
        goals: [{ name: 'Hires', metric: 'hires', scope: 'program', target: 1, by: '2026-06-01' }],
      },
    );
    await applications(falling, 3, 1);
    coordinator = admin.as(
      (await admin.createUser('coordinator', { programIds: [program.id, second.id, falling.id] })).token,
    );
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  /** Applications to a program in the week before its last whole week, and in that week; answers that week. */
  async function applications(to: Program, previousWeek: number, lastWeek: number) {
    const [row] = await harness.dataSource.query(`SELECT period_week_ms, weeks_since FROM programs WHERE id = $1`, [
      to.id,
    ]);
    const weeks = lastTwoWeeks(
      { timezone: to.timezone, periodWeekMs: row.period_week_ms, weeksSince: row.weeks_since },
      Date.now(),
    );
    const { organizer } = recordsIn(harness.dataSource, to.id);
    for (const [week, count] of [previousWeek, lastWeek].entries())
      for (let i = 0; i < count; i++)
        await organizer({
          local: 'Local 9',
          stage: 'applied',
          applied: new Date(weeks[week].start.getTime() + (5 + 40 * i) * 3_600_000).toISOString(),
        });
    return weeks[1];
  }

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

    // The chart's CSV, as the browser saves it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download debriefs as CSV' }).click(),
    ]);
    const saved = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(saved[0]).toBe('week,debriefsDue,debriefsOnTime,debriefsLate,debriefsMissing,onTimeRate');
    expect(saved[1 + weeks.indexOf(W2)]).toBe(`${W2},1,0,1,0,0`);

    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'weeks-program.png');
    await page.locator('[data-section=weeks]').screenshot({ path: join(outputDir, 'weeks-charts.png') });
    await page.close();
  });

  it('draws each goal against its plan, week by week', async () => {
    await admin.ok('PATCH', `/api/programs/${program.id}`, {
      goals: [
        { name: 'Hires', metric: 'hires', scope: 'program', target: 4 },
        { name: 'Conversations a week', metric: 'conversations', scope: 'organizer_week', target: 10 },
      ],
    });
    const { weeks, goals } = await coordinator.ok('GET', `/api/dashboard/trends?programId=${program.id}`);
    expect(goals.map((g: { goal: string }) => g.goal)).toEqual(['Hires', 'Conversations a week']);
    // No one in the fixture has been active: no week has a figure per organizer.
    expect(goals[1].actual.every((value: number | null) => value === null)).toBe(true);
    const page = await signedIn(browser, harness.baseUrl, coordinator.token, `/program/${program.id}`);
    await page.waitForSelector('[data-chart=goal-0] canvas');
    expect(await page.getByRole('heading', { name: 'Goals against plan' }).count()).toBe(1);
    for (const [i, goal] of goals.entries()) {
      const table = await tableOf(page, `goal-${i}`);
      const shown = (value: number | null) => (value === null ? '—' : String(value));
      expect(table).toEqual(
        weeks.map((_: string, w: number) => [expect.any(String), shown(goal.actual[w]), shown(goal.plan[w])]),
      );
    }
    expect((await tableOf(page, 'goal-0'))[weeks.indexOf(W2)].slice(1)).toEqual(['1', expect.any(String)]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.locator('[data-section=weeks]').screenshot({ path: join(outputDir, 'weeks-goals.png') });
    await page.close();
  });

  it('puts the programs side by side, sorted by any figure or its change, and filtered by kind', async () => {
    const page = await signedIn(browser, harness.baseUrl, coordinator.token, '/');
    await page.waitForSelector('[data-table=side-by-side] tbody tr');
    const rows = page.locator('[data-table=side-by-side] tbody tr');
    const names = () => rows.locator('th').allTextContents();
    expect(await names()).toEqual(['Falling behind', 'Side by side', 'Weeks in New York']);
    const applicationsOf = (p: Program) => page.locator(`[data-program-week="${p.id}"] [data-figure=applications]`);
    expect(await applicationsOf(second).textContent()).toBe('3 ▲up 2 from the week before');
    expect(await applicationsOf(falling).textContent()).toBe('1 ▼down 2 from the week before');
    // Every figure of a debrief is compared: late ones, one-on-ones and leaders identified too.
    for (const figure of ['Late', 'One-on-ones', 'Leaders identified'])
      expect(await page.getByRole('button', { name: figure, exact: true }).count()).toBe(1);
    // Goals on plan: none of the one goal there is; no figure where a program measures none.
    const goalsOnPlanOf = (p: Program) => page.locator(`[data-program-week="${p.id}"] [data-figure=goalsOnPlan]`);
    expect((await goalsOnPlanOf(falling).textContent())!.trim()).toBe('0.0%');
    expect((await goalsOnPlanOf(second).textContent())!.trim()).toBe('—');
    await page.getByRole('button', { name: 'Program' }).click();
    expect(await names()).toEqual(['Weeks in New York', 'Side by side', 'Falling behind']);
    await page.getByRole('button', { name: 'Applications' }).click();
    expect(await page.locator('th[aria-sort=descending]').textContent()).toBe('Applications');
    expect(await names()).toEqual(['Side by side', 'Falling behind', 'Weeks in New York']);
    // Where it is getting better or worse: the same column by its change from the week before, the biggest rise
    // first, then, clicked again, the biggest fall.
    await page.getByLabel('Order by').selectOption('change');
    expect(await names()).toEqual(['Side by side', 'Weeks in New York', 'Falling behind']);
    await page.getByRole('button', { name: 'Applications' }).click();
    expect(await page.locator('th[aria-sort=ascending]').textContent()).toBe('Applications');
    expect(await names()).toEqual(['Falling behind', 'Weeks in New York', 'Side by side']);
    // People in a stage and the median time they spent in it, for the stage chosen: the one who was screened had a
    // day in Applied (the API's figure, as shown).
    await page.getByLabel('Stage').selectOption('applied');
    expect(await page.getByRole('button', { name: 'Median hours in Applied' }).count()).toBe(1);
    const sideBySide = await coordinator.ok('GET', '/api/dashboard/weeks');
    const ours = sideBySide.programs.find((p: { programId: string }) => p.programId === second.id);
    expect(ours.latest['medianHoursInStage.applied']).toBe(24);
    const hoursIn = page.locator(`[data-program-week="${second.id}"] [data-figure=stageHours]`);
    expect((await hoursIn.textContent())!.trim()).toBe('24');
    await page
      .locator('[data-section=side-by-side]')
      .screenshot({ path: join(outputDir, 'weeks-side-by-side-table.png') });
    await page.getByLabel('Kind of program').selectOption('member_organizer');
    await page.waitForFunction(() => document.querySelectorAll('[data-table=side-by-side] tbody tr').length === 1);
    expect(await names()).toEqual(['Weeks in New York']);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'weeks-side-by-side.png');
    await page.close();
  });

  it("draws one person's weeks on their page", async () => {
    const page = await signedIn(browser, harness.baseUrl, coordinator.token, `/organizer/${ana}`);
    await page.waitForSelector('[data-chart=person-debriefs] canvas');
    const rows = await tableOf(page, 'person-debriefs');
    // Their weeks from the first to the one in progress.
    expect(rows.slice(0, 3).map((cells) => cells.slice(1))).toEqual([
      ['1', '1', '0', '0'],
      ['1', '0', '1', '0'],
      ['1', '0', '0', '1'],
    ]);
    expect(rows.slice(3).every((cells) => cells.slice(1).every((n) => n === '0'))).toBe(true);
    expect(rows.length).toBeGreaterThan(3);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'weeks-person.png');
    await page.close();
  });

  it("makes a past week's report from the program page and opens it, the error beside the field", async () => {
    const page = await signedIn(browser, harness.baseUrl, national.token, `/program/${program.id}`);
    const field = page.getByLabel('Open or make the report of a past week');
    await field.fill(localDayOf(Date.now(), program.timezone));
    await page.getByRole('button', { name: 'Open the report' }).click();
    const problem = page.locator('.field.invalid .field-error');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('a week that has ended');
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    // The week the fixture's debrief came in late (Ana's, for the period that ended Sunday 1 November).
    await field.fill('2026-10-28');
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.waitForSelector('h1:has-text("Weekly report")');
    expect(page.url()).toContain(`/program/${program.id}/report/${W2}`);
    const report = await national.ok('GET', `/api/programs/${program.id}/reports/${W2}`);
    expect(await page.locator('[data-kpi=report-debriefs] .value').textContent()).toBe(String(report.totals.debriefs));
    expect(await page.locator('[data-kpi=report-hours] .value').textContent()).toBe(String(report.totals.hours));
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'weekly-report.png');

    // The program page lists it and opens it again.
    await page.goto(`${harness.baseUrl}/#/program/${program.id}`);
    await page.getByRole('link', { name: 'Oct 26, 2026' }).click();
    await page.waitForSelector('h1:has-text("Weekly report")');

    // Another day of that week opens the report as it was made, without making it again.
    await page.goto(`${harness.baseUrl}/#/program/${program.id}`);
    await page.getByLabel('Open or make the report of a past week').fill('2026-10-30');
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.waitForSelector('h1:has-text("Weekly report")');
    expect(await national.ok('GET', `/api/programs/${program.id}/reports/${W2}`)).toEqual(report);
    await page.close();
  });

  it("lists older reports on request, and opens a week's report for a coordinator by any day of it", async () => {
    // A report for every other week that has ended since the program began (Monday 28 September to 23 November).
    for (
      let week = Date.parse('2026-09-28T12:00:00Z');
      week < Date.parse('2026-11-24T12:00:00Z');
      week += 7 * 86_400_000
    )
      await national.ok('POST', `/api/programs/${program.id}/reports`, {
        weekOf: new Date(week).toISOString().slice(0, 10),
      });
    const { total } = await national.ok('GET', `/api/programs/${program.id}/reports`);
    expect(total).toBe(9);
    const page = await signedIn(browser, harness.baseUrl, coordinator.token, `/program/${program.id}`);
    const rows = page.locator('[data-table=reports] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(8);
    expect(await page.locator('[data-table=reports] caption').textContent()).toBe('Newest first (8 of 9)');
    // A newer week's report made meanwhile (the Monday Schedule's) moves every report one place down the list: the
    // older ones come each once all the same.
    await harness.dataSource.query(
      `INSERT INTO weekly_reports (program_id, week_start, week_end, submitted, missing, totals, goals, created_at)
       VALUES ($1, '2026-11-30T05:00:00Z', '2026-12-07T05:00:00Z', '[]', '[]', $2, '[]', now())`,
      [program.id, JSON.stringify({ debriefs: 0, hours: 0, conversations: 0, oneOnOnes: 0, leadersIdentified: 0 })],
    );
    await page.getByRole('button', { name: 'Show older reports' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-table=reports] tbody tr').length >= 9);
    const weeksListed = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    expect(weeksListed).toHaveLength(9);
    expect(new Set(weeksListed).size).toBe(9);
    expect(await rows.last().locator('td').first().textContent()).toBe('Sep 28, 2026');
    expect(await page.getByRole('button', { name: 'Show older reports' }).count()).toBe(0);

    // A coordinator opens reports and never makes one: a week without one says so.
    const field = page.getByLabel('Open the report of a past week');
    await field.fill('2026-09-01');
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.locator('p.error[role=alert]').filter({ hasText: 'no report for the week of 2026-09-01' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await field.fill('2026-11-04');
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.waitForSelector('h1:has-text("Weekly report")');
    expect(page.url()).toContain(`/program/${program.id}/report/2026-11-02`);
    await page.close();
  });

  it('picks a report from the past debrief periods where they count as weeks, and opens it', async () => {
    // Four-second periods since a minute ago, with an application half a minute ago: its weeks are named by instants.
    const periods = await admin.createProgram(aFastPolicy(), { name: 'Periods as weeks' });
    const began = new Date(Date.now() - 60_000);
    await harness.dataSource.query(`UPDATE programs SET created_at = $2, weeks_since = $2 WHERE id = $1`, [
      periods.id,
      began,
    ]);
    await recordsIn(harness.dataSource, periods.id).organizer({
      local: 'Local 9',
      stage: 'applied',
      applied: new Date(began.getTime() + 30_000).toISOString(),
    });
    const page = await signedIn(browser, harness.baseUrl, national.token, `/program/${periods.id}`);
    const field = page.getByLabel('Open or make the report of a past week');
    await field.locator('option').nth(3).waitFor({ state: 'attached' });
    // Newest first, each an instant that has ended (the period in progress is not offered).
    const offered = await field
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered.every((week) => !Number.isNaN(Date.parse(week)) && Date.parse(week) < Date.now())).toBe(true);
    expect([...offered].sort().reverse()).toEqual(offered);
    await field.selectOption(offered[1]);
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.waitForSelector('h1:has-text("Weekly report: week of")');
    expect(decodeURIComponent(page.url())).toContain(`/program/${periods.id}/report/${offered[1]}`);
    const report = await national.ok('GET', `/api/programs/${periods.id}/reports/${offered[1]}`);
    expect(report).toMatchObject({ weekOf: offered[1], weekStart: offered[1] });
    expect(Date.parse(report.weekEnd) - Date.parse(report.weekStart)).toBe(4_000);
    expect(await accessibilityProblems(page)).toEqual([]);
    // The program page lists it by the period's start.
    await page.goto(`${harness.baseUrl}/#/program/${periods.id}`);
    await page.locator('[data-table=reports] tbody tr a').first().click();
    await page.waitForSelector('h1:has-text("Weekly report: week of")');
    expect(decodeURIComponent(page.url())).toContain(`/report/${offered[1]}`);
    await page.close();
  });

  it('fits a 360-px phone', async () => {
    const page = await signedIn(browser, harness.baseUrl, coordinator.token, `/program/${program.id}`, phone);
    await page.waitForSelector('[data-chart=debriefs] canvas');
    expect(await overflowsSideways(page)).toBe(false);
    await tableOf(page, 'debriefs');
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'weeks-phone.png');
    // The programs side by side, one person's weeks and a weekly report, on the same phone.
    await page.goto(`${harness.baseUrl}/#/`);
    await page.waitForSelector('[data-table=side-by-side] tbody tr');
    expect(await overflowsSideways(page)).toBe(false);
    await page.goto(`${harness.baseUrl}/#/organizer/${ana}`);
    await page.waitForSelector('[data-chart=person-debriefs] canvas');
    expect(await overflowsSideways(page)).toBe(false);
    if ((await national.call('GET', `/api/programs/${program.id}/reports/${W2}`)).status === 404)
      await national.ok('POST', `/api/programs/${program.id}/reports`, { weekOf: W2 });
    await page.goto(`${harness.baseUrl}/#/program/${program.id}/report/${W2}`);
    await page.waitForSelector('h1:has-text("Weekly report")');
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'weekly-report-phone.png');
    await page.close();
  });
});
