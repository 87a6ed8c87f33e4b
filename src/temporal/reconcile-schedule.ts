import { Client, ScheduleAlreadyRunning, ScheduleOptions } from '@temporalio/client';
import { reconcileScheduleId, reconcileWorkflowType } from '../contracts/reconcile';

/**
 * The daily reconcile pass (03:00 UTC) as a Temporal Schedule: created by the worker when it starts, or brought up to
 * date (its task queue) when it exists. A pass missed while the server was down still runs that day; never two at once.
 */
export async function ensureReconcileSchedule(client: Client, taskQueue: string): Promise<void> {
  const action = { type: 'startWorkflow' as const, workflowType: reconcileWorkflowType, args: [{}], taskQueue };
  const options: ScheduleOptions = {
    scheduleId: reconcileScheduleId,
    spec: { calendars: [{ hour: 3 }], timezone: 'UTC' },
    action,
    policies: { catchupWindow: '1 day', overlap: 'SKIP' },
    state: { note: 'read models compared with their workflows; differences repaired' },
  };
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule
      .getHandle(reconcileScheduleId)
      .update((previous) => ({ ...previous, action: { ...previous.action, ...action } }));
  }
}
