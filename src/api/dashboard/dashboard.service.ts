import { Injectable } from '@nestjs/common';
import { openStages, stages } from '../../domain/stages';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { InvalidInputError } from '../common/errors';
import { ProgramsService } from '../programs/programs.service';
import { PipelineRepository, type SlowFigureRow } from '../../repositories/pipeline.repository';
import type { ActivityDto, PipelineDto, PipelineQuery, ProgramPipelineDto } from './dashboard.dto';

const windowDays = 28;
/** Medians and ride-along compliance move in days, not seconds: they are recomputed at most this often. */
const slowFiguresTtlMs = 60_000;

type SlowFigures = { rows: SlowFigureRow[]; at: number };

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

/** The activity in the window, as the CSV's last columns. */
const activityColumns = Object.keys(emptyActivity()) as (keyof ActivityDto)[];

function zeroStages(): Record<string, number> {
  return Object.fromEntries(stages.map((stage) => [stage, 0]));
}

/** National's view: every program's pipeline, compliance and activity, from PostgreSQL alone. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly figures: PipelineRepository,
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
      this.figures.programFigures(scope, from, to),
      this.figures.stageFigures(scope),
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
      rows: await this.figures.slowFigures(scope),
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
      'medianHoursInStage',
      'applications',
      'hired',
      'conversion',
      'overdueDebriefs',
      'atRisk',
      'rideAlongsMeeting',
      'rideAlongsBehind',
      'rideAlongsForecastMissing',
      ...activityColumns,
    ];
    const rows = pipeline.programs.flatMap((p) =>
      stages.map((stage) => [
        p.name,
        p.affiliate,
        stage,
        p.stages[stage],
        p.medianDaysInStage[stage] ?? '',
        p.medianHoursInStage[stage] ?? '',
        p.applications,
        p.hired,
        p.conversion,
        p.overdueDebriefs,
        p.atRisk,
        p.rideAlongs.meeting,
        p.rideAlongs.behind,
        p.rideAlongs.forecastMissing,
        ...activityColumns.map((column) => p.activity[column]),
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
