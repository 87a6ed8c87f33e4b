// Hiring: a screening scheduled and recorded, a role-play scored, an offer answered; and closing a record.
import { durationMs } from '../../durations';
import { localDateTime } from '../../calendar';
import { nextStage } from '../../stage-machine';
import type { OpenStage } from '../../stages';
import { move, rules2 } from '../transitions';
import { iso, ms } from '../time';
import type { ActionEffect } from './definition';

export const scheduleScreening: ActionEffect<'schedule-screening'> = {
  apply(state, input, actor, now, changes) {
    state.screening = { at: input.at, location: input.location };
    const when = localDateTime(ms(input.at), state.timezone ?? 'UTC');
    move(
      state,
      nextStage('schedule-screening', state.stage as OpenStage),
      actor,
      `screening at ${input.location}, ${when}`,
      now,
      changes,
    );
    return false;
  },
};

export const recordScreening: ActionEffect<'record-screening'> = {
  apply(state, { attended, advance, notes }, actor, now, changes) {
    const to = nextStage('record-screening', state.stage as OpenStage, {
      attended,
      advance,
      earlierNoShows: state.noShows,
    });
    if (!attended) state.noShows += 1;
    const reason = !attended ? (to === 'applied' ? 'no-show at screening' : 'no-show at screening again') : notes;
    move(state, to, actor, reason, now, changes);
    return false;
  },
};

export const recordRolePlay: ActionEffect<'record-role-play'> = {
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
  apply(state, { decision, scores, offer, notes }, actor, now, changes) {
    state.rolePlay = { scores, decision, scoredBy: actor.id, scoredAt: iso(now) };
    const to = nextStage('record-role-play', state.stage as OpenStage, { decision });
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

export const respondOffer: ActionEffect<'respond-offer'> = {
  apply(state, { accepted }, actor, now, changes) {
    const to = nextStage('respond-offer', state.stage as OpenStage, { accepted });
    move(state, to, actor, accepted ? 'offer accepted' : 'offer declined', now, changes);
    return false;
  },
};

/** Reject, withdraw, terminate: the record closes, with the reason given. */
const closing = <A extends 'reject' | 'withdraw' | 'terminate'>(action: A): ActionEffect<A> => ({
  apply(state, input, actor, now, changes) {
    move(state, nextStage(action, state.stage as OpenStage), actor, input.reason, now, changes);
    return false;
  },
});

export const reject = closing('reject');
export const withdraw = closing('withdraw');
export const terminate = closing('terminate');
