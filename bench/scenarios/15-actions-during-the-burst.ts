// #15: a coordinator's actions while a program's debriefs fall overdue at once. #5's burst again, on organizers of its
// own, and meanwhile the action of #1 ten times a second on 20 organizers outside it, hired for it; against the same
// actions for 30 s before the burst's organizers start and against #5's burst alone, in the same run. Hired for it:
// #1's organizers have had thousands of actions by then (#3's and #13's loads), and once #5's burst has evicted them
// from the worker's cache, each replays a history no coordinator's record would have at its next action.
import type { BenchContext } from '../context';
import { log, record } from '../report';
import { percentile, progressUntil, round, sleep } from '../stats';
import { describeCpu, withCpu } from '../cpu';
import { startOverdueBurst } from '../overdue-burst';
import { recordRideAlong } from '../ride-along';

const everyMs = 100;

export async function actionsDuringTheBurst(context: BenchContext): Promise<void> {
  const alone = context.overdueBurst!;
  // The program spreads its reminders over about the time its workers take to raise them all at once (#5): the
  // README's sizing. BENCH_REMINDER_SPREAD_S=0 measures the burst as it was.
  const spreadSeconds = Number(process.env.BENCH_REMINDER_SPREAD_S ?? Math.round(alone.allMs / 1000));
  const reminderSpread = spreadSeconds > 0 ? `${spreadSeconds} seconds` : undefined;
  // The same actions with nothing else going on first: while the burst's workflows start, their first tasks keep the
  // worker busy for a minute or more.
  const organizers = await context.freshOrganizers('C');
  const quietUntil = Date.now() + 30_000;
  const quiet = await paced(context, organizers, () => Date.now() < quietUntil);
  const { ids, dueAt, reminders } = await startOverdueBurst(context, alone.count, 300_000, { reminderSpread });
  await sleep(dueAt - Date.now());
  let bursting = true;
  const during = paced(context, organizers, () => bursting);
  const { result: progress, cpu } = await withCpu(context.stack, () =>
    progressUntil(dueAt, ids.length, reminders, 600_000),
  );
  bursting = false;
  const loaded = await during;
  const figures = summary(loaded);
  const baseline = summary(quiet);
  log(`#15 actions during the burst ${JSON.stringify(figures)}; before it ${JSON.stringify(baseline)}`);
  const ratios = {
    p95: round(figures.p95 / baseline.p95),
    reminders: round(progress.allMs / alone.allMs),
  };
  record({
    id: 15,
    name: `a coordinator's actions, ${1000 / everyMs} a second, while ${ids.length} debriefs fall overdue at once: ms, and seconds until every reminder exists`,
    figures: { ...figures, reminderSeconds: round(progress.allMs / 1000, 1) },
    baseline: { ...baseline, burstAloneSeconds: round(alone.allMs / 1000, 1) },
    ratios,
    target: 'p95 ≤ 2× with no burst, none answered 503; every reminder within 1.1× of #5 alone',
    met: ratios.p95 <= 2 && figures.answered503 === 0 && figures.failed === 0 && ratios.reminders <= 1.1,
    note: `reminders spread over ${reminderSpread ?? 'nothing'}; ${loaded.length} actions during the burst, ${quiet.length} before it; CPU seconds by process during the burst: ${describeCpu(cpu)}`,
  });
}

type Answer = { status: number; ms: number };

/** The action every `everyMs` on these organizers in turn while `going()`, each answer however it ends. */
async function paced({ api }: BenchContext, organizers: string[], going: () => boolean): Promise<Answer[]> {
  const answers: Promise<Answer>[] = [];
  const start = Date.now();
  for (let n = 0; going(); n++) {
    const organizerId = organizers[n % organizers.length];
    answers.push(recordRideAlong(api, organizerId, n, 'Lane').catch(() => ({ status: 0, ms: Number.NaN })));
    await sleep(start + (n + 1) * everyMs - Date.now());
  }
  return Promise.all(answers);
}

function summary(answers: Answer[]) {
  const ms = answers.filter((a) => a.status === 200).map((a) => a.ms);
  return {
    p50: round(percentile(ms, 50)),
    p95: round(percentile(ms, 95)),
    p99: round(percentile(ms, 99)),
    answered503: answers.filter((a) => a.status === 503).length,
    failed: answers.filter((a) => a.status !== 200 && a.status !== 503).length,
  };
}
