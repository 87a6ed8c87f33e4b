// A pause in an active organizer's work, and the return from it.
import { durationMs } from '../../durations';
import type { Changes, OrganizerState } from '../../organizer';
import { openPeriod } from '../transitions';
import { debriefCalendar, periodEnd, rules3 } from '../rules';
import { shiftPayCalendar } from '../pay-periods';
import { iso, ms } from '../time';
import type { InputField } from '../../forms';
import type { ActionDefinition } from './definition';

export interface OptionalReasonInput {
  reason?: string;
}

const optionalReason: InputField[] = [
  { name: 'reason', label: 'field.reason', kind: 'text', max: 500, min: 0, optional: true },
];

export const pause: ActionDefinition<OptionalReasonInput> = {
  stages: ['active'],
  whilePaused: false,
  input: optionalReason,
  apply(state, _input, _actor, now) {
    state.paused = true;
    state.pausedAt = iso(now);
    return true;
  },
};

/**
 * Back from a pause. On plain intervals (the first rules, cadences under a day, runs without a zone): the debrief
 * clock stood still, so every deadline still ahead moves by the pause's length (third rules: the pay periods running
 * with it too, so they stay on the debrief grid). On the calendar (second rules on): nothing moves; a period wholly
 * inside the pause owes nothing (none was opened), the period running now opens, and a debrief that fell due during
 * the pause gets the grace from now. Either way the group-debrief period ends the pause's length later.
 */
export const resume: ActionDefinition<OptionalReasonInput> = {
  stages: ['active'],
  whilePaused: true,
  input: optionalReason,
  apply(state, _input, _actor, now, changes) {
    if (debriefCalendar(state)) resumeOnCalendar(state, now, changes);
    else resumeOnIntervals(state, now, changes);
    if (state.groupPeriod) state.groupPeriod.end = iso(ms(state.groupPeriod.end) + now - ms(state.pausedAt!));
    state.paused = false;
    state.pausedAt = undefined;
    return true;
  },
};

function resumeOnIntervals(state: OrganizerState, now: number, changes: Changes): void {
  const shift = now - ms(state.pausedAt!);
  const later = (instant: string) => iso(ms(instant) + shift);
  for (const period of state.periods) {
    if (period.submittedAt) continue;
    if (!period.overdue) {
      period.end = later(period.end);
      period.overdueAt = later(period.overdueAt);
    }
    if (!period.escalated) period.escalateAt = later(period.escalateAt);
  }
  if (rules3(state)) shiftPayCalendar(state, ms(state.pausedAt!), shift, changes);
}

/**
 * After time nothing fell due (a pause, a closed record reopened): a debrief owed whose overdue time passed meanwhile
 * gets the grace again from now, and its nudge, past, is not sent.
 */
export function owedAgainFromNow(state: OrganizerState, now: number): void {
  const grace = durationMs(state.policy.debriefGrace);
  for (const period of state.periods) {
    if (period.submittedAt || period.overdue || ms(period.overdueAt) > now) continue;
    period.overdueAt = iso(now + grace);
    period.escalateAt = iso(now + grace + durationMs(state.policy.escalateAfter));
    if (period.nudgeAt && ms(period.nudgeAt) <= now) period.nudged = true;
  }
}

function resumeOnCalendar(state: OrganizerState, now: number, changes: Changes): void {
  owedAgainFromNow(state, now);
  const last = state.periods[state.periods.length - 1];
  if (last && ms(last.end) <= now) {
    let start = ms(last.end);
    while (periodEnd(state, start) <= now) start = periodEnd(state, start);
    openPeriod(state, start, changes);
  }
}
