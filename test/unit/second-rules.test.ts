// The second rules (issue 14), on the pure lifecycle: calendar deadlines in the program's zone, nudges, pauses on the
// calendar, at risk cleared only when nothing is overdue, stage limits for training and ride-alongs, ride-along dates
// and the rolling forecast, the rubric. Each against the first rules where they differ.
import { refusal } from '../../src/domain/lifecycle';
import { currentRules } from '../../src/domain/organizer';
import { aPolicy } from '../support/builders';
import { day, minute, organizerIn, OrganizerDriver, request } from '../support/organizer-states';
import { weekdayAndTime } from '../support/wall-clock';
import { say } from '../../src/words/say';

const zone = 'America/Chicago';
const hour = 60 * minute;
const chicago = (instant: string) => weekdayAndTime(instant, zone);
const second = { rules: currentRules, timezone: zone };

describe('the second rules', () => {
  it('closes debrief periods on Fridays at 17:00 in the program zone, the first at least half a week after it starts', () => {
    const organizer = organizerIn('active', aPolicy(), second);
    const [first] = organizer.state.periods;
    expect(chicago(first.end)).toBe('Friday 17:00');
    expect(Date.parse(first.end) - Date.parse(first.start)).toBeGreaterThanOrEqual(3.5 * day);
    // The nudge goes out a day before the due time; overdue a day after it (the grace).
    expect(Date.parse(first.end) - Date.parse(first.nudgeAt!)).toBe(day);
    expect(Date.parse(first.overdueAt) - Date.parse(first.end)).toBe(day);
    organizer.advance(Date.parse(first.end) - organizer.now + minute);
    const [, next] = organizer.state.periods;
    expect(next.start).toBe(first.end);
    expect(chicago(next.end)).toBe('Friday 17:00');
  });

  it('keeps plain intervals under the first rules, and for policies in seconds', () => {
    const first = organizerIn('active', aPolicy(), { timezone: zone });
    expect(Date.parse(first.state.periods[0].end) - Date.parse(first.state.periods[0].start)).toBe(7 * day);
    const seconds = organizerIn('active', aPolicy({ debriefEvery: '4 seconds' }), second);
    expect(Date.parse(seconds.state.periods[0].end) - Date.parse(seconds.state.periods[0].start)).toBe(4_000);
  });

  it('follows a Friday 17:00 across the spring change: 23:00Z in winter, 22:00Z in summer', () => {
    const organizer = organizerIn('active', aPolicy(), { ...second, at: Date.parse('2027-02-22T15:00:00Z') });
    organizer.advance(Date.parse('2027-04-01T00:00:00Z') - organizer.now);
    const ends = organizer.state.periods.map((p) => p.end);
    expect(ends.every((end) => chicago(end) === 'Friday 17:00')).toBe(true);
    expect(ends).toContain('2027-03-05T23:00:00.000Z');
    expect(ends).toContain('2027-03-19T22:00:00.000Z');
  });

  it('owes debriefs from the later of activation, the offer start date and the term start', () => {
    const termStart = '2027-01-04T06:00:00.000Z'; // Monday 4 January, midnight in Chicago
    const organizer = organizerIn('active', aPolicy(), {
      ...second,
      at: Date.parse('2026-12-01T15:00:00Z'),
      termStart,
    });
    const [first] = organizer.state.periods;
    expect(first.start).toBe(termStart);
    expect(first.end).toBe('2027-01-08T23:00:00.000Z'); // Friday 8 January, 17:00 in Chicago
    expect(refusal(organizer.state, request('submit-debrief'), organizer.now)).toMatchObject({ code: 'invalid' });
  });

  it('closes monthly periods on the day of the month (the last day of a shorter month)', () => {
    const policy = aPolicy({ debriefEvery: '1 month', debriefDue: { dayOfMonth: 31, time: '17:00' } });
    const organizer = organizerIn('active', policy, { ...second, at: Date.parse('2027-01-04T15:00:00Z') });
    organizer.advance(Date.parse('2027-04-15T00:00:00Z') - organizer.now);
    expect(organizer.state.periods.map((p) => p.end)).toEqual([
      '2027-01-31T23:00:00.000Z',
      '2027-02-28T23:00:00.000Z',
      '2027-03-31T22:00:00.000Z',
      '2027-04-30T22:00:00.000Z',
    ]);
  });

  it('nudges before the due time, and a debrief resolves the nudge', () => {
    const organizer = organizerIn('active', aPolicy(), second);
    const [first] = organizer.state.periods;
    const raised = organizer.advance(Date.parse(first.nudgeAt!) - organizer.now);
    expect(raised.notifications).toEqual([
      expect.objectContaining({ kind: 'debrief_due_soon', recipientRole: 'organizer', createdAt: first.nudgeAt }),
    ]);
    expect(say(raised.notifications[0].said!)).toMatch(/is due Friday, .* at 17:00 \(America\/Chicago\)$/);
    const answered = organizer.act('submit-debrief', {
      periodStart: first.start,
      hours: 5,
      conversations: 1,
      oneOnOnes: 0,
      leadersIdentified: 0,
      inPerson: false,
      group: false,
    });
    expect(answered.resolutions.map((r) => r.id)).toEqual([raised.notifications[0].id]);
  });

  it('moves nothing on the calendar for a pause: a period wholly inside it owes nothing, one that fell due gets the grace again', () => {
    const organizer = organizerIn('active', aPolicy(), second);
    const [first] = organizer.state.periods;
    organizer.advance(Date.parse(first.end) - 2 * day - organizer.now);
    organizer.act('pause', { reason: 'surgery' });
    organizer.advance(17 * day); // two more Fridays pass while paused
    expect(organizer.state.periods).toHaveLength(1);
    organizer.act('resume', {});
    const periods = organizer.state.periods;
    expect(periods).toHaveLength(2);
    expect(periods[0].end).toBe(first.end); // its due time stands
    expect(Date.parse(periods[0].overdueAt)).toBe(organizer.now + day); // a grace from the return
    expect(chicago(periods[1].start)).toBe('Friday 17:00');
    expect(Date.parse(periods[1].start)).toBeLessThanOrEqual(organizer.now);
    expect(Date.parse(periods[1].end)).toBeGreaterThan(organizer.now); // the period running now
  });

  it('clears at risk only once no debrief is overdue (the first rules cleared it on any debrief)', () => {
    for (const [rules, clearedAfterOne] of [
      [second, false],
      [{ timezone: zone }, true],
    ] as const) {
      const organizer = organizerIn('active', aPolicy(), rules);
      organizer.advance(3 * 7 * day);
      expect(organizer.state.atRisk).toBe(true);
      const overdue = organizer.state.periods.filter((p) => p.overdue);
      expect(overdue.length).toBeGreaterThanOrEqual(2);
      const debrief = { hours: 5, conversations: 1, oneOnOnes: 0, leadersIdentified: 0, inPerson: false, group: false };
      organizer.act('submit-debrief', { periodStart: overdue[0].start, ...debrief });
      expect(organizer.state.atRisk).toBe(!clearedAfterOne);
      for (const period of overdue.slice(1)) organizer.act('submit-debrief', { periodStart: period.start, ...debrief });
      expect(organizer.state.atRisk).toBe(false);
    }
  });

  it('reminds the coordinator when training or ride-alongs take longer than their stage limit', () => {
    const organizer = organizerIn('training', aPolicy({ stageSla: { training: '21 days' } }), second);
    const raised = organizer.advance(21 * day);
    expect(raised.notifications.map((n) => [n.kind, n.recipientRole])).toEqual([['stage_stalled', 'coordinator']]);
    const firstRules = organizerIn('training', aPolicy(), { timezone: zone });
    expect(firstRules.advance(60 * day).notifications.filter((n) => n.kind === 'stage_stalled')).toEqual([]);
  });

  it('refuses a ride-along dated in the future or before the hire, naming the date', () => {
    const organizer = organizerIn('active', aPolicy(), second);
    const future = refusal(
      organizer.state,
      request('record-ride-along', { date: '2031-05-01', staff: 'Jo' }),
      organizer.now,
    );
    expect(future).toEqual({
      code: 'invalid',
      message: 'date 2031-05-01 is in the future; a ride-along is recorded once it happened',
    });
    const before = refusal(
      organizer.state,
      request('record-ride-along', { date: '2019-05-01', staff: 'Jo' }),
      organizer.now,
    );
    expect(before?.message).toMatch(/^date 2019-05-01 is before the organizer was hired \(2026-01-05\)$/);
    const firstRules = organizerIn('active', aPolicy(), { timezone: zone });
    expect(
      refusal(firstRules.state, request('record-ride-along', { date: '2019-05-01', staff: 'Jo' }), firstRules.now),
    ).toBeUndefined();
  });

  it('forecasts ride-alongs over the rolling window, reminding once when the pace falls short', () => {
    const policy = aPolicy({ requiredRideAlongs: 20, rideAlongWindow: '120 days' });
    const organizer = organizerIn('active', policy, second);
    const raised = organizer.advance(11 * day); // the first check comes a twelfth of the window after hire
    const behind = raised.notifications.filter((n) => n.kind === 'ride_alongs_behind');
    expect(behind).toHaveLength(1);
    expect(say(behind[0].said!)).toMatch(/at .*'s pace so far, \d+ of 20 ride-alongs will be done by /);
    // Due when the window closes, 120 days after hire, as the workflow says (Today reads it from the row).
    expect(behind[0].dueAt).toBe(new Date(Date.parse(organizer.state.hiredAt!) + 120 * day).toISOString());
    expect(organizer.advance(30 * day).notifications.filter((n) => n.kind === 'ride_alongs_behind')).toEqual([]);
  });

  it("refuses role-play scores that do not follow the program's rubric, and records who scored when", () => {
    const organizer = organizerIn('role_play', aPolicy(), second);
    const partial = refusal(
      organizer.state,
      request('record-role-play', { scores: { listening: 4 }, decision: 'reject' }),
      organizer.now,
    );
    expect(partial?.message).toMatch(
      /^scores must give each of the program's criteria .*; missing: agitation, asking for commitment, story of self$/,
    );
    const scores = { listening: 4, agitation: 3, 'asking for commitment': 5, 'story of self': 4 };
    organizer.act('record-role-play', { scores, decision: 'reject' });
    expect(organizer.state.rolePlay).toEqual({
      scores,
      decision: 'reject',
      scoredBy: expect.any(String),
      scoredAt: new Date(organizer.now).toISOString(),
    });
    const firstRules = organizerIn('role_play', aPolicy(), { timezone: zone });
    expect(
      refusal(
        firstRules.state,
        request('record-role-play', { scores: { listening: 4 }, decision: 'reject' }),
        firstRules.now,
      ),
    ).toBeUndefined();
  });

  it('gives the first hiring period a limit it did not have only under the second rules', () => {
    const organizer = OrganizerDriver.start({ ...second });
    expect(organizer.state.rules).toBe(currentRules);
    expect(OrganizerDriver.start({}).state.rules).toBeUndefined();
    expect(hour).toBe(3_600_000);
  });
});
