import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { openStages, stages } from '../../domain/stages';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { InvalidInputError } from '../common/errors';
import { ProgramsService } from '../programs/programs.service';
import type { ActivityDto, PipelineDto, PipelineQuery, ProgramPipelineDto } from './dashboard.dto';

const defaultWindowMs = 28 * 86_400_000;

// One row per program: its organizers' figures, its activity in the window, and its missed group debriefs. Every
// part is an aggregate over an indexed read model; nothing here touches Temporal.
const programFigures = `
  WITH scope AS (
    SELECT id, name, affiliate, COALESCE((policy->>'requiredRideAlongs')::int, 0) AS required_ride_alongs
    FROM programs WHERE $1::uuid[] IS NULL OR id = ANY ($1)
  ), people AS (
    SELECT o.program_id,
           count(*)::int AS applications,
           count(*) FILTER (WHERE o.hired_at IS NOT NULL)::int AS hired,
           COALESCE(sum(o.overdue_debriefs), 0)::int AS overdue_debriefs,
           count(*) FILTER (WHERE o.at_risk)::int AS at_risk,
           count(*) FILTER (WHERE o.stage = 'active')::int AS active,
           count(*) FILTER (WHERE o.stage = 'active' AND o.ride_along_count >= s.required_ride_alongs)::int AS ride_alongs_met
    FROM organizers o JOIN scope s ON s.id = o.program_id
    GROUP BY o.program_id
  ), activity AS (
    SELECT d.program_id,
           count(*)::int AS debriefs,
           count(*) FILTER (WHERE d.late)::int AS late_debriefs,
           COALESCE(sum(d.hours), 0)::float AS hours,
           COALESCE(sum(d.conversations), 0)::int AS conversations,
           COALESCE(sum(d.one_on_ones), 0)::int AS one_on_ones,
           COALESCE(sum(d.leaders_identified), 0)::int AS leaders_identified,
           count(*) FILTER (WHERE d.in_person AND d.group_debrief)::int AS group_debriefs
    FROM debriefs d JOIN scope s ON s.id = d.program_id
    WHERE d.period_end >= $2 AND d.period_end < $3
    GROUP BY d.program_id
  ), group_missing AS (
    SELECT n.program_id, count(*)::int AS missing
    FROM notifications n JOIN scope s ON s.id = n.program_id
    WHERE n.kind = 'group_debrief_missing' AND n.created_at >= $2 AND n.created_at < $3
    GROUP BY n.program_id
  )
  SELECT s.id, s.name, s.affiliate, people.*, activity.*, COALESCE(group_missing.missing, 0) AS group_missing
  FROM scope s
  LEFT JOIN people ON people.program_id = s.id
  LEFT JOIN activity ON activity.program_id = s.id
  LEFT JOIN group_missing ON group_missing.program_id = s.id
  ORDER BY s.name, s.id`;

const stageFigures = `
  SELECT o.program_id, o.stage, count(*)::int AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM now() - o.stage_entered_at)) / 86400 AS median_days
  FROM organizers o
  WHERE $1::uuid[] IS NULL OR o.program_id = ANY ($1)
  GROUP BY o.program_id, o.stage`;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function emptyActivity(): ActivityDto {
  return { debriefs: 0, lateDebriefs: 0, hours: 0, conversations: 0, oneOnOnes: 0, leadersIdentified: 0, groupDebriefs: 0 };
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

  async pipeline(query: PipelineQuery, caller: Caller): Promise<PipelineDto> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - defaultWindowMs);
    if (from >= to) throw new InvalidInputError([{ field: 'from', reason: 'must be before to' }]);
    let scope = this.access.readablePrograms(caller);
    if (query.programId) {
      await this.programs.find(query.programId);
      this.access.assertReadProgram(caller, query.programId);
      scope = [query.programId];
    }
    const [programRows, stageRows] = await Promise.all([
      this.dataSource.query(programFigures, [scope ?? null, from, to]),
      this.dataSource.query(stageFigures, [scope ?? null]),
    ]);
    const byProgram = new Map<string, { stages: Record<string, number>; median: Record<string, number | null> }>();
    for (const row of programRows) {
      byProgram.set(row.id, { stages: zeroStages(), median: Object.fromEntries(openStages.map((stage) => [stage, null])) });
    }
    for (const row of stageRows as { program_id: string; stage: string; n: number; median_days: number }[]) {
      const figures = byProgram.get(row.program_id);
      if (!figures) continue;
      figures.stages[row.stage] = row.n;
      if (row.stage in figures.median) figures.median[row.stage] = round(Number(row.median_days), 1);
    }
    const programs: ProgramPipelineDto[] = programRows.map((row: Record<string, any>) => {
      const { stages: stageCounts, median } = byProgram.get(row.id)!;
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
        rideAlongs: { active: row.active ?? 0, meetingRequirement: row.ride_alongs_met ?? 0 },
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
    return { from: from.toISOString(), to: to.toISOString(), programs, totals: totalsOf(programs) };
  }

  /** The same figures as CSV: one row per program and stage. */
  async pipelineCsv(query: PipelineQuery, caller: Caller): Promise<string> {
    const pipeline = await this.pipeline(query, caller);
    const header = ['programId', 'program', 'affiliate', 'stage', 'count', 'medianDaysInStage', 'applications', 'hired', 'conversion', 'overdueDebriefs', 'atRisk'];
    const rows = pipeline.programs.flatMap((p) =>
      stages.map((stage) => [p.programId, p.name, p.affiliate, stage, p.stages[stage], p.medianDaysInStage[stage] ?? '', p.applications, p.hired, p.conversion, p.overdueDebriefs, p.atRisk]),
    );
    return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
}

function totalsOf(programs: ProgramPipelineDto[]): PipelineDto['totals'] {
  const totals = { stages: zeroStages(), applications: 0, hired: 0, conversion: 0, overdueDebriefs: 0, atRisk: 0, groupDebriefsMissing: 0, activity: emptyActivity() };
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

/** A CSV cell, quoted when needed; text that a spreadsheet would run as a formula is defused with a leading '. */
export function csvCell(value: unknown): string {
  let text = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
