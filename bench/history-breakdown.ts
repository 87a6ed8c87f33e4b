// Where a timer-driven reminder's time goes, read from the workflows' own histories (measured, not guessed): from
// the timer firing to the workflow task that handles it being picked up and completed, then to the projection
// activity being picked up and completed (the reminder's row is written then).
import type { Client } from '@temporalio/client';
import { percentile, round } from './stats';

type Event = NonNullable<
  Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']
>[number];

const at = (e: Event) => Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);

export interface Breakdown {
  /** Timer fired → its workflow task started (the task waits in the queue for a worker slot). */
  taskQueuedMs: number;
  /** That workflow task started → completed (the worker's processing, a replay when not cached). */
  taskRunMs: number;
  /** Workflow task completed → the projection activity started (waits in the activity queue). */
  activityQueuedMs: number;
  /** The projection activity started → completed (the PostgreSQL write). */
  activityRunMs: number;
  /** Timer fired → the projection completed: the reminder's row exists. */
  totalMs: number;
}

/** The p50 and p95 of each part, over the first timer each of `workflowIds` fired after `after` (ms). */
export async function reminderBreakdown(
  client: Client,
  workflowIds: string[],
  after: number,
): Promise<Record<string, number>> {
  const samples: Breakdown[] = [];
  for (const id of workflowIds) {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const fired = events.findIndex((e) => e.timerFiredEventAttributes && at(e) >= after);
    if (fired < 0) continue;
    /** The first event from `from` on that `has` holds for; -1 when there is none (or `from` is -1). */
    const next = (from: number, has: (e: Event) => unknown) => {
      if (from < 0) return -1;
      for (let i = from; i < events.length; i++) if (has(events[i])) return i;
      return -1;
    };
    const started = next(fired, (e) => e.workflowTaskStartedEventAttributes);
    const completed = next(started, (e) => e.workflowTaskCompletedEventAttributes);
    const activityStarted = next(completed, (e) => e.activityTaskStartedEventAttributes);
    const activityCompleted = next(activityStarted, (e) => e.activityTaskCompletedEventAttributes);
    if (started < 0 || completed < 0) continue;
    // A bare timer's workflow has no activity: its task completing is the end.
    const activity = activityStarted >= 0 && activityCompleted >= 0;
    samples.push({
      taskQueuedMs: at(events[started]) - at(events[fired]),
      taskRunMs: at(events[completed]) - at(events[started]),
      activityQueuedMs: activity ? at(events[activityStarted]) - at(events[completed]) : 0,
      activityRunMs: activity ? at(events[activityCompleted]) - at(events[activityStarted]) : 0,
      totalMs: at(events[activity ? activityCompleted : completed]) - at(events[fired]),
    });
  }
  const figures: Record<string, number> = { sampled: samples.length };
  for (const part of ['taskQueuedMs', 'taskRunMs', 'activityQueuedMs', 'activityRunMs', 'totalMs'] as const) {
    const values = samples.map((s) => s[part]);
    figures[`${part.replace(/Ms$/, '')}P50`] = round(percentile(values, 50), 0);
    figures[`${part.replace(/Ms$/, '')}P95`] = round(percentile(values, 95), 0);
  }
  return figures;
}

/** `reminderBreakdown`'s figures in words, p50 (p95) ms per part; the projection's parts only where there is one. */
export function describeBreakdown(figures: Record<string, number>, { activity }: { activity: boolean }): string {
  const parts: [string, string][] = [
    ['timer fired → its task started', 'taskQueued'],
    ['the task', 'taskRun'],
    ...(activity
      ? ([
          ['→ projection started', 'activityQueued'],
          ['projection', 'activityRun'],
          ['timer → row', 'total'],
        ] as [string, string][])
      : []),
  ];
  return parts.map(([words, part]) => `${words} ${figures[`${part}P50`]} (${figures[`${part}P95`]})`).join(', ');
}
