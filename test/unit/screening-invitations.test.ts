// A screening's invitation on the pure lifecycle (issue 30, fifth rules): the event's UID and SEQUENCE, the answer and
// the to-do "can't come" makes, the reminder the day before at the program's morning, the event cancelled on leaving.
import { refusal } from '../../src/domain/lifecycle';
import type { Changes } from '../../src/domain/organizer';
import { aPolicy } from '../support/builders';
import { day, minute, OrganizerDriver, request } from '../support/organizer-states';

const timezone = 'America/Chicago';
// Thursday 14 January 2027 17:30 in Chicago.
const screeningAt = '2027-01-14T23:30:00.000Z';

function applicant(rules = 5, policy = aPolicy()) {
  return OrganizerDriver.start({ policy, rules, timezone, at: Date.parse('2027-01-05T15:00:00.000Z') });
}

const sent = (changes: Changes) =>
  changes.notifications.map((n) => [n.kind, n.recipientRole, n.id.split(':').slice(2).join(':')]);

describe("a screening's invitation", () => {
  it('invites the applicant and the coordinator, answered at once, and sets the reminder for the morning before', () => {
    const organizer = applicant();
    const changes = organizer.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    const { uid } = organizer.state.screening!;
    expect(uid).toMatch(new RegExp(`^screening-${organizer.state.organizerId}-\\d+$`));
    expect(sent(changes)).toEqual([
      ['screening_invitation', 'organizer', `${uid}:0`],
      ['screening_invitation', 'coordinator', `${uid}:0:staff`],
    ]);
    // Nothing to do about an invitation: answered as raised, never open.
    expect(changes.resolutions.map((r) => r.id)).toEqual(changes.notifications.map((n) => n.id));
    expect(organizer.state.openNotifications).toEqual([]);
    // Wednesday 13 January, 09:00 in Chicago.
    expect(organizer.state.screening).toMatchObject({ sequence: 0, remindAt: '2027-01-13T15:00:00.000Z' });
  });

  it('moves the same event with a higher sequence, and asks again', () => {
    const organizer = applicant(5, aPolicy({ screeningReminderAt: '18:30' }));
    organizer.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    const { uid } = organizer.state.screening!;
    organizer.act('respond-screening', { coming: false, note: 'I work Thursdays' });
    expect(organizer.state.openNotifications.map((n) => n.kind)).toEqual(['screening_cant_come']);
    const moved = organizer.act('reschedule-screening', { at: '2027-01-16T16:00:00.000Z', location: 'Library' });
    expect(organizer.state.screening).toMatchObject({ uid, sequence: 1, remindAt: '2027-01-16T00:30:00.000Z' });
    expect(organizer.state.screening!.rsvp).toBeUndefined();
    expect(sent(moved).map(([kind, , key]) => [kind, key])).toEqual([
      ['screening_invitation', `${uid}:1`],
      ['screening_invitation', `${uid}:1:staff`],
    ]);
    // The "can't come" to-do is answered by the move.
    expect(organizer.state.openNotifications).toEqual([]);
  });

  it('puts "can\'t come" on the coordinator\'s list until they say they will come; refuses an answer once it starts', () => {
    const organizer = applicant();
    organizer.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    const no = organizer.act('respond-screening', { coming: false });
    expect(no.notifications.map((n) => [n.kind, n.recipientRole])).toEqual([['screening_cant_come', 'coordinator']]);
    expect(organizer.state.screening!.rsvp).toMatchObject({ coming: false });
    // The same answer again changes nothing.
    const version = organizer.state.version;
    organizer.act('respond-screening', { coming: false });
    expect(organizer.state.version).toBe(version);
    const yes = organizer.act('respond-screening', { coming: true });
    expect(yes.resolutions.map((r) => r.id)).toEqual([no.notifications[0].id]);
    organizer.advance(Date.parse(screeningAt) - organizer.now);
    expect(refusal(organizer.state, request('respond-screening', { coming: false }), organizer.now)).toEqual({
      code: 'conflict',
      message: 'the screening has started: its answer can no longer change',
    });
  });

  it("reminds the applicant the morning before, unless they said they can't come", () => {
    const coming = applicant();
    coming.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    const fired = coming.advance(Date.parse('2027-01-13T15:00:00.000Z') - coming.now);
    const { uid } = coming.state.screening!;
    expect(sent(fired)).toEqual([['screening_reminder', 'organizer', `${uid}:0`]]);
    expect(coming.advance(day).notifications).toEqual([]);

    const away = applicant();
    away.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    away.act('respond-screening', { coming: false });
    expect(away.advance(8 * day).notifications.map((n) => n.kind)).not.toContain('screening_reminder');
  });

  it('sets no reminder for a screening less than a day ahead', () => {
    const organizer = applicant();
    organizer.act('schedule-screening', { at: new Date(organizer.now + 3 * 60 * minute).toISOString(), location: 'x' });
    expect(organizer.state.screening!.remindAt).toBeUndefined();
  });

  it('cancels the event when the applicant leaves before it, with the next sequence', () => {
    const organizer = applicant();
    organizer.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    const { uid } = organizer.state.screening!;
    const left = organizer.act('withdraw', { reason: 'moved away' });
    expect(sent(left)).toEqual([
      ['screening_cancelled', 'organizer', `${uid}:1`],
      ['screening_cancelled', 'coordinator', `${uid}:1:staff`],
    ]);
  });

  it("gives a group session's people one UID each under the session, and the coordinator no copy each", () => {
    const organizer = applicant();
    const changes = organizer.act('schedule-screening', {
      at: screeningAt,
      location: 'Local 12 hall',
      sessionId: 'session-7',
    });
    const uid = `screening-session-7-${organizer.state.organizerId}`;
    expect(sent(changes)).toEqual([['screening_invitation', 'organizer', `${uid}:0`]]);
  });

  it('sends nothing under earlier rules (runs recorded before keep them)', () => {
    const organizer = applicant(4);
    const changes = organizer.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    expect(changes.notifications).toEqual([]);
    expect(organizer.state.screening).toEqual({ at: screeningAt, location: 'Local 12 hall' });
  });

  it('makes a screening after a no-show a new event, and a group member moved alone leaves the session', () => {
    const organizer = applicant();
    organizer.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall', sessionId: 'session-7' });
    const first = organizer.state.screening!.uid;
    organizer.advance(Date.parse(screeningAt) - organizer.now + minute);
    organizer.act('record-screening', { attended: false });
    const again = organizer.act('schedule-screening', { at: '2027-01-21T23:30:00.000Z', location: 'Library' });
    const second = organizer.state.screening!;
    expect(second.uid).not.toBe(first);
    expect(second).toMatchObject({ sequence: 0 });
    expect(second.sessionId).toBeUndefined();
    // A screening alone: the coordinator gets their copy.
    expect(sent(again).map(([, role]) => role)).toEqual(['organizer', 'coordinator']);

    const member = applicant();
    member.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall', sessionId: 'session-7' });
    const moved = member.act('reschedule-screening', { at: '2027-01-15T23:30:00.000Z', location: 'Library' });
    expect(member.state.screening).toMatchObject({
      uid: `screening-session-7-${member.state.organizerId}`,
      sequence: 1,
    });
    expect(member.state.screening!.sessionId).toBeUndefined();
    expect(sent(moved).map(([, role]) => role)).toEqual(['organizer', 'coordinator']);
  });

  it('keeps one "can\'t come" to-do while the note changes, and refuses an answer where no invitation went', () => {
    const organizer = applicant();
    organizer.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    organizer.act('respond-screening', { coming: false, note: 'work' });
    const changed = organizer.act('respond-screening', { coming: false, note: 'night shift' });
    expect(changed.notifications).toEqual([]);
    expect(organizer.state.openNotifications.map((n) => n.kind)).toEqual(['screening_cant_come']);

    const earlier = applicant(4);
    earlier.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    expect(refusal(earlier.state, request('respond-screening', { coming: true }), earlier.now)?.message).toMatch(
      /sent no invitation/,
    );
  });

  it('invites again to a screening still ahead when a withdrawal from it is reopened', () => {
    const organizer = applicant();
    organizer.act('schedule-screening', { at: screeningAt, location: 'Local 12 hall' });
    const { uid } = organizer.state.screening!;
    organizer.act('withdraw', { reason: 'wrong person' });
    const reopened = organizer.act('reopen', { reason: 'withdrawn by mistake' });
    expect(organizer.state.stage).toBe('screening');
    expect(organizer.state.screening).toMatchObject({ uid, sequence: 2, reminded: false });
    expect(sent(reopened).map(([kind, , key]) => [kind, key])).toEqual([
      ['screening_invitation', `${uid}:2`],
      ['screening_invitation', `${uid}:2:staff`],
    ]);
  });
});
