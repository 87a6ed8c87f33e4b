// A program's policy or term end changing under a running organizer.
import { addDuration } from '../durations';
import { Changes, noChanges, OrganizerState, systemActor } from '../organizer';
import type { ProgramPolicy } from '../policy';
import { nextStage } from '../stage-machine';
import { isClosed } from '../stages';
import { move, stageClock } from './transitions';
import { rules3 } from './rules';
import { ms } from './time';

/**
 * Whether a program change made at `changedAt` is at least as new as the one held (made at `heldAt`). Broadcasts can
 * arrive out of order, and an older change is ignored; the policy and term end of one change share its time, so that
 * time is still current (delivered again, it sets the same values again).
 */
export function isCurrentChange(changedAt: string | undefined, heldAt: string | undefined): boolean {
  return !changedAt || !heldAt || ms(changedAt) >= ms(heldAt);
}

/**
 * A policy change reaches a running organizer: deadlines already set stand (but for the current stage's time limit,
 * under the third rules); the next ones follow the new policy. A
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
  // Third rules: a changed stage limit reaches the organizer in the stage, counted from when they entered it.
  if (rules3(state)) stageClock(state);
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

/**
 * A closed record taken up again (reopened, a step undone) in a new run follows the program as it is now: its policy,
 * its term end, and an organizer's own term end that follows from them.
 */
export function takeUpProgram(
  state: OrganizerState,
  program: { policy: ProgramPolicy; termEnd?: string; changedAt: string },
): void {
  state.policy = program.policy;
  state.termEnd = program.termEnd;
  state.programChangedAt = program.changedAt;
  if (state.activeSince) state.endsAt = ownTermEnd(state);
}

/** An active organizer's own term end: the program's, or a term's length from when they became active. */
function ownTermEnd(state: OrganizerState): string {
  return state.termEnd ?? addDuration(state.activeSince!, state.policy.termLength);
}

/** The program's term end moved: an active organizer's term now ends then (older changes are ignored). */
export function changeTermEnd(state: OrganizerState, termEnd: string | undefined, changedAt?: string): void {
  if (isClosed(state.stage) || !isCurrentChange(changedAt, state.programChangedAt)) return;
  state.termEnd = termEnd;
  if (changedAt) state.programChangedAt = changedAt;
  if (state.activeSince) state.endsAt = ownTermEnd(state);
  state.version += 1;
}
