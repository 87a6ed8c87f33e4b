// People's actions: why one is refused, and what one changes when it is not.
import { durationMs } from '../durations';
import {
  ActionInputs,
  ActionRequest,
  Actor,
  Changes,
  DebriefPeriod,
  mergeChanges,
  noChanges,
  OrganizerState,
} from '../organizer';
import type { ProgramPolicy } from '../policy';
import { nextStage, Refusal, stageRefusal } from '../stage-machine';
import { OpenStage } from '../stages';
import { localDateTime, localDayOf } from '../calendar';
import { fireDeadlines } from './deadlines';
import { rideAlongForecast } from './figures';
import { debriefCalendar, move, openPeriod, periodEnd, resolve, rules2, rules3 } from './transitions';
import {
  approvalRefusal,
  approvePayPeriod,
  owesPay,
  shiftPayCalendar,
  submitTimesheet,
  timesheetRefusal,
} from './pay-periods';
import { iso, ms, when } from './time';

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

/** What a work plan may set targets for: the debrief's standard counts and hours, and the program's own counts. */
export function planTargets(policy: ProgramPolicy): string[] {
  return ['hours', 'conversations', 'oneOnOnes', 'leadersIdentified', ...(policy.debriefMetrics ?? [])];
}

/** The period a work plan is for: the one named, else the one running now (the latest that has started). */
function workPlanPeriodFor(state: OrganizerState, periodStart: string | undefined, now: number) {
  if (periodStart !== undefined) return findPeriod(state, periodStart);
  const started = state.periods.filter((p) => ms(p.start) <= now);
  return started[started.length - 1];
}

/** The refusal when no debrief period matches: the one named is not one, or none has started. */
function noDebriefPeriod(periodStart: string | undefined): Refusal {
  return {
    code: 'invalid',
    message: periodStart
      ? `periodStart ${periodStart} is not the start of one of this organizer's debrief periods`
      : 'no debrief period has started yet',
  };
}

function canonicalTraining(policy: ProgramPolicy, training: string): string | undefined {
  const wanted = training.trim().toLowerCase();
  return policy.requiredTrainings.find((t) => t.toLowerCase() === wanted);
}

/** Why this action must be refused now, or undefined when it may proceed. A refused action changes nothing. */
export function refusal(state: OrganizerState, request: ActionRequest, now: number): Refusal | undefined {
  const byStage = stageRefusal(request.action, state.stage, state.paused, owesPay(state));
  if (byStage) return byStage;
  switch (request.action) {
    case 'record-role-play': {
      if (request.input.decision === 'offer' && !request.input.offer)
        return { code: 'invalid', message: 'offer is required when decision is offer' };
      const rubric = rules2(state) ? state.policy.rolePlayRubric : undefined;
      if (rubric) {
        const scored = Object.keys(request.input.scores);
        const unknown = scored.filter((c) => !rubric.includes(c));
        const missing = rubric.filter((c) => !scored.includes(c));
        if (unknown.length || missing.length) {
          return {
            code: 'invalid',
            message: `scores must give each of the program's criteria (${rubric.join(', ')}) a score from 1 to 5${
              missing.length ? `; missing: ${missing.join(', ')}` : ''
            }${unknown.length ? `; not criteria of this program: ${unknown.join(', ')}` : ''}`,
          };
        }
      }
      return undefined;
    }
    case 'record-ride-along': {
      if (!rules2(state)) return undefined;
      const day = request.input.date.slice(0, 10);
      const today = state.timezone ? localDayOf(now, state.timezone) : iso(now).slice(0, 10);
      const hired =
        state.hiredAt && state.timezone ? localDayOf(ms(state.hiredAt), state.timezone) : state.hiredAt?.slice(0, 10);
      if (day > today)
        return { code: 'invalid', message: `date ${day} is in the future; a ride-along is recorded once it happened` };
      if (hired && day < hired)
        return { code: 'invalid', message: `date ${day} is before the organizer was hired (${hired})` };
      return undefined;
    }
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
      if (!period) return noDebriefPeriod(periodStart);
      if (ms(period.start) > now)
        return {
          code: 'invalid',
          message: `the debrief period starting ${when(state, ms(period.start))} has not started yet`,
        };
      if (period.submittedAt) {
        return {
          code: 'conflict',
          message: `a debrief for the period starting ${when(state, ms(period.start))} was already submitted on ${when(state, ms(period.submittedAt!))}`,
        };
      }
      const known = state.policy.debriefMetrics ?? [];
      const unknown = Object.keys(request.input.metrics ?? {}).filter((m) => !known.includes(m));
      if (unknown.length) {
        return {
          code: 'invalid',
          message: `metrics ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not counted by this program (${known.join(', ') || 'it counts none beyond the standard ones'})`,
        };
      }
      return undefined;
    }
    case 'set-work-plan': {
      const { periodStart, targets } = request.input;
      const period = workPlanPeriodFor(state, periodStart, now);
      if (!period) return noDebriefPeriod(periodStart);
      if (period.submittedAt)
        return {
          code: 'conflict',
          message: `the debrief for the period starting ${when(state, ms(period.start))} is in; a plan is set before it`,
        };
      const allowed = planTargets(state.policy);
      const unknown = Object.keys(targets).filter((t) => !allowed.includes(t));
      if (unknown.length)
        return { code: 'invalid', message: `targets may be set for ${allowed.join(', ')}; not ${unknown.join(', ')}` };
      return undefined;
    }
    case 'submit-timesheet':
      return timesheetRefusal(state, request.input, now);
    case 'approve-pay-period':
      return approvalRefusal(state, request.input.periodStart, now);
    case 'record-group-debrief': {
      const held = ms(request.input.heldAt);
      if (held > now)
        return {
          code: 'invalid',
          message: `heldAt ${request.input.heldAt} is in the future; record it once it was held`,
        };
      // People give the time to the minute: one in the minute the organizer became active counts.
      if (state.activeSince && held < Math.floor(ms(state.activeSince) / 60_000) * 60_000)
        return {
          code: 'invalid',
          message: `heldAt ${request.input.heldAt} is before the organizer became active (${when(state, ms(state.activeSince!))})`,
        };
      if (state.groupSessions?.includes(request.input.sessionId))
        return { code: 'conflict', message: `group session ${request.input.sessionId} is already recorded` };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * A person's action at `now`: the deadlines that came before it take effect first (an offer that lapsed cannot be
 * accepted), then the action, unless the state as of then refuses it. The changes hold both.
 */
export function takeAction(
  state: OrganizerState,
  request: ActionRequest,
  now: number,
): { changes: Changes; refused: Refusal | undefined } {
  const changes = fireDeadlines(state, now);
  const refused = refusal(state, request, now);
  if (!refused) mergeChanges(changes, applyAction(state, request, now));
  return { changes, refused };
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
        `screening at ${request.input.location}, ${localDateTime(ms(request.input.at), state.timezone ?? 'UTC')}`,
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
      state.rolePlay = { scores, decision, scoredBy: actor.id, scoredAt: iso(now) };
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
      const onPace = rules2(state)
        ? !rideAlongForecast(state, now).missing
        : state.rideAlongs.length * 2 >= state.policy.requiredRideAlongs;
      if (onPace) resolve(state, changes, (n) => n.kind === 'ride_alongs_behind', now, actor);
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
    case 'record-group-debrief':
      recordGroupDebrief(state, request.input, actor, now, changes);
      touched = true;
      break;
    case 'set-work-plan': {
      const period = workPlanPeriodFor(state, request.input.periodStart, now)!;
      changes.workPlans.push({
        periodStart: period.start,
        targets: { ...request.input.targets },
        ...(request.input.notes ? { notes: request.input.notes } : {}),
        setBy: actor.id,
        setAt: iso(now),
        version: versionBefore + 1,
      });
      touched = true;
      break;
    }
    case 'pause':
      state.paused = true;
      state.pausedAt = iso(now);
      touched = true;
      break;
    case 'resume':
      resume(state, now, changes);
      touched = true;
      break;
    case 'submit-timesheet':
      submitTimesheet(state, request.input, actor, now, changes);
      touched = true;
      break;
    case 'approve-pay-period':
      approvePayPeriod(state, request.input.periodStart, actor, now, changes);
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
    ...(input.metrics && Object.keys(input.metrics).length ? { metrics: { ...input.metrics } } : {}),
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
    (n) =>
      (n.kind === 'debrief_overdue' || n.kind === 'debrief_escalated' || n.kind === 'debrief_due_soon') &&
      n.key === periodKey,
    now,
    actor,
  );
  state.missedStreak = 0;
  // At risk clears once no debrief is overdue (the first rules cleared it on any debrief).
  const stillOverdue = rules2(state) && state.periods.some((p) => p.overdue && !p.submittedAt);
  if (state.atRisk && !stillOverdue) {
    state.atRisk = false;
    resolve(state, changes, (n) => n.kind === 'organizer_at_risk', now, actor);
  }
}

