// A program's goals (docs/design.md §3b): typed, so progress can be measured from the read models and forecast at the
// current pace. The old form (`{ "oneOnOnesPerWeek": 3 }`) is still read: a name it knows becomes its typed goal,
// anything else is kept as a note with its value (shown, not measured).
import type { ProgramPolicy } from './policy';

/** What a goal counts: the pipeline's hires, or a sum over debriefs; a program's own debrief count by its name. */
export const goalMetrics = [
  'hires',
  'debriefs',
  'hours',
  'conversations',
  'one_on_ones',
  'leaders_identified',
] as const;
export type GoalMetric = (typeof goalMetrics)[number];

/** Whose progress: the program's, each organizer's per week (on average), or each local's. */
export const goalScopes = ['program', 'organizer_week', 'local'] as const;
export type GoalScope = (typeof goalScopes)[number];

export interface Goal {
  name: string;
  /** A GoalMetric or one of the program's debriefMetrics; absent for a note kept from the old form. */
  metric?: string;
  scope?: GoalScope;
  target?: number;
  /** Local scope: the target is this percent of the local's active members on the roster (MAPE: 20). */
  percentOfMembers?: number;
  /** The date it is for (YYYY-MM-DD); the term's end when absent. */
  by?: string;
  /** An old-form entry that is not a goal the product can measure: its value as given. */
  note?: string | number | boolean;
}

/** A goal's progress: so far, the forecast at the pace so far, and whether that reaches the target. */
export interface GoalProgress {
  goal: string;
  metric: string;
  scope: GoalScope;
  /** The local, for a goal of each local. */
  local?: string;
  target: number;
  /** So far: a count, or per organizer per week for that scope. */
  actual: number;
  /** At the goal's date, at the pace so far (per organizer per week: the pace itself). */
  forecast: number;
  onTrack: boolean;
  /** How far the forecast falls short of the target (0 when on track). */
  behindBy: number;
  /** The instant the goal is for. */
  by: string;
}

/** The old form's names the product knows. */
const knownNames: Record<string, Pick<Goal, 'metric' | 'scope'> & { percent?: boolean }> = {
  organizersToHire: { metric: 'hires', scope: 'program' },
  hires: { metric: 'hires', scope: 'program' },
  oneOnOnes: { metric: 'one_on_ones', scope: 'program' },
  oneOnOnesPerWeek: { metric: 'one_on_ones', scope: 'organizer_week' },
  conversations: { metric: 'conversations', scope: 'program' },
  conversationsPerWeek: { metric: 'conversations', scope: 'organizer_week' },
  voterContacts: { metric: 'conversations', scope: 'program' },
  hoursPerWeek: { metric: 'hours', scope: 'organizer_week' },
  leadersIdentified: { metric: 'leaders_identified', scope: 'program' },
  caucusTurnoutPercent: { metric: 'caucus commitments', scope: 'local', percent: true },
};

/** A program's goals as a typed list, from either form (an old entry this program cannot measure stays a note). */
export function goalsOf(stored: unknown, policy: Pick<ProgramPolicy, 'debriefMetrics'>): Goal[] {
  if (Array.isArray(stored)) return stored as Goal[];
  if (!stored || typeof stored !== 'object') return [];
  const metrics = measurableMetrics(policy);
  return Object.entries(stored as Record<string, string | number | boolean>).map(([name, value]) => {
    const known = knownNames[name];
    if (!known || typeof value !== 'number' || !metrics.includes(known.metric!)) return { name, note: value };
    const { percent, ...typed } = known;
    return { name, ...typed, ...(percent ? { percentOfMembers: value } : { target: value }) };
  });
}

/** The goals the product measures: typed ones, not notes kept from the old form. */
export function measuredGoals(stored: unknown, policy: Pick<ProgramPolicy, 'debriefMetrics'>): Goal[] {
  return goalsOf(stored, policy).filter((goal) => goal.metric && goal.scope);
}

/** The metrics a goal of this program may count: the standard ones and the program's own debrief counts. */
export function measurableMetrics(policy: Pick<ProgramPolicy, 'debriefMetrics'>): string[] {
  return [...goalMetrics, ...(policy.debriefMetrics ?? [])];
}

/** Everything wrong with typed goals, each naming its field (`goals[2].target`). */
export function goalProblems(
  goals: Goal[],
  policy: Pick<ProgramPolicy, 'debriefMetrics'>,
): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  const metrics = measurableMetrics(policy);
  goals.forEach((goal, i) => {
    const at = (field: string) => `goals[${i}].${field}`;
    if (goal.note !== undefined) return;
    if (!goal.metric || !metrics.includes(goal.metric))
      problems.push({ field: at('metric'), reason: `must be one of ${metrics.join(', ')}` });
    if (goal.scope === 'local' && goal.percentOfMembers !== undefined) {
      if (!(goal.percentOfMembers > 0 && goal.percentOfMembers <= 100))
        problems.push({ field: at('percentOfMembers'), reason: 'must be a percent above 0, at most 100' });
      if (goal.target !== undefined)
        problems.push({ field: at('target'), reason: 'give a target or a percent of members, not both' });
    } else if (goal.percentOfMembers !== undefined) {
      problems.push({ field: at('percentOfMembers'), reason: 'is for goals with scope local' });
    } else if (typeof goal.target !== 'number' || !(goal.target > 0)) {
      problems.push({ field: at('target'), reason: 'must be a number above 0' });
    }
  });
  const names = goals.map((g) => g.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push({ field: 'goals', reason: 'must name each goal once' });
  return problems;
}

/**
 * A cumulative goal's forecast: what the count will be at `by` if it keeps the pace it has had since `from`, never
 * less than the count so far. The pace is taken over at least a day (or a 28th of the span, for terms measured in
 * hours), so a term that began this morning does not forecast from minutes. At or past `by`: the count.
 */
export function forecastAt(actual: number, from: number, by: number, now: number): number {
  if (now >= by) return actual;
  const elapsed = Math.max(now - from, Math.min(86_400_000, (by - from) / 28));
  return Math.max(actual, Math.round((actual * (by - from)) / elapsed));
}

/**
 * What a goal's plan expects at `instant`: a per-week goal, its target every week; any other, its target reached at an
 * even pace from `from` (the term's start) to `by`, none before `from`.
 */
export function planAt(goal: { scope: GoalScope; target: number }, from: number, by: number, instant: number): number {
  if (goal.scope === 'organizer_week') return goal.target;
  const share = Math.min(1, Math.max(0, (instant - from) / Math.max(by - from, 1)));
  return Math.round(goal.target * share * 10) / 10;
}

/**
 * The week a per-week goal counts in: seven days, or the program's debrief cadence when that is shorter (a policy in
 * minutes, such as the demo's, runs a compressed calendar).
 */
export function goalWeekMs(debriefEveryMs: number): number {
  return Math.min(7 * 86_400_000, debriefEveryMs);
}
