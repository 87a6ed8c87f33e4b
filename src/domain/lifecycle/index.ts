// The organizer's lifecycle as pure functions over its state (docs/design.md §3): starting on application, refusing or
// applying actions, and the timers, kept as absolute instants in the state so they survive pauses, policy changes and
// continue-as-new. The workflow is a thin shell around these; `now` is always passed in (workflow time).
// One module per seam: start, actions, program changes, deadlines, figures (and the transitions they share).
export { eligibilityChecks, eligibilityProblems, startOrganizer } from './start';
export type { StartInput } from './start';
export { refusal, applyAction, takeAction } from './actions';
export { debriefPeriodFor, rideAlongKey, undoUntil } from './by-action';
export { isCurrentChange, changePolicy, changeTermEnd, takeUpProgram } from './program-changes';
export { stateAt, nextDeadline, fireDeadlines, wakeAt } from './deadlines';
export { overdueDebriefs, nextDebriefDueAt } from './figures';
export { owesPay, payDay } from './pay-periods';
