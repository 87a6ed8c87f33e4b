import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { actionUpdates, organizerStateQuery } from '../../src/contracts/organizer-workflow';
import { aCoordinator, aPolicy } from '../support/builders';
import { aRecordingWorker, startOrganizerWorkflow, timeSkippingEnvironment } from '../support/workflow-harness';

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
      expect(
        activities.notifications.map((n) => ({ kind: n.kind, recipientRole: n.recipientRole, createdAt: n.createdAt })),
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
      expect(resolvedIds).toEqual(activities.notifications.map((n) => n.id));
    });
    expect(Date.now() - wallStart).toBeLessThan(10_000);
  });
});
