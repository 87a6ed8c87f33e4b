// What changes of state have in common, used by actions, deadlines and program changes: entering a stage (with its
// timers), opening debrief periods, raising and resolving notifications.
import { addDuration, durationMs } from '../durations';
import { Actor, Changes, NotificationKind, OrganizerState, RecipientRole } from '../organizer';
import { HiringStage, hiringStages, isClosed, Stage } from '../stages';
import { iso, ms } from './time';

function notificationId(state: OrganizerState, kind: NotificationKind, key: string): string {
  return `${state.organizerId}:${kind}:${key}`;
}

export function notify(
  state: OrganizerState,
  changes: Changes,
  kind: NotificationKind,
  key: string,
  recipientRole: RecipientRole,
  at: number,
  summary: string,
): void {
  const id = notificationId(state, kind, key);
  changes.notifications.push({
    id,
    organizerId: state.organizerId,
    programId: state.programId,
    kind,
    recipientRole,
    createdAt: iso(at),
    summary,
  });
  state.openNotifications.push({ id, kind, key });
}

/** Resolves open notifications matching `which`, recording who or what answered them. */
export function resolve(
  state: OrganizerState,
  changes: Changes,
  which: (n: OrganizerState['openNotifications'][number]) => boolean,
  at: number,
  by: Actor,
): void {
  const remaining: OrganizerState['openNotifications'] = [];
  for (const open of state.openNotifications) {
    if (which(open)) changes.resolutions.push({ id: open.id, resolvedAt: iso(at), resolvedBy: by.id });
    else remaining.push(open);
  }
  state.openNotifications = remaining;
}

function isHiringStage(stage: Stage): stage is HiringStage {
  return (hiringStages as readonly string[]).includes(stage);
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
  state.seq += 1;
  changes.transitions.push({ seq: state.seq, from, to, at: iso(now), actor: actor.id, ...(reason ? { reason } : {}) });
  state.stage = to;
  state.stageEnteredAt = iso(now);
  resolve(
    state,
    changes,
    (n) => n.kind === 'stage_stalled' || n.kind === 'stage_stalled_escalated' || n.kind === 'offer_expiring',
    now,
    actor,
  );
  state.sla = undefined;
  if (isHiringStage(to)) {
    const sla = state.policy.stageSla[to];
    state.sla = {
      stage: to,
      remindAt: addDuration(iso(now), sla),
      escalateAt: addDuration(iso(now), sla, 2),
      reminded: false,
      escalated: false,
    };
  }
  if (from === 'offered') state.offer = undefined;
  if (to === 'training') {
    state.hiredAt = iso(now);
    state.rideAlongCheck = { at: iso(now + durationMs(state.policy.rideAlongWindow) / 2), done: false };
  }
  if (to === 'active' && !state.activeSince) activate(state, now);
  if (isClosed(to)) {
    // A closed record owes nothing more: no reminder stays open and nobody stays flagged.
    resolve(state, changes, () => true, now, actor);
    state.paused = false;
    state.pausedAt = undefined;
    state.atRisk = false;
  }
}

export function activate(state: OrganizerState, now: number): void {
  state.activeSince = iso(now);
  state.endsAt = state.termEnd ?? addDuration(iso(now), state.policy.termLength);
  openPeriod(state, now);
  openGroupPeriod(state, now);
}

/** Opens the debrief period starting at `start`, with deadlines from the policy in force now; none past the term. */
export function periodFits(state: OrganizerState, start: number): boolean {
  return !state.endsAt || start + durationMs(state.policy.debriefEvery) <= ms(state.endsAt);
}

export function openPeriod(state: OrganizerState, start: number): void {
  const { policy } = state;
  if (!periodFits(state, start)) return;
  const end = start + durationMs(policy.debriefEvery);
  const overdueAt = end + durationMs(policy.debriefGrace);
  state.periods.push({
    start: iso(start),
    end: iso(end),
    overdueAt: iso(overdueAt),
    escalateAt: iso(overdueAt + durationMs(policy.escalateAfter)),
    overdue: false,
    escalated: false,
  });
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
