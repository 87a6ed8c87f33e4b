import {
  changePolicy,
  changeTermEnd,
  eligibilityProblems,
  nextDebriefDueAt,
  overdueDebriefs,
  refusal,
  takeAction,
} from '../../src/domain/lifecycle';
import { aPolicy, anApplication, attestations } from '../support/builders';
import { day, minute, OrganizerDriver, organizerIn, request } from '../support/organizer-states';
import { say } from '../../src/words/say';

const iso = (ms: number) => new Date(ms).toISOString();
const kinds = (changes: { notifications: { kind: string }[] }) => changes.notifications.map((n) => n.kind);

describe('eligibility on application', () => {
  const policy = aPolicy();
  const noRoster = { hasRoster: false, onRoster: false };

  it('accepts a member who attests to everything the program requires', () => {
    expect(eligibilityProblems(anApplication(), policy, noRoster)).toEqual([]);
  });

  it('names every reason an applicant is ineligible', () => {
    const application = anApplication({
      attestations: attestations({ currentMember: false, insuredVehicle: false, weeklyHours: 6 }),
    });
    expect(eligibilityProblems(application, policy, noRoster)).toEqual([
      'not a current member',
      'did not attest to insuredVehicle',
      'commits 6 hours a week; the program asks 10',
    ]);
  });

  it('uses the roster when the program has one', () => {
    expect(eligibilityProblems(anApplication(), policy, { hasRoster: true, onRoster: false })).toEqual([
      "not on the program's member roster",
    ]);
    expect(eligibilityProblems(anApplication(), policy, { hasRoster: true, onRoster: true, status: 'lapsed' })).toEqual(
      ['roster status is lapsed, not active'],
    );
    expect(eligibilityProblems(anApplication(), policy, { hasRoster: true, onRoster: true, status: 'active' })).toEqual(
      [],
    );
  });

  it('records an ineligible applicant as ineligible with the reasons, and flags a current leader without refusing', () => {
    const ineligible = OrganizerDriver.start({
      application: anApplication({ attestations: attestations({ doorKnocking: false }) }),
    });
    expect(ineligible.state.stage).toBe('ineligible');
    expect(ineligible.state.ineligibleReasons).toEqual(['did not attest to doorKnocking']);
    const leader = OrganizerDriver.start({
      application: anApplication({ attestations: attestations({ currentLeader: true }) }),
    });
    expect(leader.state.stage).toBe('applied');
    expect(leader.state.flags).toEqual(['current_leader']);
  });
});

describe('hiring rules', () => {
  it('sends a screening no-show back to applied once, then ends the application', () => {
    const organizer = organizerIn('screening');
    organizer.act('record-screening', { attended: false, advance: false });
    expect(organizer.state.stage).toBe('applied');
    organizer.act('schedule-screening');
    organizer.act('record-screening', { attended: false, advance: false });
    expect(organizer.state.stage).toBe('not_selected');
  });

  it('refuses an offer decision without an offer, and a training the program does not list', () => {
    const rolePlay = organizerIn('role_play');
    expect(
      refusal(rolePlay.state, request('record-role-play', { scores: { x: 3 }, decision: 'offer' }), rolePlay.now),
    ).toEqual({
      code: 'invalid',
      message: 'offer is required when decision is offer',
    });
    const training = organizerIn('training');
    expect(
      refusal(
        training.state,
        request('record-training', { training: 'juggling', completedAt: iso(training.now) }),
        training.now,
      )?.code,
    ).toBe('invalid');
  });

  it('counts a training or ride-along recorded twice once, changing nothing the second time', () => {
    const organizer = organizerIn('training');
    const first = organizer.act('record-training', { training: 'Orientation', completedAt: iso(organizer.now) });
    expect(first.trainings).toEqual([expect.objectContaining({ training: 'orientation' })]);
    const version = organizer.state.version;
    const again = organizer.act('record-training', { training: 'orientation', completedAt: iso(organizer.now) });
    expect(again.trainings).toEqual([]);
    expect(organizer.state.version).toBe(version);
    expect(organizer.state.trainings).toHaveLength(1);

    const active = organizerIn('active');
    const rides = active.state.rideAlongs.length;
    const [recorded] = active.state.rideAlongs;
    active.act('record-ride-along', { date: recorded.date, staff: ' jo rivera ' });
    expect(active.state.rideAlongs).toHaveLength(rides);
  });

  it('moves to ride_along after the last required training, and to active after the initial ride-along', () => {
    const organizer = organizerIn('ride_along');
    expect(organizer.state.stage).toBe('ride_along');
    organizer.act('record-ride-along');
    expect(organizer.state.stage).toBe('active');
    expect(organizer.state.activeSince).toBe(iso(organizer.now));
  });

  it('goes straight to active when the program asks no initial ride-along', () => {
    const organizer = organizerIn('active', aPolicy({ initialRideAlongs: 0 }));
    expect(organizer.state.rideAlongs).toHaveLength(0);
    expect(organizer.state.stage).toBe('active');
  });

  it('reminds the organizer at half the offer time and declines the offer when it lapses', () => {
    const organizer = organizerIn('offered');
    const offeredAt = Date.parse(organizer.state.stageEnteredAt);
    const reminder = organizer.advance(offeredAt + 3.5 * day - organizer.now);
    expect(reminder.notifications).toEqual([
      expect.objectContaining({
        kind: 'offer_expiring',
        recipientRole: 'organizer',
        createdAt: iso(offeredAt + 3.5 * day),
      }),
    ]);
    const lapse = organizer.advance(3.5 * day);
    expect(organizer.state.stage).toBe('declined');
    expect(lapse.transitions).toEqual([
      expect.objectContaining({ from: 'offered', to: 'declined', actor: 'system', at: iso(offeredAt + 7 * day) }),
    ]);
    expect(lapse.resolutions.map((r) => r.id)).toEqual([reminder.notifications[0].id]);
  });
});

