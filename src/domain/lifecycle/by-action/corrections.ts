// Ways back from mistakes: a closed application or hire reopened, the last hiring step undone.
import {
  erasedRefusal,
  stepFields,
  type Attestations,
  type Changes,
  type LastStep,
  type OrganizerState,
  type RosterStatus,
  type StepFields,
} from '../../organizer';
import { localDateTime } from '../../calendar';
import { durationMs } from '../../durations';
import { correctionWindow, requirableAttestations } from '../../policy';
import { formFieldsOf, reasonField, type InputField } from '../../forms';
import { isClosed, type Stage } from '../../stages';
import { eligibilityProblems } from '../start';
import { iso, ms } from '../time';
import { resolve } from '../notices';
import { move, openGroupPeriod, openPeriod, recordInHistory } from '../transitions';
import type { ActionDefinition } from './definition';
import { owedAgainFromNow } from './pause';
import { resumeScreening } from '../screening-invitations';

export interface ReopenInput {
  reason: string;
  /** The applicant's answers as they should have been (an ineligible application is checked again with them). */
  attestations?: Attestations;
  /** What the roster says now: the workflow asks it, never the client (an ineligible application only). */
  roster?: RosterStatus;
}

const attestationFields: InputField[] = [
  ...requirableAttestations.map((name): InputField => ({ name, label: `attestation.${name}`, kind: 'yesno' })),
  { name: 'weeklyHours', label: 'field.hoursPerWeek', kind: 'decimal', min: 0, max: 80, step: 0.5, example: 10 },
  { name: 'currentLeader', label: 'attestation.currentLeader', kind: 'yesno', optional: true },
];

/**
 * Where a reopened record goes: a withdrawal back to the stage it left (a hire stays a hire; a record closed before
 * that was kept, by what it reached), any other closed application to `applied`.
 */
export function reopenedTo(state: OrganizerState): Stage {
  if (state.stage !== 'withdrawn') return 'applied';
  // An offer withdrawn from is gone (leaving `offered` ends it): its decision is made again, with a new offer.
  if (state.closedFrom === 'offered') return 'role_play';
  if (state.closedFrom && !isClosed(state.closedFrom)) return state.closedFrom;
  return state.activeSince ? 'active' : state.hiredAt ? 'training' : 'applied';
}

/**
 * An organizer back to active owes debriefs again from now: the periods the record was closed for are not opened, a
 * debrief it owed when it closed gets the grace again from now, and the group debrief's period starts again (else each
 * would fall overdue and escalate at once, for time the record was closed).
 */
function resumeAfterClosure(state: OrganizerState, now: number, changes: Changes): void {
  owedAgainFromNow(state, now);
  const last = state.periods[state.periods.length - 1];
  if (!last || ms(last.end) <= now) openPeriod(state, now, changes, true);
  if (state.groupPeriod && ms(state.groupPeriod.end) <= now) openGroupPeriod(state, now);
}

export const reopen: ActionDefinition<ReopenInput> = {
  stages: ['ineligible', 'not_selected', 'withdrawn', 'declined'],
  input: [
    reasonField({ example: 'withdrawal entered on the wrong person' }),
    {
      name: 'attestations',
      label: 'field.attestations',
      kind: 'group',
      optional: true,
      description: "An ineligible application's answers as they should have been: it is checked again with them",
      fields: attestationFields,
    },
  ],
  /** The answers are asked only of an ineligible application. */
  form: ({ stage }) =>
    formFieldsOf(stage === 'ineligible' ? reopen.input : reopen.input.filter((f) => f.name === 'reason')),
  refusal(state, input, now) {
    if (state.erased) return erasedRefusal;
    if (state.termEnd && ms(state.termEnd) <= now)
      return { code: 'conflict', message: "the program's term has ended: a record cannot be reopened after it" };
    if (reopenedTo(state) === 'active' && state.endsAt && ms(state.endsAt) <= now)
      return { code: 'conflict', message: "the organizer's term has ended: their record cannot be reopened after it" };
    if (state.stage !== 'ineligible') return undefined;
    const attestations = input.attestations ?? state.attestations;
    if (!attestations)
      return {
        code: 'invalid',
        message: "attestations are required: this record does not keep the applicant's answers",
      };
    const problems = eligibilityProblems(
      { attestations },
      state.policy,
      input.roster ?? { hasRoster: false, onRoster: false },
    );
    return problems.length ? { code: 'conflict', message: `still not eligible: ${problems.join('; ')}` } : undefined;
  },
  apply(state, input, actor, now, changes) {
    const to = reopenedTo(state);
    if (state.stage === 'ineligible') {
      if (input.attestations) state.attestations = input.attestations;
      state.ineligibleReasons = [];
      state.ineligibility = [];
      const leader = state.attestations?.currentLeader === true;
      state.flags = [...state.flags.filter((f) => f !== 'current_leader'), ...(leader ? ['current_leader'] : [])];
    }
    if (to === 'applied') {
      // Hiring starts again: no screening, no score, no offer, no-shows forgotten.
      state.noShows = 0;
      state.screening = undefined;
      state.rolePlay = undefined;
      state.offer = undefined;
    }
    state.closedFrom = undefined;
    move(state, to, actor, input.reason, now, changes);
    if (to === 'active') resumeAfterClosure(state, now, changes);
    if (to === 'screening') resumeScreening(state, actor, now, changes);
    return true;
  },
};

