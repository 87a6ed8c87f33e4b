// The walk from application to active (src/domain/hiring-walk.ts), its time now unless given: for the demo, the bench
// and the tests.
import { localDayOf } from '../src/domain/calendar';
import { walkTo as walkAt, type WalkOptions as WalkAt } from '../src/domain/hiring-walk';
import type { ProgramPolicy } from '../src/domain/policy';
import type { OpenStage } from '../src/domain/stages';

export { anApplicationFor, eligibleAttestations, rubricScores, walkStages, type Step } from '../src/domain/hiring-walk';

/** The local day (YYYY-MM-DD) of `now` in `timeZone`: the date a ride-along recorded now carries. */
export const localDay = (timeZone = 'UTC', now = Date.now()): string => localDayOf(now, timeZone);

/** An instant a day from now: when a screening scheduled now takes place. */
export const soon = (now = Date.now()): string => new Date(now + 86_400_000).toISOString();

/** The steps that take an applicant from `applied` to `target`, in order (none for `applied`), from now unless said. */
export const walkTo = (
  policy: Pick<ProgramPolicy, 'requiredTrainings' | 'initialRideAlongs' | 'rolePlayRubric'>,
  target: OpenStage,
  options: WalkOptions = {},
) => walkAt(policy, target, { now: Date.now(), ...options });

/** How the walk goes; when it happens is now unless said. */
export type WalkOptions = Partial<WalkAt>;
