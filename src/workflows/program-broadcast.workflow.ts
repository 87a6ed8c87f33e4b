import { proxyActivities } from '@temporalio/workflow';
import type { BroadcastActivities } from '../contracts/activities';
import type { ProgramBroadcast } from '../contracts/program-broadcast';

const { signalOrganizers } = proxyActivities<BroadcastActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Delivers a program change to every running organizer, durably: a restart resumes where the signals stopped. */
export async function programBroadcastWorkflow(change: ProgramBroadcast): Promise<{ signalled: number }> {
  return signalOrganizers(change);
}
