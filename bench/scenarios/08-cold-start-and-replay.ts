// #8: worker cold start with the prebuilt bundle, and replay of a full recorded term against replay of the minimal
// workflow's history with the same timers and updates (#7 records it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { projectRoot } from '../../dev/stack/settings';
import type { BenchContext } from '../context';
import { latestRecordedTerm, type RecordedRun } from '../recorded-term';
import { record } from '../report';
import { percentile, round } from '../stats';
import { profiled } from '../cpu-profile';

/** The first cold start is the run's own worker's (`context.workerColdStartMs`); four more start here. */
export async function coldStartAndReplay({
  stack,
  queue,
  workerColdStartMs,
  minimalTerm,
}: BenchContext): Promise<void> {
  const starts = [workerColdStartMs];
  for (let i = 0; i < 4; i++) {
    const { process: worker, startedMs } = await stack.startWorker(`${queue}-cold-${i}`);
    starts.push(startedMs);
    await worker.stop();
  }
  const histories = latestRecordedTerm();
  const ourBundle = { code: readFileSync(join(projectRoot, 'dist', 'workflow-bundle.js'), 'utf8') };
  const ours = await replayTime(ourBundle, histories);
  // Each side's bundle is built once and reused, as a replayer over many histories would.
  const minimalBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../baseline.workflows'),
    logger: new DefaultLogger('WARN'),
  });
  const minimal = await replayTime(minimalBundle, [minimalTerm!]);
  // Where replay spends its CPU, three rounds of each under the profiler.
  const threeRounds = (bundle: { code: string }, recorded: RecordedRun[]) => async () => {
    for (let i = 0; i < 3; i++) await replay(bundle, recorded);
  };
  const oursProfile = await profiled(threeRounds(ourBundle, histories));
  const minimalProfile = await profiled(threeRounds(minimalBundle, [minimalTerm!]));
  const describe = (shares: Record<string, number>) =>
    Object.entries(shares)
      .map(([category, share]) => `${category} ${share}%`)
      .join(', ');
  const coldStart = round(percentile(starts, 50), 0);
  const ratio = round(ours.replayMs / minimal.replayMs);
  const events = histories.reduce((n, h) => n + (h.history.events?.length ?? 0), 0);
  record({
    id: 8,
    name: `worker cold start with the prebuilt bundle; replay of a full term (${histories.length} runs, ${events} events), ms (median)`,
    figures: { coldStartMs: coldStart, replayMs: ours.replayMs, replayWorkerStartMs: ours.setupMs },
    baseline: {
      minimalReplayMs: minimal.replayMs,
      minimalEvents: minimalTerm!.history.events!.length,
      minimalReplayWorkerStartMs: minimal.setupMs,
    },
    ratios: { replay: ratio },
    target: 'replay ≤ 1.5× the minimal workflow’s; cold start ≤ 2,000 ms',
    met: ratio <= 1.5 && coldStart <= 2_000,
    note: `CPU of replay, ours: ${describe(oursProfile.shares)}; the minimal workflow's: ${describe(minimalProfile.shares)}; bundles ${kb(ourBundle)} and ${kb(minimalBundle)} KB of code`,
  });
}

/**
 * Median time to replay `histories` with `bundle`, less the fixed cost of starting a replay worker (timed by replaying
 * the first three events of the first history), and that fixed cost. The first of six rounds warms up.
 */
async function replayTime(
  bundle: { code: string },
  histories: RecordedRun[],
): Promise<{ replayMs: number; setupMs: number }> {
  const trivial = { ...histories[0], history: { events: histories[0].history.events!.slice(0, 3) } };
  const replays: number[] = [];
  const setups: number[] = [];
  for (let i = 0; i < 6; i++) {
    let t = performance.now();
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, [trivial])) void result;
    setups.push(performance.now() - t);
    t = performance.now();
    await replay(bundle, histories);
    replays.push(performance.now() - t);
  }
  const setupMs = round(percentile(setups.slice(1), 50), 0);
  return { replayMs: Math.max(1, round(percentile(replays.slice(1), 50), 0) - setupMs), setupMs };
}

async function replay(bundle: { code: string }, histories: RecordedRun[]): Promise<void> {
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories))
    if (result.error) throw result.error;
}

/** The bundle's code, KB, without its inline source map. */
function kb(bundle: { code: string }): number {
  const map = bundle.code.indexOf('//# sourceMappingURL=');
  return Math.round((map < 0 ? bundle.code.length : map) / 1024);
}
