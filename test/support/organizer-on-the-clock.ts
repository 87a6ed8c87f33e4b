// One organizer's workflow on the time-skipping server, with what a test needs to drive it: its state, an action as
// a coordinator, the server's clock (read, or skipped ahead to an instant), the hiring walk and its pay periods.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { walkTo } from '../../dev/hiring-walk';
import { actionUpdates, applicationRecordedUpdate, organizerStateQuery } from '../../src/contracts/organizer-workflow';
import type { OrganizerWorkflowInput } from '../../src/contracts/organizer-workflow';
import type { OpenPayPeriod, OrganizerState } from '../../src/domain/organizer';
import type { ActionInputs } from '../../src/domain/stage-machine';
import type { ProgramPolicy } from '../../src/domain/policy';
import { aCoordinator } from './builders';
import { day } from './organizer-states';
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
  /** The hiring walk from the application to active, dated by the server's clock in the program's zone. */
  const hireToActive = async () => {
    for (const { action, input } of walkTo(policy, 'active', { now: await now(), timeZone: extra.timezone }))
      await act(action, input as never);
  };
  /**
   * Each pay period once, as it opens: the clock moves on a day at a time while there is no new one, until the
   * organizer is no longer active.
   */
  async function* payPeriods(): AsyncGenerator<OpenPayPeriod> {
    const seen = new Set<string>();
    for (;;) {
      const current = await state();
      const period = current.pay?.periods.find((p) => !seen.has(p.start));
      if (!period) {
        if (current.stage !== 'active') return;
        await env.sleep(day);
        continue;
      }
      seen.add(period.start);
      yield period;
    }
  }
  await handle.executeUpdate(applicationRecordedUpdate, { args: [{}] });
  return { handle, state, act, now, sleepUntil, hireToActive, payPeriods };
}
