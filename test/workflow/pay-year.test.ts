// An AFT year of pay on the time-skipping server (issue 18): weekly pay periods on the Friday 17:00 calendar, a time
// sheet each week (two of them late, after their reminder), one week over the 10-hour cap, one debrief never
// submitted. Exactly the weeks with a time sheet and a debrief become payable, each once, and their money equals a
// hand computation to the cent; the week without its debrief is refused approval, naming it, and lapses after the
// term; the run then ends.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { localDay } from '../../dev/hiring-walk';
import type { OrganizerState } from '../../src/domain/organizer';
import { payPresets } from '../../src/domain/pay';
import { aPolicy } from '../support/builders';
import { organizerOnTheClock } from '../support/organizer-on-the-clock';
import { aRecordingWorker, timeSkippingEnvironment } from '../support/workflow-harness';

const hour = 3_600_000;
const day = 24 * hour;
const zone = 'America/Chicago';

describe('a year of weekly pay (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('pays exactly the complete weeks, once each, to the cent', async () => {
    const { taskQueue, activities, worker } = await aRecordingWorker(env, 'pay-year');
    const pay = { ...payPresets.member_organizer, rateMinor: 2250, mileageRateMinor: 67, settleWithin: '30 days' };
    const policy = aPolicy({ pay });
    await worker.runUntil(async () => {
      const organizer = await organizerOnTheClock(env, taskQueue, policy, { timezone: zone });
      const { handle, state, act, sleepUntil } = organizer;
      await organizer.hireToActive();
      expect((await state()).stage).toBe('active');

      const lateSheets = new Set([4, 9]);
      const overCap = 3;
      const noDebrief = 7;
      let expectedTotal = 0;
      let refusedApproval = '';
      let week = 0;
      for await (const period of organizer.payPeriods()) {
        week += 1;
        const end = Date.parse(period.end);
        // Monday and Wednesday before the Friday 17:00 the period ends on.
        const monday = localDay(zone, end - 4 * day);
        const wednesday = localDay(zone, end - 2 * day);
        const entries =
          week === overCap
            ? [
                { date: monday, hours: 6, kind: 'organizing' },
                { date: localDay(zone, end - 3 * day), hours: 6, kind: 'organizing' },
              ]
            : [
                { date: monday, hours: 3, kind: 'organizing' },
                { date: wednesday, hours: 2.75, kind: 'training' },
              ];
        const sheet = {
          periodStart: period.start,
          entries,
          miles: 20,
          ...(week === 1 ? { allowances: { phone: 1500 } } : {}),
        };
        await sleepUntil(end - 2 * hour);
        if (week !== noDebrief) {
          await act('submit-debrief', {
            periodStart: period.debriefs[0],
            hours: 6,
            conversations: 10,
            oneOnOnes: 2,
            leadersIdentified: 0,
            inPerson: true,
            group: false,
          });
        }
        if (!lateSheets.has(week)) await act('submit-timesheet', sheet);
        await sleepUntil(end + hour);
        if (lateSheets.has(week)) {
          await sleepUntil(Date.parse(period.dueAt) + hour);
          await act('submit-timesheet', sheet);
        }
        if (week === noDebrief) {
          const refused = act('approve-pay-period', { periodStart: period.start });
          await expect(refused).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
          refusedApproval = String(await refused.catch((e: WorkflowUpdateFailedError) => (e.cause as Error).message));
          continue;
        }
        await act('approve-pay-period', { periodStart: period.start });
        // Hand computation: 5.75 h × 22.50 = 129.375 → 129.38 (12 h over the cap: 10 h, 225.00); 20 mi × 0.67 = 13.40.
        expectedTotal += (week === overCap ? 22_500 : 12_938) + 1340 + (week === 1 ? 1500 : 0);
      }
      const final = (await handle.result()) as OrganizerState;
      expect(final.stage).toBe('completed');
      expect(final.pay?.periods).toEqual([]);
      expect(refusedApproval).toMatch(
        /cannot be approved: missing the debrief for the period from .* \(America\/Chicago\)/,
      );

      const payable = activities.all('payPeriods').filter((p) => p.status === 'payable');
      expect(new Set(payable.map((p) => p.periodStart)).size).toBe(payable.length);
      expect(payable).toHaveLength(week - 1);
      expect(week).toBeGreaterThanOrEqual(48);
      const total = payable.reduce((sum, p) => sum + p.figures!.amountMinor + p.figures!.allowancesMinor, 0);
      expect(total).toBe(expectedTotal);
      const reminders = activities.notifications.filter((n) => n.kind === 'timesheet_missing');
      expect(reminders).toHaveLength(lateSheets.size);
      const resolved = new Set(activities.all('resolutions').map((r) => r.id));
      expect(reminders.every((r) => resolved.has(r.id))).toBe(true);
      process.stdout.write(
        `[pay-year] ${week} weekly pay periods, ${payable.length} payable, total ${(total / 100).toFixed(2)} USD\n`,
      );
    });
  }, 300_000);
});
