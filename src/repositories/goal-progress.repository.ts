// Goal progress from the read models (docs/design.md §3b): what each goal counts so far, the forecast at the current
// pace, and whether that reaches the target. Used by the API (GET /api/programs/:id/goals) and the weekly report.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dayAfter, startOfLocalDay } from '../domain/calendar';
import { durationMs } from '../domain/durations';
import { forecastAt, goalWeekMs, measuredGoals, type Goal, type GoalMetric, type GoalProgress } from '../domain/goals';

export type { GoalProgress };

/** A metric's count in one program week and Local. */
export interface MetricWeek {
  week: string;
  local: string;
  n: number;
}
import type { ProgramEntity } from '../entities';

const submitted = 'debriefs_on_time + debriefs_late';

/**
 * What a standard metric sums in the weekly rollups (migration WeeklyTrends), kept exact by triggers on the records they
 * count: a program's whole count is the sum of its weeks. `records` counts what it is counted from (hires, debriefs):
 * a Local has a count where it has those. A program's own debrief count is summed from the debriefs.
 */
const rollupSums: Record<GoalMetric, { n: string; records: string }> = {
  hires: { n: 'hires', records: 'hires' },
  debriefs: { n: submitted, records: submitted },
  hours: { n: 'hours', records: submitted },
  conversations: { n: 'conversations', records: submitted },
  one_on_ones: { n: 'one_on_ones', records: submitted },
  leaders_identified: { n: 'leaders_identified', records: submitted },
};

const inRollups = (metric: string): metric is GoalMetric => Object.hasOwn(rollupSums, metric);

/**
 * One metric's count in each program week and Local, and its records', to the week in progress at $2 (an instant: a
 * report of a past week counts its weeks to its own; null: every week). $3 names a program's own count.
 */
const metricWeeks = (metric: string) => `
  SELECT * FROM (${
    inRollups(metric)
      ? `SELECT week, local, ${rollupSums[metric].n} AS n, ${rollupSums[metric].records} AS records
         FROM program_weeks WHERE program_id = $1`
      : `SELECT program_week(d.program_id, d.period_end) AS week, COALESCE(o.local, '') AS local,
           COALESCE(sum((d.metrics->>$3)::numeric), 0) AS n, count(*) AS records
         FROM debriefs d JOIN organizers o ON o.id = d.organizer_id
         WHERE d.program_id = $1 GROUP BY 1, 2`
  }) m
  WHERE $2::timestamptz IS NULL OR m.week <= program_week($1, $2::timestamptz - interval '1 millisecond')`;
const metricParameters = (programId: string, metric: string, asOf: number | undefined) => [
  programId,
  asOf === undefined ? null : new Date(asOf).toISOString(),
  ...(inRollups(metric) ? [] : [metric]),
];

/** When an organizer stopped being active, as of $2: their term's end, or the day they left. */
const activeUntil = `LEAST($2::timestamptz, COALESCE(ends_at, $2::timestamptz),
  CASE WHEN stage IN ('withdrawn', 'terminated', 'completed') THEN stage_entered_at ELSE $2::timestamptz END)`;

