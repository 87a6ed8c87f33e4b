import { randomUUID } from 'node:crypto';
import { nextDeadline, takeAction, wakeAt } from '../../src/domain/lifecycle';
import { policyProblems } from '../../src/domain/policy';
import { aPolicy } from '../support/builders';
import { minute, organizerIn, request } from '../support/organizer-states';

const iso = (ms: number) => new Date(ms).toISOString();

describe('reminders spread after their deadline (reminderSpread)', () => {
  it('wakes at the deadline when the policy spreads nothing', () => {
    const organizer = organizerIn('active');
    const deadline = nextDeadline(organizer.state)!;
    expect(wakeAt(organizer.state, deadline)).toBe(deadline);
  });

  it('wakes each person at a moment of their own within the spread, the same one every time', () => {
    const spread = 10 * minute;
    const offsets = Array.from({ length: 1_000 }, () => {
      const organizer = organizerIn('active', aPolicy({ reminderSpread: '10 minutes' }));
      organizer.state.organizerId = randomUUID();
      const deadline = nextDeadline(organizer.state)!;
      const offset = wakeAt(organizer.state, deadline) - deadline;
      expect(wakeAt({ ...organizer.state }, deadline) - deadline).toBe(offset);
      return offset;
    });
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(spread);
    // Spread over the whole window: each tenth of it holds about a tenth of the people.
    const tenths = new Array(10).fill(0);
    for (const offset of offsets) tenths[Math.floor((offset / spread) * 10)]++;
    for (const count of tenths) expect(count).toBeGreaterThan(50);
  });

  it('moves no deadline: an action inside the spread meets the reminder fired first, dated at the deadline', () => {
    const organizer = organizerIn('active', aPolicy({ reminderSpread: '10 minutes' }));
    const [first] = organizer.state.periods;
    const overdueAt = Date.parse(first.overdueAt);
    organizer.advance(overdueAt - organizer.now - minute);
    expect(first.overdue).toBe(false);
    // Before the workflow wakes for it, the organizer submits the week's debrief: late, with its reminder raised.
    // As the workflow takes it: the deadlines that came first, then the action.
    const { changes, refused } = takeAction(
      organizer.state,
      request('submit-debrief', { ...request('submit-debrief').input, periodStart: first.start } as never),
      overdueAt + 1_000,
    );
    expect(refused).toBeUndefined();
    expect(changes.notifications.map((n) => [n.kind, n.createdAt])).toEqual([['debrief_overdue', iso(overdueAt)]]);
    expect(changes.debriefs[0].late).toBe(true);
  });

  it('is at most the grace period and ends before the nudge', () => {
    expect(policyProblems(aPolicy({ reminderSpread: '2 minutes' }))).toEqual([]);
    expect(policyProblems(aPolicy({ debriefGrace: '1 hour', reminderSpread: '2 hours' }))).toEqual([
      { field: 'policy.reminderSpread', reason: 'must be at most debriefGrace' },
    ]);
    expect(policyProblems(aPolicy({ debriefNudgeBefore: '1 hour', reminderSpread: '1 hour' }))).toEqual([
      { field: 'policy.reminderSpread', reason: 'must be shorter than debriefNudgeBefore' },
    ]);
    expect(policyProblems(aPolicy({ reminderSpread: 'soon' }))).toEqual([
      { field: 'policy.reminderSpread', reason: "must be a duration such as '7 days' or '36 hours'" },
    ]);
  });
});
