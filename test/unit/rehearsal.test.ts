// A season rehearsed in the domain (issue 32): the program's own lifecycle on a virtual clock, figures per period.
import { rehearseSeason, typicalHabit, type Habit, type SeasonInput } from '../../src/domain/rehearsal/season';
import { payPresets } from '../../src/domain/pay';
import { aPolicy } from '../support/builders';

const day = 86_400_000;
const monday = Date.parse('2027-01-04T06:00:00Z');

const habit = (patch: Partial<Habit> = {}): Habit => ({
  ...typicalHabit,
  onTime: 1,
  late: 0,
  missing: 0,
  hoursPerPeriod: { from: 8, to: 12 },
  timesheetOnTime: 1,
  rideAlongsPerMonth: 0,
  pauses: { share: 0, for: { from: '1 week', to: '2 weeks' } },
  quits: 0,
  ...patch,
});

const season = (patch: Partial<SeasonInput> = {}): SeasonInput => ({
  programId: 'program-1',
  policy: aPolicy(),
  timezone: 'America/Chicago',
  termStart: '2027-01-01',
  from: monday,
  until: monday + 10 * 7 * day,
  cohorts: [{ count: 4, startsAt: monday, stage: 'active', habit: habit() }],
  seed: 7,
  ...patch,
});

describe('a rehearsed season', () => {
  it('counts every debrief due, each on time when everyone sends on time, and no reminder', () => {
    const { periods, totals } = rehearseSeason(season());
    expect(periods).toHaveLength(11);
    expect(totals.debriefsDue).toBeGreaterThanOrEqual(36);
    expect([totals.onTime, totals.late, totals.missing]).toEqual([totals.debriefsDue, 0, 0]);
    expect([totals.overdueReminders, totals.escalations, totals.atRisk]).toEqual([0, 0, 0]);
  });

  it('reminds, escalates and puts at risk those who never send', () => {
    const { totals, people } = rehearseSeason(
      season({ cohorts: [{ count: 3, startsAt: monday, stage: 'active', habit: habit({ onTime: 0, missing: 1 }) }] }),
    );
    expect(totals.missing).toBe(totals.debriefsDue);
    expect(totals.overdueReminders).toBe(totals.debriefsDue);
    expect(totals.escalations).toBeGreaterThan(0);
    expect(totals.atRisk).toBe(3);
    expect(people.every((p) => p.atRiskPeriods > 0)).toBe(true);
  });

  it('is the same season for the same seed, and another for another', () => {
    const mixed = habit({ onTime: 0.6, late: 0.3, missing: 0.1, quits: 0.2 });
    const cohorts = [{ count: 20, startsAt: monday, stage: 'active' as const, habit: mixed }];
    const once = rehearseSeason(season({ cohorts }));
    expect(rehearseSeason(season({ cohorts }))).toEqual(once);
    expect(rehearseSeason(season({ cohorts, seed: 8 }))).not.toEqual(once);
    expect(once.totals.late).toBeGreaterThan(0);
    expect(once.totals.onTime + once.totals.late + once.totals.missing).toBe(once.totals.debriefsDue);
  });

  it('pays what the time sheets come to, once each is approved with its debriefs', () => {
    const policy = aPolicy({ pay: payPresets.member_organizer });
    const { totals, people } = rehearseSeason(season({ policy }));
    expect(totals.payablePeriods).toBeGreaterThan(30);
    expect(totals.payMinor).toBe(people.reduce((sum, p) => sum + p.paidMinor, 0));
    expect(totals.currency).toBe('USD');
  });
});
