// A season rehearsed for a program: its policy (or one to try) played forward by the domain (src/domain/rehearsal),
// nothing stored, neither Temporal nor the read models touched.
import { Injectable } from '@nestjs/common';
import { durationMs } from '../../domain/durations';
import { mergePolicy, policyProblems, type PolicyPatch, type ProgramPolicy } from '../../domain/policy';
import {
  countedFigures,
  endOfPeriods,
  rehearseSeason,
  seasonPeriodCount,
  SeasonTooLargeError,
  type SeasonFigures,
} from '../../domain/rehearsal/season';
import type { FieldProblem } from '../../domain/field-problems';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { InvalidInputError, RuleViolationError } from '../common/errors';
import { ProgramsService } from '../programs/programs.service';
import type { RehearsalDto, RehearsalResultDto } from './rehearsals.dto';

/** The most a rehearsal plays: people, periods, and people × periods × policies (about 20 s on two cores). */
export const rehearsalLimits = { people: 5_000, periods: 400, personPeriods: 150_000 };
const year = 365 * 86_400_000;

@Injectable()
export class RehearsalsService {
  constructor(
    private readonly programs: ProgramsService,
    private readonly access: AccessPolicy,
  ) {}

  async rehearse(programId: string, input: RehearsalDto, caller: Caller): Promise<RehearsalResultDto> {
    const program = await this.programs.find(programId);
    this.access.assertReadProgram(caller, programId);
    const { season } = input;
    const problems: FieldProblem[] = [];
    const policyOf = (patch: PolicyPatch | undefined, field: string): ProgramPolicy => {
      const policy = mergePolicy(program.policy, patch);
      const named = (name: string) => `${field}.${name.replace(/^policy\./, '')}`;
      problems.push(...policyProblems(policy).map((p) => ({ ...p, field: named(p.field) })));
      return policy;
    };
    // With `compare`, the two compared are played (the first is usually the policy as it is), not `policy` too.
    const policies = input.compare
      ? input.compare.map((patch, i) => policyOf(patch as PolicyPatch, `compare.${i}`))
      : [policyOf(input.policy as PolicyPatch | undefined, 'policy')];
    if (problems.length) throw new InvalidInputError(problems);

    const from = season?.from ? Date.parse(season.from) : program.termStart.getTime();
    const calendar = {
      programId,
      timezone: program.timezone,
      termStart: program.termStart.toISOString(),
      ...(program.termEnd ? { termEnd: program.termEnd.toISOString() } : {}),
      from,
    };
    // So many periods of the (first) policy played.
    const until = season?.until
      ? Date.parse(season.until)
      : season?.periods
        ? endOfPeriods({ ...calendar, policy: policies[0] }, season.periods)
        : (program.termEnd?.getTime() ?? from + year);
    problems.push(...inputProblems(input, from, until));
    if (season?.until && season.periods)
      problems.push({ field: 'season.periods', reason: 'give until or periods, not both' });
    const seasons = policies.map((policy) => ({
      ...calendar,
      policy,
      until,
      seed: input.seed ?? 1,
      cohorts: input.cohorts.map((cohort) => ({
        count: cohort.count,
        startsAt: cohort.startsAt ? Date.parse(cohort.startsAt) : from,
        stage: cohort.stage ?? 'active',
        habit: cohort.habit,
      })),
    }));
    // Every policy's periods are counted before any is played, and the whole work is bounded: a rehearsal runs on the
    // API's event loop.
    const periods = Math.max(...seasons.map((s) => seasonPeriodCount(s, rehearsalLimits.periods)));
    const people = input.cohorts.reduce((sum, cohort) => sum + cohort.count, 0);
    if (periods > rehearsalLimits.periods)
      problems.push({ field: 'season', reason: `must span at most ${rehearsalLimits.periods} periods` });
    else if (people * periods * seasons.length > rehearsalLimits.personPeriods)
      problems.push({
        field: 'cohorts',
        reason: `people × periods × policies played must be at most ${rehearsalLimits.personPeriods} (it is ${people * periods * seasons.length})`,
      });
    if (problems.length) throw new InvalidInputError(problems);

    let played: SeasonFigures[];
    try {
      played = seasons.map(rehearseSeason);
    } catch (error) {
      if (error instanceof SeasonTooLargeError) throw new RuleViolationError(error.message);
      throw error;
    }
    const [first, second] = played;
    const result: RehearsalResultDto = { ...first };
    if (second) {
      result.compared = [first, second];
      result.differences = differences(first, second);
    }
    return result;
  }
}

function inputProblems(input: RehearsalDto, from: number, until: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(until > from)) problems.push({ field: 'season.until', reason: 'must be after season.from' });
  const people = input.cohorts.reduce((sum, cohort) => sum + cohort.count, 0);
  if (people > rehearsalLimits.people)
    problems.push({ field: 'cohorts', reason: `must have at most ${rehearsalLimits.people} people in all` });
  input.cohorts.forEach(({ habit, startsAt }, i) => {
    const sum = habit.onTime + habit.late + habit.missing;
    if (Math.abs(sum - 1) > 0.001)
      problems.push({
        field: `cohorts.${i}.habit`,
        reason: `onTime, late and missing must sum to 1 (they sum to ${sum})`,
      });
    for (const [name, range] of [
      ['lateBy', habit.lateBy],
      ['pauses.for', habit.pauses.for],
    ] as const)
      if (durationMs(range.to) < durationMs(range.from))
        problems.push({ field: `cohorts.${i}.habit.${name}.to`, reason: 'must not be shorter than from' });
    if (habit.hoursPerPeriod.to < habit.hoursPerPeriod.from)
      problems.push({ field: `cohorts.${i}.habit.hoursPerPeriod.to`, reason: 'must not be less than from' });
    if (startsAt && !(Date.parse(startsAt) >= from && Date.parse(startsAt) < until))
      problems.push({ field: `cohorts.${i}.startsAt`, reason: 'must be within the season' });
  });
  return problems;
}

/** The second season's totals less the first's. */
function differences(a: SeasonFigures, b: SeasonFigures): Record<string, number> {
  return Object.fromEntries(countedFigures.map((figure) => [figure, b.totals[figure] - a.totals[figure]]));
}
