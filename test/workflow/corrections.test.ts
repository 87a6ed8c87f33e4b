// Ways back through the real workflow on the time-skipping server (issue 29): a record reopened after its run ended
// goes on in a new run from the last state (as the API starts it), its version and history going on and its timers
// running again; an undo refused once the correction window has passed on the workflow's clock.
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  actionUpdates,
  type ActionResult,
  organizerStateQuery,
  organizerWorkflowType,
} from '../../src/contracts/organizer-workflow';
import type { OrganizerState } from '../../src/domain/organizer';
import type { ProgramPolicy } from '../../src/domain/policy';
import { aCoordinator, aPolicy } from '../support/builders';
import { organizerOnTheClock } from '../support/organizer-on-the-clock';
import { day, minute } from '../support/organizer-states';
import { aRecordingWorker, timeSkippingEnvironment } from '../support/workflow-harness';

describe('ways back from mistakes (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  /** As the API reopens a closed record: a new run under the same id from its last state, taking the action. */
  const reopenInNewRun = async (taskQueue: string, policy: ProgramPolicy, last: OrganizerState, reason: string) =>
    (await env.client.workflow.executeUpdateWithStart(actionUpdates.reopen as never, {
      args: [{ input: { reason }, actor: aCoordinator }],
      startWorkflowOperation: new WithStartWorkflowOperation(organizerWorkflowType, {
        workflowId: last.organizerId,
        taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        args: [{ organizerId: last.organizerId, programId: last.programId, policy, state: last }],
      }),
    })) as ActionResult;

  it('reopens a rejected application in a new run that goes on from its state, timers and all', async () => {
    const policy = aPolicy({ stageSla: { applied: '3 days', screening: '7 days', role_play: '7 days' } });
    const { taskQueue, activities, worker } = await aRecordingWorker(env, 'reopen');
    await worker.runUntil(async () => {
      const { handle, act } = await organizerOnTheClock(env, taskQueue, policy);
      await act('reject', { reason: 'clicked the wrong row' });
      const last = (await handle.result()) as OrganizerState;
      expect(last.stage).toBe('not_selected');

      const reopened = await reopenInNewRun(taskQueue, policy, last, 'clicked the wrong row');
      expect(reopened).toMatchObject({ stage: 'applied', version: last.version + 1 });
      const again = env.client.workflow.getHandle(last.organizerId);
      const state = (await again.query(organizerStateQuery)) as OrganizerState;
      expect(state.seq).toBe(last.seq + 1);
      // Its stage's time limit runs again: three days on, the coordinator is reminded.
      await env.sleep(3 * day + minute);
      expect(activities.notifications.map((n) => n.kind)).toContain('stage_stalled');
      expect(activities.transitions.map((t) => [t.seq, t.to])).toEqual([
        [1, 'applied'],
        [2, 'not_selected'],
        [3, 'applied'],
      ]);
      const versions = activities.projections.map((p) => p.organizer.version);
      expect([...versions].sort((a, b) => a - b)).toEqual(versions);
      // Left running without its worker, its timers would hold up the next test's on the shared test server.
      await again.terminate();
    });
  });

  it('reopens a withdrawn hire in a new run back to active: debriefs owed again from now, not for the time away', async () => {
    const policy = aPolicy({ debriefEvery: '7 days', debriefGrace: '1 day', escalateAfter: '2 days' });
    const { taskQueue, activities, worker } = await aRecordingWorker(env, 'reopen-active');
    await worker.runUntil(async () => {
      const { handle, act, hireToActive, now, sleepUntil } = await organizerOnTheClock(env, taskQueue, policy);
      await hireToActive();
      await act('withdraw', { reason: 'entered on the wrong person' });
      // The run ends within a day (its mail sent). Its last state is read by query: the test server skips ten years
      // while a client awaits a closed run's result, past the hire's term.
      await env.sleep(2 * day);
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      const last = (await handle.query(organizerStateQuery)) as OrganizerState;
      expect(last.stage).toBe('withdrawn');
      // Away for three weeks in all: the periods of that time are owed by nobody.
      await env.sleep(19 * day);
      const reopened = await reopenInNewRun(taskQueue, policy, last, 'withdrawal entered on the wrong person');
      expect(reopened).toMatchObject({ stage: 'active', version: last.version + 1 });
      const reopenedAt = await now();
      const state = (await env.client.workflow
        .getHandle(last.organizerId)
        .query(organizerStateQuery)) as OrganizerState;
      const owed = state.periods.filter((p) => !p.submittedAt && !p.overdue);
      expect(owed.length).toBeGreaterThan(0);
      expect(owed.every((p) => Date.parse(p.overdueAt) > reopenedAt)).toBe(true);
      expect(activities.notifications.filter((n) => n.kind === 'debrief_overdue')).toEqual([]);
      // Its deadlines run again: past the first owed period's grace, the overdue reminder comes.
      await sleepUntil(Date.parse(owed[0].overdueAt) + minute);
      const overdue = activities.notifications.filter((n) => n.kind === 'debrief_overdue');
      expect(overdue).toHaveLength(1);
      expect(Date.parse(overdue[0].createdAt)).toBeGreaterThan(reopenedAt);
      await env.client.workflow.getHandle(last.organizerId).terminate();
    });
  });

  it("refuses an undo once the program's correction window has passed on the workflow's clock", async () => {
    const policy = aPolicy({ correctionWindow: '2 days' });
    const { taskQueue, worker } = await aRecordingWorker(env, 'undo');
    await worker.runUntil(async () => {
      const { handle, act, state } = await organizerOnTheClock(env, taskQueue, policy);
      await act('schedule-screening', { at: new Date(Date.now() + day).toISOString(), location: 'hall' });
      await act('record-screening', { attended: true, advance: true });
      await env.sleep(2 * day + minute);
      const refused = act('revert-step', { reason: 'too late' });
      await expect(refused).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await refused.catch((error: WorkflowUpdateFailedError) =>
        expect(error.cause?.message).toMatch(/older than the program's correction window \(2 days\)$/),
      );
      expect((await state()).stage).toBe('role_play');
      await handle.terminate();
    });
  });
});
