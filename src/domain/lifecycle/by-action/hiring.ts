// Hiring: a screening scheduled and recorded, a role-play scored, an offer answered; and closing a record.
import { durationMs } from '../../durations';
import { localDateTime, localDayOf, localMinuteOf } from '../../calendar';
import { capitalized, formFieldsOf, notesField, reasonField, withFields, type InputField } from '../../forms';
import { offerCurrency } from '../../offer';
import { openStages } from '../../stages';
import { move, stageClock } from '../transitions';
import { rules2, rules3 } from '../rules';
import { iso, ms } from '../time';
import { said } from '../../words/said';
import type { ActionDefinition } from './definition';
import { answerScreening, cancelScreening, setScreening } from '../screening-invitations';

export interface ScheduleScreeningInput {
  at: string;
  location: string;
  /** The group session it is part of (set by the session, not asked). */
  sessionId?: string;
}

export const scheduleScreening: ActionDefinition<ScheduleScreeningInput> = {
  stages: ['applied'],
  plausibleDate: { field: 'at', within: 'term' },
  input: [
    {
      name: 'at',
      label: 'field.when',
      kind: 'moment',
      description: 'When the screening takes place',
      example: '2027-01-12T17:30:00-06:00',
    },
    { name: 'location', label: 'field.where', kind: 'line', max: 300, example: 'Local 12 hall, 345 Main St' },
  ],
  /** A week from now, to start from. */
  form: ({ timezone, now }) =>
    withFields(formFieldsOf(scheduleScreening.input), { at: { value: localMinuteOf(now + 7 * 86_400_000, timezone) } }),
  next: () => 'screening',
  apply(state, input, actor, now, changes) {
    // Set first: under the third rules the stage's time limit counts from the screening's time.
    setScreening(state, input, false, actor, now, changes);
    const when = localDateTime(ms(input.at), state.timezone ?? 'UTC');
    move(state, 'screening', actor, `screening at ${input.location}, ${when}`, now, changes);
    return false;
  },
};

/**
 * A screening put off or moved: the new time and place. Under the third rules the stage's time limit counts from the
 * screening's time, so it moves with it: a reminder already raised stands, the ones still to come move. (Records on
 * earlier rules count it from when they were scheduled, and keep doing so.)
 */
export const rescheduleScreening: ActionDefinition<ScheduleScreeningInput> = {
  stages: ['screening'],
  plausibleDate: { field: 'at', within: 'term' },
  input: scheduleScreening.input,
  /** The screening as it is, to change. */
  form: ({ timezone, screening }) =>
    withFields(
      formFieldsOf(scheduleScreening.input),
      screening
        ? { at: { value: localMinuteOf(ms(screening.at), timezone) }, location: { value: screening.location } }
        : {},
    ),
  refusal(state, input) {
    const { screening } = state;
    if (screening && ms(screening.at) === ms(input.at) && screening.location === input.location)
      return { code: 'conflict', message: 'the screening is already at that time and place' };
    return undefined;
  },
  apply(state, input, actor, now, changes) {
    setScreening(state, { at: input.at, location: input.location }, true, actor, now, changes);
    if (rules3(state)) stageClock(state);
    return true;
  },
};

export interface RespondScreeningInput {
  coming: boolean;
  note?: string;
}

/** The applicant's answer to their invitation (by their link, or told to the coordinator), until the screening starts. */
export const respondScreening: ActionDefinition<RespondScreeningInput> = {
  stages: ['screening'],
  organizerMay: true,
  input: [
    {
      name: 'coming',
      label: 'field.coming',
      kind: 'yesno',
      yesLabel: 'field.comingYes',
      noLabel: 'field.comingNo',
      description: 'Whether the applicant will be there',
    },
    { name: 'note', label: 'field.note', kind: 'text', max: 500, optional: true, example: 'I work until 6' },
  ],
  refusal(state, _input, now) {
    if (!state.screening?.uid)
      return {
        code: 'conflict',
        message: 'this screening sent no invitation to answer (scheduled before invitations)',
      };
    if (now >= ms(state.screening.at))
      return { code: 'conflict', message: 'the screening has started: its answer can no longer change' };
    return undefined;
  },
  apply: (state, input, actor, now, changes) => answerScreening(state, input, actor, now, changes),
};

