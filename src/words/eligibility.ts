// Why an application is not eligible, in the words the applicant is told (catalog `eligibility.*`).
import type { EligibilityProblem } from '../domain/organizer';
import { say } from './say';

export function eligibilityInWords(problems: readonly EligibilityProblem[]): string[] {
  return problems.map((problem) => {
    if ('answer' in problem) return say(`eligibility.${problem.answer}`);
    if ('hours' in problem) return say('eligibility.hours', { hours: problem.hours, asked: problem.asked });
    return problem.roster === 'absent'
      ? say('eligibility.notOnRoster')
      : say('eligibility.rosterStatus', { status: problem.status });
  });
}
