// Pay (issue 18) on the pure domain: the money rules against hand computations, and pay periods in the lifecycle
// (opened with the debrief periods, a missing time sheet reminded, approval refused while anything is missing, caps
// counted across periods, closed records settling).
import { localDateTime } from '../../src/domain/calendar';
import { refusal } from '../../src/domain/lifecycle';
import { currentRules, OrganizerState, PayPeriodRecord } from '../../src/domain/organizer';
import { PayPolicy, payFor, payPolicyProblems, payPresets } from '../../src/domain/pay';
import { allowedActions } from '../../src/domain/stage-machine';
import { weeklyReportMail } from '../../src/mail/messages';
import { aPolicy } from '../support/builders';
import { day, minute, organizerIn, request } from '../support/organizer-states';
import { say } from '../../src/words/say';

const zone = 'America/Chicago';
const second = { rules: currentRules, timezone: zone };
const weekly: PayPolicy = { ...payPresets.member_organizer, rateMinor: 2250, mileageRateMinor: 67 };
const sheet = (entries: [string, number][], extra: { miles?: number; allowances?: Record<string, number> } = {}) => ({
  entries: entries.map(([date, hours]) => ({ date, hours, kind: 'organizing' })),
  ...extra,
  submittedAt: '2026-01-01T00:00:00.000Z',
  submittedBy: 'u',
});

describe('the money rules', () => {
  it('pays quarter hours × rate ÷ 4 and mileage in tenths × rate ÷ 10, each rounded half up once', () => {
    // 9.25 h × 22.50 = 208.125 → 208.13; 12.5 mi × 0.67 = 8.375 → 8.38; phone 20.00.
    const figures = payFor(weekly, sheet([['2026-01-06', 9.25]], { miles: 12.5, allowances: { phone: 2000 } }), {});
    expect(figures).toEqual({
      quarterHours: 37,
      paidQuarterHours: 37,
      rateMinor: 2250,
      amountMinor: 20813,
      allowancesMinor: 838 + 2000,
      mileageMinor: 838,
    });
  });

  it('caps hours per week (Monday to Sunday) and per month across pay periods, cutting the latest days', () => {
    const caps: Record<string, number> = {};
    const week = payFor(
      weekly,
      sheet([
        ['2026-01-06', 6],
        ['2026-01-05', 3],
        ['2026-01-07', 4],
      ]),
      caps,
    );
    expect(week.quarterHours).toBe(52);
    expect(week.paidQuarterHours).toBe(40);
    expect(week.amountMinor).toBe(22_500);
    // The same week again (a period ending mid-week): nothing left under its cap.
    expect(payFor(weekly, sheet([['2026-01-08', 2]]), caps).paidQuarterHours).toBe(0);
    const mape = payPresets.civic_engagement;
    const monthCaps: Record<string, number> = {};
    expect(payFor(mape, sheet([['2026-09-02', 5]]), monthCaps).paidQuarterHours).toBe(20);
    expect(payFor(mape, sheet([['2026-09-20', 5]]), monthCaps).paidQuarterHours).toBe(12);
    expect(payFor(mape, sheet([['2026-10-01', 9]]), monthCaps).paidQuarterHours).toBe(32);
    // Lost time is paid August to December only.
    expect(payFor(mape, sheet([['2026-07-30', 4]]), {}).paidQuarterHours).toBe(0);
  });

  it('pays a fixed stipend per pay period whatever the hours', () => {
    const fixed: PayPolicy = { ...weekly, model: 'fixed', rateMinor: 15_000 };
    expect(payFor(fixed, sheet([['2026-01-06', 3.5]]), {}).amountMinor).toBe(15_000);
  });

  it('refuses a pay policy with money as decimals or strings, naming each field', () => {
    const problems = payPolicyProblems(
      { ...weekly, rateMinor: 22.5, mileageRateMinor: '0.67', currency: 'usd', periodEvery: 3 },
      'policy.pay',
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'policy.pay.currency',
      'policy.pay.mileageRateMinor',
      'policy.pay.periodEvery',
      'policy.pay.rateMinor',
    ]);
    expect(payPolicyProblems(payPresets.civic_engagement, 'policy.pay')).toEqual([]);
  });
});

function paying(pay: PayPolicy = weekly, stage: 'active' | 'completed' = 'active') {
  return organizerIn(stage, aPolicy({ pay }), second);
}

const recordsOf = (changes: { payPeriods: PayPeriodRecord[] }) => changes.payPeriods;
const openPay = (state: OrganizerState) => state.pay?.periods ?? [];

