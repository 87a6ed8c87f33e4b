// The third rules (issue 25), on the pure lifecycle: a stage's time limit follows the policy in force, counted from
// when the organizer entered the stage; a screening's counts from the screening's time. Each against the second rules.
import { changePolicy } from '../../src/domain/lifecycle';
import { currentRules } from '../../src/domain/organizer';
import { aPolicy } from '../support/builders';
import { day, minute, organizerIn } from '../support/organizer-states';

const zone = 'America/Chicago';
const third = { rules: currentRules, timezone: zone };
const kinds = (changes: { notifications: { kind: string }[] }) => changes.notifications.map((n) => n.kind);
const longTraining = aPolicy({ stageSla: { training: '21 days' } });

describe('the third rules', () => {
  it('is what new organizers follow', () => {
    expect(currentRules).toBe(3);
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
