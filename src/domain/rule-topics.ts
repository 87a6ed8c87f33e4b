// The program's rules by topic: which rule each reminder and each to-do stands on, and the cadence's name. Their words
// are the catalog's (src/words/rules.ts renders them from the policy, so a changed policy reads changed).
import type { ProgramPolicy } from './policy';
import type { NotificationKind } from './organizer';

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
  screening_invitation: 'screening',
  screening_reminder: 'screening',
  screening_cancelled: 'screening',
  screening_cant_come: 'screening',
};

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