describe('pay periods in the lifecycle', () => {
  it('opens a pay period with each debrief period (weekly), and one per two of them when paid every two', () => {
    const organizer = paying();
    expect(openPay(organizer.state).map((p) => [p.start, p.end])).toEqual(
      organizer.state.periods.map((p) => [p.start, p.end]),
    );
    const biweekly = paying({ ...weekly, periodEvery: 2 });
    const [debrief] = biweekly.state.periods;
    biweekly.advance(Date.parse(debrief.end) - biweekly.now + minute);
    const [pay] = openPay(biweekly.state);
    expect(pay.debriefs).toEqual(biweekly.state.periods.map((p) => p.start));
    expect(pay.end).toBe(biweekly.state.periods[1].end);
  });

  it('reminds the organizer of a missing time sheet a grace after the period, and answers it with the sheet', () => {
    const organizer = paying();
    const [pay] = openPay(organizer.state);
    const changes = organizer.advance(Date.parse(pay.dueAt) - organizer.now);
    const reminder = changes.notifications.find((n) => n.kind === 'timesheet_missing');
    expect(reminder?.recipientRole).toBe('organizer');
    expect(say(reminder!.said!)).toContain('time sheet');
    const day1 = new Date(Date.parse(pay.start) + 2 * 3_600_000).toISOString().slice(0, 10);
    const submitted = organizer.act('submit-timesheet', {
      periodStart: pay.start,
      entries: [{ date: day1, hours: 4, kind: 'organizing' }],
    });
    expect(submitted.resolutions.map((r) => r.id)).toEqual([reminder!.id]);
    expect(recordsOf(submitted)).toEqual([expect.objectContaining({ status: 'submitted', periodStart: pay.start })]);
  });

  it('refuses approval while the period runs or its debrief is missing, naming what; then pays it once', () => {
    const organizer = paying();
    const [pay] = openPay(organizer.state);
    const approve = request('approve-pay-period', { periodStart: pay.start });
    expect(refusal(organizer.state, approve, organizer.now)?.message).toContain('approve it once it is over');
    organizer.advance(Date.parse(pay.end) - organizer.now + minute);
    const missing = refusal(organizer.state, approve, organizer.now);
    expect(missing?.code).toBe('invalid');
    expect(missing?.message).toContain('missing the time sheet; the debrief for the period from');
    const first = new Date(Date.parse(pay.start) + 3_600_000).toISOString().slice(0, 10);
    organizer.act('submit-timesheet', {
      periodStart: pay.start,
      entries: [
        { date: first, hours: 8, kind: 'organizing' },
        { date: first, hours: 3.5, kind: 'training' },
      ],
      miles: 10,
      allowances: { phone: 1000 },
    });
    organizer.act('submit-debrief', { ...request('submit-debrief').input, periodStart: pay.start } as never);
    expect(refusal(organizer.state, approve, organizer.now)).toBeUndefined();
    const approved = organizer.act('approve-pay-period', { periodStart: pay.start });
    // 11.5 h capped at 10 h a week: 10 × 22.50 = 225.00; 10 mi × 0.67 = 6.70; phone 10.00.
    expect(recordsOf(approved)).toEqual([
      expect.objectContaining({
        status: 'payable',
        figures: {
          quarterHours: 46,
          paidQuarterHours: 40,
          rateMinor: 2250,
          amountMinor: 22_500,
          allowancesMinor: 1670,
          mileageMinor: 670,
        },
      }),
    ]);
    expect(openPay(organizer.state).map((p) => p.start)).not.toContain(pay.start);
    expect(refusal(organizer.state, approve, organizer.now)).toEqual({
      code: 'conflict',
      message: `the pay period starting ${localDateTime(Date.parse(pay.start), organizer.state.timezone!)} was approved; it can no longer change`,
    });
    const again = refusal(
      organizer.state,
      request('submit-timesheet', { periodStart: pay.start, entries: [] }),
      organizer.now,
    );
    expect(again?.code).toBe('conflict');
  });

  it('refuses time sheets with days outside the period or in the future, unknown kinds and allowances over the cap', () => {
    const organizer = paying();
    const [pay] = openPay(organizer.state);
    organizer.advance(day);
    const inside = new Date(Date.parse(pay.start) + 3_600_000).toISOString().slice(0, 10);
    const refusalOf = (input: object) =>
      refusal(
        organizer.state,
        request('submit-timesheet', { periodStart: pay.start, entries: [], ...input }),
        organizer.now,
      )?.message;
    expect(refusalOf({ entries: [{ date: '2025-12-01', hours: 1, kind: 'organizing' }] })).toContain(
      'entries[0].date 2025-12-01 is outside the pay period',
    );
    expect(refusalOf({ entries: [{ date: inside, hours: 1, kind: 'golf' }] })).toContain('entries[0].kind "golf"');
    expect(
      refusalOf({
        entries: [
          { date: inside, hours: 20, kind: 'organizing' },
          { date: inside, hours: 5, kind: 'travel' },
        ],
      }),
    ).toContain('more than a day');
    expect(refusalOf({ allowances: { phone: 2501 } })).toBe('allowances.phone is capped at 25.00 USD a pay period');
    expect(refusalOf({ allowances: { lunch: 100 } })).toContain('allowances.lunch is not an allowance');
    expect(refusalOf({ periodStart: '2020-01-01T00:00:00.000Z' })).toContain('is not the start of an open pay period');
  });

  it('owes no pay period wholly inside a pause', () => {
    const organizer = paying();
    organizer.act('pause', {});
    organizer.advance(21 * day);
    organizer.act('resume', {});
    const starts = openPay(organizer.state).map((p) => Date.parse(p.start));
    // The first period, then the one running at the resume: none for the three weeks between.
    expect(starts).toHaveLength(2);
    expect(starts[1] - starts[0]).toBeGreaterThan(14 * day);
    expect(organizer.state.periods.map((p) => p.start)).toEqual(openPay(organizer.state).map((p) => p.start));
  });

  it('keeps a closed record waiting for its pay periods, then lets them lapse after settleWithin', () => {
    const organizer = paying({ ...weekly, settleWithin: '30 days' }, 'completed');
    expect(organizer.state.stage).toBe('completed');
    const open = openPay(organizer.state);
    expect(open.length).toBeGreaterThan(40);
    expect(open.every((p) => Date.parse(p.end) <= Date.parse(organizer.state.endsAt!))).toBe(true);
    expect(allowedActions('completed', false, 'coordinator', true)).toEqual(['submit-timesheet', 'approve-pay-period']);
    expect(allowedActions('completed', false, 'self', true)).toEqual(['submit-timesheet']);
    expect(allowedActions('completed', false, 'coordinator', false)).toEqual([]);
    organizer.advance(Date.parse(organizer.state.pay!.settleBy!) - organizer.now);
    expect(openPay(organizer.state)).toEqual([]);
  });

  it('a withdrawn record owes the debriefs of periods already over, not the one cut short', () => {
    const organizer = paying();
    const [pay] = openPay(organizer.state);
    organizer.advance(2 * day);
    organizer.act('withdraw', { reason: 'moved away' });
    const [closed] = openPay(organizer.state);
    expect(closed.start).toBe(pay.start);
    expect(Date.parse(closed.end)).toBe(organizer.now);
    expect(closed.debriefs).toEqual([]);
  });

  it('opens one pay period per local month (MAPE), each owing every debrief period it overlaps', () => {
    const policy = aPolicy({
      pay: payPresets.civic_engagement,
      debriefEvery: '1 month',
      debriefDue: { dayOfMonth: 28, time: '17:00' },
    });
    const walked = organizerIn('active', policy, { ...second, at: Date.parse('2026-07-20T15:00:00.000Z') });
    walked.advance(70 * day);
    const months = openPay(walked.state).map((p) =>
      new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'long', day: 'numeric' }).format(new Date(p.start)),
    );
    expect(months.slice(1)).toEqual(['August 1', 'September 1']);
    const august = openPay(walked.state)[1];
    expect(august.debriefs.length).toBe(2);
  });
});

