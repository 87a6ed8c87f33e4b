// Days, weeks and due times on a program's own calendar (its IANA time zone), with Temporal's calendar arithmetic
// (temporal-polyfill): days that start at 01:00 because daylight saving begins at midnight, 23- and 25-hour days and
// weeks of 167 or 169 hours are its business, not ours. Pure: no clock is read here.
import { Temporal } from 'temporal-polyfill';

/** The canonical IANA name of a time zone given in any case (`america/chicago` → `America/Chicago`), or undefined. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Temporal.ZonedDateTime(0n, name).timeZoneId;
  } catch {
    return undefined;
  }
}

/** The first instant of local day `day` (YYYY-MM-DD) in `timeZone`: midnight, or whenever that day begins. */
export function startOfLocalDay(day: string, timeZone: string): number {
  return Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** The local day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDayOf(instant: number, timeZone: string): string {
  // ICU's formatter, made once per zone, reads the local date far faster than the calendar library (the same day).
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A local day (YYYY-MM-DD) as people read it: `Monday, February 1, 2027`. */
export function dayInWords(day: string, locale = 'en-US'): string {
  const { year, month, day: date } = Temporal.PlainDate.from(day);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** The day after `day` (YYYY-MM-DD). */
export function dayAfter(day: string): string {
  return Temporal.PlainDate.from(day).add({ days: 1 }).toString();
}

/** The Monday-to-Monday week, in `timeZone`, that the local day `day` (YYYY-MM-DD) falls in. */
export function localWeekOf(day: string, timeZone: string): { start: Date; end: Date } {
  const date = Temporal.PlainDate.from(day);
  const monday = date.subtract({ days: date.dayOfWeek - 1 });
  const start = monday.toZonedDateTime({ timeZone }).epochMilliseconds;
  const end = monday.add({ days: 7 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  return { start: new Date(start), end: new Date(end) };
}

/** The last whole Monday-to-Monday week, in `timeZone`, that ended at or before `asOf`. */
export function lastWholeWeek(asOf: number, timeZone: string): { start: Date; end: Date } {
  const today = Temporal.Instant.fromEpochMilliseconds(asOf).toZonedDateTimeISO(timeZone).toPlainDate();
  const thisMonday = today.subtract({ days: today.dayOfWeek - 1 });
  const lastMonday = thisMonday.subtract({ days: 7 });
  const start = lastMonday.toZonedDateTime({ timeZone }).epochMilliseconds;
  const end = thisMonday.toZonedDateTime({ timeZone }).epochMilliseconds;
  return { start: new Date(start), end: new Date(end) };
}

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

/** When a debrief period closes and its debrief is due, on the program's calendar (a local time, `HH:MM`). */
export type DebriefDue = { weekday: Weekday; time: string } | { dayOfMonth: number; time: string };

const plainTime = (time: string) => Temporal.PlainTime.from(time);

/** The instant of local day `date` at local `time` (a time that does not exist that day moves forward, as clocks do). */
function at(date: Temporal.PlainDate, time: string, timeZone: string): number {
  return date.toZonedDateTime({ timeZone, plainTime: plainTime(time) }).epochMilliseconds;
}

/**
 * The first due time at or after `notBefore` on the program's calendar: the next `weekday` at `time`, or the next
 * `dayOfMonth` (the month's last day when it is shorter) at `time`.
 */
export function dueAtOrAfter(notBefore: number, due: DebriefDue, timeZone: string): number {
  // Asked at every walk of a record's deadlines with the same few instants: the calendar arithmetic is done once each.
  const key = `${notBefore} ${'weekday' in due ? due.weekday : due.dayOfMonth} ${due.time} ${timeZone}`;
  let found = dueTimes.get(key);
  if (found === undefined) {
    if (dueTimes.size >= 10_000) dueTimes.clear();
    dueTimes.set(key, (found = computeDueAtOrAfter(notBefore, due, timeZone)));
  }
  return found;
}
const dueTimes = new Map<string, number>();

function computeDueAtOrAfter(notBefore: number, due: DebriefDue, timeZone: string): number {
  const local = Temporal.Instant.fromEpochMilliseconds(notBefore).toZonedDateTimeISO(timeZone).toPlainDate();
  if ('weekday' in due) {
    const target = weekdays.indexOf(due.weekday) + 1;
    const day = local.add({ days: (target - local.dayOfWeek + 7) % 7 });
    const candidate = at(day, due.time, timeZone);
    return candidate >= notBefore ? candidate : at(day.add({ days: 7 }), due.time, timeZone);
  }
  const inMonth = (month: Temporal.PlainYearMonth) =>
    at(month.toPlainDate({ day: Math.min(due.dayOfMonth, month.daysInMonth) }), due.time, timeZone);
  const month = local.toPlainYearMonth();
  const candidate = inMonth(month);
  return candidate >= notBefore ? candidate : inMonth(month.add({ months: 1 }));
}

/** The local day before `instant`'s, at `time` (HH:MM) in `timeZone`: a reminder the day before. */
export function dayBeforeAt(instant: number, time: string, timeZone: string): number {
  const local = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).toPlainDate();
  return at(local.subtract({ days: 1 }), time, timeZone);
}

/** `instant` moved by `weeks` weeks or `months` months on the local calendar (same local time, across DST). */
export function addLocal(instant: number, amount: { weeks?: number; months?: number }, timeZone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).add(amount).epochMilliseconds;
}

/** An instant as people read it: `Friday 4 June 2027, 17:00 (America/Chicago)`. */
export function localDateTime(instant: number, timeZone: string, locale = 'en-US'): string {
  return `${dateTimeFormat(locale, timeZone).format(new Date(instant))} (${timeZone})`;
}

// Making a formatter costs far more than using one (a rehearsed season wrote a million refusal texts with them).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** The first instant of the local month after the one `instant` falls in, in `timeZone`. */
export function startOfNextLocalMonth(instant: number, timeZone: string): number {
  const month = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).toPlainDate();
  return month.toPlainYearMonth().add({ months: 1 }).toPlainDate({ day: 1 }).toZonedDateTime({ timeZone })
    .epochMilliseconds;
}

/** The local days (YYYY-MM-DD) from the one `start` falls on to the one before `end`, and not past `until`. */
export function localDaysOf(start: number, end: number, timeZone: string, until = end): string[] {
  const days: string[] = [];
  const last = localDayOf(Math.min(end - 1, until), timeZone);
  for (let day = localDayOf(start, timeZone); day <= last; day = dayAfter(day)) days.push(day);
  return days;
}

/** The local date and time of an instant to the minute, as a date-and-time field holds it: `2027-03-05T18:30`. */
export function localMinuteOf(instant: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}
