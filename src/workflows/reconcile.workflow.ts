import { proxyActivities } from '@temporalio/workflow';
import type { ReconcileActivities, ReconcileInput, ReconcileSummary } from '../contracts/activities';
import { reconcileClosedWithinDays } from '../contracts/reconcile';

const { reconcileReadModels } = proxyActivities<ReconcileActivities>({
  startToCloseTimeout: '6 hours',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** The daily pass of the reconcile Schedule: read models compared with their workflows, differences repaired. */
export async function reconcileWorkflow(input: Partial<ReconcileInput> = {}): Promise<ReconcileSummary> {
  return reconcileReadModels({ ...input, closedWithinDays: input.closedWithinDays ?? reconcileClosedWithinDays });
}