describe('the weekly report email', () => {
  it('names a debrief period that counts as the week by its start, to the minute, in either language', () => {
    const facts = {
      program: { name: 'Demo', affiliate: 'AFT Local 1', timezone: 'America/Chicago' },
      weekStart: '2026-12-07T05:10:43.804Z',
      period: true,
      totals: { debriefs: 0, hours: 0, conversations: 0, oneOnOnes: 0, leadersIdentified: 0 },
      missing: [],
    };
    expect(weeklyReportMail(facts).text).toContain(
      'Demo (AFT Local 1), the period from Sunday, December 6, 2026 at 23:10 (America/Chicago)',
    );
    expect(weeklyReportMail({ ...facts, period: false }).text).toContain('week of 2026-12-06 (America/Chicago)');
  });

  it("lists each work plan's targets against what the debrief reported", () => {
    const mail = weeklyReportMail({
      program: { name: 'MOP', affiliate: 'AFT Local 1', timezone: 'America/Chicago' },
      weekStart: '2026-11-23T06:00:00.000Z',
      totals: { debriefs: 1, hours: 9, conversations: 9, oneOnOnes: 2, leadersIdentified: 0 },
      missing: [],
      plans: [
        {
          name: 'Ana Ruiz',
          periodStart: '2026-11-23T06:00:00.000Z',
          plan: [
            { target: 'conversations', planned: 12, reported: 9 },
            { target: 'oneOnOnes', planned: 2, reported: 2 },
          ],
        },
      ],
    });
    expect(mail.text).toContain('Plans against debriefs: Ana Ruiz: conversations 9 of 12, oneOnOnes 2 of 2');
    expect(mail.text).toContain('week of 2026-11-23 (America/Chicago)');
  });
});