describe('an action taken late', () => {
  it('lets the deadlines before it take effect first: an offer that lapsed cannot be accepted', () => {
    const organizer = organizerIn('offered');
    const lapsedAt = Date.parse(organizer.state.stageEnteredAt) + 7 * day;
    const { changes, refused } = takeAction(organizer.state, request('respond-offer'), lapsedAt + minute);
    expect(refused).toEqual(expect.objectContaining({ code: expect.any(String) }));
    expect(organizer.state.stage).toBe('declined');
    expect(changes.transitions).toEqual([
      expect.objectContaining({ from: 'offered', to: 'declined', actor: 'system' }),
    ]);
  });

  it('applies the action after them when it is still allowed', () => {
    const organizer = organizerIn('offered');
    const inTime = Date.parse(organizer.state.stageEnteredAt) + day;
    const { changes, refused } = takeAction(organizer.state, request('respond-offer'), inTime);
    expect(refused).toBeUndefined();
    expect(organizer.state.stage).toBe('training');
    expect(changes.transitions).toEqual([expect.objectContaining({ from: 'offered', to: 'training' })]);
  });
});

describe('the debrief cycle', () => {
  it('opens weekly periods from activation; the first debrief is due at the end of the first week', () => {
    const organizer = organizerIn('active');
    const since = Date.parse(organizer.state.activeSince!);
    expect(nextDebriefDueAt(organizer.state)).toBe(iso(since + 7 * day));
    expect(organizer.state.periods).toEqual([
      {
        start: iso(since),
        end: iso(since + 7 * day),
        overdueAt: iso(since + 8 * day),
        escalateAt: iso(since + 10 * day),
        overdue: false,
        escalated: false,
      },
    ]);
  });

  it('reminds the organizer when overdue, escalates to the coordinator, flags at risk after two misses, and clears on a debrief', () => {
    const organizer = organizerIn('active');
    const since = Date.parse(organizer.state.activeSince!);
    const week1 = organizer.advance(since + 8 * day - organizer.now);
    expect(week1.notifications.map((n) => [n.kind, n.recipientRole, n.createdAt])).toEqual([
      ['debrief_overdue', 'organizer', iso(since + 8 * day)],
    ]);
    const escalation = organizer.advance(2 * day);
    expect(escalation.notifications.map((n) => [n.kind, n.recipientRole, n.createdAt])).toEqual([
      ['debrief_escalated', 'coordinator', iso(since + 10 * day)],
    ]);
    const week2 = organizer.advance(since + 15 * day - organizer.now);
    expect(week2.notifications.map((n) => [n.kind, n.recipientRole])).toEqual([
      ['debrief_overdue', 'organizer'],
      ['organizer_at_risk', 'national'],
    ]);
    expect(organizer.state.atRisk).toBe(true);
    expect(overdueDebriefs(organizer.state)).toBe(2);

    // A late debrief for week 1 clears the streak and the at-risk flag and resolves that week's reminders.
    const late = organizer.act('submit-debrief', {
      ...request('submit-debrief').input,
      periodStart: iso(since),
    } as never);
    expect(late.debriefs).toEqual([expect.objectContaining({ periodStart: iso(since), late: true })]);
    expect(organizer.state.atRisk).toBe(false);
    expect(organizer.state.missedStreak).toBe(0);
    expect(overdueDebriefs(organizer.state)).toBe(1);
    const resolvedKinds = late.resolutions.map((r) => r.id.split(':')[1]).sort();
    expect(resolvedKinds).toEqual(['debrief_escalated', 'debrief_overdue', 'organizer_at_risk']);
  });

  it('refuses a second debrief for the same period, and a period that does not exist', () => {
    const organizer = organizerIn('active');
    const since = organizer.state.activeSince!;
    organizer.act('submit-debrief');
    expect(
      refusal(
        organizer.state,
        request('submit-debrief', { ...request('submit-debrief').input, periodStart: since } as never),
        organizer.now,
      ),
    ).toEqual({
      code: 'conflict',
      message: expect.stringContaining('already submitted'),
    });
    expect(
      refusal(
        organizer.state,
        request('submit-debrief', { ...request('submit-debrief').input, periodStart: '2020-01-01T00:00:00Z' } as never),
        organizer.now,
      )?.code,
    ).toBe('invalid');
  });

  it("records the program's own counts with a debrief, and refuses a count it does not keep", () => {
    const organizer = organizerIn('active', aPolicy({ debriefMetrics: ['caucus commitments'] }));
    const input = request('submit-debrief').input as Record<string, unknown>;
    expect(
      refusal(
        organizer.state,
        request('submit-debrief', { ...input, metrics: { 'doors knocked': 2 } } as never),
        organizer.now,
      ),
    ).toEqual({
      code: 'invalid',
      message: 'metrics doors knocked is not counted by this program (caucus commitments)',
    });
    const recorded = organizer.act('submit-debrief', { ...input, metrics: { 'caucus commitments': 3 } } as never);
    expect(recorded.debriefs).toEqual([expect.objectContaining({ metrics: { 'caucus commitments': 3 } })]);
  });

  it('sets a work plan for the period running now, again to change it, and never once its debrief is in', () => {
    const organizer = organizerIn('active', aPolicy({ debriefMetrics: ['caucus commitments'] }));
    const first = organizer.act('set-work-plan', { targets: { conversations: 10 }, notes: 'Lincoln' });
    expect(first.workPlans).toEqual([
      expect.objectContaining({
        periodStart: organizer.state.activeSince,
        targets: { conversations: 10 },
        notes: 'Lincoln',
      }),
    ]);
    const again = organizer.act('set-work-plan', { targets: { conversations: 12, 'caucus commitments': 2 } });
    expect(again.workPlans[0]).toMatchObject({ targets: { conversations: 12, 'caucus commitments': 2 } });
    expect(again.workPlans[0].version).toBeGreaterThan(first.workPlans[0].version);
    expect(refusal(organizer.state, request('set-work-plan', { targets: { doors: 3 } }), organizer.now)).toEqual({
      code: 'invalid',
      message:
        'targets may be set for hours, conversations, oneOnOnes, leadersIdentified, caucus commitments; not doors',
    });
    organizer.act('submit-debrief', {
      ...request('submit-debrief').input,
      metrics: { 'caucus commitments': 1 },
    } as never);
    expect(
      refusal(
        organizer.state,
        request('set-work-plan', { periodStart: organizer.state.activeSince, targets: { hours: 5 } }),
        organizer.now,
      )?.code,
    ).toBe('conflict');
  });

  it('assigns a debrief without periodStart to the week due now (in its grace day), else the current week', () => {
    const organizer = organizerIn('active');
    const since = Date.parse(organizer.state.activeSince!);
    organizer.advance(since + 7 * day + 12 * 3_600_000 - organizer.now); // week 1 ended, its grace runs
    const inGrace = organizer.act('submit-debrief');
    expect(inGrace.debriefs[0].periodStart).toBe(iso(since));
    expect(inGrace.debriefs[0].late).toBe(false);
    const next = organizer.act('submit-debrief');
    expect(next.debriefs[0].periodStart).toBe(iso(since + 7 * day));
  });

  it('stops the debrief clock while paused and moves every pending deadline by the pause', () => {
    const organizer = organizerIn('active');
    const since = Date.parse(organizer.state.activeSince!);
    organizer.advance(since + 3 * day - organizer.now);
    organizer.act('pause');
    const paused = organizer.advance(30 * day);
    expect(paused.notifications).toEqual([]);
    expect(nextDebriefDueAt(organizer.state)).toBeUndefined();
    organizer.act('resume');
    expect(nextDebriefDueAt(organizer.state)).toBe(iso(since + 37 * day));
    const overdue = organizer.advance(since + 38 * day - organizer.now);
    expect(overdue.notifications.map((n) => [n.kind, n.createdAt])).toEqual([
      ['debrief_overdue', iso(since + 38 * day)],
    ]);
  });

  it('reports a group-debrief period without an in-person group debrief to the coordinator', () => {
    const organizer = organizerIn('active', aPolicy(), { timezone: 'America/Chicago' });
    const since = Date.parse(organizer.state.activeSince!);
    for (let week = 1; week <= 4; week++) {
      organizer.advance(since + week * 7 * day + minute - organizer.now);
      organizer.act('submit-debrief', {
        ...request('submit-debrief').input,
        periodStart: iso(since + (week - 1) * 7 * day),
      } as never);
    }
    const month = organizer.advance(since + 30 * day - organizer.now);
    expect(month.notifications.map((n) => [n.kind, n.recipientRole, n.createdAt])).toEqual([
      ['group_debrief_missing', 'coordinator', iso(since + 30 * day)],
    ]);
    // The period in the program's time, as people read it: never an ISO instant.
    expect(say(month.notifications[0].said!)).toMatch(
      /between \w+day, \w+ \d+, \d{4} at \d\d:\d\d \(America\/Chicago\) and \w+day, .* \(America\/Chicago\)$/,
    );
    organizer.act('submit-debrief', {
      ...request('submit-debrief').input,
      group: true,
      inPerson: true,
      periodStart: iso(since + 28 * day),
    } as never);
    const next = organizer.advance(since + 60 * day - organizer.now);
    expect(kinds(next).filter((k) => k === 'group_debrief_missing')).toEqual([]);
  });

  it('counts a group session as the group debrief of the period it was held in, never as a weekly debrief', () => {
    const organizer = organizerIn('active');
    const since = Date.parse(organizer.state.activeSince!);
    organizer.advance(10 * day);
    const debriefsBefore = organizer.state.totals.debriefs;
    const held = iso(since + 9 * day);
    const recorded = organizer.act('record-group-debrief', { heldAt: held, sessionId: 's1' });
    expect(recorded.debriefs).toEqual([]);
    expect(organizer.state.totals).toMatchObject({ debriefs: debriefsBefore, groupDebriefs: 1 });
    expect(organizer.state.groupPeriod?.met).toBe(true);
    // The same session again is refused; one held in the future or before activation is invalid.
    const again = refusal(
      organizer.state,
      request('record-group-debrief', { heldAt: held, sessionId: 's1' }),
      organizer.now,
    );
    expect(again).toMatchObject({ code: 'conflict' });
    const ahead = { heldAt: iso(organizer.now + day), sessionId: 's2' };
    expect(refusal(organizer.state, request('record-group-debrief', ahead), organizer.now)).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('in the future'),
    });
    const before = { heldAt: iso(since - day), sessionId: 's3' };
    expect(refusal(organizer.state, request('record-group-debrief', before), organizer.now)).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('before the organizer became active'),
    });
    const month = organizer.advance(since + 30 * day - organizer.now);
    expect(kinds(month).filter((k) => k === 'group_debrief_missing')).toEqual([]);
  });

  it('resolves a missing-group-debrief reminder when a session held in that period is recorded late', () => {
    const organizer = organizerIn('active');
    const since = Date.parse(organizer.state.activeSince!);
    const month = organizer.advance(since + 30 * day - organizer.now);
    expect(kinds(month)).toContain('group_debrief_missing');
    const late = organizer.act('record-group-debrief', { heldAt: iso(since + 20 * day), sessionId: 'late' });
    expect(late.resolutions).toHaveLength(1);
    expect(organizer.state.openNotifications.map((n) => n.kind)).not.toContain('group_debrief_missing');
  });

  it('tells the coordinator at half the ride-along window when fewer than half are done', () => {
    const organizer = organizerIn('training');
    const hiredAt = Date.parse(organizer.state.hiredAt!);
    const half = organizer.advance(hiredAt + 182.5 * day - organizer.now);
    expect(half.notifications.filter((n) => n.kind === 'ride_alongs_behind')).toEqual([
      expect.objectContaining({
        recipientRole: 'coordinator',
        createdAt: iso(hiredAt + 182.5 * day),
        // What it asks for is due by the window's close.
        dueAt: iso(hiredAt + 365 * day),
      }),
    ]);
  });

  it('completes the organizer at term end; a policy change applies from the next period', () => {
    const organizer = organizerIn('active');
    const since = Date.parse(organizer.state.activeSince!);
    changePolicy(organizer.state, aPolicy({ debriefEvery: '14 days' }), organizer.now);
    organizer.advance(since + 7 * day - organizer.now);
    const [, second] = organizer.state.periods;
    expect(Date.parse(second.end) - Date.parse(second.start)).toBe(14 * day);
    changeTermEnd(organizer.state, iso(since + 20 * day));
    const end = organizer.advance(since + 20 * day - organizer.now);
    expect(organizer.state.stage).toBe('completed');
    expect(end.transitions).toEqual([
      expect.objectContaining({ from: 'active', to: 'completed', actor: 'system', at: iso(since + 20 * day) }),
    ]);
  });
});

