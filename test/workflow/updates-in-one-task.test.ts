// Actions that reach an organizer in one workflow task, on the dev server (real time, real task batching): the
// workflow's own commands (the write of their changes, its emails, the deadline timer) go out after every answer of
// the task, whichever action asked for them, so a task's commands come out in one order however the SDK batches its
// jobs (a live task and its replay once batched them differently, and the replay failed), and every history replays.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';
import { actionUpdates, applicationRecordedUpdate, type CallerStores } from '../../src/contracts/organizer-workflow';
import { aCoordinator, aPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import {
  aWorker,
  devServerEnvironment,
  RecordingActivities,
  startOrganizerWorkflow,
  uniqueTaskQueue,
  workflowBundle,
} from '../support/workflow-harness';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const day = 86_400_000;
const answers = new Set(['accepted', 'completed']);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each workflow task's commands as the history recorded them: answers, activities scheduled (by type), timers. */
function commandsByTask(events: HistoryEvent[]): string[][] {
  const tasks: string[][] = [];
  for (const event of events) {
    if (event.workflowTaskCompletedEventAttributes) tasks.push([]);
    const current = tasks.at(-1);
    if (!current) continue;
    if (event.workflowExecutionUpdateAcceptedEventAttributes) current.push('accepted');
    if (event.workflowExecutionUpdateCompletedEventAttributes) current.push('completed');
    if (event.activityTaskScheduledEventAttributes)
      current.push(`scheduled ${event.activityTaskScheduledEventAttributes.activityType?.name}`);
    if (event.timerStartedEventAttributes) current.push('timer started');
    if (event.timerCanceledEventAttributes) current.push('timer canceled');
  }
  return tasks;
}

describe('actions that reach the organizer in one workflow task (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let taskQueue: string;
  let activities: RecordingActivities;

  beforeAll(async () => {
    env = await devServerEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  beforeEach(() => {
    taskQueue = uniqueTaskQueue('one-task');
    activities = new RecordingActivities();
  });

  const newWorker = () => aWorker(env, taskQueue, activities);

  /** An organizer whose screening is scheduled; `act` sends an action as the API does, its caller writing by `writeBy`. */
  async function anInvitedApplicant() {
    const organizerId = randomUUID();
    const handle = await startOrganizerWorkflow(env, taskQueue, aPolicy(), organizerId);
    let storedVersion = 0;
    const stores = (writeBy: number): CallerStores => ({ storedVersion, writeBy });
    const act = async (action: keyof typeof actionUpdates, input: unknown, writeBy = Date.now() + day) => {
      const result = (await handle.executeUpdate(actionUpdates[action] as never, {
        args: [{ input, actor: aCoordinator, callerStores: stores(writeBy) }],
      })) as { version: number };
      storedVersion = Math.max(storedVersion, result.version);
      return result;
    };
    await handle.executeUpdate(applicationRecordedUpdate, { args: [{ callerStores: stores(Date.now() + day) }] });
    await act('schedule-screening', { at: new Date(Date.now() + 3 * day).toISOString(), location: 'Hall' });
    return { organizerId, handle, act, version: () => storedVersion };
  }

  const replays = async (workflowId: string, events: HistoryEvent[]) =>
    Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, { events }, workflowId);

  it('answers two actions before scheduling its own write and timer, and the history replays', async () => {
    const applicant = await (
      await newWorker()
    ).runUntil(async () => {
      const invited = await anInvitedApplicant();
      // The invitation it raised is stored and emailed, and the task that saw the email go has ended.
      await eventually('the workflow idle', async () => {
        const { raw } = await invited.handle.describe();
        const last = (await invited.handle.fetchHistory()).events?.at(-1);
        return (
          activities.deliveries.length === 1 &&
          !raw.pendingActivities?.length &&
          !!last?.workflowTaskCompletedEventAttributes
        );
      });
      return invited;
    });
    const before = applicant.version();

    // With no worker polling, both wait at the server and come in the next task together. The first one's caller
    // says it no longer writes (its deadline passed), so the workflow writes that change; the second's caller writes.
    const moved = applicant.act(
      'reschedule-screening',
      { at: new Date(Date.now() + 4 * day).toISOString(), location: 'Hall' },
      0,
    );
    await pause(500);
    const answered = applicant.act('respond-screening', { coming: true });
    await pause(500);
    await (
      await newWorker()
    ).runUntil(async () => {
      expect((await moved).version).toBe(before + 1);
      expect((await answered).version).toBe(before + 2);
      await eventually('the moved screening stored', async () =>
        activities.projections.some((p) => p.organizer.version === before + 2),
      );
    });

    const { events } = await applicant.handle.fetchHistory();
    const both = commandsByTask(events ?? []).find((task) => task.filter((c) => c === 'accepted').length === 2);
    // The reschedule moved the screening's deadlines too: the timer is set again, also after the answers.
    expect(both).toEqual([
      'accepted',
      'accepted',
      'completed',
      'completed',
      'scheduled projectOrganizer',
      'timer canceled',
      'timer started',
    ]);
    await expect(replays(applicant.organizerId, events ?? [])).resolves.toBeUndefined();
  });

  it('keeps every task’s own commands after its answers while actions race on many organizers', async () => {
    const histories = await (
      await newWorker()
    ).runUntil(async () => {
      const applicants = await Promise.all(Array.from({ length: 10 }, () => anInvitedApplicant()));
      await Promise.all(
        applicants.map(async ({ act }, person) => {
          for (let round = 1; round <= 6; round++) {
            const at = new Date(Date.now() + 3 * day + round * 60_000).toISOString();
            // Some callers no longer write (the workflow does), some answers are refused (a second, same answer).
            await Promise.allSettled([
              act('reschedule-screening', { at, location: 'Hall' }, (round + person) % 3 === 0 ? 0 : undefined),
              act('respond-screening', { coming: round % 2 === 0 }, (round + person) % 3 === 1 ? 0 : undefined),
              act('respond-screening', { coming: round % 2 === 0 }),
            ]);
          }
        }),
      );
      return Promise.all(
        applicants.map(async ({ organizerId, handle }) => ({
          organizerId,
          events: (await handle.fetchHistory()).events ?? [],
        })),
      );
    });

    let together = 0;
    for (const { organizerId, events } of histories) {
      for (const task of commandsByTask(events)) {
        const lastAnswer = task.lastIndexOf('completed');
        if (task.filter((c) => c === 'accepted').length > 1) together += 1;
        const ownBeforeAnAnswer = task.slice(0, Math.max(lastAnswer, 0)).filter((c) => !answers.has(c));
        expect({ organizerId, task, ownBeforeAnAnswer }).toEqual({ organizerId, task, ownBeforeAnAnswer: [] });
      }
      await expect(replays(organizerId, events)).resolves.toBeUndefined();
    }
    // The race did put several actions in one task (else this test proves nothing).
    expect(together).toBeGreaterThan(10);
  });
});
