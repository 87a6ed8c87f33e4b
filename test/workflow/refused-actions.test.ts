// Through the real workflow: an update its validator refuses changes nothing: no projection, same version.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { acceptedIn, actions } from '../../src/domain/stage-machine';
import { organizerStateQuery } from '../../src/contracts/organizer-workflow';
import { aPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { sampleInputs } from '../support/organizer-states';
import { organizerOnTheClock } from '../support/organizer-on-the-clock';
import { aRecordingWorker, timeSkippingEnvironment } from '../support/workflow-harness';

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
    await worker.runUntil(async () => {
      const { handle, act, hireToActive } = await organizerOnTheClock(env, taskQueue, aPolicy());
      if (stage === 'active') await hireToActive();
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
      expect(refused.length).toBe(stage === 'applied' ? 16 : 10);
      for (const action of refused) {
        const attempt = act(action, sampleInputs[action] as never);
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
