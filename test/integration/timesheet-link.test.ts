// A time sheet from the email that asks for it (issue 18), on a 360-px phone: the missing-time-sheet reminder
// carries a signed link; its page lists the pay period's days and the program's kinds of work; a bad figure shows
// next to its field; once sent, the reminder resolves, the period says submitted and the link is used up.
import type { OrganizerState } from '../../src/domain/organizer';
import type { ParsedMail } from 'mailparser';
import { payPresets } from '../../src/domain/pay';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { accessibilityProblems, openOnAPhone, overflowsSideways, screenshot } from '../support/browser';
import { aPromptReminderPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { linkTokenIn, mailsTo } from '../support/smtp';

describe('a time sheet through its emailed link', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram(
      aPromptReminderPolicy({ pay: payPresets.member_organizer }),
      {},
      { mail: true, chromium: true },
    ));
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('takes the time sheet from the reminder on a phone; the reminder resolves and the link is used up', async () => {
    const { body } = await admin.apply(program.id);
    await admin.hireToActive(program, body.id);
    let mail: ParsedMail | undefined;
    await eventually(
      'the missing time sheet reminder',
      async () => {
        mail = mailsTo(harness.mail.messages, body.email).find((m) => m.subject === 'Your time sheet is missing');
        return mail !== undefined;
      },
      30_000,
    );
    expect(mail!.text).toContain('Why: A time sheet for each pay period (each debrief period) is due 2 seconds after');
    // Greeted, the pay period and what comes next, and a button that says what its link is for.
    expect(mail!.text!.split('\n')[0]).toBe(`Hello ${body.name},`);
    expect(mail!.text).toMatch(/Pay period: .* \(America\/Chicago\) to .*\./);
    expect(mail!.text).toContain('Next: Until it is in, your coordinator cannot approve pay for this period.');
    expect(mail!.text).toMatch(/Submit your time sheet:\nhttp:\/\/[^/]+\/l\//);
    expect(mail!.html).toContain('>Submit your time sheet</a>');
    expect(`${mail!.text}${mail!.html}`).not.toContain('Answer the offer');
    const token = linkTokenIn(mail!);
    const link = (await harness.http('GET', `/api/links/${token}`)).body;
    expect(link).toMatchObject({ purpose: 'timesheet', period: { start: expect.any(String) } });
    // Its due time is the one the workflow set for the period (the row keeps it; the link page does not recompute it).
    const state = await harness.temporal.workflow.getHandle(body.id).query<OrganizerState>('organizerState');
    const open = state.pay!.periods.find((p) => p.start === link.period.start)!;
    expect(link.dueAt).toBe(open.dueAt);
    expect(link.period.overdueAt).toBe(open.dueAt);
    const kinds = link.form.fields.find((f: { name: string }) => f.name === 'entries.0.kind');
    expect(kinds.options).toEqual(payPresets.member_organizer.workKinds);

    const page = await openOnAPhone(harness.browser, `${harness.baseUrl}/l/${token}`);
    await page.getByRole('heading', { name: 'Your time sheet' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    // The period's days, newest first: the first is the latest day worked.
    await page.getByLabel('Day 1', { exact: true }).selectOption({ index: 1 });
    const day = await page.getByLabel('Day 1', { exact: true }).inputValue();
    expect(day).toBe(link.form.fields[0].options[0]);
    await page.getByLabel('Hours, day 1').fill('2.3');
    await page.getByLabel('Kind of work, day 1').selectOption('organizing');
    await page.getByLabel('Miles driven').fill('7.5');
    await page.getByLabel('Phone allowance').fill('12.50');
    await page.getByRole('button', { name: 'Send my time sheet' }).click();
    await page.locator('.field.invalid .field-error').first().waitFor();
    expect(await page.locator('.field.invalid label').allTextContents()).toEqual(['Hours, day 1']);
    await screenshot(page, 'phone-timesheet.png');
    await page.getByLabel('Hours, day 1').fill('2.25');
    await page.getByRole('button', { name: 'Send my time sheet' }).click();
    await page.getByRole('heading', { name: 'Your time sheet is in. Thank you!' }).waitFor();
    expect(await page.locator('.recorded').textContent()).toContain('12.50');

    const detail = await admin.ok('GET', `/api/organizers/${body.id}`);
    const period = detail.payPeriods.find((p: { periodStart: string }) => p.periodStart === link.period.start);
    expect(period).toMatchObject({
      status: 'submitted',
      timesheet: { entries: [{ date: day, hours: 2.25, kind: 'organizing' }], miles: 7.5, allowances: { phone: 1250 } },
    });
    const reminder = detail.notifications.find((n: { kind: string }) => n.kind === 'timesheet_missing');
    expect(reminder.rule).toContain('A time sheet for each pay period');
    await eventually('the reminder resolves', async () => {
      const [row] = await harness.dataSource.query(
        `SELECT resolved_at FROM notifications WHERE organizer_id = $1 AND kind = 'timesheet_missing' ORDER BY created_at LIMIT 1`,
        [body.id],
      );
      return row.resolved_at !== null;
    });
    expect((await harness.http('GET', `/api/links/${token}`)).status).toBe(410);
  }, 120_000);
});
