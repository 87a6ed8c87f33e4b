/// <reference lib="dom" />
// The coordinator's workspace in headless Chromium, used as a coordinator would: a whole hiring from a paper
// application to active through the page alone, a group screening of 10 (2 refused, each said why) and its result
// sheet, a group debrief for 5, an error shown next to its field, a refusal explained, Today, settings, the board and
// the panel on a 360-px phone, an action done with the keyboard only, and axe-core on every view.
import type { Page } from 'playwright-core';
import { walkStages } from '../../dev/hiring-walk';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { aFastHiringPolicy, aFastPolicy } from '../support/builders';
import { accessibilityProblems, actOnPanel, desktop, screenshot as shot, signedIn } from '../support/browser';

describe("the coordinator's workspace (headless Chromium)", () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let program: Program;

  beforeAll(async () => {
    // The AFT preset's rules with hiring limits in seconds, a year's term and weekly calendar debriefs.
    ({ harness, admin, program } = await startAppWithProgram(
      aFastHiringPolicy({
        debriefGrace: '1 day',
        stageSla: { applied: '3 days', screening: '14 days', role_play: '7 days' },
      }),
      {},
      { chromium: true },
    ));
    coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const open = (path: string, viewport = desktop, token = coordinator.token): Promise<Page> =>
    signedIn(harness.browser, harness.baseUrl, token, path, viewport);

  const act = actOnPanel;

  const applied = async () => (await admin.apply(program.id)).body.id as string;

  it('takes an applicant from a paper application to active through the page alone', async () => {
    const page = await open(`/program/${program.id}/apply`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Member id').fill('M-PAGE-1');
    await page.getByLabel('Name', { exact: true }).fill('Rosa Page');
    await page.getByLabel('Email').fill('rosa.page@example.org');
    for (const attestation of [
      'A member in good standing',
      "Has a driver's license",
      'Has an insured vehicle',
      'Can serve the full term',
      'Will knock on doors',
    ])
      await page.getByLabel(attestation).check();
    await page.getByLabel('Hours a week they commit to').fill('12');
    await shot(page, 'workspace-new-application.png');
    await page.getByRole('button', { name: 'New application' }).click();
    await page.getByText("Rosa Page's application is in: applied.").waitFor();
    await page.getByRole('link', { name: 'Open Rosa Page' }).click();
    await page.waitForSelector('h1:text-is("Rosa Page")');

    await act(page, 'Schedule screening', async () => {
      await page.getByLabel('Where').fill('Local 1 hall');
    });
    await act(page, 'Record screening');
    await act(page, 'Record role-play', async () => {
      for (const criterion of program.policy.rolePlayRubric!)
        await page
          .getByLabel(`${criterion.charAt(0).toUpperCase()}${criterion.slice(1)}, 1 (weak) to 5 (strong)`)
          .fill('4');
      // Typed in the currency, sent in minor units.
      await page.getByLabel('Stipend a month, in USD').fill('1250.50');
    });
    const offered = await admin.ok('GET', `/api/organizers/${page.url().split('/organizer/')[1]}`);
    expect(offered.offer).toMatchObject({ stipendMinor: 125050, currency: 'USD' });
    await act(page, 'Respond to offer', async () => {
      await page.getByLabel('Accept the offer').check();
    });
    for (let i = 0; i < program.policy.requiredTrainings.length; i++) await act(page, 'Record training');
    await act(page, 'Record ride-along', async () => {
      await page.getByLabel('With (staff)').fill('National organizer');
    });
    await page.getByText('Record ride-along: done. Rosa Page is active.').waitFor();
    const id = page.url().split('/organizer/')[1];
    const detail = await admin.ok('GET', `/api/organizers/${id}`);
    expect(detail).toMatchObject({ stage: 'active', name: 'Rosa Page', rideAlongCount: 1 });
    expect(detail.history.map((t: { to: string }) => t.to)).toEqual(walkStages);
    expect(detail.rolePlay.scores).toEqual(Object.fromEntries(program.policy.rolePlayRubric!.map((c) => [c, 4])));
    // A training's day is sent as noon that day where the program is (America/Chicago: 17:00 or 18:00 UTC).
    for (const training of detail.trainings) expect(training.completedAt).toMatch(/T1[78]:00:00\.000Z$/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'workspace-person.png');
    await page.close();
  }, 120_000);

  it('schedules a group screening of 10 from the board, says which 2 were refused and why, then records the sheet', async () => {
    const people = await Promise.all(Array.from({ length: 10 }, applied));
    const page = await open(`/program/${program.id}/board?stage=applied`);
    await page.waitForSelector('[data-column=applied] .board-card');
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'workspace-board.png');
    for (const id of people) await page.locator(`[data-card="${id}"] input.pick`).check();
    await page.getByRole('button', { name: 'Schedule group screening (10)' }).click();
    await page.getByLabel('Where').fill('Union hall');
    // Meanwhile someone else acts on two of them: one withdraws, one is scheduled elsewhere.
    await admin.ok('POST', `/api/organizers/${people[0]}/withdraw`, { reason: 'moved away' });
    await admin.ok('POST', `/api/organizers/${people[1]}/schedule-screening`, {
      at: new Date(Date.now() + 86_400_000).toISOString(),
      location: 'elsewhere',
    });
    await page.getByRole('button', { name: 'Schedule screening for 10' }).click();
    await page.getByRole('heading', { name: 'Screening scheduled: 8 done, 2 not done' }).waitFor();
    expect(await page.locator(`[data-result="${people[0]}"]`).textContent()).toContain('closed');
    expect(await page.locator(`[data-result="${people[1]}"]`).textContent()).toContain(
      'not possible in stage screening',
    );
    expect(await page.locator('[data-result] .tag.ok').count()).toBe(8);
    await shot(page, 'workspace-group-screening.png');

    // The sheet: nothing chosen beforehand; sent with one person undecided, it says so at their row and sends nothing.
    await page.goto(`${harness.baseUrl}/#/program/${program.id}/sessions`);
    await page.locator('[data-session] a').first().click();
    await page.waitForSelector('[data-sheet-row]');
    expect(await page.locator('[data-sheet-row]').count()).toBe(8);
    expect(await page.locator('[data-sheet-row] input[type=radio]:checked').count()).toBe(0);
    const row = (id: string) => page.locator(`[data-sheet-row="${id}"]`);
    await row(people[2]).getByLabel('Does not go on').check();
    for (const id of people.slice(3, 9)) await row(id).getByLabel('Goes on').check();
    await page.getByRole('button', { name: 'Record screening results (8)' }).click();
    await row(people[9]).getByText('Choose a result for').waitFor();
    expect(await page.locator('.sheet .field-error').count()).toBe(1);
    expect((await admin.ok('GET', `/api/organizers/${people[3]}`)).stage).toBe('screening');
    expect(await accessibilityProblems(page)).toEqual([]);
    await row(people[9]).getByLabel('Goes on').check();
    await page.getByRole('button', { name: 'Record screening results (8)' }).click();
    await page.getByRole('heading', { name: 'Results recorded: 8 done, 0 not done' }).waitFor();
    // Everything recorded: the answers and that, with no empty sheet or button left to press.
    await page.getByText('Every result of this screening is recorded.').waitFor();
    expect(await page.locator('[data-sheet-row], .sheet table').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Record screening results/ }).count()).toBe(0);
    await shot(page, 'workspace-screening-sheet.png');
    expect((await admin.ok('GET', `/api/organizers/${people[2]}`)).stage).toBe('not_selected');
    expect((await admin.ok('GET', `/api/organizers/${people[3]}`)).stage).toBe('role_play');
    await page.close();
  }, 120_000);

  it('records one in-person group debrief for 5 organizers picked on the board', async () => {
    const organizers = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const id = await applied();
        await admin.hireToActive(program, id);
        return id;
      }),
    );
    const page = await open(`/program/${program.id}/board?stage=active`);
    for (const id of organizers) await page.locator(`[data-card="${id}"] input.pick`).check();
    await page.getByRole('button', { name: 'Record group debrief (5)' }).click();
    await page.getByLabel('Where', { exact: true }).fill('Union hall');
    await page.getByRole('button', { name: 'Record group debrief for 5' }).click();
    await page.getByRole('heading', { name: 'Group debrief recorded: 5 done, 0 not done' }).waitFor();
    for (const id of organizers)
      expect((await admin.ok('GET', `/api/organizers/${id}`)).totals).toMatchObject({ groupDebriefs: 1, debriefs: 0 });
    await page.close();
  }, 120_000);

  it('records a no-show: the question after "came" goes away and is not sent', async () => {
    const id = await applied();
    await admin.ok('POST', `/api/organizers/${id}/schedule-screening`, {
      at: new Date().toISOString(),
      location: 'hall',
    });
    const page = await open(`/organizer/${id}`);
    await act(page, 'Record screening', async () => {
      const came = page.getByRole('group', { name: 'Came to the screening' });
      await came.getByLabel('No').check();
      expect(await page.getByRole('group', { name: 'Goes on to the role-play' }).count()).toBe(0);
    });
    const detail = await admin.ok('GET', `/api/organizers/${id}`);
    expect(detail.stage).toBe('applied');
    expect(detail.history.at(-1)).toMatchObject({ from: 'screening', to: 'applied', reason: 'no-show at screening' });
    await page.close();
  }, 60_000);

  it('shows a 400 next to the field it names, and explains a refusal in words', async () => {
    const active = await applied();
    await admin.hireToActive(program, active);
    const page = await open(`/organizer/${active}`);
    await page.getByRole('button', { name: 'Record ride-along', exact: true }).click();
    await page.getByLabel('Date').fill('2099-01-01');
    await page.getByLabel('With (staff)').fill('Jo');
    await page.locator('form.action-form').getByRole('button', { name: 'Record ride-along' }).click();
    const date = page.getByLabel('Date');
    await page.waitForSelector('[aria-invalid=true]');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await date.getAttribute('aria-describedby'))!;
    expect(await page.locator(`#${describedBy}`).textContent()).toMatch(/not in the future/);
    await page.getByRole('button', { name: 'Cancel' }).click();

    // A refusal: the record closes while the form is open.
    const applicant = await applied();
    await page.goto(`${harness.baseUrl}/#/organizer/${applicant}`);
    await page.getByRole('button', { name: 'Schedule screening', exact: true }).click();
    await page.getByLabel('Where').fill('hall');
    await admin.ok('POST', `/api/organizers/${applicant}/withdraw`, { reason: 'changed their mind' });
    await page.locator('form.action-form').getByRole('button', { name: 'Schedule screening' }).click();
    const alert = page.locator('form.action-form [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Not done: .*withdrawn, which is closed/);
    expect((await admin.ok('GET', `/api/organizers/${applicant}`)).stage).toBe('withdrawn');
    await shot(page, 'workspace-refusal.png');
    await page.close();
  }, 120_000);

  it('does an action with the keyboard alone', async () => {
    const active = await applied();
    await admin.hireToActive(program, active);
    const page = await open(`/organizer/${active}`);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    for (let i = 0; i < 60 && (await focused()) !== 'Pause'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Pause');
    await page.keyboard.press('Enter');
    // The form's heading takes the focus; the reason comes next, then the button.
    await page.waitForFunction(() => document.activeElement?.id === 'action-heading');
    await page.keyboard.press('Tab');
    await page.keyboard.type('family leave');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Pause');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Pause: done' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('todo-heading');
    expect((await admin.ok('GET', `/api/organizers/${active}`)).paused).toBe(true);
    await page.close();
  }, 60_000);

  it("lists Today's work with each item's rule and opens the action that clears it", async () => {
    const screened = await applied();
    await admin.ok('POST', `/api/organizers/${screened}/schedule-screening`, {
      at: new Date(Date.now() - 3_600_000).toISOString(),
      location: 'hall',
    });
    const page = await open('/today');
    const name = (await admin.ok('GET', `/api/organizers/${screened}`)).name as string;
    const item = page.locator('[data-inbox=screening_to_record]').filter({ hasText: name });
    await item.waitFor();
    expect(await item.textContent()).toContain(
      'A screening is recorded (attended, advance or not) once it has been held',
    );
    // Held an hour ago and not recorded yet: due, not overdue.
    const dueToday = page.getByRole('region', { name: /^Due today/ });
    expect(await dueToday.locator('[data-inbox=screening_to_record]').filter({ hasText: name }).count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'workspace-today.png');
    await item.getByRole('link', { name: 'Record screening' }).click();
    await page.waitForSelector('form.action-form h3:text-is("Record screening")');
    await page.locator('form.action-form').getByRole('button', { name: 'Record screening' }).click();
    await page.getByRole('status').filter({ hasText: 'Record screening: done' }).waitFor();
    expect((await admin.ok('GET', `/api/organizers/${screened}`)).stage).toBe('role_play');
    await page.close();
  }, 60_000);

  it('edits the policy beside its preset, imports a roster with its refusals, and makes an organizer account', async () => {
    // A program of its own: a roster changes who is eligible.
    const own = await admin.createProgram(aFastPolicy());
    const ownCoordinator = (await admin.createUser('coordinator', { programIds: [own.id] })).token;
    const page = await open(`/program/${own.id}/settings`, undefined, ownCoordinator);
    await page.waitForSelector('#policy-heading');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('An offer lapses after').fill('10 days');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    expect((await admin.ok('GET', `/api/programs/${own.id}`)).policy.offerExpiresAfter).toBe('10 days');
    await page.getByLabel('An offer lapses after').fill('soon');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.waitForSelector('[aria-invalid=true]');
    expect(await page.getByLabel('An offer lapses after').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Roster file (CSV)').setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('memberId,name,local,status\nR-1,Ann Roe,Local 1,active\n,No Id,Local 1,active\n'),
    });
    await page.getByText('1 members on the roster.').waitFor();
    expect(await page.getByText(/Line 3:/).count()).toBe(1);

    const someone = (await admin.apply(own.id, { memberId: 'R-1' })).body.id as string;
    await page.reload();
    await page.waitForSelector('#people-heading');
    await page.getByLabel('Organizer', { exact: true }).selectOption(someone);
    await page.getByRole('button', { name: 'Create account' }).click();
    // No token to pass on: the account is said made, and (email being off in this harness) how they sign in.
    await page.getByRole('status').filter({ hasText: 'has an account' }).waitFor();
    expect(await page.locator('code').count()).toBe(0);
    const [account] = await harness.dataSource.query(
      `SELECT role, (SELECT count(*)::int FROM personal_tokens t WHERE t.user_id = u.id) AS tokens
       FROM users u WHERE organizer_id = $1`,
      [someone],
    );
    expect(account).toEqual({ role: 'organizer', tokens: 0 });
    await shot(page, 'workspace-settings.png');
    await page.close();
  }, 60_000);

  it('fits the board and the person panel on a 360-px phone, with no view failing axe', async () => {
    const person = await applied();
    const phone = { width: 360, height: 780 };
    const page = await open(`/program/${program.id}/board`, phone);
    await page.waitForSelector('.board-card');
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'workspace-board-phone.png');
    await page.goto(`${harness.baseUrl}/#/organizer/${person}`);
    await page.waitForSelector(`h1:text-is("${(await admin.ok('GET', `/api/organizers/${person}`)).name}")`);
    await page.getByRole('button', { name: 'Schedule screening', exact: true }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'workspace-person-phone.png');
    for (const path of ['/', `/program/${program.id}`, `/program/${program.id}/sessions`]) {
      await page.goto(`${harness.baseUrl}/#${path}`);
      await page.waitForSelector('main h1');
      await page.waitForLoadState('networkidle');
      expect({ path, problems: await accessibilityProblems(page) }).toEqual({ path, problems: [] });
    }
    await page.close();
  }, 90_000);
});
