// #8: worker cold start with the prebuilt bundle, and replay of a full recorded term.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { projectRoot } from '../../dev/stack/settings';
import type { BenchContext } from '../context';
import { latestRecordedTerm } from '../recorded-term';
import { record } from '../report';
import { percentile, round } from '../stats';

/** The first cold start is the run's own worker's (`context.workerColdStartMs`); four more start here. */
export async function coldStartAndReplay({ stack, queue, workerColdStartMs }: BenchContext): Promise<void> {
  const starts = [workerColdStartMs];
  for (let i = 0; i < 4; i++) {
    const { process: worker, startedMs } = await stack.startWorker(`${queue}-cold-${i}`);
    starts.push(startedMs);
    await worker.stop();
  }
  const histories = latestRecordedTerm();
  const bundle = { code: readFileSync(join(projectRoot, 'dist', 'workflow-bundle.js'), 'utf8') };
  // A replay run starts a replay worker first; replaying one trivial history measures that fixed part.
  const trivial = histories.map((h) => ({ ...h, history: { events: h.history.events!.slice(0, 3) } }))[0];
  const replays: number[] = [];
  const setups: number[] = [];
  for (let i = 0; i < 6; i++) {
    let t = performance.now();
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, [trivial])) void result;
    setups.push(performance.now() - t);
    t = performance.now();
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories))
      if (result.error) throw result.error;
    replays.push(performance.now() - t);
  }
  const coldStart = round(percentile(starts, 50), 0);
  const replayTotal = round(percentile(replays.slice(1), 50), 0);
  const setup = round(percentile(setups.slice(1), 50), 0);
  const replay = Math.max(0, replayTotal - setup);
  record({
    id: 8,
    name: `worker cold start with the prebuilt bundle, and replay of a full term (${histories.length} runs, ${histories.reduce((n, h) => n + (h.history.events?.length ?? 0), 0)} events), ms (median)`,
    figures: { coldStartMs: coldStart, replayMs: replay, replayWithWorkerStartMs: replayTotal },
    baseline: { replayWorkerStartMs: setup },
    ratios: {},
    target: 'cold start ≤ 2,000 ms; replay ≤ 100 ms',
    met: coldStart <= 2_000 && replay <= 100,
  });
}
