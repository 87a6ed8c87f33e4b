import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { openStages, stages } from '../../domain/stages';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { InvalidInputError } from '../common/errors';
import { ProgramsService } from '../programs/programs.service';
import type { ActivityDto, PipelineDto, PipelineQuery, ProgramPipelineDto } from './dashboard.dto';

const windowDays = 28;
/** Medians and ride-along compliance move in days, not seconds: they are recomputed at most this often. */
const slowFiguresTtlMs = 60_000;

// One row per program: its figures from the rollups the triggers keep (program_stage_counts, program_activity_days)
// and its missed group debriefs in the window. Every part reads an index; nothing here touches Temporal.
const programFigures = `
  WITH scope AS (
    SELECT id, name, affiliate FROM programs WHERE $1::uuid[] IS NULL OR id = ANY ($1)
  ), people AS (
    SELECT c.program_id, sum(c.organizers)::int AS applications, sum(c.hired)::int AS hired,
           sum(c.overdue_debriefs)::int AS overdue_debriefs, sum(c.at_risk)::int AS at_risk,
           COALESCE(sum(c.organizers) FILTER (WHERE c.stage = 'active'), 0)::int AS active
    FROM program_stage_counts c JOIN scope s ON s.id = c.program_id
    GROUP BY c.program_id
  ), activity AS (
    SELECT a.program_id, sum(a.debriefs)::int AS debriefs, sum(a.late_debriefs)::int AS late_debriefs, sum(a.hours)::float AS hours,
           sum(a.conversations)::int AS conversations, sum(a.one_on_ones)::int AS one_on_ones,
           sum(a.leaders_identified)::int AS leaders_identified, sum(a.group_debriefs)::int AS group_debriefs
    FROM program_activity_days a JOIN scope s ON s.id = a.program_id
    WHERE a.day >= $2::date AND a.day <= $3::date
    GROUP BY a.program_id
  ), group_missing AS (
    SELECT n.program_id, count(*)::int AS missing
    FROM notifications n JOIN scope s ON s.id = n.program_id
    WHERE n.kind = 'group_debrief_missing' AND n.created_at >= $2::date AND n.created_at < $3::date + 1
    GROUP BY n.program_id
  )
  SELECT s.id, s.name, s.affiliate, people.*, activity.*, COALESCE(group_missing.missing, 0) AS group_missing
  FROM scope s
  LEFT JOIN people ON people.program_id = s.id
  LEFT JOIN activity ON activity.program_id = s.id
  LEFT JOIN group_missing ON group_missing.program_id = s.id
  ORDER BY s.name, s.id`;

const stageFigures = `
  SELECT program_id, stage, organizers AS n FROM program_stage_counts
  WHERE ($1::uuid[] IS NULL OR program_id = ANY ($1)) AND organizers > 0`;

// The figures that need every organizer's row: how long people have waited (median, per open stage), how many
// active organizers have the ride-alongs their program requires, and the ride-along compliance of everyone hired and
// still open, over the rolling window (policy.rideAlongWindow; none before hire): meeting the requirement, behind an
// even pace, and forecast to miss it at the pace so far.
const slowFigures = `
  SELECT program_id, stage, NULL::int AS met,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM now() - stage_entered_at)) / 86400 AS median_days,
         NULL::int AS meeting, NULL::int AS behind, NULL::int AS forecast_missing
  FROM organizers
  WHERE stage = ANY ($2) AND ($1::uuid[] IS NULL OR program_id = ANY ($1))
  GROUP BY program_id, stage
  UNION ALL
  SELECT o.program_id, 'active', count(*)::int, NULL, NULL, NULL, NULL
  FROM organizers o JOIN programs p ON p.id = o.program_id
  WHERE o.stage = 'active' AND o.ride_along_count >= COALESCE((p.policy->>'requiredRideAlongs')::int, 0)
    AND ($1::uuid[] IS NULL OR o.program_id = ANY ($1))
  GROUP BY o.program_id
  UNION ALL
  SELECT c.program_id, 'ride_alongs', NULL, NULL,
    count(*) FILTER (WHERE c.counted >= c.required)::int,
    count(*) FILTER (WHERE c.counted < c.required AND c.counted < c.required * least(1, c.elapsed / c.span))::int,
    count(*) FILTER (WHERE c.counted + c.counted / c.elapsed * greatest(c.span - c.elapsed, 0) < c.required)::int
  FROM (
    SELECT o.program_id, COALESCE((p.policy->>'requiredRideAlongs')::int, 0) AS required,
      extract(epoch FROM (p.policy->>'rideAlongWindow')::interval) AS span,
      greatest(extract(epoch FROM now() - o.hired_at), 1) AS elapsed,
      (SELECT count(*) FROM ride_alongs r WHERE r.organizer_id = o.id
         AND left(r.date, 10)::date >= greatest(o.hired_at, now() - (p.policy->>'rideAlongWindow')::interval)::date
         AND left(r.date, 10)::date <= now()::date) AS counted
    FROM organizers o JOIN programs p ON p.id = o.program_id
    WHERE o.stage IN ('training', 'ride_along', 'active') AND o.hired_at IS NOT NULL
      AND ($1::uuid[] IS NULL OR o.program_id = ANY ($1))
  ) c
  GROUP BY c.program_id`;

