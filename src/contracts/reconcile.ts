/** The daily reconcile pass: read models compared with their workflows, differences repaired. */
export const reconcileWorkflowType = 'reconcileWorkflow';

/** The Schedule that starts it every day. */
export const reconcileScheduleId = 'reconcile-read-models';

/** How far back closed organizers are still checked. */
export const reconcileClosedWithinDays = 7;
