// The organizer's stage machine (DESIGN.md §3): which action each stage accepts and where it leads.
// Pure: no Temporal, no I/O. The workflow's update validators and handlers call it; nothing else re-implements it.
import { isClosed, OpenStage, openStages, Stage } from './stages';

/** Actions people take on an organizer. The names are part of the API (`POST /api/organizers/:id/<action>`). */
export const actions = [
  'schedule-screening',
  'record-screening',
  'record-role-play',
  'respond-offer',
  'record-training',
  'record-ride-along',
  'submit-debrief',
  'record-group-debrief',
  'set-work-plan',
  'submit-timesheet',
  'approve-pay-period',
  'pause',
  'resume',
  'reject',
  'withdraw',
  'terminate',
] as const;
export type Action = (typeof actions)[number];

/** Each action in words, as people's buttons name it. */
export const actionLabels: Record<Action, string> = {
  'schedule-screening': 'Schedule screening',
  'record-screening': 'Record screening',
  'record-role-play': 'Record role-play',
  'respond-offer': 'Respond to offer',
  'record-training': 'Record training',
  'record-ride-along': 'Record ride-along',
  'submit-debrief': 'Submit debrief',
  'record-group-debrief': 'Record group debrief',
  'set-work-plan': 'Set work plan',
  'submit-timesheet': 'Submit time sheet',
  'approve-pay-period': 'Approve pay period',
  pause: 'Pause',
  resume: 'Resume',
  reject: 'Reject',
  withdraw: 'Withdraw',
  terminate: 'Terminate',
};

/**
 * The stages in which each action is accepted. Pay actions are also taken on a closed record whose pay periods are
 * still open (its workflow waits for them): `payStages`.
 */
export const acceptedIn: Record<Action, readonly Stage[]> = {
  'schedule-screening': ['applied'],
  'record-screening': ['screening'],
  'record-role-play': ['role_play'],
  'respond-offer': ['offered'],
  'record-training': ['training'],
  'record-ride-along': ['ride_along', 'active'],
  'submit-debrief': ['active'],
  'record-group-debrief': ['active'],
  'set-work-plan': ['active'],
  'submit-timesheet': ['active', 'completed', 'terminated', 'withdrawn'],
  'approve-pay-period': ['active', 'completed', 'terminated', 'withdrawn'],
  pause: ['active'],
  resume: ['active'],
  reject: ['applied', 'screening', 'role_play'],
  withdraw: openStages,
  terminate: ['training', 'ride_along', 'active'],
};

/** Why an action is refused: `stage` → 409 naming the stage, `conflict` → 409, `invalid` → 422. */
export interface Refusal {
  code: 'stage' | 'conflict' | 'invalid';
  message: string;
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (actions as readonly string[]).includes(value);
}

/** Actions on pay periods: accepted while one is open, the record's stage open or closed. */
export const payActions: readonly Action[] = ['submit-timesheet', 'approve-pay-period'];

/**
 * The refusal for taking `action` in `stage`, or undefined when the stage accepts it. `payOpen`: the organizer has
 * a pay period open.
 */
export function stageRefusal(action: Action, stage: Stage, paused: boolean, payOpen = false): Refusal | undefined {
  if (payActions.includes(action) && (acceptedIn[action] as readonly Stage[]).includes(stage)) {
    return payOpen ? undefined : { code: 'conflict', message: `${action} is not possible: no pay period is open` };
  }
  if (isClosed(stage))
    return { code: 'stage', message: `${action} is not possible: the organizer's stage is ${stage}, which is closed` };
  if (!(acceptedIn[action] as readonly Stage[]).includes(stage)) {
    return {
      code: 'stage',
      message: `${action} is not possible in stage ${stage} (only in ${acceptedIn[action].join(', ')})`,
    };
  }
  if (action === 'pause' && paused) return { code: 'conflict', message: 'the organizer is already paused' };
  if (action === 'resume' && !paused) return { code: 'conflict', message: 'the organizer is not paused' };
  return undefined;
}

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

/** A screening no-show sends the applicant back to applied once; a second one ends the application. */
export const noShowsAllowed = 1;

/** The stage after an accepted action (the same stage when the action does not move it). */
export function nextStage(action: Action, stage: OpenStage, facts: StageFacts = {}): Stage {
  const readyForFieldwork = (facts.rideAlongs ?? 0) >= (facts.initialRideAlongs ?? 0);
  switch (action) {
    case 'schedule-screening':
      return 'screening';
    case 'record-screening':
      if (!facts.attended) return (facts.earlierNoShows ?? 0) < noShowsAllowed ? 'applied' : 'not_selected';
      return facts.advance ? 'role_play' : 'not_selected';
    case 'record-role-play':
      return facts.decision === 'offer' ? 'offered' : 'not_selected';
    case 'respond-offer':
      return facts.accepted ? 'training' : 'declined';
    case 'record-training':
      if (!facts.trainingsComplete) return 'training';
      return readyForFieldwork ? 'active' : 'ride_along';
    case 'record-ride-along':
      return stage === 'ride_along' && readyForFieldwork ? 'active' : stage;
    case 'reject':
      return 'not_selected';
    case 'withdraw':
      return 'withdrawn';
    case 'terminate':
      return 'terminated';
    case 'submit-debrief':
    case 'record-group-debrief':
    case 'set-work-plan':
    case 'submit-timesheet':
    case 'approve-pay-period':
    case 'pause':
    case 'resume':
      return stage;
  }
}

/** Changes the system makes on its own, with the stages they apply in. */
export const systemTransitions = {
  offerLapsed: { from: 'offered', to: 'declined' },
  termEnded: { from: 'active', to: 'completed' },
} as const satisfies Record<string, { from: OpenStage; to: Stage }>;

/** Actions an organizer may take on their own record; coordinators may take every action in their programs. */
const organizerOwnActions: readonly Action[] = [
  'respond-offer',
  'submit-debrief',
  'set-work-plan',
  'submit-timesheet',
  'withdraw',
];

/**
 * Someone's relation to an organizer's record: `coordinator` (the program's coordinators and admins), `self` (the
 * organizer themself), `reader` (national staff, other organizers).
 */
export type Relation = 'coordinator' | 'self' | 'reader';

/**
 * Who may take an action, the one rule the API's check, its routes' roles and `allowedActions` follow: a coordinator
 * every action, the organizer their own, a reader none.
 */
export function mayTake(action: Action, relation: Relation): boolean {
  return relation === 'coordinator' || (relation === 'self' && organizerOwnActions.includes(action));
}

/** The roles that can stand in a relation that takes the action (the route's first, coarse check). */
export function rolesTaking(action: Action): ('coordinator' | 'organizer')[] {
  return mayTake(action, 'self') ? ['coordinator', 'organizer'] : ['coordinator'];
}

/**
 * What someone may do on an organizer now: the actions the stage accepts (given the paused flag) that their relation
 * to the record lets them take (pay actions only while a pay period is open).
 */
export function allowedActions(stage: Stage, paused: boolean, relation: Relation, payOpen = false): Action[] {
  return actions.filter((action) => mayTake(action, relation) && !stageRefusal(action, stage, paused, payOpen));
}
