// A season rehearsed over HTTP (issue 32): a coordinator sees what a policy will ask of people, period by period, and
// compares a change before saving it; bad input is named; nothing is stored and Temporal is not asked.
import { ApiClient, type Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { aPolicy } from '../support/builders';
import { typicalHabit } from '../../src/domain/rehearsal/season';
import { join } from 'node:path';
import { accessibilityProblems, screenshot, signedIn } from '../support/browser';
import { outputDir } from '../support/histories';

describe('rehearsing a season', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram(aPolicy(), {}, { chromium: true }));
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const habit = typicalHabit;
  const body = (patch: Record<string, unknown> = {}) => ({
    season: { from: '2027-01-04T06:00:00Z', until: '2027-04-05T06:00:00Z' },
    cohorts: [{ count: 25, habit }],
    seed: 3,
    ...patch,
  });
  const rehearse = (payload: unknown, as = coordinator) =>
    as.call('POST', `/api/programs/${program.id}/rehearsals`, payload);

  it("plays the program's policy forward period by period, the same for the same seed, storing nothing", async () => {
    // What a season would store in the program, were it lived (other suites write to the same database meanwhile).
    const stored = () =>
      harness.dataSource.query(
        `SELECT (SELECT count(*) FROM organizers WHERE program_id = $1)::int AS organizers,
           (SELECT count(*) FROM debriefs WHERE program_id = $1)::int AS debriefs,
           (SELECT count(*) FROM notifications WHERE program_id = $1)::int AS notifications`,
        [program.id],
      );
    const before = await stored();
    const answer = await rehearse(body());
    expect(answer.status).toBe(200);
    const { periods, totals, people } = answer.body;
    expect(periods.length).toBeGreaterThanOrEqual(13);
    expect(people).toHaveLength(25);
    expect(totals.debriefsDue).toBe(totals.onTime + totals.late + totals.missing);
    expect(totals.overdueReminders).toBeGreaterThan(0);
    expect(totals.memberMessages + totals.staffMessages).toBeGreaterThan(totals.overdueReminders - 1);
    expect((await rehearse(body())).body).toEqual(answer.body);
    expect(await stored()).toEqual(before);
  });

  it('compares two policies side by side: a longer grace sends fewer overdue reminders', async () => {
    const answer = await rehearse(body({ compare: [{}, { debriefGrace: '4 days', escalateAfter: '7 days' }] }));
    expect(answer.status).toBe(200);
    const [now, later] = answer.body.compared;
    expect(later.totals.overdueReminders).toBeLessThan(now.totals.overdueReminders);
    expect(answer.body.differences.overdueReminders).toBe(later.totals.overdueReminders - now.totals.overdueReminders);
  });

  it('names what is wrong: shares, too many people, a policy field it does not know, a season too long', async () => {
    const shares = await rehearse(body({ cohorts: [{ count: 5, habit: { ...habit, missing: 0.3 } }] }));
    expect([shares.status, JSON.stringify(shares.body)]).toEqual([400, expect.stringContaining('cohorts.0.habit')]);
    const many = await rehearse(
      body({
        cohorts: [
          { count: 3000, habit },
          { count: 2001, habit },
        ],
      }),
    );
    expect([many.status, JSON.stringify(many.body)]).toEqual([400, expect.stringContaining('cohorts')]);
    const unknown = await rehearse(body({ policy: { debriefGraceful: '1 day' } }));
    expect([unknown.status, JSON.stringify(unknown.body)]).toEqual([400, expect.stringContaining('debriefGraceful')]);
    const long = await rehearse(body({ season: { from: '2027-01-04T06:00:00Z', until: '2040-01-01T00:00:00Z' } }));
    expect([long.status, JSON.stringify(long.body)]).toEqual([400, expect.stringContaining('season')]);
    // The work is bounded: people × periods × policies, and the steps of one person's season.
    const heavy = await rehearse(body({ cohorts: [{ count: 5000, habit }], season: { periods: 52 } }));
    expect([heavy.status, JSON.stringify(heavy.body)]).toEqual([400, expect.stringContaining('people × periods')]);
    const endless = await rehearse(body({ cohorts: [{ count: 1, habit }], policy: { groupDebriefEvery: '1 second' } }));
    expect([endless.status, JSON.stringify(endless.body)]).toEqual([422, expect.stringContaining('steps')]);
  });

  it('shows the season in Settings, and a change beside the policy as it is before it is saved', async () => {
    const token = (await admin.createUser('coordinator', { programIds: [program.id] })).token;
    const page = await signedIn(harness.browser, harness.baseUrl, token, `/program/${program.id}/settings`);
    const card = page.getByRole('region', { name: 'Rehearse this policy' });
    await card.getByRole('status').waitFor();
    expect(await card.getByRole('status').textContent()).toMatch(
      /^About [\d.]+ overdue reminders and [\d.]+ escalations/,
    );
    expect(await card.locator('canvas').count()).toBeGreaterThan(0);
    expect(await card.locator('tbody tr').count()).toBe(26);
    expect(await accessibilityProblems(page)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'rehearsal-settings.png');
    await card.locator('.chart').screenshot({ path: join(outputDir, 'rehearsal-chart.png') });

    await page.getByLabel('Overdue after').fill('4 days');
    await page.getByRole('button', { name: 'Compare with the policy as it is' }).click();
    const comparison = page.getByRole('region', { name: 'The policy as it is beside the change' });
    await comparison.waitFor();
    const reminders = await comparison
      .getByRole('row', { name: /^Overdue reminders/ })
      .getByRole('cell')
      .allTextContents();
    const [now, changed] = reminders.map(Number);
    expect(changed).toBeLessThan(now);
    expect(reminders[2]).toBe(String(changed - now));
    await screenshot(page, 'rehearsal-compare.png');
    // Nothing was saved: the policy is as it was.
    expect((await coordinator.ok('GET', `/api/programs/${program.id}`)).policy.debriefGrace).toBe('1 day');

    await page.getByLabel('Overdue after').fill('soon');
    await page.getByRole('button', { name: 'Compare with the policy as it is' }).click();
    await page.locator('.field.invalid').first().waitFor();
    expect(await page.locator('.field.invalid label').first().textContent()).toBe('Overdue after');
  });

  it("lets national rehearse any program, and no coordinator of another program this one's", async () => {
    const national = admin.as((await admin.createUser('national')).token);
    expect((await rehearse(body({ cohorts: [{ count: 2, habit }] }), national)).status).toBe(200);
    const other = await admin.createProgram();
    const elsewhere = admin.as((await admin.createUser('coordinator', { programIds: [other.id] })).token);
    expect((await rehearse(body(), elsewhere)).status).toBe(403);
  });
});
