// Through the real workflow: an update its validator refuses changes nothing: no projection, same version.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { acceptedIn, actions } from '../../src/domain/stage-machine';
import { actionUpdates, applicationRecordedUpdate, organizerStateQuery, organizerWorkflowType } from '../../src/workflows/messages';
import { aCoordinator, anApplication, aPolicy } from '../support/builders';
import { sampleInputs } from '../support/organizer-states';
import { aWorker, RecordingActivities, timeSkippingEnvironment, uniqueTaskQueue } from '../support/workflow-harness';

describe('refused actions (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('refuses every action the applied stage does not accept, with the stage, and changes nothing', async () => {
    const taskQueue = uniqueTaskQueue('refused');
    const activities = new RecordingActivities();
    const worker = await aWorker(env, taskQueue, activities);
    const organizerId = randomUUID();
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(organizerWorkflowType, {
        taskQueue,
        workflowId: organizerId,
        args: [{ organizerId, programId: randomUUID(), policy: aPolicy(), application: anApplication() }],
      });
      await handle.executeUpdate(applicationRecordedUpdate);
      const before = await handle.query(organizerStateQuery);
      const projectionsBefore = activities.projections.length;
      const refused = actions.filter((action) => !(acceptedIn[action] as readonly string[]).includes('applied'));
      expect(refused).toHaveLength(9);
      for (const action of refused) {
        const attempt = handle.executeUpdate(actionUpdates[action] as never, { args: [{ input: sampleInputs[action], actor: aCoordinator }] });
        await expect(attempt).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
        await attempt.catch((error: WorkflowUpdateFailedError) => {
          expect(error.cause).toMatchObject({ type: 'ActionRefused', details: [{ code: 'stage', stage: 'applied' }] });
          expect(error.cause?.message).toContain(`${action} is not possible in stage applied`);
        });
      }
      expect(await handle.query(organizerStateQuery)).toEqual(before);
      expect(activities.projections).toHaveLength(projectionsBefore);
    });
  });
});
