// The organizer's stage machine (docs/design.md §3): which action each stage accepts, where it leads and who may take
// it, read from the actions' definitions (lifecycle/by-action). Pure: no Temporal, no I/O. The workflow's update
// validators and handlers call it; nothing else re-implements it.
import {
  type Action,
  type ActionDefinition,
  actionDefinitions,
  type ActionInputs,
  type ActionRequest,
  actions,
  type StageFacts,
} from './lifecycle/by-action';
import type { Refusal } from './organizer';
import { isClosed, OpenStage, Stage } from './stages';

export { actions, type Action, type ActionInputs, type ActionRequest, type Refusal, type StageFacts };

const definitionOf = (action: Action) => actionDefinitions[action] as ActionDefinition<unknown>;

/** The stages in which each action is accepted (pay actions: while a pay period is open, `payActions`). */
export const acceptedIn = Object.fromEntries(actions.map((a) => [a, definitionOf(a).stages])) as Record<
  Action,
  readonly Stage[]
>;

/** Actions on pay periods: accepted while one is open, the record's stage open or closed. */
export const payActions: readonly Action[] = actions.filter((a) => definitionOf(a).onPayPeriods);

/**
 * The refusal for taking `action` in `stage`, or undefined when the stage accepts it. `payOpen`: the organizer has
 * a pay period open.
 */
export function stageRefusal(action: Action, stage: Stage, paused: boolean, payOpen = false): Refusal | undefined {
  const { stages, onPayPeriods, whilePaused } = definitionOf(action);
  if (onPayPeriods && stages.includes(stage)) {
    return payOpen ? undefined : { code: 'conflict', message: `${action} is not possible: no pay period is open` };
  }
  if (isClosed(stage) && !stages.includes(stage))
    return { code: 'stage', message: `${action} is not possible: the organizer's stage is ${stage}, which is closed` };
  if (!stages.includes(stage))
    return { code: 'stage', message: `${action} is not possible in stage ${stage} (only in ${stages.join(', ')})` };
  if (whilePaused !== undefined && paused !== whilePaused)
    return { code: 'conflict', message: paused ? 'the organizer is already paused' : 'the organizer is not paused' };
  return undefined;
}

/** The stage after an accepted action (the same stage when the action does not move it). */
export function nextStage(action: Action, stage: OpenStage, facts: StageFacts = {}): Stage {
  return definitionOf(action).next?.(stage, facts) ?? stage;
}

/**
 * Someone's relation to an organizer's record: `coordinator` (the program's coordinators and admins), `self` (the
 * organizer themself), `reader` (national staff, other organizers).
 */
export type Relation = 'coordinator' | 'self' | 'reader';

/**
 * Who may take an action, the one rule the API's check, its routes' roles and `allowedActions` follow: a coordinator
 * every action, the organizer those their definition lets them take on their own record, a reader none.
 */
export function mayTake(action: Action, relation: Relation): boolean {
  return relation === 'coordinator' || (relation === 'self' && definitionOf(action).organizerMay === true);
}

/** The roles that can stand in a relation that takes the action (the route's first, coarse check). */
export function rolesTaking(action: Action): ('coordinator' | 'organizer')[] {
  return mayTake(action, 'self') ? ['coordinator', 'organizer'] : ['coordinator'];
}

/**
 * What someone may do on an organizer now: the actions the stage accepts (given the paused flag) that their relation
 * to the record lets them take (pay actions only while a pay period is open; the undo only while a step is undoable).
 */
export function allowedActions(
  stage: Stage,
  paused: boolean,
  relation: Relation,
  payOpen = false,
  undoable = false,
): Action[] {
  return actions.filter(
    (action) =>
      mayTake(action, relation) &&
      !stageRefusal(action, stage, paused, payOpen) &&
      (action !== 'revert-step' || undoable),
  );
}
