/** Stages an organizer can be in. The names are part of the API. */
export const openStages = ['applied', 'screening', 'role_play', 'offered', 'training', 'ride_along', 'active'] as const;
export const closedStages = ['completed', 'withdrawn', 'terminated', 'not_selected', 'declined', 'ineligible'] as const;
export const stages = [...openStages, ...closedStages] as const;

export type OpenStage = (typeof openStages)[number];
export type ClosedStage = (typeof closedStages)[number];
export type Stage = OpenStage | ClosedStage;

/** Hired and still open: the stages in which an organizer owes their program's ride-alongs. */
export const hiredStages = ['training', 'ride_along', 'active'] as const;

/** Hiring stages with a service-level time after which the coordinator is reminded. */
export const hiringStages = ['applied', 'screening', 'role_play'] as const;
export type HiringStage = (typeof hiringStages)[number];

export function isClosed(stage: Stage): stage is ClosedStage {
  return (closedStages as readonly string[]).includes(stage);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (stages as readonly string[]).includes(value);
}

/** Whether an organizer in this stage has been hired (reached training at some point). */
export function isHiredStage(stage: Stage): boolean {
  return (
    stage === 'training' ||
    stage === 'ride_along' ||
    stage === 'active' ||
    stage === 'completed' ||
    stage === 'terminated'
  );
}

/** Changes the system makes on its own, with the stages they apply in. */
export const systemTransitions = {
  offerLapsed: { from: 'offered', to: 'declined' },
  termEnded: { from: 'active', to: 'completed' },
} as const satisfies Record<string, { from: OpenStage; to: Stage }>;
