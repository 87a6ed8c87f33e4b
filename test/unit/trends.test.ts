// What a program week is and how rows of weekly figures become series (src/domain/trends.ts, src/api/trends).
import {
  instantNamed,
  isWeekName,
  lastTwoWeeks,
  onTimeRate,
  periodWeekMs,
  programWeekOf,
  seriesNames,
  weekLabels,
  weekNamed,
} from '../../src/domain/trends';
import { stages } from '../../src/domain/stages';
import { trendSeries } from '../../src/api/trends/trend-series';
import type { WeekFiguresRow } from '../../src/repositories/trends.repository';

const row = (week: string, figures: Partial<WeekFiguresRow> = {}): WeekFiguresRow => ({
  week,
  applications: 0,
  hires: 0,
  at_risk: 0,
  debriefs_on_time: 0,
  debriefs_late: 0,
  debriefs_pending: 0,
  debriefs_missing: 0,
  hours: 0,
  conversations: 0,
  one_on_ones: 0,
  leaders_identified: 0,
  ride_alongs: 0,
  pay_approved_minor: 0,
  ...figures,
});

describe('program weeks', () => {
  it('are calendar weeks from a weekly cadence up, debrief periods below it', () => {
    expect(periodWeekMs({ debriefEvery: '7 days' })).toBeNull();
    expect(periodWeekMs({ debriefEvery: '1 month' })).toBeNull();
    expect(periodWeekMs({ debriefEvery: '2 weeks' })).toBeNull();
    expect(periodWeekMs({ debriefEvery: '3 days' })).toBe(3 * 86_400_000);
    expect(periodWeekMs({ debriefEvery: '2 minutes' })).toBe(120_000);
  });

  it('fill the calendar weeks nothing happened in, across a year end, and leave period weeks as found', () => {
    expect(weekLabels(['2026-12-28', '2026-12-14', '2027-01-11', '2026-12-14'])).toEqual([
      '2026-12-14',
      '2026-12-21',
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
    ]);
    expect(weekLabels(['2026-12-06T10:04:00.000Z', '2026-12-06T10:00:00.000Z'])).toEqual([
      '2026-12-06T10:00:00.000Z',
      '2026-12-06T10:04:00.000Z',
    ]);
    expect(weekLabels([])).toEqual([]);
  });

  it('keep their bounds when the cadence changes: the week in progress ends then, and the next starts', () => {
    const t = (iso: string) => new Date(iso);
    const program = {
      timezone: 'America/New_York',
      periodWeekMs: 120_000,
      weeksSince: t('2026-12-06T10:00:35.000Z'),
      eras: [
        {
          since: t('2026-12-06T10:00:00.000Z'),
          until: t('2026-12-06T10:00:35.000Z'),
          timezone: 'UTC',
          periodWeekMs: 10_000,
        },
      ],
    };
    // Ten-second weeks from the creation, the fourth cut short at the change.
    expect(programWeekOf(program, Date.parse('2026-12-06T10:00:12.000Z'))).toEqual({
      week: '2026-12-06T10:00:10.000Z',
      start: t('2026-12-06T10:00:10.000Z'),
      end: t('2026-12-06T10:00:20.000Z'),
    });
    expect(programWeekOf(program, Date.parse('2026-12-06T10:00:31.000Z')).end).toEqual(t('2026-12-06T10:00:35.000Z'));
    // Two-minute weeks from the change on.
    expect(programWeekOf(program, Date.parse('2026-12-06T10:03:00.000Z')).week).toBe('2026-12-06T10:02:35.000Z');
    expect(weekNamed(program, '2026-12-06T10:00:30.000Z').end).toEqual(t('2026-12-06T10:00:35.000Z'));
    const [previous, latest] = lastTwoWeeks(program, Date.parse('2026-12-06T10:01:00.000Z'));
    expect([previous.week, latest.week]).toEqual(['2026-12-06T10:00:20.000Z', '2026-12-06T10:00:30.000Z']);
  });

  it('name a calendar week begun under another time zone by the schedule whose Monday it is', () => {
    const t = (iso: string) => new Date(iso);
    // Weeks of New York until Wednesday 9 December, of Honolulu since.
    const program = {
      timezone: 'Pacific/Honolulu',
      periodWeekMs: null,
      weeksSince: t('2026-12-09T17:00:00.000Z'),
      eras: [
        {
          since: t('2026-11-01T00:00:00.000Z'),
          until: t('2026-12-09T17:00:00.000Z'),
          timezone: 'America/New_York',
          periodWeekMs: null,
        },
      ],
    };
    expect(weekNamed(program, '2026-11-30')).toEqual({
      week: '2026-11-30',
      start: t('2026-11-30T05:00:00.000Z'),
      end: t('2026-12-07T05:00:00.000Z'),
    });
    // The week of the change: New York's until then, Honolulu's from then, one week by its name.
    expect(weekNamed(program, '2026-12-07')).toEqual({
      week: '2026-12-07',
      start: t('2026-12-07T05:00:00.000Z'),
      end: t('2026-12-14T10:00:00.000Z'),
    });
    expect(programWeekOf(program, Date.parse('2026-12-09T12:00:00.000Z'))).toMatchObject({
      week: '2026-12-07',
      end: t('2026-12-09T17:00:00.000Z'),
    });
    expect(programWeekOf(program, Date.parse('2026-12-10T12:00:00.000Z'))).toEqual({
      week: '2026-12-07',
      start: t('2026-12-09T17:00:00.000Z'),
      end: t('2026-12-14T10:00:00.000Z'),
    });
    // Its empty weeks are filled in across the change, the week of the change once.
    expect(weekLabels(['2026-11-30', '2026-12-21'], program)).toEqual([
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2026-12-21',
    ]);
  });

  it("are named by a day or by a period's start instant, as the series name them; nothing else names one", () => {
    expect(['2026-10-26', '2026-12-07T05:10:43.804Z'].every(isWeekName)).toBe(true);
    expect(
      [
        '2026-02-30',
        '2026-13-01',
        '2026-00-10',
        '2026-12-07T25:10:43.804Z',
        '2026-12-07T05:10:43Z',
        '2026-12-07 05:10',
        'soon',
        '',
        20261026,
      ].some(isWeekName),
    ).toBe(false);
    expect(instantNamed('2026-10-26', 'America/Chicago')).toBe(Date.parse('2026-10-26T05:00:00Z'));
    expect(instantNamed('2026-12-07T05:10:43.804Z', 'America/Chicago')).toBe(Date.parse('2026-12-07T05:10:43.804Z'));
  });

  it('name one series per stage for the per-stage metrics', () => {
    expect(seriesNames(['hires', 'inStage'])).toEqual(['hires', ...stages.map((s) => `inStage.${s}`)]);
  });

  it('rate on time over what is settled, none when nothing is', () => {
    expect(onTimeRate({ onTime: 2, late: 1, missing: 1 })).toBe(0.5);
    expect(onTimeRate({ onTime: 0, late: 0, missing: 0 })).toBeNull();
  });
});

