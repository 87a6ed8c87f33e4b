// Instants in the lifecycle's state and arithmetic.
import { localDateTime } from '../calendar';
import { said, type Said, type SaidValue, type WordKey } from '../words/said';

/** Instants are ISO strings in the state and milliseconds in arithmetic. */
export const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (instant: string) => Date.parse(instant);

/** An instant as people read it: local date and time with the program's zone (second rules), else ISO-8601. */
export function when(state: { rules?: number; timezone?: string }, instant: number): string {
  return (state.rules ?? 1) >= 2 && state.timezone ? localDateTime(instant, state.timezone) : iso(instant);
}

/** Words about a record, its instants read as `when` reads them: in the program's zone (second rules), else ISO. */
export function saidOf(
  state: { rules?: number; timezone?: string },
  key: WordKey,
  values: Record<string, SaidValue>,
): Said {
  return said(key, values, (state.rules ?? 1) >= 2 && state.timezone ? state.timezone : undefined);
}
