// Reopening a closed record (issue 29), on the pure lifecycle: where each closed stage goes back to, what an
// ineligible application is checked against, and what is refused.
import { fireDeadlines, refusal, undoUntil } from '../../src/domain/lifecycle';
import { aPolicy, attestations } from '../support/builders';
import { day, minute, organizerIn, request } from '../support/organizer-states';

const reason = 'entered on the wrong person';

describe('reopening a closed record', () => {
  it('checks an ineligible application again with its corrected answers, and says which still fail', () => {
    const organizer = organizerIn('ineligible');
    expect(organizer.state.ineligibleReasons).toEqual(['not a current member']);
    const still = refusal(
      organizer.state,
      request('reopen', { reason, attestations: attestations({ currentMember: false, weeklyHours: 2 }) }),
      organizer.now,
    );
    expect(still).toEqual({
      code: 'conflict',
      message: 'still not eligible: not a current member; commits 2 hours a week; the program asks 10',
    });
    const offRoster = refusal(
      organizer.state,
      request('reopen', { reason, attestations: attestations(), roster: { hasRoster: true, onRoster: false } }),
      organizer.now,
    );
    expect(offRoster?.message).toBe("still not eligible: not on the program's member roster");

    const changes = organizer.act('reopen', { reason, attestations: attestations({ currentLeader: true }) });
    expect(organizer.state).toMatchObject({ stage: 'applied', ineligibleReasons: [], flags: ['current_leader'] });
    expect(changes.transitions).toEqual([expect.objectContaining({ from: 'ineligible', to: 'applied', reason })]);
  });

  it('asks for the answers where a record kept none (recorded before it kept them)', () => {
    const organizer = organizerIn('ineligible');
    delete organizer.state.attestations;
    expect(refusal(organizer.state, request('reopen', { reason }), organizer.now)?.code).toBe('invalid');
  });

  it('takes a withdrawn hire back to the stage it left, keeping when it was hired and what it owes', () => {
    const organizer = organizerIn('active');
    const hiredAt = organizer.state.hiredAt;
    organizer.advance(minute);
    organizer.act('withdraw', { reason: 'wrong person' });
    expect(organizer.state).toMatchObject({ stage: 'withdrawn', closedFrom: 'active' });
    organizer.advance(minute);
    organizer.act('reopen', { reason });
    expect(organizer.state).toMatchObject({ stage: 'active', hiredAt });
    expect(organizer.state.closedFrom).toBeUndefined();
    // Its debriefs are owed again: the open period falls overdue when its time comes.
    const overdueAt = Date.parse(organizer.state.periods[0].overdueAt);
    const fired = fireDeadlines(organizer.state, overdueAt + minute);
    expect(fired.notifications.map((n) => n.kind)).toContain('debrief_overdue');
  });

  it('takes a withdrawn trainee back to training, and other closed applications back to applied', () => {
    const trainee = organizerIn('training');
    const hiredAt = trainee.state.hiredAt;
    trainee.act('withdraw', { reason: 'wrong person' });
    trainee.advance(day);
    trainee.act('reopen', { reason });
    expect(trainee.state).toMatchObject({ stage: 'training', hiredAt });

    const noShow = organizerIn('screening');
    noShow.act('record-screening', { attended: false });
    noShow.act('schedule-screening', { at: '2026-01-20T17:00:00Z', location: 'hall' });
    noShow.act('record-screening', { attended: false });
    expect(noShow.state).toMatchObject({ stage: 'not_selected', noShows: 2 });
    noShow.act('reopen', { reason: 'she was there: recorded on the wrong person' });
    expect(noShow.state).toMatchObject({ stage: 'applied', noShows: 0 });
    expect(noShow.state.screening).toBeUndefined();

    const declined = organizerIn('declined');
    declined.act('reopen', { reason: 'clicked decline by mistake' });
    expect(declined.state).toMatchObject({ stage: 'applied' });
    expect(declined.state.offer).toBeUndefined();
  });

  it('takes a withdrawal from an open offer back to the role-play (the offer is gone), and owes no gap', () => {
    const offered = organizerIn('offered');
    offered.act('withdraw', { reason: 'wrong person' });
    offered.act('reopen', { reason });
    expect(offered.state).toMatchObject({ stage: 'role_play' });

    const active = organizerIn('active');
    active.act('withdraw', { reason: 'wrong person' });
    const periods = active.state.periods.length;
    active.advance(30 * day);
    active.act('reopen', { reason });
    // A new period from now, none for the month it was closed: nothing falls overdue at once.
    expect(active.state.periods).toHaveLength(periods + 1);
    expect(Date.parse(active.state.periods.at(-1)!.start)).toBe(active.now);
    expect(fireDeadlines(active.state, active.now + minute).notifications).toEqual([]);
    // The debrief it owed when it closed has the grace again, from now.
    const owed = active.state.periods[periods - 1];
    expect(owed.submittedAt).toBeUndefined();
    expect(Date.parse(owed.overdueAt)).toBeGreaterThan(active.now);
  });

  it("refuses an erased member's record, and a hire whose own term has ended", () => {
    const erased = organizerIn('applied');
    erased.act('withdraw', { reason: 'erased' });
    expect(refusal(erased.state, request('reopen', { reason }), erased.now)?.message).toMatch(/erased/);
    const ended = organizerIn('active');
    ended.act('withdraw', { reason: 'wrong person' });
    ended.advance(Date.parse(ended.state.endsAt!) - ended.now + minute);
    expect(refusal(ended.state, request('reopen', { reason }), ended.now)?.message).toMatch(
      /organizer's term has ended/,
    );
  });

  it('refuses once the program’s term has ended, and in any open stage', () => {
    const ended = organizerIn('not_selected', aPolicy(), { termEnd: '2026-01-05T16:00:00Z' });
    ended.advance(day);
    expect(refusal(ended.state, request('reopen', { reason }), ended.now)?.message).toMatch(/term has ended/);
    const open = organizerIn('applied');
    expect(refusal(open.state, request('reopen', { reason }), open.now)?.code).toBe('stage');
  });
});

