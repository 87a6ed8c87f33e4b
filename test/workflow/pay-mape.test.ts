// MAPE's lost time on the time-skipping server (issue 18): monthly debriefs due the 28th, monthly pay periods, eight
// hours of lost time a month paid August to December at the member's rate, reimbursed to the employer. Ten hours
// entered each month are paid as eight; the hours of a July day are not paid.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { localDay } from '../../dev/hiring-walk';
import type { OrganizerState } from '../../src/domain/organizer';
import { payPresets } from '../../src/domain/pay';
import { policyPresets } from '../../src/domain/policy';
import { aPolicy } from '../support/builders';
import { organizerOnTheClock } from '../support/organizer-on-the-clock';
import { aRecordingWorker, timeSkippingEnvironment } from '../support/workflow-harness';

const hour = 3_600_000;
const zone = 'America/Chicago';

describe('MAPE lost time (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('pays at most 8 hours a month, August to December, each month once', async () => {
    const { taskQueue, activities, worker } = await aRecordingWorker(env, 'pay-mape');
    const mape = policyPresets.civic_engagement;
    const policy = aPolicy({ ...mape, pay: payPresets.civic_engagement, initialRideAlongs: 0, requiredRideAlongs: 0 });
    // The term: from the next 20 July to the 31 December after it, in Chicago.
    const clock = async () => Number(await env.currentTimeMs());
    const start = new Date(await clock());
    const year = start.getUTCMonth() >= 6 ? start.getUTCFullYear() + 1 : start.getUTCFullYear();
    await env.sleep(Date.parse(`${year}-07-20T15:00:00Z`) - (await clock()));
    const termEnd = `${year}-12-31T23:00:00.000Z`;

    await worker.runUntil(async () => {
      const organizer = await organizerOnTheClock(env, taskQueue, policy, {
        timezone: zone,
        termEnd,
        termStart: `${year}-07-20T05:00:00.000Z`,
      });
      const { handle, state, act, sleepUntil } = organizer;
      await organizer.hireToActive();
      expect((await state()).stage).toBe('active');

      const paid: string[] = [];
      for await (const period of organizer.payPeriods()) {
        const start = Date.parse(period.start);
        const end = Date.parse(period.end);
        const month = localDay(zone, start).slice(0, 7);
        // Ten hours over two days of the month (inside the period: after its start, before its end).
        const first = localDay(zone, Math.max(start + hour, Date.parse(`${month}-02T18:00:00Z`)));
        const second = localDay(zone, Math.min(end - hour, Date.parse(`${month}-20T18:00:00Z`)));
        await sleepUntil(end - 2 * hour);
        await act('submit-timesheet', {
          periodStart: period.start,
          entries: [
            { date: first, hours: 6, kind: 'caucus organizing' },
            { date: second, hours: 4, kind: 'training' },
          ],
        });
        // Every debrief period this month overlaps, as each falls due (the 28th at 17:00).
        for (;;) {
          const s = await state();
          const owed = s.pay!.periods.find((p) => p.start === period.start)!;
          const missing = owed.debriefs.filter((d) => !s.periods.find((p) => p.start === d)?.submittedAt);
          if (!missing.length) break;
          const next = s.periods.find((p) => p.start === missing[0])!;
          await sleepUntil(Math.max(Date.parse(next.start) + hour, Date.parse(next.end) - 2 * hour));
          await act('submit-debrief', {
            periodStart: next.start,
            hours: 10,
            conversations: 20,
            oneOnOnes: 4,
            leadersIdentified: 1,
            inPerson: true,
            group: false,
            metrics: { 'caucus commitments': 3 },
          });
        }
        await sleepUntil(end + hour);
        await act('approve-pay-period', { periodStart: period.start });
        paid.push(month);
      }
      const final = (await handle.result()) as OrganizerState;
      expect(final.stage).toBe('completed');
      const payable = activities.all('payPeriods').filter((p) => p.status === 'payable');
      const byMonth = Object.fromEntries(
        payable.map((p) => [localDay(zone, Date.parse(p.periodStart)).slice(0, 7), p.figures!]),
      );
      expect(Object.keys(byMonth)).toEqual(paid);
      expect(paid).toEqual([`${year}-07`, `${year}-08`, `${year}-09`, `${year}-10`, `${year}-11`, `${year}-12`]);
      // July is outside the months paid; August to December: 8 of 10 hours at $30.00 = $240.00 each.
      expect(byMonth[`${year}-07`]).toMatchObject({ quarterHours: 40, paidQuarterHours: 0, amountMinor: 0 });
      for (const month of paid.slice(1))
        expect(byMonth[month]).toMatchObject({ quarterHours: 40, paidQuarterHours: 32, amountMinor: 24_000 });
      const total = payable.reduce((sum, p) => sum + p.figures!.amountMinor, 0);
      expect(total).toBe(5 * 24_000);
      process.stdout.write(`[pay-mape] ${paid.length} monthly pay periods, total ${(total / 100).toFixed(2)} USD\n`);
    });
  }, 300_000);
});
