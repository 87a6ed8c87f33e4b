import { Injectable } from '@nestjs/common';
import { startOfLocalDay } from '../../domain/calendar';
import { durationMs } from '../../domain/durations';
import { goalWeekMs, measuredGoals } from '../../domain/goals';
import {
  lastTwoWeeks,
  organizerTrendMetrics,
  programTrendMetrics,
  programWeekOf,
  seriesNames,
  weekNamed,
  type ProgramWeek,
  type WeekSchedule,
} from '../../domain/trends';
import type { ProgramEntity } from '../../entities';
import { GoalProgressRepository } from '../../repositories/goal-progress.repository';
import { ProgramRepository } from '../../repositories/program.repository';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { TrendsRepository } from '../../repositories/trends.repository';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { ProgramsService } from '../programs/programs.service';
import { goalWeeks } from './goal-weeks';
import { trendSeries, type TrendRows, type TrendWindow } from './trend-series';
import type {
  GoalWeeksDto,
  OrganizerTrendsQuery,
  ProgramTrendsQuery,
  ProgramWeekDto,
  SideBySideDto,
  SideBySideQuery,
  TrendsDto,
  TrendWindowQuery,
} from './trends.dto';

/** The metrics a query names (every one of `known` when it names none); an unknown name is a 400 on `metrics`. */
function metricsOf(asked: string | undefined, known: readonly string[]): string[] {
  if (asked === undefined) return [...known];
  const names = asked.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length || !names.length)
    throw new InvalidInputError([
      { field: 'metrics', reason: `unknown: ${unknown.join(', ')}; each must be one of ${known.join(', ')}` },
    ]);
  return [...new Set(names)];
}

/**
 * The window a query asks for, up to the week in progress (the latest of the programs'), and the weeks shown even where
 * nothing happened: that one and, for one program, the week `from` falls in. Periods are owed before they end, so a
 * week still in progress has its debriefs due and none missing yet.
 */
function windowOf(query: TrendWindowQuery, programs: WeekSchedule[]): [TrendWindow, string[]] {
  const now = Date.now();
  const current = programs
    .map((p) => programWeekOf(p, now).week)
    .sort()
    .at(-1);
  const include = current ? [current] : [];
  if (query.from && programs.length === 1)
    include.push(programWeekOf(programs[0], startOfLocalDay(query.from, programs[0].timezone)).week);
  const weeksOf = programs.length === 1 ? programs[0] : undefined;
  return [{ from: query.from, until: query.until, through: current, weeksOf }, include];
}

function checkWindow(query: TrendWindowQuery): void {
  if (query.from && query.until && query.from >= query.until)
    throw new InvalidInputError([{ field: 'from', reason: 'must be before until' }]);
}

/**
 * Figures for one program at a time: pay (programs pay in their own currencies, so their sums mean nothing together),
 * ride-along compliance (counted from each person's records at each week's end) and goals (each program's own).
 */
const oneProgramOnly: readonly string[] = ['payApprovedMinor', 'rideAlongCompliance', 'goals'];

/** Weekly series for national and coordinators (programs, Locals) and for one organizer's own weeks. */
@Injectable()
export class TrendsService {
  constructor(
    private readonly trends: TrendsRepository,
    private readonly organizers: OrganizerRepository,
    private readonly access: AccessPolicy,
    private readonly programs: ProgramsService,
    private readonly programRows: ProgramRepository,
    private readonly goalProgress: GoalProgressRepository,
  ) {}

  /** Every visible program's last whole week beside the week before it, with every figure of the weekly series. */
  async sideBySide(query: SideBySideQuery, caller: Caller): Promise<SideBySideDto> {
    const programs = await this.programRows.withWeekEras(
      (await this.programRows.list(this.access.readablePrograms(caller))).filter(
        (p) => (!query.affiliate || p.affiliate === query.affiliate) && (!query.kind || p.kind === query.kind),
      ),
    );
    const now = Date.now();
    const windows = programs.map((program) => ({ program, weeks: lastTwoWeeks(program, now) }));
    const [{ weeks, stages }, medians, compliance, goalsOnPlan] = await Promise.all([
      this.trends.eachProgramWeeks(
        windows.map(({ program, weeks: [previous] }) => ({ programId: program.id, from: previous.week })),
      ),
      this.trends.mediansIn(
        windows.flatMap(({ program, weeks: two }) => two.map(({ week }) => ({ programId: program.id, week }))),
      ),
      this.trends.complianceAt(
        windows.flatMap(({ program, weeks: two }) =>
          two.map(({ week, end }) => ({ programId: program.id, week, end })),
        ),
      ),
      Promise.all(windows.map(({ program, weeks: two }) => this.goalsOnPlan(program, two))),
    ]);
    const names = seriesNames(programTrendMetrics);
    const mine = <R extends { program_id: string }>(rows: R[], id: string) => rows.filter((r) => r.program_id === id);
    return {
      programs: windows.map(({ program, weeks: [previous, latest] }, i): ProgramWeekDto => {
        const { weeks: shown, series } = trendSeries(
          {
            weeks: mine(weeks, program.id),
            stages: mine(stages, program.id),
            medians: mine(medians, program.id),
            compliance: mine(compliance, program.id),
          },
          programTrendMetrics,
          { fromWeek: previous.week },
          [previous.week, latest.week],
        );
        const [previousOnPlan, latestOnPlan] = goalsOnPlan[i];
        const at = (week: string, onPlan: number | null) => ({
          ...Object.fromEntries(names.map((name) => [name, series[name][shown.indexOf(week)] ?? null])),
          goalsOnPlan: onPlan,
        });
        return {
          programId: program.id,
          name: program.name,
          affiliate: program.affiliate,
          kind: program.kind,
          timezone: program.timezone,
          week: latest.week,
          previousWeek: previous.week,
          latest: at(latest.week, latestOnPlan),
          previous: at(previous.week, previousOnPlan),
        };
      }),
    };
  }

