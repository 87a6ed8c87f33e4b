// Ways back from mistakes: a closed application or hire reopened, the last hiring step undone.
import { stepFields, type Attestations, type OrganizerState, type RosterStatus } from '../../organizer';
import { localDateTime } from '../../calendar';
import { durationMs } from '../../durations';
import { correctionWindow, requirableAttestations } from '../../policy';
import { formFieldsOf, type InputField } from '../../forms';
import { isClosed, type Stage } from '../../stages';
import { eligibilityProblems } from '../start';
import { iso, ms } from '../time';
import { move } from '../transitions';
import type { ActionDefinition } from './definition';

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
  if (state.closedFrom && !isClosed(state.closedFrom)) return state.closedFrom;
  return state.activeSince ? 'active' : state.hiredAt ? 'training' : 'applied';
}

export const reopen: ActionDefinition<ReopenInput> = {
  stages: ['ineligible', 'not_selected', 'withdrawn', 'declined'],
  input: [
    {
      name: 'reason',
      label: 'field.reason',
      kind: 'text',
      max: 500,
      example: 'withdrawal entered on the wrong person',
    },
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
    if (state.termEnd && ms(state.termEnd) <= now)
      return { code: 'conflict', message: "the program's term has ended: a record cannot be reopened after it" };
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
    return true;
  },
};

/** Until when the last hiring step may be undone (the read model keeps it; the panel offers the undo till then). */
export function undoUntil(state: OrganizerState): string | null {
  const step = state.lastStep;
  if (!step || step.to !== state.stage) return null;
  return iso(ms(step.at) + durationMs(correctionWindow(state.policy)));
}

export interface RevertStepInput {
  reason: string;
}

/**
 * Undoes the last hiring step (a screening result, a role-play decision, an offer's answer): what it changed is put
 * back and the record returns to the stage before it, the step and its undoing both in the history. Only while no
 * other action has followed it, within the program's correction window.
 */
export const revertStep: ActionDefinition<RevertStepInput> = {
  stages: ['applied', 'role_play', 'not_selected', 'offered', 'training', 'declined'],
  input: [
    { name: 'reason', label: 'field.reason', kind: 'text', max: 500, example: 'result recorded on the wrong person' },
  ],
  refusal(state, _input, now) {
    const step = state.lastStep;
    const until = undoUntil(state);
    if (!step || !until)
      return { code: 'conflict', message: 'there is no hiring step to undo: none was taken, or something followed it' };
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
    for (const field of stepFields) (state as unknown as Record<string, unknown>)[field] = step.before[field];
    move(state, step.from, actor, input.reason, now, changes);
    return true;
  },
};
