// Times as people read them: in the program's time zone (the API gives instants and the zone beside them), with the
// server's calendar library, so both sides place a wall-clock time alike.
import { Temporal } from 'temporal-polyfill';

/** An instant as a date and time in the zone, written as `locale` writes them (the browser's own by default). */
export function when(iso: string | null | undefined, timeZone?: string, locale?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

export function day(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone });
}

/** A pay or work period as its first and last days: "Mar 2, 2027 to Mar 8, 2027" (its end is the instant after it). */
export function period(
  { periodStart, periodEnd }: { periodStart: string; periodEnd: string },
  timeZone?: string,
): string {
  return `${day(periodStart, timeZone)} to ${day(new Date(Date.parse(periodEnd) - 1).toISOString(), timeZone)}`;
}

/** "in 3 days", "2 days ago": how far an instant is from now, in the largest whole unit. */
export function relative(iso: string, now = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(ms / 3_600_000);
  if (Math.abs(hours) < 48) return format.format(hours, 'hour');
  return format.format(Math.round(ms / 86_400_000), 'day');
}

/** How long people have waited, in the unit that reads best: "12 min", "5.5 hours", "3.0 days" (hours under two days). */
export function waited(days: number, hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours.toFixed(1)} hours`;
  return `${days.toFixed(1)} days`;
}

/** Whole days between two instants (for "12 days in stage"). */
export function daysBetween(from: string, to = Date.now()): number {
  return Math.floor((to - Date.parse(from)) / 86_400_000);
}

/**
 * The instant of a wall-clock time (`2027-03-05T18:30`, as a datetime-local field gives it) in `timeZone`, read as the
 * server reads one (temporal-polyfill, 'compatible'): an hour daylight saving skips moves on by the gap, a repeated
 * one is its first occurrence.
 */
export function zonedInstant(local: string, timeZone: string): string {
  return new Date(Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).epochMilliseconds).toISOString();
}

/** A wall-clock time in `timeZone` for a datetime-local field's value. */
export function zonedLocal(iso: string, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(Date.parse(iso))
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/** Today's date in `timeZone` (YYYY-MM-DD). */
export function today(timeZone: string): string {
  return Temporal.Now.plainDateISO(timeZone).toString();
}
