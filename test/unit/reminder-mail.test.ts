// The reminder emails' words (issue 25): the period named as the program's cadence names it, the button saying what
// its link is for, a greeting and a next step for the organizer's time sheet reminder.
import { policyPresets, type ProgramPolicy } from '../../src/domain/policy';
import { reminderMail, type ReminderFacts } from '../../src/mail/messages';
import { aPolicy } from '../support/builders';

const program = (policy: ProgramPolicy) => ({
  id: 'p',
  name: 'Local 12 Organizers',
  timezone: 'America/Chicago',
  policy,
});
const facts = (policy: ProgramPolicy, extra: Partial<ReminderFacts> = {}): ReminderFacts => ({
  kind: 'debrief_overdue',
  said: 'your debrief is overdue',
  program: program(policy),
  organizer: { name: 'Rosa Díaz', stage: 'active' },
  recipientRole: 'organizer',
  period: { start: '2026-03-06T23:00:00.000Z', end: '2026-03-13T23:00:00.000Z', overdueAt: '2026-03-14T23:00:00.000Z' },
  ...extra,
});

describe('reminder emails', () => {
  it.each([
    ['the AFT preset (weekly on its calendar)', policyPresets.member_organizer, 'Your weekly debrief is overdue'],
    ["MAPE's preset (monthly)", policyPresets.civic_engagement, 'Your monthly debrief is overdue'],
    ['every 14 days', aPolicy({ debriefEvery: '14 days' }), 'Your debrief is overdue'],
    ['every 6 seconds', aPolicy({ debriefEvery: '6 seconds' }), 'Your debrief is overdue'],
  ])('name the period as the cadence does: %s', (_, policy, subject) => {
    expect(reminderMail(facts(policy)).subject).toBe(subject);
    expect(reminderMail(facts(policy, { kind: 'debrief_due_soon' })).subject).toBe(
      subject.replace('overdue', 'due soon'),
    );
  });

  it("greet the organizer, say the pay period and what comes next, and label the time sheet's link as such", () => {
    const mail = reminderMail(
      facts(policyPresets.member_organizer, {
        kind: 'timesheet_missing',
        said: 'your time sheet for the pay period is missing',
        period: undefined,
        payPeriod: { start: '2026-03-06T23:00:00.000Z', end: '2026-03-13T23:00:00.000Z' },
        link: { url: 'https://pipeline.example/l/abc.def', purpose: 'timesheet', expiresAt: new Date('2026-03-20') },
      }),
    );
    expect(mail.subject).toBe('Your time sheet is missing');
    expect(mail.text.split('\n')[0]).toBe('Hello Rosa Díaz,');
    expect(mail.text).toContain('Pay period: Friday, March 6, 2026 at 17:00 (America/Chicago) to ');
    expect(mail.text).toContain('Next: Until it is in, your coordinator cannot approve pay for this period.');
    expect(mail.text).toContain('Submit your time sheet:\nhttps://pipeline.example/l/abc.def\n');
    expect(mail.html).toContain('>Submit your time sheet</a>');
    expect(`${mail.text}${mail.html}`).not.toContain('Answer the offer');
  });

  it("greet no one by the organizer's name in a reminder to staff, whose button opens the person's page", () => {
    const mail = reminderMail(
      facts(policyPresets.member_organizer, {
        kind: 'debrief_escalated',
        recipientRole: 'coordinator',
        link: { url: 'https://pipeline.example/#/organizer/x' },
      }),
    );
    expect(mail.text).not.toContain('Hello');
    expect(mail.text).toContain("Open Rosa Díaz's page:\nhttps://pipeline.example/#/organizer/x");
  });

  it('say when the coordinator is told as the workflow set it, not as the policy reads now', () => {
    // The policy now says 2 days; the workflow set this period's escalation 5 days after it was overdue.
    const escalateAt = '2026-03-19T23:00:00.000Z';
    const period = { ...facts(policyPresets.member_organizer).period!, escalateAt };
    const overdue = reminderMail(facts(policyPresets.member_organizer, { period }));
    expect(overdue.text).toContain(
      'Next: If it is still missing on Thursday, March 19, 2026 at 18:00 (America/Chicago)',
    );
    const soon = reminderMail(facts(policyPresets.member_organizer, { kind: 'debrief_due_soon', period }));
    expect(soon.text).toContain('and your coordinator is told on Thursday, March 19, 2026 at 18:00 (America/Chicago).');
    // A row stored before the escalation was kept: the step is not guessed.
    const older = reminderMail(facts(policyPresets.member_organizer));
    expect(older.text).not.toContain('your coordinator is told');
  });
});