type SlowFigures = {
  rows: {
    program_id: string;
    stage: string;
    met: number | null;
    median_days: number | null;
    meeting: number | null;
    behind: number | null;
    forecast_missing: number | null;
  }[];
  at: number;
};

const day = (date: Date) => date.toISOString().slice(0, 10);

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function emptyActivity(): ActivityDto {
  return {
    debriefs: 0,
    lateDebriefs: 0,
    hours: 0,
    conversations: 0,
    oneOnOnes: 0,
    leadersIdentified: 0,
    groupDebriefs: 0,
  };
}

function zeroStages(): Record<string, number> {
  return Object.fromEntries(stages.map((stage) => [stage, 0]));
}

/** National's view: every program's pipeline, compliance and activity, from PostgreSQL alone. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly programs: ProgramsService,
  ) {}

  private readonly slowCache = new Map<string, SlowFigures>();

  async pipeline(query: PipelineQuery, caller: Caller): Promise<PipelineDto> {
    const to = query.to ?? day(new Date());
    const from = query.from ?? day(new Date(Date.parse(to) - (windowDays - 1) * 86_400_000));
    if (from > to) throw new InvalidInputError([{ field: 'from', reason: 'must not be after to' }]);
    let scope = this.access.readablePrograms(caller);
    if (query.programId) {
      await this.programs.find(query.programId);
      this.access.assertReadProgram(caller, query.programId);
      scope = [query.programId];
    }
    const [programRows, stageRows, slow] = await Promise.all([
      this.dataSource.query(programFigures, [scope ?? null, from, to]),
      this.dataSource.query(stageFigures, [scope ?? null]),
      this.slowFigures(scope),
    ]);
    const byProgram = new Map<
      string,
      {
        stages: Record<string, number>;
        median: Record<string, number | null>;
        medianHours: Record<string, number | null>;
        met: number;
        compliance: { meeting: number; behind: number; forecastMissing: number };
      }
    >();
    for (const row of programRows) {
      byProgram.set(row.id, {
        stages: zeroStages(),
        median: Object.fromEntries(openStages.map((stage) => [stage, null])),
        medianHours: Object.fromEntries(openStages.map((stage) => [stage, null])),
        met: 0,
        compliance: { meeting: 0, behind: 0, forecastMissing: 0 },
      });
    }
    for (const row of stageRows as { program_id: string; stage: string; n: number }[]) {
      const figures = byProgram.get(row.program_id);
      if (figures) figures.stages[row.stage] = row.n;
    }
    for (const row of slow.rows) {
      const figures = byProgram.get(row.program_id);
      if (!figures) continue;
      if (row.stage === 'ride_alongs') {
        figures.compliance = {
          meeting: row.meeting ?? 0,
          behind: row.behind ?? 0,
          forecastMissing: row.forecast_missing ?? 0,
        };
      } else if (row.met !== null) figures.met = row.met;
      else if (row.median_days !== null) {
        figures.median[row.stage] = round(Number(row.median_days), 1);
        figures.medianHours[row.stage] = round(Number(row.median_days) * 24, 1);
      }
    }
    const programs: ProgramPipelineDto[] = programRows.map((row: Record<string, any>) => {
      const { stages: stageCounts, median, medianHours, met, compliance } = byProgram.get(row.id)!;
      const applications = row.applications ?? 0;
      const hired = row.hired ?? 0;
      return {
        programId: row.id,
        name: row.name,
        affiliate: row.affiliate,
        stages: stageCounts,
        applications,
        hired,
        conversion: applications ? round(hired / applications, 4) : 0,
        overdueDebriefs: row.overdue_debriefs ?? 0,
        atRisk: row.at_risk ?? 0,
        medianDaysInStage: median,
        medianHoursInStage: medianHours,
        rideAlongs: { active: row.active ?? 0, meetingRequirement: met, ...compliance },
        groupDebriefsMissing: row.group_missing,
        activity: {
          debriefs: row.debriefs ?? 0,
          lateDebriefs: row.late_debriefs ?? 0,
          hours: round(row.hours ?? 0, 2),
          conversations: row.conversations ?? 0,
          oneOnOnes: row.one_on_ones ?? 0,
          leadersIdentified: row.leaders_identified ?? 0,
          groupDebriefs: row.group_debriefs ?? 0,
        },
      };
    });
    return { from, to, programs, totals: totalsOf(programs) };
  }

  private async slowFigures(scope: string[] | undefined): Promise<SlowFigures> {
    const key = scope ? [...scope].sort().join(',') : '*';
    const cached = this.slowCache.get(key);
    if (cached && Date.now() - cached.at < slowFiguresTtlMs) return cached;
    const fresh: SlowFigures = {
      rows: await this.dataSource.query(slowFigures, [scope ?? null, [...openStages]]),
      at: Date.now(),
    };
    if (this.slowCache.size > 100) this.slowCache.clear();
    this.slowCache.set(key, fresh);
    return fresh;
  }

  /** The same figures as CSV: one row per program and stage, each program by name (a spreadsheet's reader meets no id). */
  async pipelineCsv(query: PipelineQuery, caller: Caller): Promise<string> {
    const pipeline = await this.pipeline(query, caller);
    const header = [
      'program',
      'affiliate',
      'stage',
      'count',
      'medianDaysInStage',
      'applications',
      'hired',
      'conversion',
      'overdueDebriefs',
      'atRisk',
      'rideAlongsMeeting',
      'rideAlongsBehind',
      'rideAlongsForecastMissing',
    ];
    const rows = pipeline.programs.flatMap((p) =>
      stages.map((stage) => [
        p.name,
        p.affiliate,
        stage,
        p.stages[stage],
        p.medianDaysInStage[stage] ?? '',
        p.applications,
        p.hired,
        p.conversion,
        p.overdueDebriefs,
        p.atRisk,
        p.rideAlongs.meeting,
        p.rideAlongs.behind,
        p.rideAlongs.forecastMissing,
      ]),
    );
    return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
}

