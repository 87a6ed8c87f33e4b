// Figures derived from the state, for the read models.
import { durationMs } from '../durations';
import { ms } from './time';
import { OrganizerState } from '../organizer';
import { isClosed } from '../stages';

export function overdueDebriefs(state: OrganizerState): number {
  if (isClosed(state.stage)) return 0;
  return state.periods.filter((p) => p.overdue && !p.submittedAt).length;
}

/** When the next debrief is due (the end of the earliest period not yet reported nor overdue). */
export function nextDebriefDueAt(state: OrganizerState): string | undefined {
  if (state.stage !== 'active' || state.paused) return undefined;
  return state.periods.find((p) => !p.submittedAt && !p.overdue)?.end;
}

/**
 * The ride-along forecast at `at`: ride-alongs in the rolling window (the last `rideAlongWindow`, none before hire),
 * and how many there will be when the window after hire closes at the pace so far. `missing`: that falls short of
 * `requiredRideAlongs`.
 */
export function rideAlongForecast(
  state: OrganizerState,
  at: number,
): { counted: number; projected: number; windowEnd: number; missing: boolean } {
  const window = durationMs(state.policy.rideAlongWindow);
  const hired = state.hiredAt ? ms(state.hiredAt) : at;
  const windowEnd = hired + window;
  const from = Math.max(hired, at - window);
  const dayOf = (date: string) => Date.parse(date.slice(0, 10));
  const counted = state.rideAlongs.filter(
    (r) => dayOf(r.date) >= dayOf(new Date(from).toISOString()) && dayOf(r.date) <= at,
  ).length;
  const elapsed = Math.max(at - hired, 1);
  const projected = at >= windowEnd ? counted : Math.floor(counted + (counted / elapsed) * (windowEnd - at));
  return { counted, projected, windowEnd, missing: projected < state.policy.requiredRideAlongs };
}
