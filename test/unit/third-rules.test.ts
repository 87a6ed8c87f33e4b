// The third rules (issue 25), on the pure lifecycle: a stage's time limit follows the policy in force, counted from
// when the organizer entered the stage; a screening's counts from the screening's time. Each against the second rules.
import { changePolicy } from '../../src/domain/lifecycle';
import { currentRules } from '../../src/domain/organizer';
import { payPresets } from '../../src/domain/pay';
import { aPolicy } from '../support/builders';
import { day, minute, organizerIn } from '../support/organizer-states';

const zone = 'America/Chicago';
const third = { rules: currentRules, timezone: zone };
const kinds = (changes: { notifications: { kind: string }[] }) => changes.notifications.map((n) => n.kind);
const longTraining = aPolicy({ stageSla: { training: '21 days' } });

describe('the third rules', () => {
  it('holds for new organizers, who follow these or later ones', () => {
    expect(currentRules).toBeGreaterThanOrEqual(3);
  });

  it('reaches someone already in training with a lowered limit: past it, the reminder fires at once', () => {
    const organizer = organizerIn('training', longTraining, third);
    const entered = Date.parse(organizer.state.stageEnteredAt);
    organizer.advance(entered + 75_000 - organizer.now);
    changePolicy(organizer.state, aPolicy({ stageSla: { training: '1 minute' } }), organizer.now);
    expect(organizer.state.sla).toMatchObject({
      stage: 'training',
      remindAt: new Date(entered + minute).toISOString(),
    });
    expect(kinds(organizer.advance(0))).toEqual(['stage_stalled']);
    // Escalated at twice the limit from entry, not from the change.
    expect(kinds(organizer.advance(entered + 2 * minute - organizer.now))).toEqual(['stage_stalled_escalated']);
  });

  it('moves a reminder not yet sent later when the limit is raised, and keeps one already sent', () => {
    const organizer = organizerIn('training', aPolicy({ stageSla: { training: '1 day' } }), third);
    const entered = Date.parse(organizer.state.stageEnteredAt);
    changePolicy(organizer.state, aPolicy({ stageSla: { training: '3 days' } }), organizer.now);
    expect(kinds(organizer.advance(2 * day))).toEqual([]);
    expect(kinds(organizer.advance(entered + 3 * day - organizer.now))).toEqual(['stage_stalled']);
    changePolicy(organizer.state, aPolicy({ stageSla: { training: '10 days' } }), organizer.now);
    expect(organizer.state.sla).toMatchObject({ reminded: true, remindAt: new Date(entered + 3 * day).toISOString() });
    expect(organizer.state.sla!.escalateAt).toBe(new Date(entered + 20 * day).toISOString());
  });

  it('keeps the deadline set at entry under the second rules', () => {
    const organizer = organizerIn('training', longTraining, { ...third, rules: 2 });
    const before = organizer.state.sla;
    organizer.advance(75_000);
    changePolicy(organizer.state, aPolicy({ stageSla: { training: '1 minute' } }), organizer.now);
    expect(organizer.state.sla).toEqual(before);
    expect(kinds(organizer.advance(0))).toEqual([]);
  });

  it("counts a screening's limit from the screening's time: set for tomorrow, nobody is stuck today", () => {
    const policy = aPolicy({ stageSla: { screening: '15 minutes' } });
    const organizer = organizerIn('applied', policy, third);
    const at = organizer.now + day;
    organizer.act('schedule-screening', { at: new Date(at).toISOString(), location: 'hall' });
    expect(organizer.state.sla).toMatchObject({
      stage: 'screening',
      remindAt: new Date(at + 15 * minute).toISOString(),
    });
    expect(kinds(organizer.advance(day))).toEqual([]);
    expect(kinds(organizer.advance(15 * minute))).toEqual(['stage_stalled']);

    const second = organizerIn('applied', policy, { ...third, rules: 2 });
    second.act('schedule-screening', { at: new Date(second.now + day).toISOString(), location: 'hall' });
    expect(kinds(second.advance(15 * minute))).toEqual(['stage_stalled']);
  });
});

describe('pay periods after a pause, on an interval cadence (third rules)', () => {
  const hour = 60 * minute;
  const policy = aPolicy({ debriefEvery: '12 hours', debriefGrace: '1 hour', pay: payPresets.member_organizer });

  /** Active, paused 5 hours into the first period for 30 hours, then three periods on. */
  function pausedAndBack(rules: typeof third) {
    const organizer = organizerIn('active', policy, rules);
    const [first] = organizer.state.periods;
    organizer.advance(Date.parse(first.start) + 5 * hour - organizer.now);
    organizer.act('pause', { reason: 'family leave' });
    organizer.advance(30 * hour);
    organizer.act('resume', { reason: 'back' });
    organizer.advance(3 * 12 * hour);
    return organizer;
  }

  /** Every pay period opened so far, open or approved (the state keeps open ones; approval writes the rest out). */
  const payGrid = (organizer: ReturnType<typeof organizerIn>) =>
    organizer.state.pay!.periods.map((p) => [p.start, p.end]);

  it('keeps each pay period on the debrief grid: shifted with it, owing one debrief each', () => {
    const organizer = pausedAndBack(third);
    const debriefs = organizer.state.periods.map((p) => [p.start, p.end]);
    // The grid: each pay period is one debrief period, start and end alike, whatever the pause did to them.
    expect(payGrid(organizer)).toEqual(debriefs.slice(0, payGrid(organizer).length));
    for (const pay of organizer.state.pay!.periods) expect(pay.debriefs).toHaveLength(1);
  });

  it('lets the second rules keep their grid (recorded runs)', () => {
    const organizer = pausedAndBack({ ...third, rules: 2 });
    expect(organizer.state.pay!.periods.some((p) => p.debriefs.length > 1)).toBe(true);
  });
});