function totalsOf(programs: ProgramPipelineDto[]): PipelineDto['totals'] {
  const totals = {
    stages: zeroStages(),
    applications: 0,
    hired: 0,
    conversion: 0,
    overdueDebriefs: 0,
    atRisk: 0,
    groupDebriefsMissing: 0,
    activity: emptyActivity(),
  };
  for (const p of programs) {
    for (const stage of stages) totals.stages[stage] += p.stages[stage];
    totals.applications += p.applications;
    totals.hired += p.hired;
    totals.overdueDebriefs += p.overdueDebriefs;
    totals.atRisk += p.atRisk;
    totals.groupDebriefsMissing += p.groupDebriefsMissing;
    for (const key of Object.keys(totals.activity) as (keyof ActivityDto)[]) totals.activity[key] += p.activity[key];
  }
  totals.activity.hours = round(totals.activity.hours, 2);
  totals.conversion = totals.applications ? round(totals.hired / totals.applications, 4) : 0;
  return totals;
}

/**
 * A CSV cell: quoted whenever it holds a separator (comma or semicolon, as spreadsheets in many locales read them), a
 * quote, a line break or a tab; text a spreadsheet would run as a formula (=, +, -, @, even after leading white space
 * or a tab) is defused with a leading '. Numbers stay numbers.
 */
export function csvCell(value: unknown): string {
  let text = String(value ?? '');
  if (/^[\s]*[=+\-@]|^[\t\r]/.test(text) && Number.isNaN(Number(text))) text = `'${text}`;
  return /[",;\r\n\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