@Injectable()
export class GoalProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Each goal's progress now, or, for a report of a past week, as of that week's end (`asOf`). */
  async progress(program: ProgramEntity, asOf?: number): Promise<GoalProgress[]> {
    const now = asOf ?? Date.now();
    const from = program.termStart.getTime();
    const termEnd = program.termEnd?.getTime() ?? from + durationMs(program.policy.termLength);
    const measured = measuredGoals(program.goals, program.policy);
    const items: GoalProgress[] = [];
    for (const goal of measured) {
      const by = goal.by ? startOfLocalDay(dayAfter(goal.by), program.timezone) : termEnd;
      const base = { goal: goal.name, metric: goal.metric!, scope: goal.scope!, by: new Date(by).toISOString() };
      if (goal.scope === 'organizer_week') {
        const week = goalWeekMs(durationMs(program.policy.debriefEvery));
        const actual = await this.perOrganizerWeek(program.id, goal.metric!, week, now, asOf);
        items.push(judged({ ...base, target: goal.target!, actual, forecast: actual }));
      } else if (goal.scope === 'program') {
        const [total] = await this.counts(program.id, goal.metric!, false, asOf);
        const actual = total?.n ?? 0;
        items.push(judged({ ...base, target: goal.target!, actual, forecast: forecastAt(actual, from, by, now) }));
      } else {
        items.push(...(await this.perLocal(program.id, goal, base, { from, by }, now, asOf)));
      }
    }
    return items;
  }

  /**
   * The metric's count in the program (as of `asOf`: to the week in progress then), in all or by local (each local with
   * records of it: hires, debriefs).
   */
  private async counts(
    programId: string,
    metric: string,
    byLocal: boolean,
    asOf: number | undefined,
  ): Promise<{ local: string; n: number }[]> {
    const group = byLocal ? 'local' : "''";
    const rows: { local: string; n: string }[] = await this.dataSource.query(
      `SELECT ${group} AS local, sum(n) AS n FROM (${metricWeeks(metric)}) m GROUP BY 1 HAVING sum(records) > 0`,
      metricParameters(programId, metric, asOf),
    );
    return rows.map((r) => ({ local: r.local, n: Number(r.n) }));
  }

  /** One metric's count in each of the program's weeks, by local. */
  async metricWeeks(programId: string, metric: string): Promise<MetricWeek[]> {
    const rows: { week: string; local: string; n: string }[] = await this.dataSource.query(
      metricWeeks(metric),
      metricParameters(programId, metric, undefined),
    );
    return rows.map(({ week, local, n }) => ({ week, local, n: Number(n) }));
  }

  /**
   * The metric per organizer per active week: its total over the weeks organizers have been active, to `now` (a
   * report's `asOf`).
   */
  private async perOrganizerWeek(
    programId: string,
    metric: string,
    weekMs: number,
    now: number,
    asOf: number | undefined,
  ): Promise<number> {
    const [[total], weeks] = await Promise.all([
      this.counts(programId, metric, false, asOf),
      this.activeWeeks(programId, [{ week: 'now', end: new Date(now) }], weekMs, now),
    ]);
    const active = weeks.get('now')!;
    return active > 0 ? Math.round(((total?.n ?? 0) / active) * 10) / 10 : 0;
  }

  /**
   * How many weeks of `weekMs` the program's organizers had been active by each of these instants (to `now` at most):
   * what a goal per organizer per week divides by.
   */
  async activeWeeks(
    programId: string,
    until: { week: string; end: Date }[],
    weekMs: number,
    now = Date.now(),
  ): Promise<Map<string, number>> {
    const rows: { week: string; n: string }[] = await this.dataSource.query(
      `SELECT w.week, (
           SELECT COALESCE(sum(GREATEST(0, extract(epoch FROM LEAST(w.ends, ${activeUntil}) - active_since))), 0)
           FROM organizers WHERE program_id = $1 AND active_since < w.ends
         ) * 1000 / $5 AS n
         FROM unnest($3::text[], $4::timestamptz[]) AS w(week, ends)`,
      [programId, new Date(now).toISOString(), until.map((w) => w.week), until.map((w) => w.end), weekMs],
    );
    return new Map(rows.map((r) => [r.week, Number(r.n)]));
  }

  /** One item per local: on the roster or with organizers; a percent goal counts against its active members. */
  private async perLocal(
    programId: string,
    goal: Goal,
    base: Omit<GoalProgress, 'target' | 'actual' | 'forecast' | 'onTrack' | 'behindBy'>,
    { from, by }: { from: number; by: number },
    now: number,
    asOf: number | undefined,
  ): Promise<GoalProgress[]> {
    const members: { local: string; n: string }[] = await this.dataSource.query(
      `SELECT local, count(*) AS n FROM roster_members
        WHERE program_id = $1 AND local IS NOT NULL AND lower(status) = 'active' GROUP BY local ORDER BY local`,
      [programId],
    );
    const counts = new Map((await this.counts(programId, goal.metric!, true, asOf)).map((c) => [c.local, c.n]));
    const locals = new Map(members.map((m) => [m.local, Number(m.n)]));
    for (const local of counts.keys()) if (local && !locals.has(local)) locals.set(local, 0);
    const items: GoalProgress[] = [];
    for (const [local, memberCount] of [...locals].sort(([a], [b]) => a.localeCompare(b))) {
      const target =
        goal.percentOfMembers !== undefined ? Math.ceil((goal.percentOfMembers * memberCount) / 100) : goal.target!;
      if (!(target > 0)) continue;
      const actual = counts.get(local) ?? 0;
      items.push(judged({ ...base, local, target, actual, forecast: forecastAt(actual, from, by, now) }));
    }
    return items;
  }
}

function judged(item: Omit<GoalProgress, 'onTrack' | 'behindBy'>): GoalProgress {
  const behindBy = Math.max(0, Math.round((item.target - item.forecast) * 10) / 10);
  return { ...item, onTrack: behindBy === 0, behindBy };
}
