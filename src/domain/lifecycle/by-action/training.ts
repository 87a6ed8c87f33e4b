// After the offer: the required trainings, then ride-alongs with staff.
import { localDayOf } from '../../calendar';
import type { ProgramPolicy } from '../../policy';
import { nextStage } from '../../stage-machine';
import type { OpenStage } from '../../stages';
import { rideAlongForecast } from '../figures';
import { move, resolve, rules2 } from '../transitions';
import { iso, ms } from '../time';
import type { ActionEffect } from './definition';

/** The program's name for a training given in any case, or undefined when the program does not require it. */
function canonicalTraining(policy: ProgramPolicy, training: string): string | undefined {
  const wanted = training.trim().toLowerCase();
  return policy.requiredTrainings.find((t) => t.toLowerCase() === wanted);
}

/** What makes two ride-alongs the same one: the day and the staff member (in any case). */
export function rideAlongKey(date: string, staff: string): string {
  return `${date.slice(0, 10)}|${staff.trim().toLowerCase()}`;
}

export const recordTraining: ActionEffect<'record-training'> = {
  refusal(state, input) {
    if (canonicalTraining(state.policy, input.training)) return undefined;
    return {
      code: 'invalid',
      message: `training "${input.training}" is not one the program requires (${state.policy.requiredTrainings.join(', ')})`,
    };
  },
  apply(state, input, actor, now, changes) {
    const training = canonicalTraining(state.policy, input.training)!;
    if (state.trainings.some((t) => t.training === training)) return false;
    state.trainings.push({ training, completedAt: input.completedAt });
    changes.trainings.push({ training, completedAt: input.completedAt, recordedBy: actor.id });
    const done = new Set(state.trainings.map((t) => t.training));
    const to = nextStage('record-training', state.stage as OpenStage, {
      trainingsComplete: state.policy.requiredTrainings.every((t) => done.has(t)),
      rideAlongs: state.rideAlongs.length,
      initialRideAlongs: state.policy.initialRideAlongs,
    });
    move(state, to, actor, to === 'training' ? undefined : 'all required trainings recorded', now, changes);
    return true;
  },
};

export const recordRideAlong: ActionEffect<'record-ride-along'> = {
  refusal(state, input, now) {
    if (!rules2(state)) return undefined;
    const day = input.date.slice(0, 10);
    const today = state.timezone ? localDayOf(now, state.timezone) : iso(now).slice(0, 10);
    const hired =
      state.hiredAt && state.timezone ? localDayOf(ms(state.hiredAt), state.timezone) : state.hiredAt?.slice(0, 10);
    if (day > today)
      return { code: 'invalid', message: `date ${day} is in the future; a ride-along is recorded once it happened` };
    if (hired && day < hired)
      return { code: 'invalid', message: `date ${day} is before the organizer was hired (${hired})` };
    return undefined;
  },
  apply(state, { date, staff, notes }, actor, now, changes) {
    const key = rideAlongKey(date, staff);
    if (state.rideAlongs.some((r) => r.key === key)) return false;
    state.rideAlongs.push({ key, date });
    changes.rideAlongs.push({ key, date, staff, ...(notes ? { notes } : {}), recordedBy: actor.id });
    const onPace = rules2(state)
      ? !rideAlongForecast(state, now).missing
      : state.rideAlongs.length * 2 >= state.policy.requiredRideAlongs;
    if (onPace) resolve(state, changes, (n) => n.kind === 'ride_alongs_behind', now, actor);
    const to = nextStage('record-ride-along', state.stage as OpenStage, {
      rideAlongs: state.rideAlongs.length,
      initialRideAlongs: state.policy.initialRideAlongs,
    });
    move(state, to, actor, to === 'active' ? 'initial ride-alongs done' : undefined, now, changes);
    return true;
  },
};
