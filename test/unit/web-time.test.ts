// The page's wall-clock arithmetic (src/web/time.ts) agrees with the server's (src/domain/calendar.ts, temporal-polyfill)
// on the hours daylight saving skips or repeats: a time typed into a form lands where the server would put it.
import { Temporal } from 'temporal-polyfill';
import { period, zonedInstant, zonedLocal } from '../../src/web/time';

/** The server's reading of a wall-clock time in a zone (Temporal's 'compatible': a skipped hour moves on by it, a repeated one is the first). */
const serverInstant = (local: string, timeZone: string) =>
  Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).toInstant().toString();

describe("the page's wall-clock times", () => {
  it.each([
    ['2026-03-08T02:30', 'America/Chicago', '2026-03-08T08:30:00Z'], // skipped: 02:30 does not exist, 03:30 CDT
    ['2026-11-01T01:30', 'America/Chicago', '2026-11-01T06:30:00Z'], // repeated: the first 01:30 (CDT)
    ['2026-03-29T02:30', 'Europe/Berlin', '2026-03-29T01:30:00Z'], // skipped
    ['2026-10-25T02:30', 'Europe/Berlin', '2026-10-25T00:30:00Z'], // repeated: the first 02:30 (CEST)
    ['2027-01-15T09:00', 'America/Los_Angeles', '2027-01-15T17:00:00Z'],
  ])('reads %s in %s as the server does', (local, zone, instant) => {
    expect(serverInstant(local, zone)).toBe(instant);
    expect(new Date(zonedInstant(local, zone)).toISOString()).toBe(new Date(instant).toISOString());
  });

  it('shows an instant as the wall-clock time of its zone, on both sides of a change', () => {
    expect(zonedLocal('2026-11-01T06:30:00.000Z', 'America/Chicago')).toBe('2026-11-01T01:30');
    expect(zonedLocal('2026-11-01T07:30:00.000Z', 'America/Chicago')).toBe('2026-11-01T01:30');
    expect(zonedLocal('2026-03-08T08:30:00.000Z', 'America/Chicago')).toBe('2026-03-08T03:30');
  });

  it("gives a period's last day as the day before its end when it ends at midnight", () => {
    const march = { periodStart: '2027-03-01T06:00:00.000Z', periodEnd: '2027-04-01T05:00:00.000Z' };
    expect(period(march, 'America/Chicago')).toBe(
      `${new Date('2027-03-01T12:00:00Z').toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })} to ${new Date('2027-03-31T12:00:00Z').toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}`,
    );
  });
});
