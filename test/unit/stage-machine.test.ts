import { refusal } from '../../src/domain/lifecycle';
import { actions, Action, allowedActions, mayTake, payActions } from '../../src/domain/stage-machine';
import { Stage, stages } from '../../src/domain/stages';
import { organizerIn, request } from '../support/organizer-states';

// docs/design.md §3, written out by hand: the stage each accepted action leads to (with the sample inputs). Everything
// missing here must be refused.
const accepted: Record<Stage, Partial<Record<Action, Stage>>> = {
  applied: {
    'schedule-screening': 'screening',
    reject: 'not_selected',
    withdraw: 'withdrawn',
    'set-languages': 'applied',
  },
  screening: {
    'reschedule-screening': 'screening',
    'record-screening': 'role_play',
    reject: 'not_selected',
    withdraw: 'withdrawn',
    'set-languages': 'screening',
  },
  // Reached by a hiring step (the walk's last), which may be undone.
  role_play: {
    'record-role-play': 'offered',
    reject: 'not_selected',
    withdraw: 'withdrawn',
    'revert-step': 'screening',
    'set-languages': 'role_play',
  },
  offered: {
    'respond-offer': 'training',
    withdraw: 'withdrawn',
    'revert-step': 'role_play',
    'set-languages': 'offered',
  },
  training: {
    'record-training': 'training',
    withdraw: 'withdrawn',
    terminate: 'terminated',
    'revert-step': 'offered',
    'set-languages': 'training',
  },
  ride_along: {
    'record-ride-along': 'active',
    withdraw: 'withdrawn',
    terminate: 'terminated',
    'revert-step': 'training',
    'set-languages': 'ride_along',
  },
  active: {
    'record-ride-along': 'active',
    'submit-debrief': 'active',
    'record-group-debrief': 'active',
    'set-work-plan': 'active',
    pause: 'active',
    withdraw: 'withdrawn',
    terminate: 'terminated',
    'set-languages': 'active',
  },
  completed: {},
  // Withdrawn from applied here: reopened, back to it.
  withdrawn: { reopen: 'applied' },
  terminated: {},
  not_selected: { reopen: 'applied' },
  declined: { reopen: 'applied', 'revert-step': 'offered' },
  ineligible: { reopen: 'applied' },
};

const cases = stages.flatMap((stage) => actions.map((action) => [stage, action] as const));

describe('the stage machine: every stage × every action', () => {
  it.each(cases)('%s + %s', (stage, action) => {
    const organizer = organizerIn(stage);
    expect(organizer.state.stage).toBe(stage);
    const before = structuredClone(organizer.state);
    const expected = accepted[stage][action];
    const refused = refusal(organizer.state, request(action), organizer.now);

    if (expected) {
      expect(refused).toBeUndefined();
      organizer.act(action);
      expect(organizer.state.stage).toBe(expected);
      expect(organizer.state.version).toBe(before.version + 1);
    } else {
      // Pay actions are taken in active and on closed records while a pay period is open; this policy pays nothing.
      const payStage =
        payActions.includes(action) && ['active', 'completed', 'withdrawn', 'terminated'].includes(stage);
      // Undoing a step where none was taken (a reject, or nothing yet) is refused by what happened, not by the stage.
      const nothingToUndo = action === 'revert-step' && ['applied', 'not_selected'].includes(stage);
      // The ride-along that made the organizer active stays: debriefs and pay follow from it.
      const activation = action === 'revert-step' && stage === 'active';
      // A screening on the first rules sent no invitation to answer (screening-invitations.test.ts has the fifth).
      const noInvitation = action === 'respond-screening' && stage === 'screening';
      const conflict =
        (action === 'resume' && stage === 'active') || payStage || nothingToUndo || activation || noInvitation;
      expect(refused).toBeDefined();
      expect(refused!.code).toBe(conflict ? 'conflict' : 'stage');
      expect(refused!.message).toContain(
        payStage
          ? 'no pay period is open'
          : nothingToUndo
            ? 'no hiring step to undo'
            : activation
              ? 'made the organizer active'
              : noInvitation
                ? 'sent no invitation'
                : conflict
                  ? 'not paused'
                  : stage,
      );
      // A refused action is never applied: the workflow's validator stops it, so state, version and rows stay.
      expect(organizer.state).toEqual(before);
    }
  });

  it('covers all 13 stages × 21 actions', () => {
    expect(cases).toHaveLength(13 * 21);
  });
});

describe('allowed actions (what the person panel offers)', () => {
  it.each(stages)(
    'in %s: a coordinator is offered what the stage accepts, the organizer their own, readers nothing',
    (stage) => {
      // The table lists an active organizer who is not paused; paused, resume replaces pause.
      // An answer to a screening's invitation is offered in screening (the table's first-rules record sent none).
      const accepts = (action: Action, paused: boolean) =>
        action === 'resume'
          ? stage === 'active' && paused
          : action === 'respond-screening'
            ? stage === 'screening'
            : action in accepted[stage] && !(action === 'pause' && paused);
      for (const paused of stage === 'active' ? [false, true] : [false]) {
        const expected = actions.filter((action) => accepts(action, paused));
        const undoable = 'revert-step' in accepted[stage];
        expect(allowedActions(stage, paused, 'coordinator', false, undoable)).toEqual(expected);
        expect(allowedActions(stage, paused, 'self', false, undoable)).toEqual(
          expected.filter((action) =>
            [
              'respond-screening',
              'respond-offer',
              'submit-debrief',
              'set-work-plan',
              'submit-timesheet',
              'withdraw',
            ].includes(action),
          ),
        );
        expect(allowedActions(stage, paused, 'reader')).toEqual([]);
      }
    },
  );

  it('offers a paused organizer resume, not pause, and an active one the reverse', () => {
    expect(allowedActions('active', true, 'coordinator')).toContain('resume');
    expect(allowedActions('active', true, 'coordinator')).not.toContain('pause');
    expect(allowedActions('active', false, 'coordinator')).toEqual([
      'record-ride-along',
      'submit-debrief',
      'record-group-debrief',
      'set-work-plan',
      'pause',
      'withdraw',
      'terminate',
      'set-languages',
    ]);
  });
});

describe('who may take an action (one rule)', () => {
  it('lets a coordinator take every action, the organizer their own, a reader none', () => {
    expect(actions.filter((action) => mayTake(action, 'coordinator'))).toEqual([...actions]);
    expect(actions.filter((action) => mayTake(action, 'self'))).toEqual([
      'respond-screening',
      'respond-offer',
      'submit-debrief',
      'set-work-plan',
      'submit-timesheet',
      'withdraw',
    ]);
    expect(actions.filter((action) => mayTake(action, 'reader'))).toEqual([]);
  });
});
