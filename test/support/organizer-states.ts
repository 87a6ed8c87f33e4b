// Builders that walk a real organizer state through the lifecycle to any stage, so tests start from states the
// product can actually reach.
import { randomUUID } from 'node:crypto';
import { rubricScores, walkTo } from '../../dev/hiring-walk';
import { applyAction, fireDeadlines, startOrganizer } from '../../src/domain/lifecycle';
import type { Actor, Application, OrganizerState, RosterStatus } from '../../src/domain/organizer';
import type { ActionInputs, ActionRequest } from '../../src/domain/stage-machine';
import type { ProgramPolicy } from '../../src/domain/policy';
import type { Action } from '../../src/domain/stage-machine';
import type { OpenStage, Stage } from '../../src/domain/stages';
import { aCoordinator, anApplication, aPolicy, attestations } from './builders';

export const t0 = Date.parse('2026-01-05T15:00:00.000Z');
export const minute = 60_000;
export const day = 86_400_000;

/** A valid input for every action, for tables that try each one. */
export const sampleInputs: { [A in Action]: ActionInputs[A] } = {
  'schedule-screening': { at: '2026-01-12T17:00:00.000Z', location: 'Local 12 hall' },
  'reschedule-screening': { at: '2026-01-13T17:00:00.000Z', location: 'Local 7 office' },
  'record-screening': { attended: true, advance: true },
  'respond-screening': { coming: false, note: 'I work that evening' },
  'record-role-play': {
    scores: rubricScores(aPolicy()),
    decision: 'offer',
    offer: { hoursPerWeek: 10, startDate: '2026-02-01' },
  },
  'respond-offer': { accepted: true },
  'record-training': { training: 'orientation', completedAt: '2026-02-02T18:00:00.000Z' },
  'record-ride-along': { date: '2026-03-03', staff: 'Sam Okafor' },
  'submit-debrief': { hours: 9, conversations: 14, oneOnOnes: 3, leadersIdentified: 1, inPerson: true, group: false },
  // Between the walk's activation (15:08) and its clock (15:09).
  'record-group-debrief': { heldAt: '2026-01-05T15:08:30.000Z', sessionId: 'session-1', location: 'Local 12 hall' },
  'set-work-plan': { targets: { conversations: 12, oneOnOnes: 3, hours: 10 }, notes: 'Lincoln Elementary, 3rd floor' },
  'submit-timesheet': {
    periodStart: '2026-01-05T15:09:00.000Z',
    entries: [{ date: '2026-01-05', hours: 2.5, kind: 'organizing' }],
  },
  'approve-pay-period': { periodStart: '2026-01-05T15:09:00.000Z' },
  pause: { reason: 'family leave' },
  resume: {},
  reopen: { reason: 'entered on the wrong person', attestations: attestations() },
  'revert-step': { reason: 'recorded on the wrong person' },
  reject: { reason: 'not a fit this round' },
  withdraw: { reason: 'moved away' },
  terminate: { reason: 'did not report' },
  'set-languages': { preferredLanguage: 'es', languages: ['es', 'tl'] },
};

export function request<A extends Action>(
  action: A,
  input: ActionInputs[A] = sampleInputs[action],
  actor: Actor = aCoordinator,
): ActionRequest {
  return { action, input, actor } as ActionRequest;
}

export class OrganizerDriver {
  now: number;
  constructor(
    readonly state: OrganizerState,
    start: number,
  ) {
    this.now = start;
  }

  static start(
    options: {
      policy?: ProgramPolicy;
      application?: Application;
      roster?: RosterStatus;
      termEnd?: string;
      at?: number;
      /** The rules to follow (see currentRules); the first when absent. */
      rules?: number;
      timezone?: string;
      termStart?: string;
    } = {},
  ): OrganizerDriver {
    const at = options.at ?? t0;
    const { state } = startOrganizer(
      {
        organizerId: randomUUID(),
        programId: randomUUID(),
        application: options.application ?? anApplication(),
        policy: options.policy ?? aPolicy(),
        termEnd: options.termEnd,
        roster: options.roster ?? { hasRoster: false, onRoster: false },
        rules: options.rules,
        timezone: options.timezone,
        termStart: options.termStart,
      },
      at,
    );
    return new OrganizerDriver(state, at);
  }

  /** Advances the clock, firing whatever falls due. */
  advance(ms: number) {
    this.now += ms;
    return fireDeadlines(this.state, this.now);
  }

  act<A extends Action>(action: A, input?: ActionInputs[A], actor?: Actor) {
    return applyAction(this.state, request(action, input, actor), this.now);
  }
}

/** An organizer in `stage`, reached by the real path (a minute between steps). */
export function organizerIn(
  stage: Stage,
  policy: ProgramPolicy = aPolicy(),
  start: Parameters<typeof OrganizerDriver.start>[0] = {},
): OrganizerDriver {
  if (stage === 'ineligible')
    return OrganizerDriver.start({
      policy,
      application: anApplication({ attestations: attestations({ currentMember: false }) }),
    });
  const d = OrganizerDriver.start({ policy, ...start });
  const walk = (target: OpenStage) => {
    for (const { action, input } of walkTo(policy, target, { now: d.now, timeZone: start.timezone })) {
      d.advance(minute);
      d.act(action, input as never);
    }
  };
  const step = <A extends Action>(action: A, input?: ActionInputs[A]) => {
    d.advance(minute);
    d.act(action, input);
  };
  const path: Record<Exclude<Stage, 'ineligible'>, () => void> = {
    applied: () => undefined,
    screening: () => walk('screening'),
    role_play: () => walk('role_play'),
    offered: () => walk('offered'),
    training: () => walk('training'),
    ride_along: () => walk('ride_along'),
    active: () => walk('active'),
    completed: () => {
      walk('active');
      d.advance(Date.parse(d.state.endsAt!) - d.now);
    },
    withdrawn: () => step('withdraw'),
    terminated: () => (walk('training'), step('terminate')),
    not_selected: () => step('reject'),
    declined: () => (walk('offered'), step('respond-offer', { accepted: false })),
  };
  path[stage]();
  d.advance(minute);
  return d;
}
