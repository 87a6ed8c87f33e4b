// The program calendar (temporal-polyfill) checked against Intl, an independent reading of the same zone data, over
// every IANA time zone this runtime knows: term ends are the first instant of the next local day, report weeks run
// from a local Monday's first instant to the next Monday's.
import { canonicalTimeZone, dayAfter, lastWholeWeek, localDayOf, startOfLocalDay } from '../../src/domain/calendar';
import { termInstant } from '../../src/api/programs/programs.service';
import { wallClock } from '../support/wall-clock';

const zones = Intl.supportedValuesOf('timeZone');

/** Whether `instant` is the first instant of its local day: a second earlier is the day before. */
function beginsLocalDay(instant: number, timeZone: string): boolean {
  return wallClock(instant - 1_000, timeZone).day !== wallClock(instant, timeZone).day;
}

describe('the program calendar', () => {
  it('knows many zones', () => {
    expect(zones.length).toBeGreaterThan(300);
  });

  it('starts a local day at midnight, or when a daylight-saving change at midnight lets it begin', () => {
    expect(new Date(startOfLocalDay('2027-01-04', 'America/Chicago')).toISOString()).toBe('2027-01-04T06:00:00.000Z');
    expect(new Date(startOfLocalDay('2027-07-05', 'America/Chicago')).toISOString()).toBe('2027-07-05T05:00:00.000Z');
    expect(new Date(startOfLocalDay('2027-03-14', 'America/Chicago')).toISOString()).toBe('2027-03-14T06:00:00.000Z');
    expect(new Date(startOfLocalDay('2027-01-04', 'Asia/Kolkata')).toISOString()).toBe('2027-01-03T18:30:00.000Z');
    // Daylight saving starts at midnight: the day begins at 01:00 local, 22:00Z the evening before.
    expect(new Date(startOfLocalDay('2026-03-29', 'Asia/Beirut')).toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-04-24', 'Africa/Cairo')).toISOString()).toBe('2026-04-23T22:00:00.000Z');
  });

  it('ends a term with a bare last day at the first instant of the next local day, in every zone', () => {
    const wrong: string[] = [];
    for (const zone of zones) {
      for (const last of ['2026-03-28', '2026-04-23', '2026-10-31', '2027-01-31']) {
        const end = termInstant(last, zone, 'end').getTime();
        if (wallClock(end, zone).day !== dayAfter(last) || !beginsLocalDay(end, zone)) wrong.push(`${zone} ${last}`);
        const start = termInstant(last, zone, 'start').getTime();
        if (wallClock(start, zone).day !== last || !beginsLocalDay(start, zone)) wrong.push(`${zone} ${last} start`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reports whole Monday-to-Monday weeks in every zone, around the daylight-saving changes', () => {
    const wrong: string[] = [];
    for (const zone of zones) {
      for (const asOf of [
        '2026-03-30T06:00:00Z',
        '2026-04-27T12:00:00Z',
        '2026-11-02T11:00:00Z',
        '2027-01-11T12:00:00Z',
      ]) {
        const { start, end } = lastWholeWeek(Date.parse(asOf), zone);
        const from = wallClock(start.getTime(), zone);
        const to = wallClock(end.getTime(), zone);
        const ok =
          from.weekday === 'Monday' &&
          to.weekday === 'Monday' &&
          beginsLocalDay(start.getTime(), zone) &&
          beginsLocalDay(end.getTime(), zone) &&
          end.getTime() <= Date.parse(asOf) &&
          Date.parse(asOf) - end.getTime() < 7 * 86_400_000 &&
          localDayOf(end.getTime() - 1, zone) === localDayOf(start.getTime() + 6.5 * 86_400_000, zone);
        if (!ok) wrong.push(`${zone} ${asOf}: ${from.day} ${from.time} → ${to.day} ${to.time}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reports the last whole week before the given instant', () => {
    expect(lastWholeWeek(Date.parse('2027-01-11T12:00:00Z'), 'America/Chicago')).toEqual({
      start: new Date('2027-01-04T06:00:00.000Z'),
      end: new Date('2027-01-11T06:00:00.000Z'),
    });
    expect(lastWholeWeek(Date.parse('2027-01-11T05:30:00Z'), 'America/Chicago').start).toEqual(
      new Date('2026-12-28T06:00:00.000Z'),
    );
    const spring = lastWholeWeek(Date.parse('2027-03-15T12:00:00Z'), 'America/Chicago');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
    const beirut = lastWholeWeek(Date.parse('2026-03-30T12:00:00Z'), 'Asia/Beirut');
    expect(beirut.end).toEqual(new Date('2026-03-29T21:00:00.000Z'));
  });

  it('canonicalizes time zone names given in any case, and refuses unknown ones', () => {
    expect(canonicalTimeZone('america/chicago')).toBe('America/Chicago');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Europe/kyiv')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('Nowhere/City')).toBeUndefined();
    for (const zone of zones) expect(canonicalTimeZone(zone.toLowerCase())?.toLowerCase()).toBe(zone.toLowerCase());
  });
});
