// What changes of state have in common, used by actions, deadlines and program changes: entering a stage (with its
// timers) and opening debrief periods. Which rules a run follows is in ./rules.ts, reminders in ./notices.ts.
import { startOfLocalDay } from '../calendar';
import { addDuration, durationMs } from '../durations';
import { Actor, Changes, erasedReason, OrganizerState } from '../organizer';
import { stageTimeLimit, TimedStage } from '../policy';
import { isClosed, Stage } from '../stages';
import { iso, ms } from './time';
import { resolve } from './notices';
import { closePayPeriods, coverDebriefPeriod } from './pay-periods';
import { debriefCalendar, periodEnd, rules2, rules3 } from './rules';

/** Time allowed in a stage before the coordinator is reminded, when the stage has a limit under these rules. */
function stageLimit(state: OrganizerState, stage: Stage): string | undefined {
  return stageTimeLimit(state.policy, stage, rules2(state));
}

/**
 * The current stage's reminder and escalation as the policy gives them now, counted from when the organizer entered
 * the stage, or under the third rules for a screening from the screening's time (they wait for it, they are not
 * stuck). What already fired stays fired; a time already past fires at once. A limit taken away takes the timers with
 * it. Set on entering a stage; the third rules set it again when the policy changes.
 */
export function stageClock(state: OrganizerState): void {
  const limit = stageLimit(state, state.stage);
  const kept = state.sla?.stage === state.stage ? state.sla : undefined;
  if (!limit) {
    state.sla = undefined;
    return;
  }
  const since =
    rules3(state) && state.stage === 'screening' && state.screening
      ? iso(Math.max(ms(state.stageEnteredAt), ms(state.screening.at)))
      : state.stageEnteredAt;
  state.sla = {
    stage: state.stage as TimedStage,
    remindAt: kept?.reminded ? kept.remindAt : addDuration(since, limit),
    escalateAt: kept?.escalated ? kept.escalateAt : addDuration(since, limit, 2),
    reminded: kept?.reminded ?? false,
    escalated: kept?.escalated ?? false,
  };
}

function recordTransition(
  state: OrganizerState,
  from: Stage | null,
  to: Stage,
  actor: Actor,
  reason: string | undefined,
  now: number,
  changes: Changes,
): void {
  state.seq += 1;
  changes.transitions.push({ seq: state.seq, from, to, at: iso(now), actor: actor.id, ...(reason ? { reason } : {}) });
}

/** A change that keeps the stage but belongs in the history (an undo): a transition to the same stage, its reason. */
export function recordInHistory(
  state: OrganizerState,
  actor: Actor,
  reason: string,
  now: number,
  changes: Changes,
): void {
  recordTransition(state, state.stage, state.stage, actor, reason, now, changes);
}

/** Moves the organizer to `to`, recording the transition and setting or clearing the stage's timers. */
export function enter(
  state: OrganizerState,
  from: Stage | null,
  to: Stage,
  actor: Actor,
  reason: string | undefined,
  now: number,
  changes: Changes,
): void {
  recordTransition(state, from, to, actor, reason, now, changes);
  state.stage = to;
  state.stageEnteredAt = iso(now);
  resolve(
    state,
    changes,
    (n) =>
      n.kind === 'stage_stalled' ||
      n.kind === 'stage_stalled_escalated' ||
      n.kind === 'offer_expiring' ||
      n.kind === 'screening_cant_come',
    now,
    actor,
  );
  state.sla = undefined;
  stageClock(state);
  if (from === 'offered') {
    // Debriefs are owed from the offer's start date at the earliest (second rules).
    if (to === 'training' && rules2(state) && state.offer) state.offerStart = state.offer.startDate.slice(0, 10);
    state.offer = undefined;
  }
  // Hired by the offer's answer: reopened (from a closed stage) or back from ride-alongs (a training undone), a hire
  // keeps when it was hired and its ride-along checks.
  if (to === 'training' && from === 'offered') {
    state.hiredAt = iso(now);
    // The first rules check ride-alongs once, at half the window; the second every twelfth of it, as a forecast.
    const window = durationMs(state.policy.rideAlongWindow);
    state.rideAlongCheck = { at: iso(now + (rules2(state) ? window / 12 : window / 2)), done: false };
  }
  if (to === 'active' && !state.activeSince) activate(state, now, changes);
  if (isClosed(to)) {
    if (from && !isClosed(from)) state.closedFrom = from;
    if (reason === erasedReason) state.erased = true;
    // A closed record owes nothing more: no reminder stays open and nobody stays flagged.
    resolve(state, changes, () => true, now, actor);
    state.paused = false;
    state.pausedAt = undefined;
    state.atRisk = false;
    closePayPeriods(state, now, changes, reason === erasedReason);
  }
}

export function activate(state: OrganizerState, now: number, changes: Changes): void {
  state.activeSince = iso(now);
  state.endsAt = state.termEnd ?? addDuration(iso(now), state.policy.termLength);
  openPeriod(state, firstPeriodStart(state, now), changes, true);
  openGroupPeriod(state, now);
}

/** Debriefs are owed from the later of activation, the offer's start date and the term start (second rules). */
function firstPeriodStart(state: OrganizerState, now: number): number {
  const calendar = debriefCalendar(state);
  if (!calendar) return now;
  const starts = [now];
  if (state.offerStart) starts.push(startOfLocalDay(state.offerStart, calendar.timezone));
  if (state.termStart) starts.push(ms(state.termStart));
  return Math.max(...starts);
}

/** Whether a period starting at `start` ends within the term. */
export function periodFits(state: OrganizerState, start: number, first = false): boolean {
  return !state.endsAt || periodEnd(state, start, first) <= ms(state.endsAt);
}

/** Opens the debrief period starting at `start`, with deadlines from the policy in force now; none past the term. */
export function openPeriod(state: OrganizerState, start: number, changes: Changes, first = false): void {
  const { policy } = state;
  if (!periodFits(state, start, first)) return;
  const end = periodEnd(state, start, first);
  const overdueAt = end + durationMs(policy.debriefGrace);
  const nudgeAt = rules2(state) && policy.debriefNudgeBefore ? end - durationMs(policy.debriefNudgeBefore) : undefined;
  state.periods.push({
    start: iso(start),
    end: iso(end),
    overdueAt: iso(overdueAt),
    escalateAt: iso(overdueAt + durationMs(policy.escalateAfter)),
    ...(nudgeAt !== undefined && nudgeAt > start ? { nudgeAt: iso(nudgeAt), nudged: false } : {}),
    overdue: false,
    escalated: false,
  });
  coverDebriefPeriod(state, state.periods[state.periods.length - 1], changes);
}

export function openGroupPeriod(state: OrganizerState, start: number): void {
  const end = start + durationMs(state.policy.groupDebriefEvery);
  state.groupPeriod =
    state.endsAt && end > ms(state.endsAt) ? undefined : { start: iso(start), end: iso(end), met: false };
}

export function move(
  state: OrganizerState,
  to: Stage,
  actor: Actor,
  reason: string | undefined,
  now: number,
  changes: Changes,
): void {
  if (to !== state.stage) enter(state, state.stage, to, actor, reason, now, changes);
}
