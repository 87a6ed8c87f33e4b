// A refused form as a member reads it: each field's problem in their language, by the check it failed (staff read
// the checks' own English, src/api/common/validation.ts).
import { en } from '../domain/words/en';
import type { MemberLanguage } from '../domain/languages';
import { say } from './say';

export interface CheckedProblem {
  field: string;
  reason: string;
  /** The check that failed (class-validator's constraint name, or ours), when a check failed. */
  check?: string;
}

type ProblemKey = keyof typeof en.problem;
const isProblemKey = (check: string): check is ProblemKey => Object.hasOwn(en.problem, check);

/** What the body holds at a field's path (`attestations.weeklyHours`). */
const valueAt = (body: unknown, field: string): unknown =>
  field
    .split('.')
    .reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as never)[part] : undefined), body);

/** The catalog's sentence for a failed check (for a field left out, that it is missing); one for any other check. */
function keyOf({ field, reason, check = '' }: CheckedProblem, body: unknown): ProblemKey {
  const value = valueAt(body, field);
  const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  if (missing) return check === 'isBoolean' ? check : 'isDefined';
  // One check for both ends of a length; its message says which end was passed.
  if (check === 'isLength') return /shorter/.test(reason) ? 'maxLength' : 'minLength';
  if (check === 'matches') return /seen/.test(reason) ? 'visible' : field.endsWith('memberId') ? 'memberId' : 'other';
  return isProblemKey(check) ? check : 'other';
}

/** The number a check compares with ("must not be greater than 80" → 80), as its English message says it. */
const limitIn = (reason: string) => /(-?\d+(?:\.\d+)?)(?!.*\d)/.exec(reason)?.[1];

/** The problems of a refused `body`, as its member reads them in `lng`. */
export function problemsIn<P extends CheckedProblem>(problems: readonly P[], body: unknown, lng: MemberLanguage): P[] {
  return problems.map((problem) => {
    const key = keyOf(problem, body);
    const limit = limitIn(problem.reason);
    const needsLimit = /{{limit}}/.test(en.problem[key]);
    const reason =
      needsLimit && limit === undefined
        ? say('problem.other', {}, lng)
        : say(`problem.${key}`, { limit: limit ?? '' }, lng);
    return { ...problem, reason };
  });
}
