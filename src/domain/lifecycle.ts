// The organizer's lifecycle as pure functions over its state (DESIGN.md §3): starting on application, refusing or
// applying actions, and the timers, kept as absolute instants in the state so they survive pauses, policy changes and
// continue-as-new. The workflow is a thin shell around these; `now` is always passed in (workflow time).
import { addDuration, durationMs } from './durations';
import {
  ActionInputs,
  ActionRequest,
  Actor,
  Application,
  Changes,
  DebriefPeriod,
  noChanges,
  NotificationKind,
  OrganizerState,
  RecipientRole,
  RosterStatus,
  systemActor,
} from './organizer';
import type { ProgramPolicy } from './policy';
import { nextStage, Refusal, stageRefusal, systemTransitions } from './stage-machine';
import { HiringStage, hiringStages, isClosed, OpenStage, Stage } from './stages';

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (instant: string) => Date.parse(instant);

export interface StartInput {
  organizerId: string;
  programId: string;
  application: Application;
  policy: ProgramPolicy;
  termEnd?: string;
  /** When the program last changed (its policy and term end are as of then). */
  programChangedAt?: string;
  roster: RosterStatus;
}

/** Why an application is not eligible (empty when it is). */
export function eligibilityProblems(application: Application, policy: ProgramPolicy, roster: RosterStatus): string[] {
  const { attestations } = application;
  const problems: string[] = [];
  if (!attestations.currentMember) problems.push('not a current member');
  for (const required of policy.requiredAttestations) {
    if (required !== 'currentMember' && !attestations[required]) problems.push(`did not attest to ${required}`);
  }
  if (!(attestations.weeklyHours >= policy.hoursPerWeek)) {
    problems.push(`commits ${attestations.weeklyHours} hours a week; the program asks ${policy.hoursPerWeek}`);
  }
  if (roster.hasRoster && !roster.onRoster) problems.push("not on the program's member roster");
  if (roster.hasRoster && roster.onRoster && roster.status !== 'active')
    problems.push(`roster status is ${roster.status ?? 'unknown'}, not active`);
  return problems;
}

/** The state of a new application and its first history row: applied, or ineligible with the reasons. */
export function startOrganizer(input: StartInput, now: number): { state: OrganizerState; changes: Changes } {
  const { application } = input;
  const problems = eligibilityProblems(application, input.policy, input.roster);
  const state: OrganizerState = {
    organizerId: input.organizerId,
    programId: input.programId,
    memberId: application.memberId,
    name: application.name,
    email: application.email,
    phone: application.phone,
    local: application.local,
    stage: 'applied',
    stageEnteredAt: iso(now),
    appliedAt: iso(now),
    version: 0,
    seq: 0,
    flags: application.attestations.currentLeader ? ['current_leader'] : [],
    ineligibleReasons: problems,
    policy: input.policy,
    termEnd: input.termEnd,
    ...(input.programChangedAt ? { programChangedAt: input.programChangedAt } : {}),
    paused: false,
    atRisk: false,
    missedStreak: 0,
    noShows: 0,
    trainings: [],
    rideAlongs: [],
    periods: [],
    openNotifications: [],
    totals: {
      debriefs: 0,
      lateDebriefs: 0,
      missedPeriods: 0,
      hours: 0,
      conversations: 0,
      oneOnOnes: 0,
      leadersIdentified: 0,
      groupDebriefs: 0,
    },
  };
  const changes = noChanges();
  const to: Stage = problems.length ? 'ineligible' : 'applied';
  enter(state, null, to, systemActor, problems.length ? problems.join('; ') : undefined, now, changes);
  state.version = 1;
  return { state, changes };
}

// ---- refusing ---------------------------------------------------------------------------------------------------

function findPeriod(state: OrganizerState, periodStart: string): DebriefPeriod | undefined {
  const wanted = ms(periodStart);
  return state.periods.find((p) => ms(p.start) === wanted);
}

