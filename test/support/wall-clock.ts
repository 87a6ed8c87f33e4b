// Instants as a zone's wall clock shows them, read with Intl: a reading of the zone data independent of the calendar
// code (temporal-polyfill), to check that code against.
import { localDay } from '../../dev/hiring-walk';

/** The local day (2027-03-05), weekday (Friday) and time (17:00:00) of `instant` in `timeZone`. */
export function wallClock(instant: number | string, timeZone: string): { day: string; weekday: string; time: string } {
  const at = new Date(instant);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    day: localDay(timeZone, at.getTime()),
    weekday: get('weekday'),
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  };
}

/** The local weekday and time of day of `instant` in `timeZone`, to the minute: `Friday 17:00`. */
export function weekdayAndTime(instant: number | string, timeZone: string): string {
  const { weekday, time } = wallClock(instant, timeZone);
  return `${weekday} ${time.slice(0, 5)}`;
}
