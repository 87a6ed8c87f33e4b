// Which rules an organizer's run follows (see currentRules in ../organizer.ts) and the debrief calendar they give:
// when a debrief period closes. Used by entering stages, pay periods and deadlines alike.
import { dueAtOrAfter } from '../calendar';
import { durationMs } from '../durations';
import type { OrganizerState } from '../organizer';
import { debriefsOnCalendar, isMonthly } from '../policy';

const halfWeekMs = 3.5 * 86_400_000;

/** Whether the organizer follows the second rules (calendar deadlines and the rest; see currentRules). */
export function rules2(state: OrganizerState): boolean {
  return (state.rules ?? 1) >= 2;
}

/**
 * The program calendar the debrief periods follow, or undefined for plain intervals: runs under the first rules,
 * policies in seconds or hours (tests), and runs that do not know their program's time zone keep plain intervals.
 */
export function debriefCalendar(state: OrganizerState) {
  const { policy, timezone } = state;
  const cadence = durationMs(policy.debriefEvery);
  if (!rules2(state) || !timezone || !debriefsOnCalendar(policy)) return undefined;
  const monthly = isMonthly(policy.debriefEvery);
  const due =
    policy.debriefDue ?? (monthly ? { dayOfMonth: 28, time: '17:00' } : { weekday: 'friday' as const, time: '17:00' });
  return { due, timezone, cadence, monthly };
}

/** Whether the organizer follows the third rules (stage limits that follow the policy; see currentRules). */
export function rules3(state: OrganizerState): boolean {
  return (state.rules ?? 1) >= 3;
}

/** Whether the organizer follows the fourth rules (ride-along windows in local days; see currentRules). */
export function rules4(state: OrganizerState): boolean {
  return (state.rules ?? 1) >= 4;
}

/** Whether the organizer follows the fifth rules (a screening's invitation, answer and reminder). */
export function rules5(state: OrganizerState): boolean {
  return (state.rules ?? 1) >= 5;
}

/**
 * When the period starting at `start` closes. Plain intervals: a cadence later. On the calendar: the due time at
 * least half a cadence away for the first period (a short first stretch joins the next period), then the due time a
 * cadence on (the same weekday and local time, across daylight-saving changes; or the month's due day).
 */
export function periodEnd(state: OrganizerState, start: number, first = false): number {
  const calendar = debriefCalendar(state);
  if (!calendar) return start + durationMs(state.policy.debriefEvery);
  const { due, timezone, cadence, monthly } = calendar;
  const notBefore = first || monthly ? start + cadence / 2 : start + cadence - halfWeekMs;
  return dueAtOrAfter(notBefore, due, timezone);
}
