// Why an application is not eligible, in the words the applicant is told (catalog `eligibility.*`).
import type { EligibilityProblem } from '../domain/organizer';
import { defaultLanguage, type MemberLanguage } from '../domain/languages';
import { say as sayIn } from './say';

export function eligibilityInWords(
  problems: readonly EligibilityProblem[],
  lng: MemberLanguage = defaultLanguage,
): string[] {
  const say = (label: Parameters<typeof sayIn>[0], values?: Parameters<typeof sayIn>[1]) => sayIn(label, values, lng);
  return problems.map((problem) => {
    if ('answer' in problem) return say(`eligibility.${problem.answer}`);
    if ('hours' in problem) return say('eligibility.hours', { hours: problem.hours, asked: problem.asked });
    return problem.roster === 'absent'
      ? say('eligibility.notOnRoster')
      : say('eligibility.rosterStatus', { status: problem.status });
  });
}
