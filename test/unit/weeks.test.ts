import { lastWholeWeek, localMidnight } from '../../src/domain/weeks';

describe('report weeks in the program time zone', () => {
  it('finds local midnight across time zones and daylight saving', () => {
    expect(new Date(localMidnight(2027, 1, 4, 'America/Chicago')).toISOString()).toBe('2027-01-04T06:00:00.000Z');
    expect(new Date(localMidnight(2027, 7, 5, 'America/Chicago')).toISOString()).toBe('2027-07-05T05:00:00.000Z');
    expect(new Date(localMidnight(2027, 3, 14, 'America/Chicago')).toISOString()).toBe('2027-03-14T06:00:00.000Z'); // DST starts at 2:00 that day
    expect(new Date(localMidnight(2027, 1, 4, 'Asia/Kolkata')).toISOString()).toBe('2027-01-03T18:30:00.000Z');
  });

  it('reports the last whole Monday-to-Monday week before the given instant', () => {
    // Monday 2027-01-11 06:00 Chicago (12:00Z): the week of Monday 4 January.
    expect(lastWholeWeek(Date.parse('2027-01-11T12:00:00Z'), 'America/Chicago')).toEqual({
      start: new Date('2027-01-04T06:00:00.000Z'),
      end: new Date('2027-01-11T06:00:00.000Z'),
    });
    // Sunday night 2027-01-10 23:30 Chicago is still in the week of the 4th: the week before is reported.
    expect(lastWholeWeek(Date.parse('2027-01-11T05:30:00Z'), 'America/Chicago').start).toEqual(
      new Date('2026-12-28T06:00:00.000Z'),
    );
    // A week with the spring change is 167 hours long.
    const dst = lastWholeWeek(Date.parse('2027-03-15T12:00:00Z'), 'America/Chicago');
    expect((dst.end.getTime() - dst.start.getTime()) / 3_600_000).toBe(167);
  });
});
