// #5: 10,000 debriefs overdue in the same minute (BENCH_BURST changes the count), against as many bare timers.
import type { BenchContext } from '../context';
import { log, record } from '../report';
import { startOverdueBurst } from '../overdue-burst';
import { describeBreakdown, reminderBreakdown } from '../history-breakdown';
import { progressUntil, round, sleep } from '../stats';
import { describeCpu, withCpu } from '../cpu';

export async function debriefsOverdueInTheSameMinute(context: BenchContext): Promise<void> {
  const { stack, baselineQueue } = context;
  const count = Number(process.env.BENCH_BURST ?? 10_000);
  const { ids, dueAt, reminders } = await startOverdueBurst(context, count, 100_000);
  await sleep(dueAt - Date.now());
  const { result: progress, cpu } = await withCpu(stack, () => progressUntil(dueAt, count, reminders, 600_000));
  const ours = progress.allMs;
  context.overdueBurst = { count, p95Ms: progress.p95Ms, allMs: progress.allMs, dueAt };
  // Where the time went, from 200 of the workflows' histories (spread over the burst).
  const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(count / 200)) === 0).slice(0, 200);
  const breakdown = await reminderBreakdown(stack.client, sample, dueAt - 1_000);
  log(`#5 where the time went (ms, from the histories): ${JSON.stringify(breakdown)}`);
  // Bare timers of other scenarios (#2's) have completed already: count only this burst's.
  const completedTimers = async () =>
    (await stack.client.workflow.count(`WorkflowType = 'bareTimerWorkflow' AND ExecutionStatus = 'Completed'`)).count;
  const before = await completedTimers();
  const timersAt = Date.now() + 90_000;
  let startedTimers = 0;
  await Promise.all(
    Array.from({ length: 40 }, async () => {
      for (let i = startedTimers++; i < count; i = startedTimers++) {
        await stack.client.workflow.start('bareTimerWorkflow', {
          taskQueue: baselineQueue,
          workflowId: `${baselineQueue}-timer-${i}`,
          args: [{ at: timersAt + (i % 1000) }],
        });
      }
    }),
  );
  await sleep(timersAt - Date.now());
  const { result: timers, cpu: timersCpu } = await withCpu(stack, async () => {
    const progress = await progressUntil(timersAt, count, async () => (await completedTimers()) - before, 600_000);
    return progress.allMs;
  });
  log(`#5 CPU seconds by process: ours ${describeCpu(cpu)}; bare timers ${describeCpu(timersCpu)}`);
  const timerSample = Array.from(
    { length: 200 },
    (_, i) => `${baselineQueue}-timer-${i * Math.max(1, Math.floor(count / 200))}`,
  );
  const bare = await reminderBreakdown(stack.client, timerSample, timersAt - 1_000);
  log(`#5 bare timers, from their histories (ms): ${JSON.stringify(bare)}`);
  const ratio = round(ours / timers);
  record({
    id: 5,
    name: `${count} organizers whose debriefs fall due in the same second: seconds from then until every reminder exists`,
    figures: { seconds: round(ours / 1000, 1) },
    baseline: { bareTimersSeconds: round(timers / 1000, 1) },
    ratios: { time: ratio },
    target: '≤ 1.1× bare timers',
    met: ratio <= 1.1,
    note: `from the histories of ${breakdown.sampled} each, p50 (p95) ms: ours, ${describeBreakdown(breakdown, { activity: true })}; a bare timer, ${describeBreakdown(bare, { activity: false })}; CPU seconds by process: ours ${describeCpu(cpu)}; bare timers ${describeCpu(timersCpu)}`,
  });
}
