import { randomUUID } from 'node:crypto';
import { Client, WithStartWorkflowOperation, WorkflowHandle } from '@temporalio/client';
import type { Application } from '../../src/domain/organizer';
import type { ActionInputs } from '../../src/domain/stage-machine';
import type { ProgramPolicy } from '../../src/domain/policy';
import type { Projection } from '../../src/domain/snapshot';
import {
  actionUpdates,
  ActionResult,
  applicationRecordedUpdate,
  OrganizerWorkflowInput,
  organizerWorkflowType,
} from '../../src/contracts/organizer-workflow';
import { walkTo } from '../../dev/hiring-walk';
import { aCoordinator, anApplication } from './builders';

export interface StartedOrganizer {
  organizerId: string;
  programId: string;
  application: Application;
  handle: WorkflowHandle;
  act<A extends keyof ActionInputs>(action: A, input: ActionInputs[A]): Promise<ActionResult>;
}

/**
 * Starts an organizer workflow the way the API does (update-with-start). With `store`, each answer's projection is
 * written before the call returns, as the API does; without it, rows arrive when the workflow's own projection lands.
 */
export async function applyDirectly(
  client: Client,
  taskQueue: string,
  policy: ProgramPolicy,
  extra: Partial<OrganizerWorkflowInput> = {},
  store: (projection: Projection) => Promise<unknown> = async () => undefined,
): Promise<StartedOrganizer> {
  const organizerId = extra.organizerId ?? randomUUID();
  const programId = extra.programId ?? randomUUID();
  const application = extra.application ?? anApplication();
  const stored = async (result: ActionResult) => {
    if (result.projection) await store(result.projection);
    return result;
  };
  await stored(
    await client.workflow.executeUpdateWithStart(applicationRecordedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(organizerWorkflowType, {
        workflowId: organizerId,
        taskQueue,
        workflowIdConflictPolicy: 'FAIL',
        args: [{ organizerId, programId, policy, application, ...extra }],
      }),
    }),
  );
  const handle = client.workflow.getHandle(organizerId);
  return {
    organizerId,
    programId,
    application,
    handle,
    act: async (action, input) =>
      stored(
        (await handle.executeUpdate(actionUpdates[action] as never, {
          args: [{ input, actor: aCoordinator }],
        })) as ActionResult,
      ),
  };
}

/** Walks a started organizer through hiring, training and the initial ride-alongs to active. */
export async function driveToActive(
  organizer: StartedOrganizer,
  policy: ProgramPolicy,
  timeZone = 'UTC',
): Promise<void> {
  // Ride-along dates are the program's local days (not UTC's, a day ahead of the Americas' each evening).
  for (const { action, input } of walkTo(policy, 'active', { timeZone })) await organizer.act(action, input as never);
}
