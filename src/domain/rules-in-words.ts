// The program's rules in words a coordinator or an organizer reads, from its policy, so a changed policy reads
// changed. The to-do list and every reminder email say why they exist with these; the deadlines themselves are the
// workflow's.
import { approveWithinDefault } from './pay';
import { debriefsOnCalendar, type ProgramPolicy } from './policy';
import type { NotificationKind } from './organizer';
import type { Stage } from './stages';

export type RuleTopic =
  | 'screening'
  | 'offer'
  | 'debrief'
  | 'at_risk'
  | 'group_debrief'
  | 'ride_alongs'
  | 'stage_limit'
  | 'timesheet'
  | 'pay_approval';

/** The rule behind each kind of reminder. */
export const notificationRule: Record<NotificationKind, RuleTopic> = {
  stage_stalled: 'stage_limit',
  stage_stalled_escalated: 'stage_limit',
  offer_expiring: 'offer',
  debrief_overdue: 'debrief',
  debrief_escalated: 'debrief',
  debrief_due_soon: 'debrief',
  organizer_at_risk: 'at_risk',
  group_debrief_missing: 'group_debrief',
  ride_alongs_behind: 'ride_alongs',
  timesheet_missing: 'timesheet',
  pay_approval_waiting: 'pay_approval',
};

/** A program's pay period in words: "every 2 debrief periods", "each calendar month". */
export function payPeriodInWords(policy: ProgramPolicy): string {
  const every = policy.pay?.periodEvery ?? 1;
  if (every === 'month') return 'each calendar month';
  return every === 1 ? 'each debrief period' : `every ${every} debrief periods`;
}

/**
 * What a cadence's debrief is called ("your weekly debrief"): daily, weekly or monthly; undefined for a cadence that
 * has no such name (every 2 weeks, every 6 seconds).
 */
export function debriefCadenceName(policy: ProgramPolicy): 'daily' | 'weekly' | 'monthly' | undefined {
  const every = policy.debriefEvery.trim().toLowerCase();
  if (/^1 months?$/.test(every)) return 'monthly';
  if (/^(7 days?|1 weeks?)$/.test(every)) return 'weekly';
  if (/^(1 days?|24 hours?)$/.test(every)) return 'daily';
  return undefined;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** When a period's debrief is due, in words: "due Fridays at 17:00 (America/Chicago)". */
export function debriefDueInWords(policy: ProgramPolicy, timezone: string): string {
  const at = policy.debriefDue;
  if (!at || !debriefsOnCalendar(policy)) return `due every ${policy.debriefEvery}`;
  return 'weekday' in at
    ? `due ${capital(at.weekday)}s at ${at.time} (${timezone})`
    : `due on day ${at.dayOfMonth} of each month at ${at.time} (${timezone})`;
}

export function ruleInWords(topic: RuleTopic, policy: ProgramPolicy, timezone: string, stage?: Stage): string {
  switch (topic) {
    case 'screening':
      return 'A screening is recorded (attended, advance or not) once it has been held';
    case 'offer':
      return `An offer lapses ${policy.offerExpiresAfter} after it is made unless the applicant answers`;
    case 'debrief':
      return `A debrief for each period is ${debriefDueInWords(policy, timezone)}; overdue ${policy.debriefGrace} after, escalated to the coordinator ${policy.escalateAfter} after that`;
    case 'at_risk':
      return `An organizer who misses ${policy.atRiskAfterMissed} debriefs in a row is at risk until none is overdue`;
    case 'group_debrief':
      return `Each organizer attends at least one in-person group debrief every ${policy.groupDebriefEvery}`;
    case 'ride_alongs':
      return `${policy.requiredRideAlongs} ride-alongs within ${policy.rideAlongWindow} of hire`;
    case 'timesheet':
      return `A time sheet for each pay period (${payPeriodInWords(policy)}) is due ${policy.debriefGrace} after the period ends; pay needs it and the period's debriefs`;
    case 'pay_approval':
      return `A pay period with its time sheet and debriefs in is approved by the coordinator within ${policy.pay ? (policy.pay.approveWithin ?? approveWithinDefault) : approveWithinDefault}`;
    case 'stage_limit': {
      const limit = stage ? (policy.stageSla as Record<string, string | undefined>)[stage] : undefined;
      return limit ? `The ${stage?.replace('_', '-')} stage should take at most ${limit}` : 'A stage has a time limit';
    }
  }
}
