/** The weekly report to national: one run per program-week, started by the program's Schedule. */
export const weeklyReportWorkflowType = 'weeklyReportWorkflow';
