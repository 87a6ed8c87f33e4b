import { announcementKinds, type NotificationRecord } from '../../src/domain/organizer';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { actionUpdates, organizerStateQuery } from '../../src/contracts/organizer-workflow';
import { aCoordinator, aPolicy } from '../support/builders';
import { aRecordingWorker, startOrganizerWorkflow, timeSkippingEnvironment } from '../support/workflow-harness';

/** The reminders among what was raised: not the messages that ask nothing. */
const reminders = (raised: NotificationRecord[]) => raised.filter((n) => !announcementKinds.includes(n.kind));
describe('hiring-stage SLA timers (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('reminds the coordinator at the screening SLA and escalates to national at twice it, 30 simulated days in seconds', async () => {
    const wallStart = Date.now();
    const { taskQueue, activities, worker } = await aRecordingWorker(env, 'sla');
    const organizerId = randomUUID();
    const policy = aPolicy();

    await worker.runUntil(async () => {
      const handle = await startOrganizerWorkflow(env, taskQueue, policy, organizerId);
      await handle.executeUpdate(actionUpdates['schedule-screening'], {
        args: [{ input: { at: '2026-12-01T17:00:00Z', location: 'Local 12 hall' }, actor: aCoordinator }],
      });
      const scheduledAt = Date.parse((await handle.query(organizerStateQuery)).stageEnteredAt);
      const simulatedStart = await env.currentTimeMs();

      await env.sleep('30 days');

      const simulatedDays = (Number(await env.currentTimeMs()) - Number(simulatedStart)) / 86_400_000;
      expect(simulatedDays).toBeGreaterThanOrEqual(30);
      const day = 86_400_000;
      // The stage's reminders (the screening's invitation and its reminder ask nothing: screening-reminder.test.ts).
      expect(
        reminders(activities.notifications).map((n) => ({
          kind: n.kind,
          recipientRole: n.recipientRole,
          createdAt: n.createdAt,
        })),
      ).toEqual([
        {
          kind: 'stage_stalled',
          recipientRole: 'coordinator',
          createdAt: new Date(scheduledAt + 14 * day).toISOString(),
        },
        {
          kind: 'stage_stalled_escalated',
          recipientRole: 'national',
          createdAt: new Date(scheduledAt + 28 * day).toISOString(),
        },
      ]);
      expect(activities.deliveries.flat()).toEqual(activities.notifications.map((n) => n.id));
      const state = await handle.query(organizerStateQuery);
      expect(state.stage).toBe('screening');
      expect(state.openNotifications.map((n) => n.kind)).toEqual(['stage_stalled', 'stage_stalled_escalated']);

      // Moving on resolves both, in the result the API stores before answering.
      const moved = await handle.executeUpdate(actionUpdates['record-screening'], {
        args: [{ input: { attended: true, advance: true }, actor: aCoordinator }],
      });
      const resolvedIds = moved.projection!.changes.resolutions.map((r) => r.id);
      expect(resolvedIds).toEqual(reminders(activities.notifications).map((n) => n.id));
    });
    expect(Date.now() - wallStart).toBeLessThan(10_000);
  });
});

// A clock of its own: the test above leaves a workflow whose timers wait for a worker that has stopped.
describe('a rescheduled screening (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('moves the screening deadline with a rescheduled screening, and keeps a reminder already raised', async () => {
    const { taskQueue, activities, worker } = await aRecordingWorker(env, 'sla-reschedule');
    const organizerId = randomUUID();
    const day = 86_400_000;

    await worker.runUntil(async () => {
      const handle = await startOrganizerWorkflow(env, taskQueue, aPolicy(), organizerId);
      const start = Number(await env.currentTimeMs());
      await handle.executeUpdate(actionUpdates['schedule-screening'], {
        args: [{ input: { at: new Date(start + day).toISOString(), location: 'Local 12 hall' }, actor: aCoordinator }],
      });
      // The screening is put off by ten days, and held somewhere else.
      const later = new Date(start + 11 * day).toISOString();
      const moved = await handle.executeUpdate(actionUpdates['reschedule-screening'], {
        args: [{ input: { at: later, location: 'Local 7 office' }, actor: aCoordinator }],
      });
      expect(moved.stage).toBe('screening');
      expect(moved.projection!.organizer.screening).toMatchObject({
        at: later,
        location: 'Local 7 office',
        sequence: 1,
      });

      await env.sleep('20 days');
      // The 14-day limit counts from the old time no more: nothing fired at day 15.
      expect(reminders(activities.notifications)).toEqual([]);
      await env.sleep('10 days');
      expect(reminders(activities.notifications).map((n) => ({ kind: n.kind, createdAt: n.createdAt }))).toEqual([
        { kind: 'stage_stalled', createdAt: new Date(Date.parse(later) + 14 * day).toISOString() },
      ]);

      // Put off again once reminded: the reminder stands (it was true when raised), the escalation moves.
      const again = new Date(Number(await env.currentTimeMs()) + day).toISOString();
      await handle.executeUpdate(actionUpdates['reschedule-screening'], {
        args: [{ input: { at: again, location: 'Local 7 office' }, actor: aCoordinator }],
      });
      await env.sleep('20 days');
      expect(reminders(activities.notifications).map((n) => n.kind)).toEqual(['stage_stalled']);
      await env.sleep('10 days');
      expect(reminders(activities.notifications).map((n) => ({ kind: n.kind, createdAt: n.createdAt }))).toEqual([
        { kind: 'stage_stalled', createdAt: new Date(Date.parse(later) + 14 * day).toISOString() },
        { kind: 'stage_stalled_escalated', createdAt: new Date(Date.parse(again) + 28 * day).toISOString() },
      ]);
    });
  }, 60_000);
});