/** A screening no-show sends the applicant back to applied once; a second one ends the application. */
export const noShowsAllowed = 1;

export interface RecordScreeningInput {
  attended: boolean;
  /** Whether the applicant goes on (asked only of one who came). */
  advance?: boolean;
  notes?: string;
}

export const recordScreening: ActionDefinition<RecordScreeningInput> = {
  stages: ['screening'],
  revertible: true,
  input: [
    {
      name: 'attended',
      label: 'field.attended',
      kind: 'yesno',
      description: 'false: a no-show (back to applied once)',
    },
    {
      name: 'advance',
      label: 'field.advance',
      kind: 'yesno',
      requiredWhen: { field: 'attended', equals: true },
      description: 'Whether the applicant goes on to the role-play (asked when attended)',
    },
    notesField,
  ],
  /** Most people come and go on: the form starts there. */
  form: () =>
    formFieldsOf(recordScreening.input).map((f) =>
      f.name === 'attended' || f.name === 'advance' ? { ...f, value: true } : f,
    ),
  next(_stage, { attended, advance, earlierNoShows }) {
    if (!attended) return (earlierNoShows ?? 0) < noShowsAllowed ? 'applied' : 'not_selected';
    return advance ? 'role_play' : 'not_selected';
  },
  apply(state, { attended, advance, notes }, actor, now, changes) {
    const to = recordScreening.next!('screening', { attended, advance, earlierNoShows: state.noShows });
    if (!attended) state.noShows += 1;
    move(
      state,
      to,
      actor,
      attended ? notes : to === 'applied' ? 'no-show at screening' : 'no-show at screening again',
      now,
      changes,
    );
    return false;
  },
};

export interface RecordRolePlayInput {
  scores: Record<string, number>;
  decision: 'offer' | 'reject';
  /** The terms; the stipend a month in major units, or in minor units (`stipendMinor`, the form's; see toWorkflow). */
  offer?: { hoursPerWeek: number; startDate: string; stipend?: number; stipendMinor?: number };
  notes?: string;
}

