// A program's goals measured: so far against the target, the forecast at the current pace, on track or behind.
import type { GoalProgressDto } from '../api-types';
import { day } from '../time';
import { number, Tag } from '../ui';
import { vocabulary } from '../vocabulary';

/** Each measured goal: so far against the target, the forecast at the current pace, on track or behind. */
export function Goals({ goals }: { goals: GoalProgressDto[] }) {
  if (!goals.length) return null;
  const v = vocabulary();
  const metric = (m: string) => v.goalMetrics.find((g) => g.name === m)?.label ?? m;
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">Goals</h2>
      <ul class="goals" data-list="goals">
        {goals.map((g) => {
          const perWeek = g.scope === 'organizer_week';
          const unit = perWeek ? `${metric(g.metric)} per organizer per week` : metric(g.metric);
          return (
            <li key={`${g.goal}|${g.local ?? ''}`}>
              <div class="goal-head">
                <strong>
                  {g.goal}
                  {g.local ? ` · ${g.local}` : ''}
                </strong>{' '}
                <Tag tone={g.onTrack ? 'ok' : 'warn'}>{g.onTrack ? 'on track' : `behind by ${number(g.behindBy)}`}</Tag>
              </div>
              <progress
                max={g.target}
                value={Math.min(g.actual, g.target)}
                aria-label={`${g.goal}: ${g.actual} of ${g.target}`}
              />
              <p class="muted small">
                {number(g.actual)} of {number(g.target)} {unit}
                {/* `by` is the instant the goal's last day ends: the day shown is that last day. */}
                {perWeek
                  ? ' so far'
                  : `; at this pace ${number(g.forecast)} by ${day(new Date(Date.parse(g.by) - 1).toISOString())}`}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
