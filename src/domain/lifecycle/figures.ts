// Figures derived from the state, for the read models.
import { localDayOf } from '../calendar';
import { durationMs } from '../durations';
import { rules4 } from './rules';
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
  // A ride-along's date is a local day; the fourth rules compare it with the window's local days.
  const zone = rules4(state) ? (state.timezone ?? 'UTC') : 'UTC';
  const first = localDayOf(from, zone);
  const last = localDayOf(at, zone);
  const counted = rules4(state)
    ? state.rideAlongs.filter((r) => r.date.slice(0, 10) >= first && r.date.slice(0, 10) <= last).length
    : state.rideAlongs.filter(
        (r) => Date.parse(r.date.slice(0, 10)) >= Date.parse(first) && Date.parse(r.date.slice(0, 10)) <= at,
      ).length;
  const elapsed = Math.max(at - hired, 1);
  const projected = at >= windowEnd ? counted : Math.floor(counted + (counted / elapsed) * (windowEnd - at));
  return { counted, projected, windowEnd, missing: projected < state.policy.requiredRideAlongs };
}
