// Every action people take, one definition each (see definition.ts), in the order the pipeline meets them. The names
// are part of the API (`POST /api/organizers/:id/<action>`) and of the workflow (its update `scheduleScreening`).
import { formFieldsOf, type FormField } from '../../forms';
import type { Actor } from '../../organizer';
import type { ActionDefinition, FormContext, InputOf } from './definition';
import { recordGroupDebrief, setWorkPlan, submitDebrief } from './debriefs';
import {
  recordRolePlay,
  recordScreening,
  reject,
  rescheduleScreening,
  respondOffer,
  respondScreening,
  scheduleScreening,
  terminate,
  withdraw,
} from './hiring';
import { reopen, revertStep } from './corrections';
import { setLanguages } from './member';
import { pause, resume } from './pause';
import { approvePayPeriod, submitTimesheet } from './pay';
import { recordRideAlong, recordTraining } from './training';

export const actionDefinitions = {
  'schedule-screening': scheduleScreening,
  'reschedule-screening': rescheduleScreening,
  'respond-screening': respondScreening,
  'record-screening': recordScreening,
  'record-role-play': recordRolePlay,
  'respond-offer': respondOffer,
  'record-training': recordTraining,
  'record-ride-along': recordRideAlong,
  'submit-debrief': submitDebrief,
  'record-group-debrief': recordGroupDebrief,
  'set-work-plan': setWorkPlan,
  'submit-timesheet': submitTimesheet,
  'approve-pay-period': approvePayPeriod,
  pause,
  resume,
  reject,
  withdraw,
  terminate,
  reopen,
  'revert-step': revertStep,
  'set-languages': setLanguages,
};

export type Action = keyof typeof actionDefinitions;

/** What each action takes, as its definition says. */
export type ActionInputs = { [A in Action]: InputOf<(typeof actionDefinitions)[A]> };

export const actions = Object.keys(actionDefinitions) as Action[];

/** One action as it reaches the workflow: what, with which input, by whom. */
export type ActionRequest<A extends Action = Action> = {
  [K in A]: { action: K; input: ActionInputs[K]; actor: Actor };
}[A];

export type { ActionDefinition, FormContext } from './definition';
export { debriefPeriodFor } from './debriefs';
export { noShowsAllowed } from './hiring';
export { undoUntil } from './corrections';
export { rideAlongKey } from './training';

/** The form of an action for one record: drawn by its definition, or its input's fields as they stand. */
export function actionForm(action: Action, context: FormContext): FormField[] {
  const definition = actionDefinitions[action] as ActionDefinition<unknown>;
  return definition.form ? definition.form(context) : formFieldsOf(definition.input);
}
export type { SubmitDebriefInput } from './debriefs';
export type { SubmitTimesheetInput } from './pay';

/** The name an action's API operation and workflow update carry: `schedule-screening` → `scheduleScreening`. */
export const methodNameOf = (action: Action): string =>
  action.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
export type { RecordGroupDebriefInput } from './debriefs';
export type { RecordScreeningInput, ScheduleScreeningInput } from './hiring';

/** An action's input as the workflow takes it (its definition's `toWorkflow`, if it has one). */
export function workflowInput<A extends Action>(action: A, input: ActionInputs[A]): ActionInputs[A] {
  const definition = actionDefinitions[action] as unknown as ActionDefinition<ActionInputs[A]>;
  return definition.toWorkflow ? definition.toWorkflow(input) : input;
}
export type { StageFacts } from './definition';
