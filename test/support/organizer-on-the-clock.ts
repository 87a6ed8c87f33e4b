// One organizer's workflow on the time-skipping server, with what a test needs to drive it: its state, an action as
// a coordinator, and the server's clock (read, or skipped ahead to an instant).
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { actionUpdates, applicationRecordedUpdate, organizerStateQuery } from '../../src/contracts/organizer-workflow';
import type { OrganizerWorkflowInput } from '../../src/contracts/organizer-workflow';
import type { ActionInputs, OrganizerState } from '../../src/domain/organizer';
import type { ProgramPolicy } from '../../src/domain/policy';
import { aCoordinator } from './builders';
import { startOrganizerWorkflow } from './workflow-harness';

export async function organizerOnTheClock(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  policy: ProgramPolicy,
  extra: Partial<OrganizerWorkflowInput> = {},
) {
  const now = async () => Number(await env.currentTimeMs());
  const sleepUntil = async (instant: number) => {
    const wait = instant - (await now());
    if (wait > 0) await env.sleep(wait);
  };
  const handle = await startOrganizerWorkflow(env, taskQueue, policy, randomUUID(), extra);
  const state = () => handle.query(organizerStateQuery) as Promise<OrganizerState>;
  const act = <A extends keyof ActionInputs>(action: A, input: ActionInputs[A]) =>
    handle.executeUpdate(actionUpdates[action] as never, { args: [{ input, actor: aCoordinator }] });
  await handle.executeUpdate(applicationRecordedUpdate);
  return { handle, state, act, now, sleepUntil };
}
