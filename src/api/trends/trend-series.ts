// Rows of weekly figures made into the series a chart draws: every week from the first to the last (running states
// carried through weeks nothing happened in), then cut to the window asked for.
import {
  complianceRate,
  onTimeRate,
  type ProgramTrendMetric,
  seriesNames,
  startsOnOrAfter,
  weekLabels,
  type WeekSchedule,
} from '../../domain/trends';
import { stages } from '../../domain/stages';
import type {
  ComplianceWeekRow,
  MedianWeekRow,
  StageWeekRow,
  WeekFiguresRow,
} from '../../repositories/trends.repository';
import { csvCell } from '../dashboard/dashboard.service';
import type { TrendsDto } from './trends.dto';

/** Weeks shown when no `from` is given. */
export const defaultWeeks = 12;

/** One week as the series read it: its figures, and the states it ended in. */
interface WeekView {
  figures?: WeekFiguresRow;
  atRisk: number;
  inStage: Record<string, number>;
  medians?: Map<string, number>;
  compliance?: ComplianceWeekRow;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const count = (view: WeekView, key: keyof Omit<WeekFiguresRow, 'week'>) => Number(view.figures?.[key] ?? 0);
const settled = (view: WeekView) => ({
  onTime: count(view, 'debriefs_on_time'),
  late: count(view, 'debriefs_late'),
  missing: count(view, 'debriefs_missing'),
});

/** Each metric's value in a week; a per-stage metric's by stage. */
const valueOf: Record<ProgramTrendMetric, (view: WeekView, stage: string) => number | null> = {
  applications: (view) => count(view, 'applications'),
  hires: (view) => count(view, 'hires'),
  atRisk: (view) => view.atRisk,
  inStage: (view, stage) => view.inStage[stage] ?? 0,
  medianHoursInStage: (view, stage) => {
    const median = view.medians?.get(stage);
    return median === undefined ? null : round(median, 1);
  },
  debriefsDue: (view) =>
    count(view, 'debriefs_on_time') +
    count(view, 'debriefs_late') +
    count(view, 'debriefs_pending') +
    count(view, 'debriefs_missing'),
  debriefsOnTime: (view) => count(view, 'debriefs_on_time'),
  debriefsLate: (view) => count(view, 'debriefs_late'),
  debriefsMissing: (view) => count(view, 'debriefs_missing'),
  onTimeRate: (view) => onTimeRate(settled(view)),
  hours: (view) => round(count(view, 'hours'), 2),
  conversations: (view) => count(view, 'conversations'),
  oneOnOnes: (view) => count(view, 'one_on_ones'),
  leadersIdentified: (view) => count(view, 'leaders_identified'),
  rideAlongs: (view) => count(view, 'ride_alongs'),
  rideAlongCompliance: (view) => (view.compliance ? complianceRate(view.compliance) : null),
  payApprovedMinor: (view) => count(view, 'pay_approved_minor'),
};

/**
 * What a chart asks for: weeks starting from the day `from` (or the week named `fromWeek`) to before the day `until`,
 * none after `through` (the week in progress). `weeksOf`: the one program whose weeks they are (its empty weeks filled
 * in, days its local days).
 */
export interface TrendWindow {
  from?: string;
  fromWeek?: string;
  until?: string;
  through?: string;
  weeksOf?: WeekSchedule;
}

/** The weeks of `all` a window shows: from `from` (or the latest `defaultWeeks`) to before `until`. */
function shownWeeks(all: string[], window: TrendWindow): Set<string> {
  const zone = window.weeksOf?.timezone ?? 'UTC';
  const before = all.filter(
    (week) =>
      (!window.until || !startsOnOrAfter(week, window.until, zone)) && (!window.through || week <= window.through),
  );
  if (window.fromWeek) return new Set(before.filter((week) => week >= window.fromWeek!));
  return new Set(
    window.from ? before.filter((week) => startsOnOrAfter(week, window.from!, zone)) : before.slice(-defaultWeeks),
  );
}

/** What the series are made from: the weeks' figures, and (where asked) stage moves, medians and compliance. */
export interface TrendRows {
  weeks: WeekFiguresRow[];
  stages?: StageWeekRow[];
  medians?: MedianWeekRow[];
  /** Counted at the end of the weeks shown only. */
  compliance?: ComplianceWeekRow[];
}

export function trendSeries(
  rows: TrendRows,
  metrics: readonly string[],
  window: TrendWindow,
  /** Weeks to show even where nothing happened in them (and no later week did). */
  include: string[] = [],
): TrendsDto {
  const byWeek = <R extends { week: string }>(list: R[] = []) => {
    const found = new Map<string, R[]>();
    for (const row of list) found.set(row.week, [...(found.get(row.week) ?? []), row]);
    return found;
  };
  const figures = byWeek(rows.weeks);
  const moves = byWeek(rows.stages);
  const medians = byWeek(rows.medians);
  const compliance = byWeek(rows.compliance);
  const all = weekLabels([...figures.keys(), ...moves.keys(), ...medians.keys(), ...include], window.weeksOf);
  const shown = shownWeeks(all, window);
  const names = seriesNames(metrics);
  const series: Record<string, (number | null)[]> = Object.fromEntries(names.map((name) => [name, []]));
  const inStage: Record<string, number> = Object.fromEntries(stages.map((stage) => [stage, 0]));
  let atRisk = 0;
  const weeks: string[] = [];
  for (const week of all) {
    const [found] = figures.get(week) ?? [];
    if (found) atRisk = found.at_risk;
    for (const row of moves.get(week) ?? []) inStage[row.stage] = row.people;
    if (!shown.has(week)) continue;
    weeks.push(week);
    const view: WeekView = {
      figures: found,
      atRisk,
      inStage,
      medians: new Map((medians.get(week) ?? []).map((row) => [row.stage, Number(row.median_hours)])),
      compliance: compliance.get(week)?.[0],
    };
    for (const name of names) {
      const [metric, stage] = name.split('.');
      series[name].push(valueOf[metric as ProgramTrendMetric](view, stage));
    }
  }
  return { weeks, series };
}

/**
 * The series as CSV: a row per week, a column per series (an empty cell where a rate or median has nothing), then
 * each goal's actual and plan (`<goal> (<Local>) actual`).
 */
export function trendsCsv({ weeks, series, goals = [] }: TrendsDto): string {
  const columns = [
    ...Object.entries(series),
    ...goals.flatMap((g): [string, (number | null)[]][] => {
      const name = g.local === undefined ? g.goal : `${g.goal} (${g.local})`;
      return [
        [`${name} actual`, g.actual],
        [`${name} plan`, g.plan],
      ];
    }),
  ];
  const rows = [
    ['week', ...columns.map(([name]) => name)],
    ...weeks.map((week, i) => [week, ...columns.map(([, values]) => values[i])]),
  ];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
