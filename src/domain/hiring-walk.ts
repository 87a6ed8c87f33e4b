// The one walk from application to active, for everything that needs people in a stage: the demo, the bench, the
// tests and a season's rehearsal. Each takes the steps and sends them its own way (over HTTP, as workflow updates, or
// to the pure domain). The time is always given: the domain reads no clock (dev/hiring-walk.ts defaults it to now).
import { localDayOf } from './calendar';
import type { Application, Attestations } from './organizer';
import type { ActionInputs } from './stage-machine';
import type { ProgramPolicy } from './policy';
import type { Action } from './stage-machine';
import type { OpenStage } from './stages';

/** One action of the walk, with the body its route takes. */
export type Step = { [A in Action]: { action: A; input: ActionInputs[A] } }[Action];

/** Attestations that meet every requirement of the presets. */
export const eligibleAttestations: Attestations = {
  currentMember: true,
  driversLicense: true,
  insuredVehicle: true,
  fullTerm: true,
  doorKnocking: true,
  weeklyHours: 10,
  currentLeader: false,
};

/** An eligible application for `memberId` (its name and email derived from it), with `overrides`. */
export function anApplicationFor(memberId: string, overrides: Partial<Application> = {}): Application {
  return {
    memberId,
    name: `Member ${memberId}`,
    email: `${memberId.toLowerCase()}@example.org`,
    attestations: eligibleAttestations,
    ...overrides,
  };
}

/** The open stages in the order the walk reaches them. */
export const walkStages: OpenStage[] = [
  'applied',
  'screening',
  'role_play',
  'offered',
  'training',
  'ride_along',
  'active',
];

export interface WalkOptions {
  /** When the steps happen (screening times, training and ride-along dates are set from it). */
  now: number;
  /** The program's time zone (ride-along dates are local days). */
  timeZone?: string;
  location?: string;
  staff?: string;
  stipend?: number;
}

/** Role-play scores for every criterion of the program's rubric (a rubric-less program is scored on two). */
export function rubricScores(policy: Pick<ProgramPolicy, 'rolePlayRubric'>, score = 4): Record<string, number> {
  return Object.fromEntries(
    (policy.rolePlayRubric ?? ['listening', 'agitation']).map((criterion) => [criterion, score]),
  );
}

/** The steps that take an applicant from `applied` to `target`, in order (none for `applied`). */
export function walkTo(
  policy: Pick<ProgramPolicy, 'requiredTrainings' | 'initialRideAlongs' | 'rolePlayRubric'>,
  target: OpenStage,
  { now, timeZone = 'UTC', location = 'Local 1 hall', staff = 'Jo Rivera', stipend }: WalkOptions,
): Step[] {
  const day = (offset: number) => localDayOf(now + offset * 86_400_000, timeZone);
  const byStage: Record<Exclude<OpenStage, 'applied'>, Step[]> = {
    screening: [{ action: 'schedule-screening', input: { at: new Date(now + 86_400_000).toISOString(), location } }],
    role_play: [{ action: 'record-screening', input: { attended: true, advance: true, notes: 'clear story of self' } }],
    offered: [
      {
        action: 'record-role-play',
        input: {
          scores: rubricScores(policy),
          decision: 'offer',
          offer: { hoursPerWeek: 10, startDate: day(0), ...(stipend !== undefined ? { stipend } : {}) },
        },
      },
    ],
    training: [{ action: 'respond-offer', input: { accepted: true } }],
    ride_along: policy.requiredTrainings.map((training) => ({
      action: 'record-training',
      input: { training, completedAt: new Date(now).toISOString() },
    })),
    active: Array.from({ length: policy.initialRideAlongs }, (_, i) => ({
      action: 'record-ride-along',
      input: { date: day(0), staff: i === 0 ? staff : `${staff} (${i + 1})` },
    })),
  };
  return walkStages.slice(1, walkStages.indexOf(target) + 1).flatMap((stage) => byStage[stage as keyof typeof byStage]);
}
