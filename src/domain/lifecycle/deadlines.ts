// The timers: every pending deadline of a state, what each does when it comes, and firing those that came.
import { Changes, DebriefPeriod, noChanges, OrganizerState, systemActor } from '../organizer';
import { isClosed, systemTransitions } from '../stages';
import { said } from '../words/said';
import { durationMs } from '../durations';
import { rideAlongForecast } from './figures';
import { enter, openGroupPeriod, openPeriod, periodFits } from './transitions';
import { notify } from './notices';
import { rules2, rules4 } from './rules';
import { payDeadlines } from './pay-periods';
import { screeningReminder } from './screening-invitations';
import { iso, ms, saidOf } from './time';

type Deadline = { at: number; fire: (changes: Changes) => void };

/** Every pending deadline of the current state, each with what happens when it comes. */
function deadlines(state: OrganizerState): Deadline[] {
  // Pay periods outlive the record's stage: a closed record's last ones still remind and settle.
  const due: Deadline[] = payDeadlines(state);
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
            saidOf(state, 'reminder.stage_stalled.summary', {
              name: state.name,
              stage: sla.stage,
              since: iso(ms(state.stageEnteredAt)),
            }),
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
            saidOf(state, 'reminder.stage_stalled_escalated.summary', {
              name: state.name,
              stage: sla.stage,
              since: iso(ms(state.stageEnteredAt)),
            }),
          );
        },
      });
    }
  }
  const reminder = screeningReminder(state);
  if (reminder) due.push(reminder);
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
            saidOf(state, 'reminder.offer_expiring.summary', { name: state.name, expires: iso(ms(offer.expiresAt)) }),
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
        if (rules2(state)) return checkRideAlongPace(state, check, c);
        check.done = true;
        if (state.rideAlongs.length * 2 < state.policy.requiredRideAlongs) {
          notify(
            state,
            c,
            'ride_alongs_behind',
            rideAlongsBehindKey(state, check.at),
            'coordinator',
            ms(check.at),
            saidOf(state, 'reminder.ride_alongs_behind.summary', {
              name: state.name,
              done: state.rideAlongs.length,
              required: state.policy.requiredRideAlongs,
            }),
            rideAlongForecast(state, ms(check.at)).windowEnd,
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

/**
 * The key of a ride-alongs-behind reminder: one per check under the fourth rules (it may be raised again after being
 * answered: on pace for a while, a hire undone, a record reopened), once per run before (kept for replay).
 */
function rideAlongsBehindKey(state: OrganizerState, checkAt: string): string {
  return rules4(state) ? `window:${checkAt}` : 'window';
}

/**
 * Second rules: every twelfth of the window, the ride-along pace so far is projected to the window's close; a pace that
 * falls short reminds the coordinator (once; resolved when the pace recovers), and the check is set again until the
 * window closes.
 */
function checkRideAlongPace(state: OrganizerState, check: { at: string; done: boolean }, changes: Changes): void {
  const at = ms(check.at);
  const { windowEnd, missing, projected } = rideAlongForecast(state, at);
  const open = state.openNotifications.some((n) => n.kind === 'ride_alongs_behind');
  if (missing && !open) {
    notify(
      state,
      changes,
      'ride_alongs_behind',
      rideAlongsBehindKey(state, check.at),
      'coordinator',
      at,
      saidOf(state, 'reminder.ride_alongs_behind.pace', {
        name: state.name,
        projected,
        required: state.policy.requiredRideAlongs,
        by: iso(windowEnd),
      }),
      windowEnd,
    );
  }
  const next = at + durationMs(state.policy.rideAlongWindow) / 12;
  if (next < windowEnd) check.at = iso(next);
  else check.done = true;
}

function debriefDeadlines(state: OrganizerState): Deadline[] {
  const due: Deadline[] = [];
  const current = state.periods[state.periods.length - 1];
  if (current && periodFits(state, ms(current.end)))
    due.push({ at: ms(current.end), fire: (c) => openPeriod(state, ms(current.end), c) });
  for (const period of state.periods) {
    if (period.submittedAt) continue;
    if (period.nudgeAt && !period.nudged && !period.overdue) {
      due.push({
        at: ms(period.nudgeAt),
        fire: (c) => {
          period.nudged = true;
          notify(
            state,
            c,
            'debrief_due_soon',
            period.start,
            'organizer',
            ms(period.nudgeAt!),
            saidOf(state, 'reminder.debrief_due_soon.summary', {
              start: iso(ms(period.start)),
              end: iso(ms(period.end)),
            }),
          );
        },
      });
    }
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
            saidOf(state, 'reminder.debrief_escalated.summary', { name: state.name, start: iso(ms(period.start)) }),
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
            said(
              'reminder.group_debrief_missing.summary',
              { name: state.name, start: iso(ms(group.start)), end: iso(ms(group.end)) },
              state.timezone ?? 'UTC',
            ),
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
    saidOf(state, 'reminder.debrief_overdue.summary', { start: iso(ms(period.start)), end: iso(ms(period.end)) }),
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
      saidOf(state, 'reminder.organizer_at_risk.summary', { name: state.name, count: state.missedStreak }),
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

/**
 * When the workflow wakes for `deadline`: up to the policy's `reminderSpread` after it, at a moment of this person's
 * own, so a program whose people fall due together is reminded over that time instead of in one second and its workers
 * keep answering coordinators meanwhile. The deadline itself does not move: an action after it meets it fired first
 * (applyAction), and what it raises is dated at the deadline.
 */
export function wakeAt(state: OrganizerState, deadline: number): number {
  const spread = state.policy.reminderSpread;
  return spread ? deadline + Math.floor(durationMs(spread) * ownFraction(state.organizerId)) : deadline;
}

/** A fraction in [0, 1) drawn from an id (a UUID's leading 32 bits), the same for the same id. */
function ownFraction(id: string): number {
  const bits = Number.parseInt(id.replace(/-/g, '').slice(0, 8), 16);
  return Number.isNaN(bits) ? 0 : bits / 2 ** 32;
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
