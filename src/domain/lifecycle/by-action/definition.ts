// What one action is to the lifecycle: why it may be refused beyond what its stage says, and what it changes.
import type { Action } from '../../stage-machine';
import type { ActionInputs, Actor, Changes, OrganizerState } from '../../organizer';
import type { Refusal } from '../../stage-machine';

export interface ActionEffect<A extends Action> {
  /** Why it must be refused now, the stage aside (stageRefusal comes first); undefined when it may proceed. */
  refusal?: (state: OrganizerState, input: ActionInputs[A], now: number) => Refusal | undefined;
  /**
   * Applies it once `refusal` accepted it. True when it changed the state though no stage changed (the version goes
   * up then too, after apply: a row that carries the new version writes `state.version + 1`); an action that changes
   * nothing (a training recorded twice) answers false.
   */
  apply: (state: OrganizerState, input: ActionInputs[A], actor: Actor, now: number, changes: Changes) => boolean;
}

/** One definition per action, each in the module of its kind. */
export type ActionEffects = { [A in Action]: ActionEffect<A> };
