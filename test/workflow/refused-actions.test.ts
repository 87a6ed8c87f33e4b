// Through the real workflow: an update its validator refuses changes nothing: no projection, same version.
import { randomUUID } from 'node:crypto';
import { localDay } from '../../dev/hiring-walk';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { acceptedIn, Action, actions } from '../../src/domain/stage-machine';
import { actionUpdates, applicationRecordedUpdate, organizerStateQuery } from '../../src/contracts/organizer-workflow';
import { aCoordinator, aPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { sampleInputs } from '../support/organizer-states';
import { aRecordingWorker, startOrganizerWorkflow, timeSkippingEnvironment } from '../support/workflow-harness';

describe('refused actions (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function refusesAllOthers(stage: 'applied' | 'active'): Promise<void> {
    const { taskQueue, activities, worker } = await aRecordingWorker(env, 'refused');
    const organizerId = randomUUID();
    const policy = aPolicy();
    await worker.runUntil(async () => {
      const handle = await startOrganizerWorkflow(env, taskQueue, policy, organizerId);
      await handle.executeUpdate(applicationRecordedUpdate);
      const act = (action: Action, input: unknown) =>
        handle.executeUpdate(actionUpdates[action] as never, { args: [{ input, actor: aCoordinator }] });
      if (stage === 'active') {
        for (const action of ['schedule-screening', 'record-screening', 'record-role-play', 'respond-offer'] as const)
          await act(action, sampleInputs[action]);
        for (const training of policy.requiredTrainings)
          await act('record-training', { training, completedAt: new Date().toISOString() });
        await act('record-ride-along', { date: localDay(), staff: 'Jo Rivera' });
      }
      const before = await handle.query(organizerStateQuery);
      expect(before.stage).toBe(stage);
      // The workflow stores the last change after its update answered: count the projections once it is stored.
      await eventually('the last change stored', async () =>
        activities.projections.some((p) => p.organizer.version === before.version),
      );
      const projectionsBefore = activities.projections.length;
      const refused = actions.filter(
        (action) =>
          !(acceptedIn[action] as readonly string[]).includes(stage) || (action === 'resume' && !before.paused),
      );
      expect(refused.length).toBe(stage === 'applied' ? 13 : 7);
      for (const action of refused) {
        const attempt = act(action, sampleInputs[action]);
        await expect(attempt).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
        await attempt.catch((error: WorkflowUpdateFailedError) => {
          expect(error.cause).toMatchObject({
            type: 'ActionRefused',
            details: [{ code: action === 'resume' && stage === 'active' ? 'conflict' : 'stage', stage }],
          });
        });
      }
      expect(await handle.query(organizerStateQuery)).toEqual(before);
      expect(activities.projections).toHaveLength(projectionsBefore);
    });
  }

  it('refuses every action the applied stage does not accept, with the stage, and changes nothing', () =>
    refusesAllOthers('applied'));

  it('refuses every action the active stage does not accept, with the stage, and changes nothing', () =>
    refusesAllOthers('active'));
});