/** The debrief period a submission belongs to: the one named, else the earliest one due now (not yet overdue). */
export function debriefPeriodFor(
  state: OrganizerState,
  periodStart: string | undefined,
  now: number,
): DebriefPeriod | undefined {
  if (periodStart !== undefined) return findPeriod(state, periodStart);
  const started = state.periods.filter((p) => ms(p.start) <= now);
  return started.find((p) => !p.submittedAt && !p.overdue) ?? started[started.length - 1];
}

function canonicalTraining(policy: ProgramPolicy, training: string): string | undefined {
  const wanted = training.trim().toLowerCase();
  return policy.requiredTrainings.find((t) => t.toLowerCase() === wanted);
}

/** Why this action must be refused now, or undefined when it may proceed. A refused action changes nothing. */
export function refusal(state: OrganizerState, request: ActionRequest, now: number): Refusal | undefined {
  const byStage = stageRefusal(request.action, state.stage, state.paused);
  if (byStage) return byStage;
  switch (request.action) {
    case 'record-role-play':
      if (request.input.decision === 'offer' && !request.input.offer)
        return { code: 'invalid', message: 'offer is required when decision is offer' };
      return undefined;
    case 'record-training':
      if (!canonicalTraining(state.policy, request.input.training)) {
        return {
          code: 'invalid',
          message: `training "${request.input.training}" is not one the program requires (${state.policy.requiredTrainings.join(', ')})`,
        };
      }
      return undefined;
    case 'submit-debrief': {
      const { periodStart } = request.input;
      const period = debriefPeriodFor(state, periodStart, now);
      if (!period) {
        return {
          code: 'invalid',
          message: periodStart
            ? `periodStart ${periodStart} is not the start of one of this organizer's debrief periods`
            : 'no debrief period has started yet',
        };
      }
      if (ms(period.start) > now)
        return { code: 'invalid', message: `the debrief period starting ${period.start} has not started yet` };
      if (period.submittedAt) {
        return {
          code: 'conflict',
          message: `a debrief for the period starting ${period.start} was already submitted at ${period.submittedAt}`,
        };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

// ---- applying ---------------------------------------------------------------------------------------------------

function notificationId(state: OrganizerState, kind: NotificationKind, key: string): string {
  return `${state.organizerId}:${kind}:${key}`;
}

function notify(
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
function resolve(
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
function enter(
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

function activate(state: OrganizerState, now: number): void {
  state.activeSince = iso(now);
  state.endsAt = state.termEnd ?? addDuration(iso(now), state.policy.termLength);
  openPeriod(state, now);
  openGroupPeriod(state, now);
}

/** Opens the debrief period starting at `start`, with deadlines from the policy in force now; none past the term. */
function periodFits(state: OrganizerState, start: number): boolean {
  return !state.endsAt || start + durationMs(state.policy.debriefEvery) <= ms(state.endsAt);
}

function openPeriod(state: OrganizerState, start: number): void {
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

function openGroupPeriod(state: OrganizerState, start: number): void {
  const end = start + durationMs(state.policy.groupDebriefEvery);
  state.groupPeriod =
    state.endsAt && end > ms(state.endsAt) ? undefined : { start: iso(start), end: iso(end), met: false };
}

function move(
  state: OrganizerState,
  to: Stage,
  actor: Actor,
  reason: string | undefined,
  now: number,
  changes: Changes,
): void {
  if (to !== state.stage) enter(state, state.stage, to, actor, reason, now, changes);
}

/**
 * Applies an action that `refusal` accepted. Returns what changed for the read models; the version is bumped only
 * when something did (a training or ride-along recorded twice counts once and changes nothing).
 */
export function applyAction(state: OrganizerState, request: ActionRequest, now: number): Changes {
  const changes = noChanges();
  const versionBefore = state.version;
  let touched = false;
  const stage = state.stage as OpenStage;
  const { actor } = request;
  switch (request.action) {
    case 'schedule-screening':
      state.screening = { at: request.input.at, location: request.input.location };
      move(
        state,
        nextStage('schedule-screening', stage),
        actor,
        `screening at ${request.input.location}, ${request.input.at}`,
        now,
        changes,
      );
      break;
    case 'record-screening': {
      const { attended, advance, notes } = request.input;
      const to = nextStage('record-screening', stage, { attended, advance, earlierNoShows: state.noShows });
      if (!attended) state.noShows += 1;
      const reason = !attended ? (to === 'applied' ? 'no-show at screening' : 'no-show at screening again') : notes;
      move(state, to, actor, reason, now, changes);
      break;
    }
    case 'record-role-play': {
      const { decision, scores, offer, notes } = request.input;
      state.rolePlay = { scores, decision };
      const to = nextStage('record-role-play', stage, { decision });
      if (to === 'offered' && offer) {
        const expires = durationMs(state.policy.offerExpiresAfter);
        state.offer = {
          ...offer,
          offeredAt: iso(now),
          remindAt: iso(now + expires / 2),
          expiresAt: iso(now + expires),
          reminded: false,
        };
      }
      move(state, to, actor, notes, now, changes);
      break;
    }
    case 'respond-offer':
      move(
        state,
        nextStage('respond-offer', stage, { accepted: request.input.accepted }),
        actor,
        request.input.accepted ? 'offer accepted' : 'offer declined',
        now,
        changes,
      );
      break;
    case 'record-training': {
      const training = canonicalTraining(state.policy, request.input.training)!;
      if (state.trainings.some((t) => t.training === training)) break;
      state.trainings.push({ training, completedAt: request.input.completedAt });
      changes.trainings.push({ training, completedAt: request.input.completedAt, recordedBy: actor.id });
      touched = true;
      const done = new Set(state.trainings.map((t) => t.training));
      const to = nextStage('record-training', stage, {
        trainingsComplete: state.policy.requiredTrainings.every((t) => done.has(t)),
        rideAlongs: state.rideAlongs.length,
        initialRideAlongs: state.policy.initialRideAlongs,
      });
      move(state, to, actor, to === 'training' ? undefined : 'all required trainings recorded', now, changes);
      break;
    }
    case 'record-ride-along': {
      const { date, staff, notes } = request.input;
      const key = rideAlongKey(date, staff);
      if (state.rideAlongs.some((r) => r.key === key)) break;
      state.rideAlongs.push({ key, date });
      changes.rideAlongs.push({ key, date, staff, ...(notes ? { notes } : {}), recordedBy: actor.id });
      touched = true;
      if (state.rideAlongs.length * 2 >= state.policy.requiredRideAlongs)
        resolve(state, changes, (n) => n.kind === 'ride_alongs_behind', now, actor);
      const to = nextStage('record-ride-along', stage, {
        rideAlongs: state.rideAlongs.length,
        initialRideAlongs: state.policy.initialRideAlongs,
      });
      move(state, to, actor, to === 'active' ? 'initial ride-alongs done' : undefined, now, changes);
      break;
    }
    case 'submit-debrief':
      submitDebrief(state, request.input, actor, now, changes);
      touched = true;
      break;
    case 'pause':
      state.paused = true;
      state.pausedAt = iso(now);
      touched = true;
      break;
    case 'resume':
      resume(state, now);
      touched = true;
      break;
    case 'reject':
    case 'withdraw':
    case 'terminate':
      move(state, nextStage(request.action, stage), actor, request.input.reason, now, changes);
      break;
  }
  if (touched || changes.transitions.length || changes.resolutions.length) state.version = versionBefore + 1;
  return changes;
}

export function rideAlongKey(date: string, staff: string): string {
  return `${date.slice(0, 10)}|${staff.trim().toLowerCase()}`;
}

function submitDebrief(
  state: OrganizerState,
  input: ActionInputs['submit-debrief'],
  actor: Actor,
  now: number,
  changes: Changes,
): void {
  const period = debriefPeriodFor(state, input.periodStart, now)!;
  period.submittedAt = iso(now);
  const late = period.overdue;
  changes.debriefs.push({
    periodStart: period.start,
    periodEnd: period.end,
    submittedAt: iso(now),
    submittedBy: actor.id,
    late,
    hours: input.hours,
    conversations: input.conversations,
    oneOnOnes: input.oneOnOnes,
    leadersIdentified: input.leadersIdentified,
    inPerson: input.inPerson,
    group: input.group,
    ...(input.notes ? { notes: input.notes } : {}),
  });
  const { totals } = state;
  totals.debriefs += 1;
  if (late) totals.lateDebriefs += 1;
  totals.hours += input.hours;
  totals.conversations += input.conversations;
  totals.oneOnOnes += input.oneOnOnes;
  totals.leadersIdentified += input.leadersIdentified;
  if (input.inPerson && input.group) {
    // A debrief is a meeting: held in person with the group now, it counts for the group-debrief period running now.
    totals.groupDebriefs += 1;
    if (state.groupPeriod) state.groupPeriod.met = true;
  }
  const periodKey = period.start;
  resolve(
    state,
    changes,
    (n) => (n.kind === 'debrief_overdue' || n.kind === 'debrief_escalated') && n.key === periodKey,
    now,
    actor,
  );
  state.missedStreak = 0;
  if (state.atRisk) {
    state.atRisk = false;
    resolve(state, changes, (n) => n.kind === 'organizer_at_risk', now, actor);
  }
}

/** The debrief clock stood still while paused: every deadline still ahead moves by the pause's length. */
function resume(state: OrganizerState, now: number): void {
  const shift = now - ms(state.pausedAt!);
  const later = (instant: string) => iso(ms(instant) + shift);
  for (const period of state.periods) {
    if (period.submittedAt) continue;
    if (!period.overdue) {
      period.end = later(period.end);
      period.overdueAt = later(period.overdueAt);
    }
    if (!period.escalated) period.escalateAt = later(period.escalateAt);
  }
  if (state.groupPeriod) state.groupPeriod.end = later(state.groupPeriod.end);
  state.paused = false;
  state.pausedAt = undefined;
}

/**
 * Whether a program change made at `changedAt` is at least as new as the one held (made at `heldAt`). Broadcasts can
 * arrive out of order, and an older change is ignored; the policy and term end of one change share its time, so that
 * time is still current (delivered again, it sets the same values again).
 */
export function isCurrentChange(changedAt: string | undefined, heldAt: string | undefined): boolean {
  return !changedAt || !heldAt || ms(changedAt) >= ms(heldAt);
}

/**
 * A policy change reaches a running organizer: deadlines already set stand; the next ones follow the new policy. A
 * change older than the one held (broadcasts can arrive out of order) is ignored. If the change leaves nothing more to
 * do in training or ride-alongs, the organizer moves on (`moveOn: false` keeps the older rule, for recorded runs).
 */
export function changePolicy(
  state: OrganizerState,
  policy: ProgramPolicy,
  now: number,
  changedAt?: string,
  { moveOn = true } = {},
): Changes {
  const changes = noChanges();
  if (isClosed(state.stage) || !isCurrentChange(changedAt, state.programChangedAt)) return changes;
  state.policy = policy;
  if (changedAt) state.programChangedAt = changedAt;
  const facts = { rideAlongs: state.rideAlongs.length, initialRideAlongs: policy.initialRideAlongs };
  if (moveOn && state.stage === 'training') {
    const done = new Set(state.trainings.map((t) => t.training.toLowerCase()));
    const trainingsComplete = policy.requiredTrainings.every((t) => done.has(t.toLowerCase()));
    if (trainingsComplete)
      move(
        state,
        nextStage('record-training', 'training', { ...facts, trainingsComplete }),
        systemActor,
        'required trainings changed',
        now,
        changes,
      );
  } else if (moveOn && state.stage === 'ride_along') {
    move(
      state,
      nextStage('record-ride-along', 'ride_along', facts),
      systemActor,
      'initial ride-alongs changed',
      now,
      changes,
    );
  }
  state.version += 1;
  return changes;
}

/** The program's term end moved: an active organizer's term now ends then (older changes are ignored). */
export function changeTermEnd(state: OrganizerState, termEnd: string | undefined, changedAt?: string): void {
  if (isClosed(state.stage) || !isCurrentChange(changedAt, state.programChangedAt)) return;
  state.termEnd = termEnd;
  if (changedAt) state.programChangedAt = changedAt;
  if (state.activeSince) state.endsAt = termEnd ?? addDuration(state.activeSince, state.policy.termLength);
  state.version += 1;
}

// ---- timers -----------------------------------------------------------------------------------------------------

type Deadline = { at: number; fire: (changes: Changes) => void };

/** Every pending deadline of the current state, each with what happens when it comes. */
function deadlines(state: OrganizerState): Deadline[] {
  const due: Deadline[] = [];
  if (isClosed(state.stage)) return due;
  const { sla, offer } = state;
  if (sla && sla.stage === state.stage) {
    if (!sla.reminded) {
      due.push({
        at: ms(sla.remindAt),
        fire: (c) => {
          sla.reminded = true;
          notify(
            state,
            c,
            'stage_stalled',
            `${sla.stage}:${state.seq}`,
            'coordinator',
            ms(sla.remindAt),
            `${state.name} has been in ${sla.stage} since ${state.stageEnteredAt}`,
          );
        },
      });
    }
    if (!sla.escalated) {
      due.push({
        at: ms(sla.escalateAt),
        fire: (c) => {
          sla.escalated = true;
          notify(
            state,
            c,
            'stage_stalled_escalated',
            `${sla.stage}:${state.seq}`,
            'national',
            ms(sla.escalateAt),
            `${state.name} is still in ${sla.stage} since ${state.stageEnteredAt}`,
          );
        },
      });
    }
  }
  if (offer && state.stage === 'offered') {
    if (!offer.reminded) {
      due.push({
        at: ms(offer.remindAt),
        fire: (c) => {
          offer.reminded = true;
          notify(
            state,
            c,
            'offer_expiring',
            `offer:${state.seq}`,
            'organizer',
            ms(offer.remindAt),
            `the offer to ${state.name} lapses at ${offer.expiresAt}`,
          );
        },
      });
    }
    due.push({
      at: ms(offer.expiresAt),
      fire: (c) =>
        enter(
          state,
          'offered',
          systemTransitions.offerLapsed.to,
          systemActor,
          'offer lapsed unanswered',
          ms(offer.expiresAt),
          c,
        ),
    });
  }
  if (
    state.rideAlongCheck &&
    !state.rideAlongCheck.done &&
    (state.stage === 'training' || state.stage === 'ride_along' || state.stage === 'active')
  ) {
    const check = state.rideAlongCheck;
    due.push({
      at: ms(check.at),
      fire: (c) => {
        check.done = true;
        if (state.rideAlongs.length * 2 < state.policy.requiredRideAlongs) {
          notify(
            state,
            c,
            'ride_alongs_behind',
            'window',
            'coordinator',
            ms(check.at),
            `${state.name} has ${state.rideAlongs.length} of ${state.policy.requiredRideAlongs} ride-alongs at half of the window`,
          );
        }
      },
    });
  }
  if (state.stage === 'active') {
    if (!state.paused) due.push(...debriefDeadlines(state));
    if (state.endsAt) {
      const endsAt = ms(state.endsAt);
      due.push({
        at: endsAt,
        fire: (c) => enter(state, 'active', systemTransitions.termEnded.to, systemActor, 'term ended', endsAt, c),
      });
    }
  }
  return due;
}

function debriefDeadlines(state: OrganizerState): Deadline[] {
  const due: Deadline[] = [];
  const current = state.periods[state.periods.length - 1];
  if (current && periodFits(state, ms(current.end)))
    due.push({ at: ms(current.end), fire: () => openPeriod(state, ms(current.end)) });
  for (const period of state.periods) {
    if (period.submittedAt) continue;
    if (!period.overdue) {
      due.push({ at: ms(period.overdueAt), fire: (c) => markOverdue(state, period, c) });
    } else if (!period.escalated) {
      due.push({
        at: ms(period.escalateAt),
        fire: (c) => {
          period.escalated = true;
          notify(
            state,
            c,
            'debrief_escalated',
            period.start,
            'coordinator',
            ms(period.escalateAt),
            `${state.name}'s debrief for the week of ${period.start} is still missing`,
          );
        },
      });
    }
  }
  const group = state.groupPeriod;
  if (group) {
    due.push({
      at: ms(group.end),
      fire: (c) => {
        if (!group.met)
          notify(
            state,
            c,
            'group_debrief_missing',
            group.start,
            'coordinator',
            ms(group.end),
            `no in-person group debrief with ${state.name} between ${group.start} and ${group.end}`,
          );
        openGroupPeriod(state, ms(group.end));
      },
    });
  }
  return due;
}

function markOverdue(state: OrganizerState, period: DebriefPeriod, changes: Changes): void {
  const at = ms(period.overdueAt);
  period.overdue = true;
  state.totals.missedPeriods += 1;
  state.missedStreak += 1;
  notify(
    state,
    changes,
    'debrief_overdue',
    period.start,
    'organizer',
    at,
    `your debrief for the week of ${period.start} is overdue`,
  );
  if (state.missedStreak >= state.policy.atRiskAfterMissed && !state.atRisk) {
    state.atRisk = true;
    notify(
      state,
      changes,
      'organizer_at_risk',
      period.start,
      'national',
      at,
      `${state.name} has missed ${state.missedStreak} debriefs in a row`,
    );
  }
}

/** The state as it will be once every deadline that has already come is fired (for validators, which must not mutate). */
export function stateAt(state: OrganizerState, now: number): OrganizerState {
  const deadline = nextDeadline(state);
  if (deadline === undefined || deadline > now) return state;
  const view = JSON.parse(JSON.stringify(state)) as OrganizerState;
  fireDeadlines(view, now);
  return view;
}

/** The earliest instant at which something is due, or undefined when nothing is pending. */
export function nextDeadline(state: OrganizerState): number | undefined {
  let earliest: number | undefined;
  for (const deadline of deadlines(state)) if (earliest === undefined || deadline.at < earliest) earliest = deadline.at;
  return earliest;
}

/** Fires every deadline that has come by `now`, oldest first (each firing may set new ones, which are fired in turn). */
export function fireDeadlines(state: OrganizerState, now: number): Changes {
  const changes = noChanges();
  let fired = 0;
  for (;;) {
    const due = deadlines(state).filter((d) => d.at <= now);
    if (due.length === 0) break;
    // Oldest first; equal instants keep their listed order, so the outcome never depends on timer delivery.
    due.sort((a, b) => a.at - b.at)[0].fire(changes);
    fired += 1;
  }
  if (fired) state.version += 1;
  return changes;
}

// ---- derived figures --------------------------------------------------------------------------------------------

export function overdueDebriefs(state: OrganizerState): number {
  if (isClosed(state.stage)) return 0;
  return state.periods.filter((p) => p.overdue && !p.submittedAt).length;
}

/** When the next debrief is due (the end of the earliest period not yet reported nor overdue). */
export function nextDebriefDueAt(state: OrganizerState): string | undefined {
  if (state.stage !== 'active' || state.paused) return undefined;
  return state.periods.find((p) => !p.submittedAt && !p.overdue)?.end;
}