/** Until when the last hiring step may be undone (the read model keeps it; the panel offers the undo till then). */
export function undoUntil(state: OrganizerState): string | null {
  const step = state.lastStep;
  if (!step || step.to !== state.stage || activatedBy(step)) return null;
  return iso(ms(step.at) + durationMs(correctionWindow(state.policy)));
}

export interface RevertStepInput {
  reason: string;
}

/** A step that made the organizer active: debrief periods, pay and reminders follow from it, so it stays. */
const activatedBy = (step: LastStep) => step.to === 'active' && step.from !== 'active';

/** Takes back the trainings and ride-alongs the step added (those not in its copy of before), for the read model too. */
function takeBackRecords(state: OrganizerState, before: StepFields, changes: Changes): void {
  if (before.trainings) {
    const kept = new Set(before.trainings.map((t) => t.training));
    for (const t of state.trainings.filter((t) => !kept.has(t.training)))
      changes.trainings.push({ ...t, recordedBy: '', undone: true });
    state.trainings = before.trainings;
  }
  if (before.rideAlongs) {
    const kept = new Set(before.rideAlongs.map((r) => r.key));
    for (const r of state.rideAlongs.filter((r) => !kept.has(r.key)))
      changes.rideAlongs.push({ ...r, staff: '', recordedBy: '', undone: true });
    state.rideAlongs = before.rideAlongs;
  }
}

/**
 * Undoes the last hiring step (a screening result, a role-play decision, an offer's answer, a training or ride-along
 * recorded): what it changed is put back and the record returns to the stage before it, the step and its undoing both
 * in the history (an undo that leaves the stage as it was is a transition to the same stage, carrying the reason).
 * Only while no other action has followed it, within the program's correction window.
 */
export const revertStep: ActionDefinition<RevertStepInput> = {
  stages: ['applied', 'role_play', 'not_selected', 'offered', 'training', 'ride_along', 'active', 'declined'],
  input: [reasonField({ example: 'result recorded on the wrong person' })],
  refusal(state, _input, now) {
    const step = state.lastStep;
    const until = undoUntil(state);
    if (state.erased) return erasedRefusal;
    if (step && step.to === state.stage && activatedBy(step))
      return {
        code: 'conflict',
        message: `the last step (${step.action}) made the organizer active: their debriefs and pay follow from it`,
      };
    if (!step || !until)
      return { code: 'conflict', message: 'there is no hiring step to undo: none was taken, or something followed it' };
    if (step.before.offer && ms(step.before.offer.expiresAt) <= now)
      return { code: 'conflict', message: 'the offer it answered has lapsed since: make a new offer instead' };
    const window = correctionWindow(state.policy);
    if (now > ms(until))
      return {
        code: 'conflict',
        message: `the last step (${step.action}, ${localDateTime(ms(step.at), state.timezone ?? 'UTC')}) is older than the program's correction window (${window})`,
      };
    return undefined;
  },
  apply(state, input, actor, now, changes) {
    const step = state.lastStep!;
    // A training or ride-along recorded leaves the ride-along check as it was: one that ran since stays run.
    const recorded = step.action === 'record-training' || step.action === 'record-ride-along';
    for (const field of stepFields)
      if (!(recorded && field === 'rideAlongCheck'))
        (state as unknown as Record<string, unknown>)[field] = step.before[field];
    takeBackRecords(state, step.before, changes);
    // A hire undone owes no ride-alongs: a reminder about them is answered.
    if (!state.hiredAt) resolve(state, changes, (n) => n.kind === 'ride_alongs_behind', now, actor);
    if (step.from === state.stage) recordInHistory(state, actor, input.reason, now, changes);
    else move(state, step.from, actor, input.reason, now, changes);
    return true;
  },
};
