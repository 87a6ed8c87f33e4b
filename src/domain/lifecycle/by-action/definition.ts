// What one action is, in one place: the stages that take it, who may take it, what it takes (its input and the form
// people fill), why it may be refused beyond what its stage says, where it leads and what it changes; its name in
// words and where it leads are the catalog's `action.<name>`. The API's route, validation and access check, the
// workflow's update, `allowedActions` and the forms are all drawn from it.
import type { FormField, InputField } from '../../forms';
import type { Actor, Changes, OrganizerState, Refusal } from '../../organizer';
import type { ProgramPolicy } from '../../policy';
import type { OpenStage, Stage } from '../../stages';

/** What the stage machine needs to know about the organizer and the action to pick the next stage. */
export interface StageFacts {
  /** record-screening */
  attended?: boolean;
  advance?: boolean;
  /** No-shows at screening before this one. */
  earlierNoShows?: number;
  /** record-role-play */
  decision?: 'offer' | 'reject';
  /** respond-offer */
  accepted?: boolean;
  /** record-training: every required training recorded, this one included. */
  trainingsComplete?: boolean;
  /** record-training / record-ride-along: ride-alongs recorded (this one included) and the number required first. */
  rideAlongs?: number;
  initialRideAlongs?: number;
}

/** What a form needs to know of the record it is for (the page's panel and the phone pages alike). */
export interface FormContext {
  /** The record's stage. */
  stage: Stage;
  policy: ProgramPolicy;
  timezone: string;
  now: number;
  /** Debrief periods not yet reported, oldest first. */
  pendingPeriods: readonly { start: string; end: string; overdue: boolean }[];
  /** Pay periods, oldest first, with their status, their time sheet's hours and their debriefs' once in. */
  payPeriods: readonly { start: string; end: string; status: string; timesheetHours?: number; debriefHours?: number }[];
  /** The trainings already recorded. */
  trainingsDone: readonly string[];
  /** The screening scheduled, if one is. */
  screening?: { at: string; location: string } | null;
  /** The language the member reads and the ones they speak, when the form is for their record. */
  languages?: { preferred: string; spoken: readonly string[] };
}

export interface ActionDefinition<I> {
  /** The stages that take it. */
  stages: readonly Stage[];
  /** Taken on pay periods: in `stages` only while one is open (a closed record's included). */
  onPayPeriods?: boolean;
  /** Taken only while the organizer is paused (true), or only while not (false). */
  whilePaused?: boolean;
  /** The organizer may take it on their own record (the program's coordinators may take every action). */
  organizerMay?: boolean;
  /** A hiring step `revert-step` may undo (until another action follows it, within the correction window). */
  revertible?: boolean;
  /** About the member, not their path: the last step stays undoable after it. */
  keepsUndo?: boolean;
  /**
   * A date it takes that must be plausible for the program (the API checks it before the workflow): `term`, within a
   * year of the program's term; `past`, not in the future nor more than a year before the term began.
   */
  plausibleDate?: { field: string; within: 'term' | 'past' };
  /** What clients send (the API validates a body against it). */
  input: readonly InputField[];
  /** The form people fill, for one record; left out: the input's fields as they stand (forms.ts formFieldsOf). */
  form?: (context: FormContext) => FormField[];
  /**
   * The input as the workflow takes it, where it differs from what clients send (a stipend in minor units, a group
   * debrief recorded alone): the workers of the release before read it so, whichever of the two is deployed first.
   */
  toWorkflow?: (input: I) => I;
  /** The stage it leads to from `stage`; left out: it stays. */
  next?: (stage: OpenStage, facts: StageFacts) => Stage;
  /** Why it must be refused now, the stage aside (stageRefusal comes first); undefined when it may proceed. */
  refusal?: (state: OrganizerState, input: I, now: number) => Refusal | undefined;
  /**
   * Applies it once `refusal` accepted it. True when it changed the state though no stage changed (the version goes
   * up then too, after apply: a row that carries the new version writes `state.version + 1`); an action that changes
   * nothing (a training recorded twice) answers false.
   */
  apply: (state: OrganizerState, input: I, actor: Actor, now: number, changes: Changes) => boolean;
}

/** The input type of a definition. */
export type InputOf<D> = D extends ActionDefinition<infer I> ? I : never;
