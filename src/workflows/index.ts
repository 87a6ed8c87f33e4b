export { organizerWorkflow } from './organizer.workflow';
export { programBroadcastWorkflow } from './program-broadcast.workflow';
export { weeklyReportWorkflow } from './weekly-report.workflow';
export { reconcileWorkflow } from './reconcile.workflow';