  async program(query: ProgramTrendsQuery, caller: Caller): Promise<TrendsDto> {
    const asked = metricsOf(
      query.metrics,
      [...programTrendMetrics, 'goals'].filter((m) => query.programId !== undefined || !oneProgramOnly.includes(m)),
    );
    const metrics = asked.filter((m) => m !== 'goals');
    checkWindow(query);
    let programIds = this.access.readablePrograms(caller);
    if (query.programId) {
      await this.programs.find(query.programId);
      this.access.assertReadProgram(caller, query.programId);
      programIds = [query.programId];
    }
    const [rows, programs] = await Promise.all([
      this.trends.programWeeks({ programIds, local: query.local }),
      this.programRows.list(programIds).then((programs) => this.programRows.withWeekEras(programs)),
    ]);
    if (!query.programId) return trendSeries(rows, metrics, ...windowOf(query, programs));
    // One program's weeks come with its time zone (a period's start is named in it).
    const [program] = programs;
    const series = await this.withCompliance(
      program,
      { local: query.local },
      rows,
      metrics,
      ...windowOf(query, programs),
    );
    const spans = series.weeks.map((week) => weekNamed(program, week));
    const goals = asked.includes('goals') ? { goals: await this.goalWeeks(program, spans, query.local) } : {};
    return { ...series, timezone: program.timezone, ...goals };
  }

  /**
   * At the end of each of these weeks, the share of the program's measured goals (each Local's, of a goal per Local)
   * at or above plan; null without a goal measured then (none, or only per organizer-week with nobody active yet).
   */
  private async goalsOnPlan(program: ProgramEntity, spans: ProgramWeek[]): Promise<(number | null)[]> {
    const measured = measuredGoals(program.goals, program.policy).length > 0;
    const goals = measured ? await this.goalWeeks(program, spans) : [];
    return spans.map((_, w) => {
      const judged = goals.filter((goal) => goal.actual[w] !== null);
      const onPlan = judged.filter((goal) => goal.actual[w]! >= goal.plan[w]).length;
      return judged.length ? onPlan / judged.length : null;
    });
  }

  /** The program's measured goals (a Local's only, when one is named) at the end of each of these weeks, against plan. */
  private async goalWeeks(program: ProgramEntity, spans: ProgramWeek[], local?: string): Promise<GoalWeeksDto[]> {
    const goals = (await this.goalProgress.progress(program)).filter((g) => local === undefined || g.local === local);
    const metrics = [...new Set(goals.map((g) => g.metric))];
    const [active, counts] = await Promise.all([
      goals.some((g) => g.scope === 'organizer_week')
        ? this.goalProgress.activeWeeks(program.id, spans, goalWeekMs(durationMs(program.policy.debriefEvery)))
        : new Map<string, number>(),
      Promise.all(metrics.map((metric) => this.goalProgress.metricWeeks(program.id, metric))),
    ]);
    const countsOf = (metric: string) => counts[metrics.indexOf(metric)];
    return goalWeeks(goals, spans, countsOf, active, program.termStart.getTime());
  }

  async organizer(organizerId: string, query: OrganizerTrendsQuery, caller: Caller): Promise<TrendsDto> {
    const metrics = metricsOf(query.metrics, organizerTrendMetrics);
    checkWindow(query);
    const row = await this.organizers.access(organizerId);
    if (!row) throw new NotFoundError(`no organizer ${organizerId}`);
    this.access.assertReadOrganizer(caller, row);
    const [weeks, [program]] = await Promise.all([
      this.trends.organizerWeeks(organizerId),
      this.programs.find(row.programId).then((program) => this.programRows.withWeekEras([program])),
    ]);
    const series = await this.withCompliance(
      program,
      { organizerId },
      { weeks },
      metrics,
      ...windowOf(query, [program]),
    );
    return { ...series, timezone: program.timezone };
  }

  /** One program's series, with ride-along compliance counted at the end of each week shown (when it is asked for). */
  private async withCompliance(
    program: WeekSchedule & { id: string },
    only: { local?: string; organizerId?: string },
    rows: TrendRows,
    metrics: string[],
    window: TrendWindow,
    include: string[],
  ): Promise<TrendsDto> {
    if (!metrics.includes('rideAlongCompliance')) return trendSeries(rows, metrics, window, include);
    const { weeks } = trendSeries(rows, [], window, include);
    const ends = weeks.map((week) => ({ programId: program.id, week, end: weekNamed(program, week).end }));
    const compliance = await this.trends.complianceAt(ends, only);
    return trendSeries({ ...rows, compliance }, metrics, window, include);
  }
}
