import { proxyActivities } from '@temporalio/workflow';
import type { ReportActivities, WeeklyReportSummary } from '../contracts/activities';

const { writeWeeklyReport, deliverWeeklyReport } = proxyActivities<ReportActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The week's report to national for one program, started by the program's Schedule every Monday morning: writes the
 * program-week row, then emails the national contact. `asOf` (default: now, workflow time) picks the week reported.
 */
export async function weeklyReportWorkflow(input: {
  programId: string;
  asOf?: string;
}): Promise<WeeklyReportSummary | null> {
  const asOf = input.asOf ?? new Date(Date.now()).toISOString();
  const report = await writeWeeklyReport({ programId: input.programId, asOf });
  if (report) await deliverWeeklyReport({ programId: input.programId, weekStart: report.weekStart });
  return report;
}
