// The rule behind each to-do, in words a coordinator reads: from the program's policy, so a changed policy reads
// changed. The deadlines themselves are the workflow's (its reminders and the periods it opened); this only says why.
import { debriefsOnCalendar, type ProgramPolicy } from '../../domain/policy';
import type { Action } from '../../domain/stage-machine';
import type { Stage } from '../../domain/stages';

export const inboxKinds = [
  'screening_to_record',
  'offer_expiring',
  'debrief_overdue',
  'debrief_due',
  'organizer_at_risk',
  'group_debrief_missing',
  'ride_alongs_behind',
  'stage_stalled',
] as const;
export type InboxKind = (typeof inboxKinds)[number];

/** What each kind of to-do is, in words. */
export const inboxTitles: Record<InboxKind, string> = {
  screening_to_record: 'Screening to record',
  offer_expiring: 'Offer waiting for an answer',
  debrief_overdue: 'Debrief overdue',
  debrief_due: 'Debrief due',
  organizer_at_risk: 'At risk',
  group_debrief_missing: 'No group debrief this period',
  ride_alongs_behind: 'Ride-alongs behind',
  stage_stalled: 'Stuck in a stage',
};

/** The action that clears a stalled stage: the step the stage waits for. */
export const stageStep: Partial<Record<Stage, Action>> = {
  applied: 'schedule-screening',
  screening: 'record-screening',
  role_play: 'record-role-play',
  offered: 'respond-offer',
  training: 'record-training',
  ride_along: 'record-ride-along',
};

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function debriefRule(policy: ProgramPolicy, timezone: string): string {
  const at = policy.debriefDue;
  const due =
    !at || !debriefsOnCalendar(policy)
      ? `due every ${policy.debriefEvery}`
      : 'weekday' in at
        ? `due ${capital(at.weekday)}s at ${at.time} (${timezone})`
        : `due on day ${at.dayOfMonth} of each month at ${at.time} (${timezone})`;
  return `A debrief for each period is ${due}; overdue ${policy.debriefGrace} after, escalated to the coordinator ${policy.escalateAfter} after that`;
}

export function inboxRule(kind: InboxKind, policy: ProgramPolicy, timezone: string, stage?: Stage): string {
  switch (kind) {
    case 'screening_to_record':
      return 'A screening is recorded (attended, advance or not) once it has been held';
    case 'offer_expiring':
      return `An offer lapses ${policy.offerExpiresAfter} after it is made unless the applicant answers`;
    case 'debrief_overdue':
    case 'debrief_due':
      return debriefRule(policy, timezone);
    case 'organizer_at_risk':
      return `An organizer who misses ${policy.atRiskAfterMissed} debriefs in a row is at risk until none is overdue`;
    case 'group_debrief_missing':
      return `Each organizer attends at least one in-person group debrief every ${policy.groupDebriefEvery}`;
    case 'ride_alongs_behind':
      return `${policy.requiredRideAlongs} ride-alongs within ${policy.rideAlongWindow} of hire`;
    case 'stage_stalled': {
      const limit = stage ? (policy.stageSla as Record<string, string | undefined>)[stage] : undefined;
      return limit ? `The ${stage?.replace('_', '-')} stage should take at most ${limit}` : 'A stage has a time limit';
    }
  }
}
