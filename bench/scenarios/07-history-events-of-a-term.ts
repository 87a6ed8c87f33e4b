// #7: history events of a recorded term, against a minimal workflow with the same timers and updates.
import { randomUUID } from 'node:crypto';
import type { History } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { stackSettings } from '../../dev/stack/settings';
import { resolveTimeSkippingServer } from '../../dev/stack/time-skipping-server';
import type { BenchContext } from '../context';
import { latestRecordedTerm } from '../recorded-term';
import { record } from '../report';
import { round } from '../stats';

const EventType = temporal.api.enums.v1.EventType;

/** Records #7 and keeps the minimal workflow's history in the context (#8 replays it). */
export async function historyEventsOfATerm(context: BenchContext): Promise<void> {
  const histories = latestRecordedTerm().map(({ history }) => history);
  const events = histories.reduce((total, h) => total + (h.events?.length ?? 0), 0);
  const minimal = await minimalTermHistory(histories);
  context.minimalTerm = { workflowId: 'minimal-term', history: minimal };
  const baselineEvents = minimal.events!.length;
  const ratio = round(events / baselineEvents);
  record({
    id: 7,
    name: `history events of a 12-month AFT term (${histories.length} runs, recorded)`,
    figures: { events },
    baseline: { minimalWorkflowEvents: baselineEvents },
    ratios: { events: ratio },
    target: '≤ 1.3× a minimal workflow with the same timers and updates',
    met: ratio <= 1.3,
    note: `events by kind, ours: ${byKind(histories)}; the minimal workflow's: ${byKind([minimal])}`,
  });
}

/**
 * The history of a minimal workflow with the same timers and updates as the recorded term: replays the recorded
 * timer instants and update moments on the time-skipping server.
 */
async function minimalTermHistory(histories: History[]): Promise<History> {
  const events = histories.flatMap((h) => h.events ?? []);
  const time = (e: (typeof events)[number]) =>
    Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
  const origin = time(events[0]);
  const timers = events.filter((e) => e.timerFiredEventAttributes).map((e) => time(e) - origin);
  const updates = events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).map((e) => time(e) - origin);
  const path = resolveTimeSkippingServer(stackSettings());
  const env = await TestWorkflowEnvironment.createTimeSkipping(
    path ? { server: { executable: { type: 'existing-path', path } } } : {},
  );
  try {
    const taskQueue = `minimal-${randomUUID().slice(0, 6)}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../baseline.workflows'),
    });
    return await worker.runUntil(async () => {
      const start = Number(await env.currentTimeMs());
      const handle = await env.client.workflow.start('minimalTermWorkflow', {
        taskQueue,
        workflowId: taskQueue,
        args: [{ deadlines: timers.map((t) => start + t) }],
      });
      for (const at of updates) {
        const wait = start + at - Number(await env.currentTimeMs());
        if (wait > 0) await env.sleep(wait);
        await handle.executeUpdate('noop', { args: [1] });
      }
      await handle.result();
      return await handle.fetchHistory();
    });
  } finally {
    await env.teardown();
  }
}

/** Events counted by kind: workflow tasks, timers, updates, the rest, and activities by type (three events each). */
function byKind(histories: History[]): string {
  const eventKinds = [
    ['WORKFLOW_TASK', 'workflow task events'],
    ['TIMER', 'timer events'],
    ['UPDATE', 'update events'],
  ] as const;
  const counts = new Map<string, number>();
  const add = (kind: string) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  for (const event of histories.flatMap((h) => h.events ?? [])) {
    const type = String(EventType[event.eventType ?? 0] ?? event.eventType);
    const activity = event.activityTaskScheduledEventAttributes?.activityType?.name;
    if (activity) add(`${activity} activities (3 events each)`);
    if (type.includes('ACTIVITY_TASK')) continue;
    add(eventKinds.find(([part]) => type.includes(part))?.[1] ?? 'other events');
  }
  return [...counts]
    .sort(([, a], [, b]) => b - a)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
}
