import { Injectable } from '@nestjs/common';
import type { ReportedDebrief, ReportTotals, WeeklyReportEntity } from '../entities/weekly-report.entity';
import { AppConfig } from '../config/configuration';
import { isDayName, lastTwoWeeks, programWeekOf, weekNamed } from '../domain/trends';
import { Mailer } from '../mail/mailer';
import { weeklyReportMail } from '../mail/messages';
import { GoalProgressRepository } from '../repositories/goal-progress.repository';
import { ProgramRepository } from '../repositories/program.repository';
import { type WeekDebriefRow, WeeklyReportRepository } from '../repositories/weekly-report.repository';
import type { WeeklyReportSummary } from '../contracts/activities';

/** A debrief's figure by the name a work plan targets (the standard counts, or one of the program's own). */
function reported(row: WeekDebriefRow, target: string): number {
  const columns: Record<string, string> = {
    hours: 'hours',
    conversations: 'conversations',
    oneOnOnes: 'one_on_ones',
    leadersIdentified: 'leaders_identified',
  };
  return Number(columns[target] ? row[columns[target] as keyof WeekDebriefRow] : (row.metrics?.[target] ?? 0));
}

function summaryOf(report: WeeklyReportEntity): WeeklyReportSummary {
  return {
    weekStart: report.weekStart.toISOString(),
    weekEnd: report.weekEnd.toISOString(),
    submitted: report.submitted.length,
    missing: report.missing.length,
  };
}

@Injectable()
export class ReportActivitiesService {
  constructor(
    private readonly reports: WeeklyReportRepository,
    private readonly mailer: Mailer,
    private readonly goalProgress: GoalProgressRepository,
    private readonly programs: ProgramRepository,
    private readonly config: AppConfig,
  ) {}

  async writeWeeklyReport({
    programId,
    asOf,
  }: {
    programId: string;
    asOf: string;
  }): Promise<WeeklyReportSummary | null> {
    const program = await this.programs.findWithWeeks(programId);
    if (!program) return null; // a program that is gone has nothing to report
    // The program's last whole week (a calendar week, or the debrief period that counts as one), whole as its name
    // names it: a week whose time zone changed within it is one report, found by its Monday.
    const week = weekNamed(program, lastTwoWeeks(program, Date.parse(asOf))[1].week);
    // A week's report, once made, stays as it was made (and sent): asked again, it is answered as it is.
    const made = await this.reports.find(programId, week.start);
    if (made) return summaryOf(made);
    const { submitted: submittedRows, missing: missingRows } = await this.reports.week(programId, week, new Date(asOf));
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
    // As of the week's end, whenever the report runs (the Schedule's on Monday morning, or a day late on catching up).
    const goals = await this.goalProgress.progress(program, week.end.getTime());
    // Keyed by program and week: of two runs at once (the Schedule's, one asked for), the first stands.
    await this.reports.save({
      programId,
      weekStart: week.start,
      weekEnd: week.end,
      submitted: submittedRows.map((row) => ({
        ...listed(row),
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
    });
    return summaryOf((await this.reports.find(programId, week.start))!);
  }

  async deliverWeeklyReport({ programId, weekStart }: { programId: string; weekStart: string }): Promise<void> {
    if (!this.mailer.enabled) return;
    const program = await this.programs.findWithWeeks(programId);
    const report = await this.reports.find(programId, new Date(weekStart));
    const to = program?.nationalContactEmail;
    if (!program || !report || !to) return;
    const week = programWeekOf(program, Date.parse(weekStart)).week;
    const mail = weeklyReportMail({
      program,
      weekStart,
      period: !isDayName(week),
      totals: report.totals,
      missing: report.missing,
      plans: report.submitted.filter((d) => d.plan),
      goals: report.goals,
      url: `${this.config.publicUrl}/#/program/${programId}/report/${week}`,
    });
    await this.mailer.sendOnce(`report:${programId}:${weekStart}`, to, {
      ...mail,
      purpose: 'weekly_report',
      program: { id: program.id, name: program.name },
    });
  }
}