/**
 * A group debrief (not anyone's weekly debrief) meets the group-debrief rule of the period it was held in: the one
 * running now, or an earlier one whose missing-group-debrief reminder is still open.
 */
function recordGroupDebrief(
  state: OrganizerState,
  input: ActionInputs['record-group-debrief'],
  actor: Actor,
  now: number,
  changes: Changes,
): void {
  const held = ms(input.heldAt);
  state.groupSessions = [...(state.groupSessions ?? []), input.sessionId];
  state.totals.groupDebriefs += 1;
  if (state.groupPeriod && held >= ms(state.groupPeriod.start)) state.groupPeriod.met = true;
  const every = durationMs(state.policy.groupDebriefEvery);
  resolve(
    state,
    changes,
    (n) => n.kind === 'group_debrief_missing' && ms(n.key) <= held && held < ms(n.key) + every,
    now,
    actor,
  );
}

/**
 * Back from a pause. First rules: the debrief clock stood still, so every deadline still ahead moves by the pause's
 * length (third rules: the pay periods running with it too, so they stay on the debrief grid). Second rules, on the calendar: nothing moves; a period wholly inside the pause owes nothing (none was
 * opened), the period running now opens, and a debrief that fell due during the pause gets the grace from now.
 */
function resume(state: OrganizerState, now: number, changes: Changes): void {
  if (debriefCalendar(state)) return resumeOnCalendar(state, now, changes);
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
  if (rules3(state)) shiftPayCalendar(state, ms(state.pausedAt!), shift, changes);
  state.paused = false;
  state.pausedAt = undefined;
}

function resumeOnCalendar(state: OrganizerState, now: number, changes: Changes): void {
  const grace = durationMs(state.policy.debriefGrace);
  for (const period of state.periods) {
    if (period.submittedAt || period.overdue || ms(period.overdueAt) > now) continue;
    period.overdueAt = iso(now + grace);
    period.escalateAt = iso(now + grace + durationMs(state.policy.escalateAfter));
    if (period.nudgeAt && ms(period.nudgeAt) <= now) period.nudged = true;
  }
  const last = state.periods[state.periods.length - 1];
  if (last && ms(last.end) <= now) {
    let start = ms(last.end);
    while (periodEnd(state, start) <= now) start = periodEnd(state, start);
    openPeriod(state, start, changes);
  }
  if (state.groupPeriod) state.groupPeriod.end = iso(ms(state.groupPeriod.end) + now - ms(state.pausedAt!));
  state.paused = false;
  state.pausedAt = undefined;
}
