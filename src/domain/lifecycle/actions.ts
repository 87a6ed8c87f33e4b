// People's actions: why one is refused, and what one changes when it is not. Each action's own rule and effect is
// its definition in ./by-action; here the order every action goes through.
import {
  Changes,
  mergeChanges,
  noChanges,
  OrganizerState,
  stepFields,
  stepRecords,
  type StepFields,
} from '../organizer';
import { iso } from './time';
import { ActionRequest } from '../stage-machine';
import { type Action, Refusal, stageRefusal } from '../stage-machine';
import { fireDeadlines } from './deadlines';
import { owesPay } from './pay-periods';
import { type ActionDefinition, actionDefinitions } from './by-action';

const definitionOf = (action: Action) => actionDefinitions[action] as ActionDefinition<unknown>;

/** Why this action must be refused now, or undefined when it may proceed: its stage first, then its own rule. */
export function refusal(state: OrganizerState, request: ActionRequest, now: number): Refusal | undefined {
  const byStage = stageRefusal(request.action, state.stage, state.paused, owesPay(state));
  if (byStage) return byStage;
  return definitionOf(request.action).refusal?.(state, request.input, now);
}

/**
 * A person's action at `now`: the deadlines that came before it take effect first (an offer that lapsed cannot be
 * accepted), then the action, unless the state as of then refuses it. The changes hold both.
 */
export function takeAction(
  state: OrganizerState,
  request: ActionRequest,
  now: number,
): { changes: Changes; refused: Refusal | undefined } {
  const changes = fireDeadlines(state, now);
  const refused = refusal(state, request, now);
  if (!refused) mergeChanges(changes, applyAction(state, request, now));
  return { changes, refused };
}

/**
 * Applies an action that `refusal` accepted. Returns what changed for the read models; the version is bumped only
 * when something did (a training or ride-along recorded twice counts once and changes nothing).
 */
export function applyAction(state: OrganizerState, request: ActionRequest, now: number): Changes {
  const changes = noChanges();
  const definition = definitionOf(request.action);
  const from = state.stage;
  const before = definition.revertible ? stepFieldsOf(state) : undefined;
  const touched = definition.apply(state, request.input, request.actor, now, changes);
  if (touched || changes.transitions.length || changes.resolutions.length) {
    state.version += 1;
    // A step may be undone until anything else is done; undoing one leaves none to undo.
    if (!definition.keepsUndo)
      state.lastStep = before
        ? { action: request.action, at: iso(now), by: request.actor.id, from, to: state.stage, before }
        : undefined;
  }
  return changes;
}

/** A copy of what a step changes besides the stage. */
export function stepFieldsOf(state: OrganizerState): StepFields {
  const fields = [...stepFields, ...stepRecords];
  return JSON.parse(JSON.stringify(Object.fromEntries(fields.map((field) => [field, state[field]]))));
}
