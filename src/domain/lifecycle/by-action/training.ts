// After the offer: the required trainings, then ride-alongs with staff.
import { localDayOf } from '../../calendar';
import { formFieldsOf, notesField, withFields } from '../../forms';
import type { ProgramPolicy } from '../../policy';
import { rideAlongForecast } from '../figures';
import { move } from '../transitions';
import { resolve } from '../notices';
import { rules2 } from '../rules';
import { iso, ms } from '../time';
import type { ActionDefinition, StageFacts } from './definition';

/** The program's name for a training given in any case, or undefined when the program does not require it. */
function canonicalTraining(policy: ProgramPolicy, training: string): string | undefined {
  const wanted = training.trim().toLowerCase();
  return policy.requiredTrainings.find((t) => t.toLowerCase() === wanted);
}

/** What makes two ride-alongs the same one: the day and the staff member (in any case). */
export function rideAlongKey(date: string, staff: string): string {
  return `${date.slice(0, 10)}|${staff.trim().toLowerCase()}`;
}

/** Once the required ride-alongs are done an organizer is ready for fieldwork on their own. */
const readyForFieldwork = (facts: StageFacts) => (facts.rideAlongs ?? 0) >= (facts.initialRideAlongs ?? 0);

export interface RecordTrainingInput {
  training: string;
  completedAt: string;
}

export const recordTraining: ActionDefinition<RecordTrainingInput> = {
  stages: ['training'],
  revertible: true,
  plausibleDate: { field: 'completedAt', within: 'past' },
  input: [
    {
      name: 'training',
      label: 'field.training',
      kind: 'text',
      max: 100,
      example: 'orientation',
      description: "One of the program policy's requiredTrainings",
    },
    { name: 'completedAt', label: 'field.completedOn', kind: 'moment', example: '2027-01-20T18:00:00Z' },
  ],
  form({ policy, timezone, now, trainingsDone }) {
    const left = policy.requiredTrainings.filter((t) => !trainingsDone.includes(t));
    return withFields(formFieldsOf(recordTraining.input), {
      training: { kind: 'choice', options: left, value: left[0] },
      // Noon that day where the program is: the day stays the day people meant, whatever their browser's zone.
      completedAt: { kind: 'day', sentAsInstant: true, value: localDayOf(now, timezone) },
    });
  },
  next(_stage, facts) {
    if (!facts.trainingsComplete) return 'training';
    return readyForFieldwork(facts) ? 'active' : 'ride_along';
  },
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
    const to = recordTraining.next!('training', {
      trainingsComplete: state.policy.requiredTrainings.every((t) => done.has(t)),
      rideAlongs: state.rideAlongs.length,
      initialRideAlongs: state.policy.initialRideAlongs,
    });
    move(state, to, actor, to === 'training' ? undefined : 'all required trainings recorded', now, changes);
    return true;
  },
};

export interface RecordRideAlongInput {
  date: string;
  staff: string;
  notes?: string;
}

export const recordRideAlong: ActionDefinition<RecordRideAlongInput> = {
  stages: ['ride_along', 'active'],
  revertible: true,
  plausibleDate: { field: 'date', within: 'past' },
  input: [
    { name: 'date', label: 'field.date', kind: 'moment', example: '2027-02-03' },
    { name: 'staff', label: 'field.withStaff', kind: 'line', max: 200, example: 'Jo Rivera (national organizer)' },
    notesField,
  ],
  form: ({ timezone, now }) =>
    withFields(formFieldsOf(recordRideAlong.input), { date: { kind: 'day', value: localDayOf(now, timezone) } }),
  next: (stage, facts) => (stage === 'ride_along' && readyForFieldwork(facts) ? 'active' : stage),
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
    const to = recordRideAlong.next!(state.stage as 'ride_along' | 'active', {
      rideAlongs: state.rideAlongs.length,
      initialRideAlongs: state.policy.initialRideAlongs,
    });
    move(state, to, actor, to === 'active' ? 'initial ride-alongs done' : undefined, now, changes);
    return true;
  },
};
