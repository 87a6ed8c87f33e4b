// National's weekly series (issue 33): what a program week is and which figures each week has. The figures are summed
// by PostgreSQL (migration WeeklyTrends); the rules for what a week is and which figures exist live here.
import { Temporal } from 'temporal-polyfill';
import { localDayOf, localWeekOf, startOfLocalDay } from './calendar';
import { parseDuration } from './durations';
import type { ProgramPolicy } from './policy';
import { stages } from './stages';

const weekMs = 7 * 86_400_000;
/** Whether a week's name is a day (its Monday, for a calendar week) rather than a debrief period's start instant. */
export const isDayName = (label: string) => /^\d{4}-\d{2}-\d{2}$/.test(label);

/**
 * How long a program week lasts where the program's debrief periods count as its weeks (a cadence shorter than a
 * week, as in the demo and in tests), or null: its weeks are local calendar weeks, Monday to Monday.
 */
export function periodWeekMs(policy: Pick<ProgramPolicy, 'debriefEvery'>): number | null {
  const every = parseDuration(policy.debriefEvery);
  return every !== undefined && every < weekMs ? every : null;
}

/** A program week: its name (as `program_week` in SQL names it) and the instants it starts and ends. */
export interface ProgramWeek {
  week: string;
  start: Date;
  end: Date;
}

/**
 * The program's last two whole weeks as of `asOf`, the later one last: the local Monday-to-Monday weeks, or the
 * last two whole debrief periods counted from the program's creation.
 */
export function lastTwoWeeks(program: WeekSchedule, asOf: number): [ProgramWeek, ProgramWeek] {
  const latest = programWeekOf(program, programWeekOf(program, asOf).start.getTime() - 1);
  return [programWeekOf(program, latest.start.getTime() - 1), latest];
}

/** A schedule of weeks a program had before its current one, from `since` until `until` (oldest first). */
export type WeekEra = { since: Date; until: Date; timezone: string; periodWeekMs: number | null };

/**
 * What a program's weeks are: its time zone and the length of a period that counts as a week (if one does), since
 * `weeksSince`; before then, its eras. A change of either starts new weeks from the moment it is made (the week in
 * progress ends there), so weeks already begun keep their bounds; a change between calendar weeks and periods leaves
 * no era (weeks are ordered by their names, which the two kinds do not share). Migration ProgramWeekEras keeps the
 * same rule in SQL.
 */
export type WeekSchedule = { timezone: string; periodWeekMs: number | null; weeksSince: Date; eras?: WeekEra[] };

type Schedule = { since: Date; until?: Date; timezone: string; periodWeekMs: number | null };

function schedulesOf(program: WeekSchedule): Schedule[] {
  return [...(program.eras ?? []), { ...program, since: program.weeksSince }];
}

/** The program week `instant` falls in (as `program_week` in SQL names it). */
export function programWeekOf(program: WeekSchedule, instant: number): ProgramWeek {
  const schedules = schedulesOf(program);
  const index = schedules.findIndex((s) => s.until === undefined || instant < s.until.getTime());
  const { periodWeekMs: ms, timezone, since, until } = schedules[index];
  let week: ProgramWeek;
  if (ms === null) {
    const { start, end } = localWeekOf(localDayOf(instant, timezone), timezone);
    week = { week: localDayOf(start.getTime(), timezone), start, end };
  } else {
    const start = since.getTime() + Math.floor((instant - since.getTime()) / ms) * ms;
    week = { week: new Date(start).toISOString(), start: new Date(start), end: new Date(start + ms) };
  }
  // A schedule that began with a change starts its first week then; one that ended cuts its last week short.
  if (index > 0 && week.start < since) week.start = since;
  if (until && week.end > until) week.end = until;
  return week;
}

/**
 * Whether `label` can name a program week: a day that exists (YYYY-MM-DD), or an instant written as the weeks of
 * debrief periods are named (`2026-12-07T04:10:00.000Z`).
 */
export function isWeekName(label: unknown): label is string {
  if (typeof label !== 'string') return false;
  const instant = new Date(isDayName(label) ? `${label}T00:00:00Z` : label);
  if (Number.isNaN(instant.getTime())) return false;
  return isDayName(label) ? instant.toISOString().slice(0, 10) === label : instant.toISOString() === label;
}

/** Where a week name begins to count: a day's local midnight, or the instant itself. */
export function instantNamed(label: string, timeZone: string): number {
  return isDayName(label) ? startOfLocalDay(label, timeZone) : Date.parse(label);
}

