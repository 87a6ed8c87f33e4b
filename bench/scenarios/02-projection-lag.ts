// #2: projection lag of a timer-driven change.
import { mergePolicy, policyPresets } from '../../src/domain/policy';
import { activeOrganizerState, startFromStates } from '../bench-organizers';
import type { BenchContext } from '../context';
import { record } from '../report';
import { describeBreakdown, reminderBreakdown } from '../history-breakdown';
import { percentile, round, sleep } from '../stats';

/** Needs #1 to have run first: its baseline is #1's raw-update p95 (`context.rawUpdateP95`). */
export async function projectionLag({
  stack,
  program,
  queue,
  baselineQueue,
  rawUpdateP95,
}: BenchContext): Promise<void> {
  const policy = mergePolicy(policyPresets.member_organizer, {});
  const now = Date.now();
  const count = 300;
  const first = now + 15_000;
  const states = Array.from({ length: count }, (_, i) =>
    activeOrganizerState(program.id, policy, first + Math.round((i * 30_000) / count), now, 1_000 + i),
  );
  await startFromStates(stack.client, queue, states);
  const ids = states.map((s) => s.organizerId);
  const seen = new Map<string, number>();
  const deadline = first + 30_000 + 20_000;
  while (seen.size < count && Date.now() < deadline) {
    const { rows: found } = await stack.pg.query(
      `SELECT id, created_at FROM notifications WHERE kind = 'debrief_overdue' AND organizer_id = ANY ($1)`,
      [ids],
    );
    const at = Date.now();
    for (const row of found as { id: string; created_at: Date }[])
      if (!seen.has(row.id)) seen.set(row.id, at - row.created_at.getTime());
    await sleep(5);
  }
  const lags = [...seen.values()];
  const p95 = round(percentile(lags, 95));
  // How late the server hands over a bare timer's task (its share of any timer-driven lag).
  const timerFirst = Date.now() + 5_000;
  const timerHandles = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      stack.client.workflow.start('bareTimerWorkflow', {
        taskQueue: baselineQueue,
        workflowId: `${baselineQueue}-lag-${i}`,
        args: [{ at: timerFirst + i * 100 }],
      }),
    ),
  );
  const timerLags = await Promise.all(timerHandles.map((h) => h.result() as Promise<number>));
  // The floor of "a deadline comes and its row is visible": the server hands the timer over, then one update's worth.
  const bareTimerFiringLateP95 = round(percentile(timerLags, 95));
  const ours = await reminderBreakdown(stack.client, ids.slice(0, 100), first - 1_000);
  const bare = await reminderBreakdown(
    stack.client,
    timerHandles.map((h) => h.workflowId),
    timerFirst - 1_000,
  );
  const ratio = round(p95 / (bareTimerFiringLateP95 + rawUpdateP95!));
  record({
    id: 2,
    name: `projection lag of a timer-driven reminder, ms (${lags.length} of ${count} reminders, 5 ms polling)`,
    figures: { p50: round(percentile(lags, 50)), p95 },
    baseline: { bareTimerFiringLateP95, rawUpdateP95: rawUpdateP95! },
    ratios: { p95: ratio },
    target: 'p95 ≤ 1.15× (a bare timer firing late p95 + raw update p95)',
    met: ratio <= 1.15 && lags.length === count,
    note: `from 100 histories each, p50 (p95) ms: ours, ${describeBreakdown(ours, { activity: true })}; a bare timer, ${describeBreakdown(bare, { activity: false })}`,
  });
}
