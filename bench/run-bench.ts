// `npm run bench`: measures the product against baselines taken in the same run on the same servers, writes a JSON
// report to bench/results/ and prints a table. Every figure is a ratio to its baseline, because absolute times on a
// shared machine drift; the targets are those of the benchmark issue. One file per scenario in bench/scenarios/;
// what they share is in bench/context.ts; `BENCH_ONLY=1,3` runs some of them (bench/report.ts).
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { BenchStack } from './bench-stack';
import { BenchContext, startContext } from './context';
import { log, wanted, writeReport } from './report';
import { actionRoundTrip } from './scenarios/01-action-round-trip';
import { projectionLag } from './scenarios/02-projection-lag';
import { dashboardAtScale } from './scenarios/03-dashboard-at-scale';
import { applicationsPerSecond } from './scenarios/04-applications-per-second';
import { debriefsOverdueInTheSameMinute } from './scenarios/05-debriefs-overdue-in-the-same-minute';
import { workerMemoryPerCachedWorkflow } from './scenarios/06-worker-memory-per-cached-workflow';
import { historyEventsOfATerm } from './scenarios/07-history-events-of-a-term';
import { coldStartAndReplay } from './scenarios/08-cold-start-and-replay';
import { twoOfEach } from './scenarios/10-two-of-each';
import { workspace } from './scenarios/11-workspace';
import { peerRemindersPgBoss } from './scenarios/09-peer-reminders-pg-boss';
import { rehearsal } from './scenarios/12-rehearsal';
import { trendsAtScale } from './scenarios/13-trends-at-scale';
import { burstOnOnePerson } from './scenarios/14-burst-on-one-person';
import { actionsDuringTheBurst } from './scenarios/15-actions-during-the-burst';

/** In order; each runs when any of `runsFor` is wanted. */
const scenarios: { runsFor: number[]; run: (context: BenchContext) => Promise<void> }[] = [
  // #2's baseline is #1's raw-update p95, so #1 runs whenever #2 does; it has always run before #3 as well.
  { runsFor: [1, 2, 3], run: actionRoundTrip },
  { runsFor: [2], run: projectionLag },
  // #13 measures on #3's 100k organizers when #3 runs (before #3b loads a million), and loads its own when it does not.
  {
    runsFor: [3],
    run: (context) =>
      dashboardAtScale(context, wanted(13) ? (programIds) => trendsAtScale(context, programIds) : undefined),
  },
  { runsFor: [4], run: applicationsPerSecond },
  // #9 and #15 compare with #5's burst, so #5 runs whenever they do.
  { runsFor: [5, 9, 15], run: debriefsOverdueInTheSameMinute },
  { runsFor: [9], run: peerRemindersPgBoss },
  { runsFor: [15], run: actionsDuringTheBurst },
  { runsFor: [10], run: twoOfEach },
  { runsFor: [6], run: workerMemoryPerCachedWorkflow },
  // #8's baseline is the minimal workflow's history that #7 records.
  { runsFor: [7, 8], run: historyEventsOfATerm },
  { runsFor: [8], run: coldStartAndReplay },
  { runsFor: [11], run: workspace },
  { runsFor: [12], run: rehearsal },
  { runsFor: [13], run: (context) => (wanted(3) ? Promise.resolve() : trendsAtScale(context)) },
  { runsFor: [14], run: burstOnOnePerson },
];

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const started = Date.now();
  const stack = await BenchStack.start(log);
  try {
    const context = await startContext(stack);
    for (const { runsFor, run } of scenarios) if (runsFor.some(wanted)) await run(context);
  } catch (error) {
    // Said before the stack stops: a client call still retrying when its connection closes can end the process.
    said(error);
    await stack.stop();
    process.exit(1);
  }
  await stack.stop();
  writeReport(started);
}

function said(error: unknown): void {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

main().catch((error: unknown) => {
  said(error);
  process.exit(1);
});
