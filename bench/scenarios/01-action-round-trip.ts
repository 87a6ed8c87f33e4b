// #1: the round trip of an API action against a raw update on the same server.
import type { BenchContext } from '../context';
import { record } from '../report';
import { percentile, round, timed } from '../stats';
import { addCpu, describeCpu, perItem, withCpu } from '../cpu';

/** Records #1 and sets `rawUpdateP95` in the context (the baseline of #2). */
export async function actionRoundTrip(context: BenchContext): Promise<void> {
  const { action, rawUpdate, api, organizers } = context;
  // Where an action's time goes beyond the update: the API's own floor, a read of the detail an action answers with
  // (HTTP, authentication and the same queries), timed beside it.
  let read = 0;
  const detailRead = () => api.call(api.adminToken, 'GET', `/api/organizers/${organizers[read++ % organizers.length]}`);
  await timed(100, 1, action);
  await timed(100, 1, rawUpdate);
  await timed(100, 1, detailRead);
  // Interleaved rounds, so drift on the machine touches both sides alike.
  const ours: number[] = [];
  const raw: number[] = [];
  const reads: number[] = [];
  let oursCpu = 0;
  let rawCpu = 0;
  const oursByProcess: Record<string, number> = {};
  for (let pass = 0; pass < 10; pass++) {
    const actions = await withCpu(context.stack, () => timed(100, 1, action));
    ours.push(...actions.result);
    oursCpu += actions.total;
    addCpu(oursByProcess, actions.cpu);
    const updates = await withCpu(context.stack, () => timed(100, 1, rawUpdate));
    raw.push(...updates.result);
    rawCpu += updates.total;
    reads.push(...(await timed(100, 1, detailRead)));
  }
  const figures = {
    p50: round(percentile(ours, 50)),
    p99: round(percentile(ours, 99)),
    p95: round(percentile(ours, 95)),
  };
  const baseline = {
    p50: round(percentile(raw, 50)),
    p99: round(percentile(raw, 99)),
    p95: round(percentile(raw, 95)),
  };
  const ratios = { p50: round(figures.p50 / baseline.p50), p99: round(figures.p99 / baseline.p99) };
  record({
    id: 1,
    name: 'API action round trip, ms (1,000 actions)',
    figures,
    baseline,
    ratios,
    target: 'p50 ≤ 1.4×, p99 ≤ 1.6× raw update',
    met: ratios.p50 <= 1.4 && ratios.p99 <= 1.6,
    note:
      `CPU ms per action ${perItem(oursCpu, ours.length)} (${describeCpu(oursByProcess)} s for ${ours.length}), ` +
      `per raw update ${perItem(rawCpu, raw.length)} (all processes); ` +
      `a detail read through the API p50 ${round(percentile(reads, 50))} ms, p99 ${round(percentile(reads, 99))} ms`,
  });
  context.rawUpdateP95 = baseline.p95;
}