export const recordRolePlay: ActionDefinition<RecordRolePlayInput> = {
  stages: ['role_play'],
  revertible: true,
  input: [
    {
      name: 'scores',
      label: 'field.scores',
      kind: 'scores',
      example: { listening: 4, agitation: 3 },
    },
    {
      name: 'decision',
      label: 'field.decision',
      kind: 'choice',
      options: ['offer', 'reject'],
      optionLabels: ['field.decisionOffer', 'field.decisionReject'],
    },
    {
      name: 'offer',
      label: 'field.offer',
      kind: 'group',
      requiredWhen: { field: 'decision', equals: 'offer' },
      description: 'Required when decision is offer',
      fields: [
        {
          name: 'hoursPerWeek',
          label: 'field.hoursPerWeek',
          kind: 'decimal',
          min: 1,
          max: 80,
          step: 0.25,
          example: 10,
        },
        { name: 'startDate', label: 'field.startDate', kind: 'moment', example: '2027-02-01' },
        {
          name: 'stipend',
          label: 'field.stipend',
          kind: 'decimal',
          min: 0,
          max: 1_000_000,
          optional: true,
          example: 1500,
          description:
            "Stipend per month in the currency's major units (1500 is 1,500 dollars); stipendMinor is preferred",
        },
        {
          name: 'stipendMinor',
          label: 'field.stipend',
          kind: 'money',
          max: 100_000_000,
          notWith: 'stipend',
          optional: true,
          example: 150000,
          description:
            "Stipend per month in whole minor units (cents) of the program's pay currency; instead of stipend",
        },
      ],
    },
    notesField,
  ] satisfies InputField[],
  form({ policy, timezone, now }) {
    const scores = (policy.rolePlayRubric ?? []).map((criterion) => ({
      name: `scores.${criterion}`,
      label: said('field.score', { criterion: capitalized(criterion) }),
      kind: 'count' as const,
      required: true,
      min: 1,
      max: 5,
    }));
    const offer = withFields(formFieldsOf(recordRolePlay.input), {
      decision: { value: 'offer' },
      'offer.hoursPerWeek': { value: policy.hoursPerWeek },
      'offer.startDate': { kind: 'day', value: localDayOf(now, timezone) },
      'offer.stipendMinor': { label: said('field.stipendIn', { currency: offerCurrency(policy) }) },
    });
    return [...scores, ...offer];
  },
  refusal(state, input) {
    if (input.decision === 'offer' && !input.offer)
      return { code: 'invalid', message: 'offer is required when decision is offer' };
    const rubric = rules2(state) ? state.policy.rolePlayRubric : undefined;
    if (!rubric) return undefined;
    const scored = Object.keys(input.scores);
    const unknown = scored.filter((c) => !rubric.includes(c));
    const missing = rubric.filter((c) => !scored.includes(c));
    if (!unknown.length && !missing.length) return undefined;
    return {
      code: 'invalid',
      message: `scores must give each of the program's criteria (${rubric.join(', ')}) a score from 1 to 5${
        missing.length ? `; missing: ${missing.join(', ')}` : ''
      }${unknown.length ? `; not criteria of this program: ${unknown.join(', ')}` : ''}`,
    };
  },
  /** The stipend in major units, as the offer keeps it. */
  toWorkflow({ offer, ...input }) {
    if (offer?.stipendMinor === undefined) return { ...input, ...(offer ? { offer } : {}) };
    const { stipendMinor, ...terms } = offer;
    return { ...input, offer: { ...terms, stipend: stipendMinor / 100 } };
  },
  next: (_stage, { decision }) => (decision === 'offer' ? 'offered' : 'not_selected'),
  apply(state, { decision, scores, offer, notes }, actor, now, changes) {
    state.rolePlay = { scores, decision, scoredBy: actor.id, scoredAt: iso(now) };
    const to = recordRolePlay.next!('role_play', { decision });
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
    return false;
  },
};

export interface RespondOfferInput {
  accepted: boolean;
}

export const respondOffer: ActionDefinition<RespondOfferInput> = {
  stages: ['offered'],
  revertible: true,
  organizerMay: true,
  input: [
    {
      name: 'accepted',
      label: 'field.accepted',
      kind: 'yesno',
      yesLabel: 'field.accept',
      noLabel: 'field.decline',
    },
  ],
  next: (_stage, { accepted }) => (accepted ? 'training' : 'declined'),
  apply(state, { accepted }, actor, now, changes) {
    const to = respondOffer.next!('offered', { accepted });
    move(state, to, actor, accepted ? 'offer accepted' : 'offer declined', now, changes);
    return false;
  },
};

export interface ReasonInput {
  reason: string;
}

/** Reject, withdraw, terminate: the record closes, with the reason given. */
const closing = (
  to: 'not_selected' | 'withdrawn' | 'terminated',
  stages: ActionDefinition<ReasonInput>['stages'],
  organizerMay = false,
): ActionDefinition<ReasonInput> => ({
  stages,
  organizerMay,
  input: [reasonField({ example: 'moved out of the district' })],
  next: () => to,
  apply(state, input, actor, now, changes) {
    if (state.stage === 'screening') cancelScreening(state, now, changes);
    move(state, to, actor, input.reason, now, changes);
    return false;
  },
});

export const reject = closing('not_selected', ['applied', 'screening', 'role_play']);
export const withdraw = closing('withdrawn', openStages, true);
export const terminate = closing('terminated', ['training', 'ride_along', 'active']);
