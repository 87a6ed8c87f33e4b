export interface WeeklyReportSummary {
  weekStart: string;
  weekEnd: string;
  submitted: number;
  missing: number;
}

/** The activities of the weekly report to national. */
export interface ReportActivities {
  /** Writes (or rewrites) the program's row for the last whole week before `asOf`, in the program's time zone. */
  writeWeeklyReport(input: { programId: string; asOf: string }): Promise<WeeklyReportSummary | null>;
  /** Emails the report to the program's national contact, once. */
  deliverWeeklyReport(input: { programId: string; weekStart: string }): Promise<void>;
}
