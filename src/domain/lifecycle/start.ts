// Starting an organizer on their application: eligibility, and the first state.
import {
  Actor,
  Application,
  Changes,
  EligibilityProblem,
  noChanges,
  OrganizerState,
  RosterStatus,
  systemActor,
} from '../organizer';
import type { ProgramPolicy } from '../policy';
import { Stage } from '../stages';
import { enter } from './transitions';
import { iso } from './time';

export interface StartInput {
  organizerId: string;
  programId: string;
  application: Application;
  policy: ProgramPolicy;
  termEnd?: string;
  /** When the program last changed (its policy and term end are as of then). */
  programChangedAt?: string;
  roster: RosterStatus;
  /** Who entered the application (the system for runs recorded before this was known). */
  appliedBy?: Actor;
  /** The rules to follow (see currentRules); absent for runs recorded before there were versions. */
  rules?: number;
  /** The program's term start and time zone, for calendar deadlines. */
  termStart?: string;
  timezone?: string;
}

/** Why an application is not eligible, each answer or roster fact that fails (empty when it is eligible). */
export function eligibilityChecks(
  application: Pick<Application, 'attestations'>,
  policy: ProgramPolicy,
  roster: RosterStatus,
): EligibilityProblem[] {
  const { attestations } = application;
  const problems: EligibilityProblem[] = [];
  if (!attestations.currentMember) problems.push({ answer: 'currentMember' });
  for (const required of policy.requiredAttestations) {
    if (required !== 'currentMember' && !attestations[required]) problems.push({ answer: required });
  }
  if (!(attestations.weeklyHours >= policy.hoursPerWeek))
    problems.push({ hours: attestations.weeklyHours, asked: policy.hoursPerWeek });
  if (roster.hasRoster && !roster.onRoster) problems.push({ roster: 'absent' });
  if (roster.hasRoster && roster.onRoster && roster.status !== 'active')
    problems.push({ roster: 'inactive', status: roster.status ?? 'unknown' });
  return problems;
}

/** The problems as the history and refusals keep them (the read model says them in words: words/eligibility.ts). */
export function eligibilityProblems(
  application: Pick<Application, 'attestations'>,
  policy: ProgramPolicy,
  roster: RosterStatus,
): string[] {
  return eligibilityChecks(application, policy, roster).map(problemAsRecorded);
}

function problemAsRecorded(problem: EligibilityProblem): string {
  if ('answer' in problem)
    return problem.answer === 'currentMember' ? 'not a current member' : `did not attest to ${problem.answer}`;
  if ('hours' in problem) return `commits ${problem.hours} hours a week; the program asks ${problem.asked}`;
  return problem.roster === 'absent'
    ? "not on the program's member roster"
    : `roster status is ${problem.status}, not active`;
}

/** The state of a new application and its first history row: applied, or ineligible with the reasons. */
export function startOrganizer(input: StartInput, now: number): { state: OrganizerState; changes: Changes } {
  const { application } = input;
  const checks = eligibilityChecks(application, input.policy, input.roster);
  const problems = checks.map(problemAsRecorded);
  const state: OrganizerState = {
    ...(input.rules ? { rules: input.rules } : {}),
    ...(input.termStart ? { termStart: input.termStart } : {}),
    ...(input.timezone ? { timezone: input.timezone } : {}),
    organizerId: input.organizerId,
    programId: input.programId,
    memberId: application.memberId,
    name: application.name,
    email: application.email,
    phone: application.phone,
    local: application.local,
    ...(application.preferredLanguage ? { preferredLanguage: application.preferredLanguage } : {}),
    ...(application.languages?.length ? { languages: application.languages } : {}),
    stage: 'applied',
    stageEnteredAt: iso(now),
    appliedAt: iso(now),
    version: 0,
    seq: 0,
    flags: application.attestations.currentLeader ? ['current_leader'] : [],
    ineligibleReasons: problems,
    attestations: application.attestations,
    ineligibility: checks,
    policy: input.policy,
    termEnd: input.termEnd,
    ...(input.programChangedAt ? { programChangedAt: input.programChangedAt } : {}),
    paused: false,
    atRisk: false,
    missedStreak: 0,
    noShows: 0,
    trainings: [],
    rideAlongs: [],
    periods: [],
    openNotifications: [],
    totals: {
      debriefs: 0,
      lateDebriefs: 0,
      missedPeriods: 0,
      hours: 0,
      conversations: 0,
      oneOnOnes: 0,
      leadersIdentified: 0,
      groupDebriefs: 0,
    },
  };
  const changes = noChanges();
  const to: Stage = problems.length ? 'ineligible' : 'applied';
  enter(
    state,
    null,
    to,
    input.appliedBy ?? systemActor,
    problems.length ? problems.join('; ') : undefined,
    now,
    changes,
  );
  state.version = 1;
  return { state, changes };
}
