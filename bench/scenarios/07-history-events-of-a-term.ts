// #7: history events of a recorded term, against a minimal workflow with the same timers and updates.
import { randomUUID } from 'node:crypto';
import type { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { stackSettings } from '../../dev/stack/settings';
import { resolveTimeSkippingServer } from '../../dev/stack/time-skipping-server';
import type { BenchContext } from '../context';
import { latestRecordedTerm } from '../recorded-term';
import { record } from '../report';
import { round } from '../stats';

export async function historyEventsOfATerm(_context: BenchContext): Promise<void> {
  const histories = latestRecordedTerm().map(({ history }) => history);
  const events = histories.reduce((total, h) => total + (h.events?.length ?? 0), 0);
  const baselineEvents = await minimalTermEvents(histories);
  const ratio = round(events / baselineEvents);
  record({
    id: 7,
    name: `history events of a 12-month AFT term (${histories.length} runs, recorded)`,
    figures: { events },
    baseline: { minimalWorkflowEvents: baselineEvents },
    ratios: { events: ratio },
    target: '≤ 2,000 events and ≤ 2× a minimal workflow with the same timers',
    met: events <= 2_000 && ratio <= 2,
  });
}

/**
 * The events of a minimal workflow with the same timers and updates as the recorded term: replays the recorded
 * timer instants and update moments on the time-skipping server.
 */
async function minimalTermEvents(histories: ReturnType<typeof historyFromJSON>[]): Promise<number> {
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
      return (await handle.fetchHistory()).events!.length;
    });
  } finally {
    await env.teardown();
  }
}
