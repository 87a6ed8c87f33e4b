// Durations are strings such as '7 days', '36 hours' or '2 seconds' (the forms Temporal accepts), so a test program
// can run a whole term in seconds. Parsed here, in one place, for the API's validation and the workflow's deadlines.

const unitMs: Record<string, number> = {
  ms: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1_000,
  sec: 1_000,
  secs: 1_000,
  second: 1_000,
  seconds: 1_000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
  // A month as a plain interval (a calendar cadence counts real months, see calendar.ts).
  month: 30 * 86_400_000,
  months: 30 * 86_400_000,
};

const pattern = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i;

/** Milliseconds in a duration string, or undefined when it is not one. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = pattern.exec(value);
  if (!match) return undefined;
  const unit = unitMs[match[2].toLowerCase()];
  if (unit === undefined) return undefined;
  const ms = Math.round(Number(match[1]) * unit);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The units a duration may be written in, by the name Intl.NumberFormat gives each (`7 days` → 7 `day`). */
const unitNames: Record<number, string> = {
  1: 'millisecond',
  1_000: 'second',
  60_000: 'minute',
  3_600_000: 'hour',
  86_400_000: 'day',
  604_800_000: 'week',
  [30 * 86_400_000]: 'month',
};

/** A duration's amount and unit as written (`36 hours` → 36 `hour`), or undefined when it is not one. */
export function durationParts(value: string): { amount: number; unit: string } | undefined {
  const match = pattern.exec(value);
  const unit = match ? unitMs[match[2].toLowerCase()] : undefined;
  return match && unit !== undefined ? { amount: Number(match[1]), unit: unitNames[unit] } : undefined;
}

/** Milliseconds in a duration that is known to be valid (policy is validated before it reaches a workflow). */
export function durationMs(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new TypeError(`not a duration: ${JSON.stringify(value)}`);
  return ms;
}

export function addDuration(instant: string, duration: string, times = 1): string {
  return new Date(Date.parse(instant) + durationMs(duration) * times).toISOString();
}
