// Instants in the lifecycle's state and arithmetic.
import { localDateTime } from '../calendar';

/** Instants are ISO strings in the state and milliseconds in arithmetic. */
export const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (instant: string) => Date.parse(instant);

/** An instant as people read it: local date and time with the program's zone (second rules), else ISO-8601. */
export function when(state: { rules?: number; timezone?: string }, instant: number): string {
  return (state.rules ?? 1) >= 2 && state.timezone ? localDateTime(instant, state.timezone) : iso(instant);
}
