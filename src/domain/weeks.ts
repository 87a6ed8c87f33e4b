// Calendar weeks in a program's own time zone (reports run Monday to Monday, local time). Pure: Intl only.

const dayMs = 86_400_000;

function wallClock(
  instant: number,
  timeZone: string,
): { y: number; m: number; d: number; h: number; min: number; s: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return {
    y: +get('year'),
    m: +get('month'),
    d: +get('day'),
    h: +get('hour'),
    min: +get('minute'),
    s: +get('second'),
    weekday,
  };
}

/** The instant at which the local date y-m-d begins in `timeZone` (DST-safe). */
export function localMidnight(y: number, m: number, d: number, timeZone: string): number {
  let guess = Date.UTC(y, m - 1, d);
  for (let i = 0; i < 3; i++) {
    const w = wallClock(guess, timeZone);
    const offset = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - guess;
    const next = Date.UTC(y, m - 1, d) - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** The last whole Monday-to-Monday week, in `timeZone`, that ended at or before `asOf`. */
export function lastWholeWeek(asOf: number, timeZone: string): { start: Date; end: Date } {
  const today = wallClock(asOf, timeZone);
  // Monday of the week containing asOf (local), then the week before it.
  const mondayUtc = Date.UTC(today.y, today.m - 1, today.d) - today.weekday * dayMs;
  const thisMonday = new Date(mondayUtc);
  const end = localMidnight(
    thisMonday.getUTCFullYear(),
    thisMonday.getUTCMonth() + 1,
    thisMonday.getUTCDate(),
    timeZone,
  );
  const previous = new Date(mondayUtc - 7 * dayMs);
  const start = localMidnight(previous.getUTCFullYear(), previous.getUTCMonth() + 1, previous.getUTCDate(), timeZone);
  return { start: new Date(start), end: new Date(end) };
}
