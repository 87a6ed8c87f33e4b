// A program's goals week by week (issue 33): each goal's actual at each week's end against its plan. A goal counting
// people or debriefs is cumulative (so far, against the target reached at an even pace to its date); a goal per
// organizer per week is the pace so far at the week's end (its count over the organizer-weeks active by then, as the
// goals endpoint measures it; a monthly debrief does not make three empty weeks and a full one), against its target.
import { planAt, type GoalProgress } from '../../domain/goals';
import type { ProgramWeek } from '../../domain/trends';
import type { MetricWeek } from '../../repositories/goal-progress.repository';
import type { GoalWeeksDto } from './trends.dto';

const tenths = (value: number) => Math.round(value * 10) / 10;

export function goalWeeks(
  goals: GoalProgress[],
  weeks: ProgramWeek[],
  counts: (metric: string) => MetricWeek[],
  /** Organizer-weeks active by each week's end (for goals per organizer per week). */
  activeWeeks: Map<string, number>,
  termStart: number,
): GoalWeeksDto[] {
  return goals.map((goal) => {
    const mine = counts(goal.metric).filter((c) => goal.local === undefined || c.local === goal.local);
    const sum = (within: (week: string) => boolean) => mine.reduce((n, c) => n + (within(c.week) ? c.n : 0), 0);
    const by = Date.parse(goal.by);
    const actual = weeks.map(({ week }) => {
      const soFar = sum((w) => w <= week);
      if (goal.scope !== 'organizer_week') return tenths(soFar);
      const active = activeWeeks.get(week) ?? 0;
      return active > 0 ? tenths(soFar / active) : null;
    });
    const plan = weeks.map(({ end }) => planAt(goal, termStart, by, end.getTime()));
    const { goal: name, metric, scope, local, target } = goal;
    return { goal: name, metric, scope, ...(local === undefined ? {} : { local }), target, by: goal.by, actual, plan };
  });
}