describe('undoing the last hiring step', () => {
  const undo = { reason: 'recorded on the wrong person' };

  it('puts a screening result back: the stage before it, and both the step and its undoing in the history', () => {
    const organizer = organizerIn('screening');
    const screening = organizer.state.screening;
    const step = organizer.act('record-screening', { attended: true, advance: false });
    expect(organizer.state.stage).toBe('not_selected');
    expect(undoUntil(organizer.state)).toBe(new Date(organizer.now + 2 * day).toISOString());
    const undone = organizer.act('revert-step', undo);
    expect(organizer.state).toMatchObject({ stage: 'screening', screening });
    expect([...step.transitions, ...undone.transitions].map((t) => [t.from, t.to, t.reason])).toEqual([
      ['screening', 'not_selected', undefined],
      ['not_selected', 'screening', 'recorded on the wrong person'],
    ]);
    // Undone, nothing is left to undo.
    expect(undoUntil(organizer.state)).toBeNull();
    expect(refusal(organizer.state, request('revert-step', undo), organizer.now)?.code).toBe('stage');
  });

  it('puts a no-show back, its count with it', () => {
    const organizer = organizerIn('screening');
    organizer.act('record-screening', { attended: false });
    expect(organizer.state).toMatchObject({ stage: 'applied', noShows: 1 });
    organizer.act('revert-step', undo);
    expect(organizer.state).toMatchObject({ stage: 'screening', noShows: 0 });
  });

  it('puts an accepted offer back to answer: not hired, the offer standing as it was', () => {
    const organizer = organizerIn('offered');
    const offer = organizer.state.offer;
    organizer.act('respond-offer', { accepted: true });
    expect(organizer.state.hiredAt).toBeDefined();
    organizer.act('revert-step', undo);
    expect(organizer.state).toMatchObject({ stage: 'offered', offer });
    expect(organizer.state.hiredAt).toBeUndefined();
    expect(organizer.state.rideAlongCheck).toBeUndefined();
  });

  it('puts a role-play decision back, score and offer gone', () => {
    const organizer = organizerIn('offered');
    organizer.act('revert-step', undo);
    expect(organizer.state).toMatchObject({ stage: 'role_play' });
    expect(organizer.state.rolePlay).toBeUndefined();
    expect(organizer.state.offer).toBeUndefined();
  });

  it('raises a ride-alongs-behind reminder afresh for a hire undone and made again (a new key each time)', () => {
    const policy = aPolicy({ requiredRideAlongs: 6, rideAlongWindow: '12 days', offerExpiresAfter: '30 days' });
    const organizer = organizerIn('offered', policy, { rules: 4, timezone: 'America/Chicago' });
    organizer.act('respond-offer', { accepted: true });
    const first = organizer.advance(day + minute).notifications.filter((n) => n.kind === 'ride_alongs_behind');
    expect(first).toHaveLength(1);
    const undone = organizer.act('revert-step', undo);
    expect(undone.resolutions.map((r) => r.id)).toEqual([first[0].id]);
    organizer.act('respond-offer', { accepted: true });
    const again = organizer.advance(day + minute).notifications.filter((n) => n.kind === 'ride_alongs_behind');
    expect(again).toHaveLength(1);
    expect(again[0].id).not.toBe(first[0].id);
  });

  it('refuses to undo an answer to an offer that has lapsed since', () => {
    const organizer = organizerIn('offered');
    organizer.act('respond-offer', { accepted: true });
    organizer.advance(Date.parse(organizer.state.lastStep!.before.offer!.expiresAt) - organizer.now + minute);
    expect(refusal(organizer.state, request('revert-step', undo), organizer.now)?.message).toMatch(/has lapsed since/);
  });

  it('refuses outside the correction window, and once another action followed the step', () => {
    const late = organizerIn('role_play', aPolicy({ correctionWindow: '1 hour' }));
    late.advance(61 * minute);
    expect(refusal(late.state, request('revert-step', undo), late.now)?.message).toMatch(
      /^the last step \(record-screening, .*\) is older than the program's correction window \(1 hour\)$/,
    );
    const followed = organizerIn('role_play');
    followed.act('withdraw', { reason: 'moved' });
    expect(refusal(followed.state, request('revert-step', undo), followed.now)?.code).toBe('stage');
    const trained = organizerIn('training');
    trained.act('record-training', { training: 'orientation', completedAt: new Date(trained.now).toISOString() });
    trained.act('record-training', {
      training: 'one-on-one conversations',
      completedAt: new Date(trained.now).toISOString(),
    });
    trained.act('pause', { reason: 'leave' });
    expect(undoUntil(trained.state)).toBeNull();
  });

  it('takes back a training recorded, its record gone and the undoing in the history', () => {
    const organizer = organizerIn('training');
    const completedAt = new Date(organizer.now).toISOString();
    organizer.act('record-training', { training: 'orientation', completedAt });
    expect(undoUntil(organizer.state)).not.toBeNull();
    const undone = organizer.act('revert-step', undo);
    expect(organizer.state).toMatchObject({ stage: 'training', trainings: [] });
    expect(undone.trainings).toEqual([expect.objectContaining({ training: 'orientation', undone: true })]);
    expect(undone.transitions).toEqual([
      expect.objectContaining({ from: 'training', to: 'training', reason: 'recorded on the wrong person' }),
    ]);
    // Recorded again, it counts again.
    organizer.act('record-training', { training: 'orientation', completedAt });
    expect(organizer.state.trainings.map((t) => t.training)).toEqual(['orientation']);
  });

  it('takes back the last training, and the move to ride-alongs it made, the hire as it was', () => {
    const organizer = organizerIn('ride_along');
    expect(organizer.state.lastStep?.action).toBe('record-training');
    const { hiredAt, rideAlongCheck } = organizer.state;
    const trainings = organizer.state.trainings.length;
    organizer.advance(minute);
    organizer.act('revert-step', undo);
    expect(organizer.state).toMatchObject({ stage: 'training', hiredAt, rideAlongCheck });
    expect(organizer.state.trainings).toHaveLength(trainings - 1);
  });

  it('takes back a ride-along recorded once active, the reminder check as it was', () => {
    const organizer = organizerIn('active');
    organizer.advance(minute);
    const check = organizer.state.rideAlongCheck;
    const day2 = new Date(organizer.now).toISOString().slice(0, 10);
    organizer.act('record-ride-along', { date: day2, staff: 'Sam Ortiz' });
    const recorded = organizer.state.rideAlongs.length;
    const undone = organizer.act('revert-step', undo);
    expect(organizer.state).toMatchObject({ stage: 'active', rideAlongCheck: check });
    expect(organizer.state.rideAlongs).toHaveLength(recorded - 1);
    expect(undone.rideAlongs).toEqual([expect.objectContaining({ key: `${day2}|sam ortiz`, undone: true })]);
  });

  it('refuses to take back the ride-along that made the organizer active: debriefs and pay follow from it', () => {
    const organizer = organizerIn('active');
    expect(organizer.state.lastStep).toMatchObject({ action: 'record-ride-along', from: 'ride_along', to: 'active' });
    expect(undoUntil(organizer.state)).toBeNull();
    expect(refusal(organizer.state, request('revert-step', undo), organizer.now)?.message).toMatch(
      /made the organizer active/,
    );
  });
});