describe('program changes reaching an organizer', () => {
  it('moves an organizer on when a new policy leaves no training or ride-along to do', () => {
    const training = organizerIn('training');
    training.act('record-training', { training: 'orientation', completedAt: iso(training.now) });
    const changes = changePolicy(training.state, aPolicy({ requiredTrainings: ['Orientation'] }), training.now);
    expect(training.state.stage).toBe('ride_along');
    expect(changes.transitions).toEqual([
      expect.objectContaining({
        from: 'training',
        to: 'ride_along',
        actor: 'system',
        reason: 'required trainings changed',
      }),
    ]);

    const riding = organizerIn('ride_along');
    changePolicy(riding.state, aPolicy({ initialRideAlongs: 0 }), riding.now);
    expect(riding.state.stage).toBe('active');
  });

  it('keeps the older rule for recorded runs: the policy changes, the stage does not', () => {
    const riding = organizerIn('ride_along');
    const changes = changePolicy(riding.state, aPolicy({ initialRideAlongs: 0 }), riding.now, undefined, {
      moveOn: false,
    });
    expect(riding.state.stage).toBe('ride_along');
    expect(riding.state.policy.initialRideAlongs).toBe(0);
    expect(changes.transitions).toEqual([]);
  });

  it('ignores a change older than the one it holds (broadcasts can arrive out of order)', () => {
    const organizer = organizerIn('active');
    changePolicy(organizer.state, aPolicy({ escalateAfter: '5 days' }), organizer.now, '2027-01-02T00:00:00.000Z');
    const version = organizer.state.version;
    changePolicy(organizer.state, aPolicy({ escalateAfter: '1 day' }), organizer.now, '2027-01-01T00:00:00.000Z');
    expect(organizer.state.policy.escalateAfter).toBe('5 days');
    expect(organizer.state.version).toBe(version);
    changeTermEnd(organizer.state, '2027-06-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z');
    expect(organizer.state.termEnd).toBeUndefined();
  });

  it('applies the policy and the term end of one change, which share its time', () => {
    const organizer = organizerIn('active');
    const changedAt = '2027-01-02T00:00:00.000Z';
    changePolicy(organizer.state, aPolicy({ escalateAfter: '5 days' }), organizer.now, changedAt);
    changeTermEnd(organizer.state, '2027-06-01T00:00:00.000Z', changedAt);
    expect(organizer.state.policy.escalateAfter).toBe('5 days');
    expect(organizer.state.termEnd).toBe('2027-06-01T00:00:00.000Z');
    expect(organizer.state.endsAt).toBe('2027-06-01T00:00:00.000Z');
  });

  it('clears the at-risk flag and overdue debriefs when the record closes', () => {
    const organizer = organizerIn('active');
    const since = Date.parse(organizer.state.activeSince!);
    organizer.advance(since + 16 * day - organizer.now);
    expect(organizer.state.atRisk).toBe(true);
    expect(overdueDebriefs(organizer.state)).toBe(2);
    organizer.act('terminate', { reason: 'stopped reporting' });
    expect(organizer.state.atRisk).toBe(false);
    expect(overdueDebriefs(organizer.state)).toBe(0);
    expect(organizer.state.openNotifications).toEqual([]);
  });
});