/** The program week a label names (a local Monday, or the start instant of a debrief period). */
export function weekNamed(program: WeekSchedule, week: string): ProgramWeek {
  if (!isDayName(week)) return programWeekOf(program, Date.parse(week));
  // A day's week is its Monday's: that of the calendar schedules that name it, two when the time zone changed within it.
  const day = Temporal.PlainDate.from(week);
  const monday = day.subtract({ days: day.dayOfWeek - 1 }).toString();
  const named = schedulesOf(program)
    .filter((schedule) => schedule.periodWeekMs === null)
    .map(({ timezone, since, until }) => ({ until, at: Math.max(startOfLocalDay(monday, timezone), since.getTime()) }))
    .filter(({ until, at }) => !until || at < until.getTime())
    .map(({ at }) => programWeekOf(program, at))
    .filter((found) => found.week === monday);
  if (!named.length) return programWeekOf(program, startOfLocalDay(week, program.timezone));
  return { week: monday, start: named[0].start, end: named.at(-1)!.end };
}

/** The figures of one organizer's week. */
export const organizerTrendMetrics = [
  'debriefsDue',
  'debriefsOnTime',
  'debriefsLate',
  'debriefsMissing',
  'onTimeRate',
  'hours',
  'conversations',
  'oneOnOnes',
  'leadersIdentified',
  'rideAlongs',
  'rideAlongCompliance',
  'payApprovedMinor',
] as const;
export type OrganizerTrendMetric = (typeof organizerTrendMetrics)[number];

/** The figures of a program's (or a Local's) week. `inStage` and `medianHoursInStage` have one series per stage. */
export const programTrendMetrics = [
  'applications',
  'hires',
  'inStage',
  'medianHoursInStage',
  'atRisk',
  ...organizerTrendMetrics,
] as const;
export type ProgramTrendMetric = (typeof programTrendMetrics)[number];

/** Metrics with one series per stage, named `<metric>.<stage>`. */
export const perStageMetrics: readonly ProgramTrendMetric[] = ['inStage', 'medianHoursInStage'];

/** The series a list of metrics asks for, by name: a per-stage metric gives one series per stage. */
export function seriesNames(metrics: readonly string[]): string[] {
  return metrics.flatMap((metric) =>
    perStageMetrics.includes(metric as ProgramTrendMetric) ? stages.map((stage) => `${metric}.${stage}`) : [metric],
  );
}

/**
 * Every week from the first label found to the last, the weeks nothing happened in filled in: one program's (its
 * calendar weeks or debrief periods, across its eras), or, for several programs, local calendar weeks (their Mondays;
 * debrief periods, which differ between programs, only where something happened).
 */
export function weekLabels(found: Iterable<string>, program?: WeekSchedule): string[] {
  const labels = [...new Set(found)].sort();
  if (labels.length < 2) return labels;
  if (program) return weeksBetween(program, labels[0], labels.at(-1)!, labels);
  if (!labels.every(isDayName)) return labels;
  const last = Temporal.PlainDate.from(labels.at(-1)!);
  const weeks: string[] = [];
  let week = Temporal.PlainDate.from(labels[0]);
  while (Temporal.PlainDate.compare(week, last) <= 0) {
    weeks.push(week.toString());
    week = week.add({ days: 7 });
  }
  return weeks;
}

/** At most this many weeks are filled in (of calendar weeks, two centuries; of the demo's periods, two weeks). */
const weeksFilledAtMost = 10_000;

/** A program's weeks from one it names to another, each week's end beginning the next. */
function weeksBetween(program: WeekSchedule, first: string, last: string, found: string[]): string[] {
  const weeks = [first];
  let week = weekNamed(program, first);
  for (let steps = 0; weeks.at(-1)! < last; steps++) {
    week = programWeekOf(program, week.end.getTime());
    // A label no schedule of the program's names (a week counted before its eras were kept), or a walk too long, ends
    // it: what was found is shown as it is.
    if (week.week < weeks.at(-1)! || steps > weeksFilledAtMost) return found;
    // A week a change of time zone cut short goes on, under the new zone, by the same name.
    if (week.week !== weeks.at(-1)) weeks.push(week.week);
  }
  return weeks.at(-1) === last ? [...new Set([...weeks, ...found])].sort() : found;
}

/**
 * Whether a week (by its label) starts on or after `day` (a `YYYY-MM-DD`): a calendar week by its Monday, a debrief
 * period by its start instant against the day's midnight in `timeZone`.
 */
export function startsOnOrAfter(week: string, day: string, timeZone: string): boolean {
  return isDayName(week) ? week >= day : Date.parse(week) >= startOfLocalDay(day, timeZone);
}

/**
 * Of those who owed ride-alongs at a week's end (hired, still open, in a program that requires some), the share who
 * had the program's required number within its window; null for a week in which nobody owed any.
 */
export function complianceRate(week: { owed: number; meeting: number }): number | null {
  return week.owed ? Math.round((week.meeting / week.owed) * 1000) / 1000 : null;
}

/** On time over due and past its grace (on time, late or missing); null for a week with none. */
export function onTimeRate(week: { onTime: number; late: number; missing: number }): number | null {
  const settled = week.onTime + week.late + week.missing;
  return settled ? Math.round((week.onTime / settled) * 1000) / 1000 : null;
}
