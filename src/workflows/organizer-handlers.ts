// What both paths of the organizer workflow (organizer.workflow.ts and the frozen organizer-v1.workflow.ts) do the
// same way: the activities they call, the state query, how an action message becomes a request and is checked before
// it is accepted, and what the next run starts from. Changing any of these changes both paths' commands: a change
// that must not reach the recorded runs belongs behind a patch in the workflow instead.
import { log, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { OrganizerActivities } from '../contracts/activities';
import {
  ActionMessage,
  OrganizerWorkflowInput,
  organizerStateQuery,
  refusalFailure,
} from '../contracts/organizer-workflow';
import { refusal, StartInput, stateAt } from '../domain/lifecycle';
import { OrganizerState, RosterStatus } from '../domain/organizer';
import { ActionRequest } from '../domain/stage-machine';
import type { ProgramPolicy } from '../domain/policy';
import { Action } from '../domain/stage-machine';

/** Activities that may run inside the workflow task: quick, retried until the database answers. */
export const localActivities = proxyLocalActivities<OrganizerActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 ms', backoffCoefficient: 2, maximumInterval: '20 seconds' },
});

/** Activities that reach outside (email, and the first path's roster check): slower retries. */
export const outsideActivities = proxyActivities<OrganizerActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export function answerStateQuery(current: () => OrganizerState | undefined): void {
  setHandler(organizerStateQuery, () => {
    const state = current();
    if (!state) throw new Error('the application is still being recorded');
    return state;
  });
}

export const actionRequest = <A extends Action>(action: A, message: ActionMessage<A>): ActionRequest =>
  ({ action, input: message.input, actor: message.actor }) as ActionRequest;

/** An update's validator: refuses, before it is accepted, an action the state as of now does not allow. */
export function validateAction(state: OrganizerState | undefined, request: ActionRequest): void {
  // Before the application is recorded there is nothing to check yet; the handler waits for it and checks then.
  if (!state) return;
  const now = Date.now();
  const view = stateAt(state, now);
  const refused = refusal(view, request, now);
  if (refused) throw refusalFailure(refused, view);
}

export function logApplied(action: Action, state: OrganizerState): void {
  log.info('action applied', {
    organizerId: state.organizerId,
    action,
    stage: state.stage,
    version: state.version,
  });
}

/** What the organizer starts from: its application, the program as of its latest change, the roster's answer. */
export const startInput = (
  input: OrganizerWorkflowInput,
  program: { policy: ProgramPolicy; termEnd?: string; changedAt?: string },
  roster: RosterStatus,
): StartInput => ({
  organizerId: input.organizerId,
  programId: input.programId,
  application: input.application!,
  policy: program.policy,
  termEnd: program.termEnd,
  programChangedAt: program.changedAt,
  roster,
});

/** The next run's input when a run continues as new: the state so far, on the program as it is now. */
export const nextRunInput = (input: OrganizerWorkflowInput, current: OrganizerState): OrganizerWorkflowInput => ({
  organizerId: input.organizerId,
  programId: input.programId,
  policy: current.policy,
  termEnd: current.termEnd,
  state: current,
  periodsPerRun: input.periodsPerRun,
});
