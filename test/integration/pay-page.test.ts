// The pay pages in Chromium (issue 18): an organizer enters a time sheet on a 360-px phone (a bad figure shows next
// to its field), the coordinator approves it from the program's Pay page and builds a voucher, national approves it.
// Each view is checked with axe-core and photographed.
import type { Page } from 'playwright-core';
import { payPresets } from '../../src/domain/pay';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { accessibilityProblems, desktop, overflowsSideways, phone, screenshot, signedIn } from '../support/browser';
import { aFastPolicy } from '../support/builders';
import { eventually } from '../support/eventually';

describe('the pay pages', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram(
      aFastPolicy({ debriefEvery: '20 seconds', debriefGrace: '120 seconds', pay: payPresets.member_organizer }),
      {},
      { chromium: true },
    ));
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const open = (token: string, path: string, viewport = desktop): Promise<Page> =>
    signedIn(harness.browser, harness.baseUrl, token, path, viewport);

  it('takes a time sheet on a phone, approves it and vouchers it on the Pay page', async () => {
    const { body } = await admin.apply(program.id, { local: 'Local 7' });
    const id = body.id;
    const active = await admin.hireToActive(program, id);
    const period = active.payPeriods[0];
    const selfToken = (await admin.createUser('organizer', { organizerId: id })).token;
    const coordinatorToken = (await admin.createUser('coordinator', { programIds: [program.id] })).token;

    const mine = await open(selfToken, '/', phone);
    await mine.getByRole('button', { name: 'Submit time sheet', exact: true }).click();
    const form = mine.locator('form.action-form');
    // The days of the pay period so far, newest first; the kinds of work the program pays.
    await form.getByLabel('Day 1', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Kind of work, day 1').selectOption({ index: 1 });
    await form.getByLabel('Hours, day 1').fill('30');
    await form.getByLabel('Miles driven').fill('12.5');
    await form.getByRole('button', { name: 'Submit time sheet', exact: true }).click();
    // The API's 400 shows next to the field it names.
    const hoursError = form.locator('[id$="-error"]').filter({ hasText: 'must not be greater than 24' });
    await hoursError.waitFor();
    expect(await mine.getByLabel('Hours, day 1').getAttribute('aria-invalid')).toBe('true');
    expect(await overflowsSideways(mine)).toBe(false);
    expect(await accessibilityProblems(mine)).toEqual([]);
    await screenshot(mine, 'pay-timesheet-phone.png');
    await form.getByLabel('Hours, day 1').fill('2.5');
    await form.getByRole('button', { name: 'Submit time sheet', exact: true }).click();
    await mine.getByRole('status').filter({ hasText: 'Submit time sheet: done' }).waitFor();
    expect(await mine.locator('[data-table="pay-periods"] tbody tr').first().textContent()).toContain('submitted');

    await eventually('the pay period is over', async () => Date.now() > Date.parse(period.periodEnd) + 500, 30_000);
    await admin.as(selfToken).ok('POST', `/api/organizers/${id}/submit-debrief`, {
      periodStart: period.periodStart,
      hours: 4,
      conversations: 4,
      oneOnOnes: 1,
      leadersIdentified: 0,
      inPerson: true,
      group: false,
    });

    const pay = await open(coordinatorToken, `/program/${program.id}/pay`);
    await pay.getByRole('heading', { name: 'Waiting for approval' }).waitFor();
    // The sheet's hours beside its debrief's, the difference said before anyone approves.
    const waiting = await admin.ok('GET', `/api/programs/${program.id}/pay-periods?status=submitted`);
    expect(waiting.items.find((p: { organizerId: string }) => p.organizerId === id).debriefHours).toBe(4);
    expect(await pay.locator('[data-table="approvals"] tbody tr', { hasText: body.name }).textContent()).toContain(
      '2.5 h on the time sheet, 4 h in its debriefs: 1.5 h fewer on the sheet',
    );
    await pay.getByRole('button', { name: /^Approve / }).click();
    await pay.getByRole('status').filter({ hasText: 'pay period approved' }).waitFor();
    await pay.locator('[data-table="payable"] tbody tr', { hasText: 'Local 7' }).waitFor();
    // 2.5 h × 25.00 = 62.50; 12.5 mi × 0.70 = 8.75.
    expect(await pay.locator('[data-table="payable"] tbody tr').first().textContent()).toContain('$71.25');
    await pay.getByLabel('Local (optional: every local when empty)').fill('Local 7');
    await pay.getByRole('button', { name: 'Build voucher' }).click();
    const voucher = pay.locator('article.voucher');
    await voucher.waitFor();
    expect(await voucher.textContent()).toContain('Total $71.25 over 1 line.');
    expect(await accessibilityProblems(pay)).toEqual([]);
    await screenshot(pay, 'pay-voucher.png');
    await voucher.getByRole('button', { name: 'Submit to national' }).click();
    await pay.getByRole('status').filter({ hasText: 'Voucher submitted' }).waitFor();

    const nationalToken = (await admin.createUser('national')).token;
    const national = await open(nationalToken, `/program/${program.id}/pay`);
    await national.locator('[data-table="vouchers"] a').first().click();
    await national.getByRole('button', { name: 'Approve and reimburse' }).click();
    await national.getByRole('status').filter({ hasText: 'Voucher approved' }).waitFor();
    const reimbursed = await admin.ok('GET', `/api/programs/${program.id}/pay-periods?status=reimbursed`);
    expect(reimbursed.items.map((p: { organizerId: string }) => p.organizerId)).toEqual([id]);
    expect(await accessibilityProblems(national)).toEqual([]);
    await screenshot(national, 'pay-approved.png');
  }, 120_000);
});
