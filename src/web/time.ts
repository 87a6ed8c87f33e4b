// Times as people read them: in the program's time zone (the API gives instants and the zone beside them).

export function when(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

export function day(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone });
}

/** A pay or work period as its first and last days: "Mar 2, 2027 to Mar 8, 2027". */
export function period(
  { periodStart, periodEnd }: { periodStart: string; periodEnd: string },
  timeZone?: string,
): string {
  return `${day(periodStart, timeZone)} to ${day(periodEnd, timeZone)}`;
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

/** The offset of `timeZone` from UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of a wall-clock time (`2027-03-05T18:30`, as a datetime-local field gives it) in `timeZone`. */
export function zonedInstant(local: string, timeZone: string): string {
  const [date, time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** A wall-clock time in `timeZone` for a datetime-local field's value. */
export function zonedLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + offsetAt(ms, timeZone)).toISOString().slice(0, 16);
}

/** Today's date in `timeZone` (YYYY-MM-DD). */
export function today(timeZone: string): string {
  return zonedLocal(new Date().toISOString(), timeZone).slice(0, 10);
}
