// Figures derived from the state, for the read models.
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
