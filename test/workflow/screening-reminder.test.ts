// A screening's reminder on the time-skipping server (issue 30): the morning before, at the program's
// screeningReminderAt in its zone, to an applicant who has not said they cannot come, and to no one else.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { dayBeforeAt } from '../../src/domain/calendar';
import { aPolicy } from '../support/builders';
import { organizerOnTheClock } from '../support/organizer-on-the-clock';
import { day, minute } from '../support/organizer-states';
import { aRecordingWorker, timeSkippingEnvironment } from '../support/workflow-harness';

describe("a screening's reminder (time-skipping)", () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it("reminds the applicant the morning before, and not one who said they can't come", async () => {
    const timezone = 'America/Chicago';
    const policy = aPolicy({ screeningReminderAt: '08:30' });
    const { taskQueue, activities, worker } = await aRecordingWorker(env, 'screening-reminder');
    await worker.runUntil(async () => {
      const coming = await organizerOnTheClock(env, taskQueue, policy, { timezone });
      const away = await organizerOnTheClock(env, taskQueue, policy, { timezone });
      const at = new Date((await coming.now()) + 4 * day).toISOString();
      for (const person of [coming, away]) await person.act('schedule-screening', { at, location: 'Local 12 hall' });
      await away.act('respond-screening', { coming: false, note: 'I work nights' });
      const remindAt = dayBeforeAt(Date.parse(at), '08:30', timezone);
      await coming.sleepUntil(remindAt - minute);
      const reminders = () => activities.notifications.filter((n) => n.kind === 'screening_reminder');
      expect(reminders()).toEqual([]);
      await coming.sleepUntil(remindAt + minute);
      expect(reminders().map((n) => [n.organizerId, n.createdAt])).toEqual([
        [(await coming.state()).organizerId, new Date(remindAt).toISOString()],
      ]);
      // The coordinator's to-do for the one who cannot come stays open until the screening moves.
      const open = (await away.state()).openNotifications.map((n) => n.kind);
      expect(open).toEqual(['screening_cant_come']);
      await coming.handle.terminate();
      await away.handle.terminate();
    });
  });
});
