// A screening's invitation (fifth rules): the applicant's calendar event and its copy for the coordinator, the answer
// the applicant gives by link, the reminder the day before, and the event cancelled when they leave before it.
import { dayBeforeAt } from '../calendar';
import type { Actor, Changes, OrganizerState, Screening } from '../organizer';
import { screeningReminderAt } from '../policy';
import { announce, notify, resolve } from './notices';
import { rules5 } from './rules';
import { iso, ms, saidOf } from './time';

/** What a message about one version of the event is keyed by: each version is sent once. */
export const eventKey = (screening: Screening) => `${screening.uid}:${screening.sequence ?? 0}`;

/** The event's UID: one per person and session (a screening alone is its own, numbered by the record's history). */
function eventUid(state: OrganizerState, sessionId: string | undefined): string {
  return sessionId ? `screening-${sessionId}-${state.organizerId}` : `screening-${state.organizerId}-${state.seq}`;
}

function words(state: OrganizerState, screening: Screening, extra: Record<string, string> = {}) {
  return { name: state.name, at: screening.at, location: screening.location, ...extra };
}

/**
 * Sets the screening and, under the fifth rules, invites the applicant and, for a screening alone, the coordinator (a
 * group session's staff get the session's one invitation instead). Scheduled, it is a new event (a screening after a
 * no-show too); `moved`, the same event with a higher sequence, the answer asked again. A person moved on their own
 * leaves their group session.
 */
export function setScreening(
  state: OrganizerState,
  set: { at: string; location: string; sessionId?: string },
  moved: boolean,
  actor: Actor,
  now: number,
  changes: Changes,
): void {
  const before = moved ? state.screening : undefined;
  const screening: Screening = { at: set.at, location: set.location };
  if (set.sessionId) screening.sessionId = set.sessionId;
  state.screening = screening;
  if (!rules5(state)) return;
  screening.uid = before?.uid ?? eventUid(state, set.sessionId);
  screening.sequence = before?.uid ? (before.sequence ?? 0) + 1 : 0;
  const remindAt = dayBeforeAt(ms(set.at), screeningReminderAt(state.policy), state.timezone ?? 'UTC');
  if (remindAt > now) Object.assign(screening, { remindAt: iso(remindAt), reminded: false });
  // A moved screening asks again: an answer about the old time says nothing about the new one.
  resolve(state, changes, (n) => n.kind === 'screening_cant_come', now, actor);
  const said = saidOf(state, 'reminder.screening_invitation.summary', words(state, screening));
  announce(state, changes, 'screening_invitation', eventKey(screening), 'organizer', now, said);
  if (!screening.sessionId)
    announce(state, changes, 'screening_invitation', `${eventKey(screening)}:staff`, 'coordinator', now, said);
}

/** The applicant's answer; "I can't come" is a to-do for the coordinator until answered otherwise or moved. */
export function answerScreening(
  state: OrganizerState,
  answer: { coming: boolean; note?: string },
  actor: Actor,
  now: number,
  changes: Changes,
): boolean {
  const screening = state.screening!;
  const was = screening.rsvp;
  if (was && was.coming === answer.coming && was.note === answer.note) return false;
  screening.rsvp = { coming: answer.coming, ...(answer.note ? { note: answer.note } : {}), at: iso(now) };
  const open = state.openNotifications.some((n) => n.kind === 'screening_cant_come');
  if (answer.coming) resolve(state, changes, (n) => n.kind === 'screening_cant_come', now, actor);
  // Once on the coordinator's list, "can't come" stays one to-do however often its note changes.
  else if (!open) {
    const said = saidOf(
      state,
      answer.note ? 'reminder.screening_cant_come.summaryWithNote' : 'reminder.screening_cant_come.summary',
      words(state, screening, answer.note ? { note: answer.note } : {}),
    );
    notify(state, changes, 'screening_cant_come', `${eventKey(screening)}:${now}`, 'coordinator', now, said);
  }
  return true;
}

/**
 * A withdrawal reopened back to a screening: one still ahead is invited to again (its event, cancelled when they left,
 * comes back with a higher sequence); one whose time has passed sends nothing more.
 */
export function resumeScreening(state: OrganizerState, actor: Actor, now: number, changes: Changes): void {
  const screening = state.screening;
  if (!screening) return;
  if (ms(screening.at) > now) setScreening(state, screening, true, actor, now, changes);
  else screening.reminded = true;
}

/** A screening still ahead, cancelled because the applicant leaves before it: its event is called off. */
export function cancelScreening(state: OrganizerState, now: number, changes: Changes): void {
  const screening = state.screening;
  if (!screening?.uid || !rules5(state) || ms(screening.at) <= now) return;
  screening.sequence = (screening.sequence ?? 0) + 1;
  const said = saidOf(state, 'reminder.screening_cancelled.summary', words(state, screening));
  announce(state, changes, 'screening_cancelled', eventKey(screening), 'organizer', now, said);
  if (!screening.sessionId)
    announce(state, changes, 'screening_cancelled', `${eventKey(screening)}:staff`, 'coordinator', now, said);
}

/** The reminder the day before, unless the applicant said they cannot come. */
export function screeningReminder(state: OrganizerState): { at: number; fire: (changes: Changes) => void } | undefined {
  const screening = state.screening;
  if (state.stage !== 'screening' || !screening?.remindAt || screening.reminded) return undefined;
  const at = ms(screening.remindAt);
  return {
    at,
    fire: (changes) => {
      screening.reminded = true;
      if (screening.rsvp?.coming === false) return;
      const said = saidOf(state, 'reminder.screening_reminder.summary', words(state, screening));
      announce(state, changes, 'screening_reminder', eventKey(screening), 'organizer', at, said);
    },
  };
}
