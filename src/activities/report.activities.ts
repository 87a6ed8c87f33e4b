import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lastWholeWeek } from '../domain/calendar';
import { ProgramEntity, WeeklyReportEntity } from '../entities';
import type { ReportedDebrief, ReportTotals } from '../entities/weekly-report.entity';
import { Mailer } from '../mail/mailer';
import { weeklyReportMail } from '../mail/messages';
import { GoalProgressRepository } from '../repositories/goal-progress.repository';
import type { WeeklyReportSummary } from '../contracts/activities';

// Debriefs whose period ended in the week, and periods that ended in the week with no debrief and past their grace
// when the report runs (a debrief still within its grace is not missing yet).
const submittedInWeek = `
  SELECT d.organizer_id, o.name, d.period_start, d.hours, d.conversations, d.one_on_ones, d.leaders_identified,
    d.metrics, w.targets
  FROM debriefs d JOIN organizers o ON o.id = d.organizer_id
    LEFT JOIN work_plans w ON w.organizer_id = d.organizer_id AND w.period_start = d.period_start
  WHERE d.program_id = $1 AND d.period_end >= $2 AND d.period_end < $3
  ORDER BY o.name, d.period_start`;

/** A debrief's figure by the name a work plan targets (the standard counts, or one of the program's own). */
function reported(row: Record<string, any>, target: string): number {
  const columns: Record<string, string> = {
    hours: 'hours',
    conversations: 'conversations',
    oneOnOnes: 'one_on_ones',
    leadersIdentified: 'leaders_identified',
  };
  return Number(columns[target] ? row[columns[target]] : (row.metrics?.[target] ?? 0));
}

const missingInWeek = `
  SELECT o.id AS organizer_id, o.name, p.value->>'start' AS period_start
  FROM organizers o, jsonb_array_elements(o.pending_debrief_periods) AS p(value)
  WHERE o.program_id = $1 AND (p.value->>'end')::timestamptz >= $2 AND (p.value->>'end')::timestamptz < $3
    AND (p.value->>'overdueAt')::timestamptz <= $4
  ORDER BY o.name, period_start`;

@Injectable()
export class ReportActivitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly goalProgress: GoalProgressRepository,
  ) {}

  async writeWeeklyReport({
    programId,
    asOf,
  }: {
    programId: string;
    asOf: string;
  }): Promise<WeeklyReportSummary | null> {
    const program = await this.dataSource.getRepository(ProgramEntity).findOneBy({ id: programId });
    if (!program) return null; // a program that is gone has nothing to report
    const week = lastWholeWeek(Date.parse(asOf), program.timezone);
    const [submittedRows, missingRows] = await Promise.all([
      this.dataSource.query(submittedInWeek, [programId, week.start, week.end]),
      this.dataSource.query(missingInWeek, [programId, week.start, week.end, new Date(asOf)]),
    ]);
    const listed = (row: { organizer_id: string; name: string; period_start: Date | string }): ReportedDebrief => ({
      organizerId: row.organizer_id,
      name: row.name,
      periodStart: new Date(row.period_start).toISOString(),
    });
    const totals: ReportTotals = {
      debriefs: submittedRows.length,
      hours: 0,
      conversations: 0,
      oneOnOnes: 0,
      leadersIdentified: 0,
    };
    for (const row of submittedRows) {
      totals.hours += row.hours;
      totals.conversations += row.conversations;
      totals.oneOnOnes += row.one_on_ones;
      totals.leadersIdentified += row.leaders_identified;
    }
    totals.hours = Math.round(totals.hours * 100) / 100;
    const goals = await this.goalProgress.progress(program, Date.parse(asOf));
    // Keyed by program and week: running the report again rewrites the same row with what is known now.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(WeeklyReportEntity)
      .values({
        programId,
        weekStart: week.start,
        weekEnd: week.end,
        submitted: submittedRows.map((row: Record<string, any>) => ({
          ...listed(row as Parameters<typeof listed>[0]),
          ...(row.targets && Object.keys(row.targets).length
            ? {
                plan: Object.entries(row.targets as Record<string, number>).map(([target, planned]) => ({
                  target,
                  planned,
                  reported: reported(row, target),
                })),
              }
            : {}),
        })),
        missing: missingRows.map(listed),
        totals,
        goals,
        createdAt: new Date(),
      })
      .orUpdate(['week_end', 'submitted', 'missing', 'totals', 'goals', 'created_at'], ['program_id', 'week_start'])
      .execute();
    return {
      weekStart: week.start.toISOString(),
      weekEnd: week.end.toISOString(),
      submitted: submittedRows.length,
      missing: missingRows.length,
    };
  }

  async deliverWeeklyReport({ programId, weekStart }: { programId: string; weekStart: string }): Promise<void> {
    if (!this.mailer.enabled) return;
    const program = await this.dataSource.getRepository(ProgramEntity).findOneBy({ id: programId });
    const report = await this.dataSource
      .getRepository(WeeklyReportEntity)
      .findOneBy({ programId, weekStart: new Date(weekStart) });
    const to = program?.nationalContactEmail;
    if (!program || !report || !to) return;
    const mail = weeklyReportMail({
      program,
      weekStart,
      totals: report.totals,
      missing: report.missing,
      plans: report.submitted.filter((d) => d.plan),
      goals: report.goals,
    });
    await this.mailer.sendOnce(`report:${programId}:${weekStart}`, to, {
      ...mail,
      program: { id: program.id, name: program.name },
    });
  }
}
