import { forecastAt, goalsOf, goalWeekMs, planAt } from '../../src/domain/goals';

const day = 86_400_000;

describe('goal forecasts', () => {
  it('carries the pace so far to the date, and never forecasts less than the count so far', () => {
    // 30 in 10 days of a 40-day span: 120 by the end.
    expect(forecastAt(30, 0, 40 * day, 10 * day)).toBe(120);
    // An hour into a year's term: the pace is taken over a day, not an hour (and not below the count).
    expect(forecastAt(2, 0, 365 * day, 3_600_000)).toBe(730);
    // A two-hour demo term, three minutes in: the pace over a 28th of it, and at least the count.
    expect(forecastAt(9, 0, 7_200_000, 180_000)).toBe(Math.round((9 * 7_200_000) / (7_200_000 / 28)));
    expect(forecastAt(0, 0, 40 * day, 10 * day)).toBe(0);
    // At or past the date: what was counted.
    expect(forecastAt(17, 0, 40 * day, 41 * day)).toBe(17);
  });

  it('counts weeks of seven days, or of a compressed calendar', () => {
    expect(goalWeekMs(30 * day)).toBe(7 * day);
    expect(goalWeekMs(120_000)).toBe(120_000);
  });

  it('reads the old object form, keeping what it cannot measure as notes', () => {
    expect(
      goalsOf({ oneOnOnesPerWeek: 3, caucusTurnoutPercent: 20, note: 'x' }, { debriefMetrics: ['caucus commitments'] }),
    ).toEqual([
      { name: 'oneOnOnesPerWeek', metric: 'one_on_ones', scope: 'organizer_week', target: 3 },
      { name: 'caucusTurnoutPercent', metric: 'caucus commitments', scope: 'local', percentOfMembers: 20 },
      { name: 'note', note: 'x' },
    ]);
  });
});

describe('a goal planned week by week', () => {
  const from = Date.UTC(2027, 0, 4);
  const by = from + 10 * 86_400_000;
  const day = (n: number) => from + n * 86_400_000;

  it('reaches a count at an even pace from the term start to its date, never before or past it', () => {
    const goal = { scope: 'program' as const, target: 30 };
    expect([day(-3), day(0), day(1), day(5), day(10), day(40)].map((at) => planAt(goal, from, by, at))).toEqual([
      0, 0, 3, 15, 30, 30,
    ]);
    expect(planAt({ scope: 'local', target: 2 }, from, by, day(3))).toBe(0.6);
  });

  it('expects a per-week goal its target every week', () => {
    expect(planAt({ scope: 'organizer_week', target: 3 }, from, by, day(1))).toBe(3);
  });
});