describe('weekly series', () => {
  const rows = [
    row('2026-11-02', { at_risk: 2, debriefs_on_time: 3, debriefs_pending: 1, hours: 10.555 }),
    row('2026-11-16', { at_risk: 1, debriefs_late: 1 }),
  ];
  const stageRows = [
    { week: '2026-11-02', stage: 'active', people: 4 },
    { week: '2026-11-23', stage: 'active', people: 3 },
  ];

  it('carry states through the weeks nothing happened in and count events where they happened', () => {
    const { weeks, series } = trendSeries(
      { weeks: rows, stages: stageRows },
      ['atRisk', 'inStage', 'debriefsDue', 'hours'],
      {
        from: '2026-11-01',
      },
    );
    expect(weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(series.atRisk).toEqual([2, 2, 1, 1]);
    expect(series['inStage.active']).toEqual([4, 4, 4, 3]);
    expect(series.debriefsDue).toEqual([4, 0, 1, 0]);
    expect(series.hours).toEqual([10.56, 0, 0, 0]);
  });

  it('cut to the window after carrying, so a state set before it shows in it', () => {
    const { weeks, series } = trendSeries({ weeks: rows, stages: stageRows }, ['atRisk', 'inStage'], {
      from: '2026-11-09',
      until: '2026-11-23',
    });
    expect(weeks).toEqual(['2026-11-09', '2026-11-16']);
    expect(series.atRisk).toEqual([2, 1]);
    expect(series['inStage.active']).toEqual([4, 4]);
  });

  it('show the latest twelve weeks when no window is asked for', () => {
    const many = Array.from({ length: 20 }, (_, i) => row(`2026-W${String(i).padStart(2, '0')}`));
    const { weeks } = trendSeries({ weeks: many }, ['applications'], {});
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toBe('2026-W19');
  });
});
