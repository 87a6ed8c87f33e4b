// #10: two workers and two API processes on one server against one of each: the same actions, as fast as they are
// answered, and every one of them recorded once.
import { cpus } from 'node:os';
import { DemoClient } from '../../dev/demo/demo-seeder';
import type { BenchContext } from '../context';
import { log, record } from '../report';
import { forSeconds, round, sleep } from '../stats';
import { withCpu } from '../cpu';

const seconds = 20;
const clients = 40;

export async function twoOfEach({ stack, api, queue, organizers, action, actionThrough }: BenchContext): Promise<void> {
  const one = await throughput(stack, organizers, action);
  log(`#10 one of each: ${JSON.stringify(one)}`);
  const { process: worker } = await stack.startWorker(queue, {}, `worker-${queue}-second`);
  const { url, process: secondApi } = await stack.startApi(queue, 'api-second');
  const second = new DemoClient(url, api.adminToken);
  let turn = 0;
  const two = await throughput(stack, organizers, () => actionThrough(turn++ % 2 ? second : api));
  log(`#10 two of each: ${JSON.stringify(two)}`);
  await Promise.all([secondApi.stop(), worker.stop()]);
  const ratio = round(two.perSecond / one.perSecond);
  const intact = [one, two].every((r) => r.failed === 0 && r.recorded === r.answered && r.recordedLater === r.recorded);
  record({
    id: 10,
    name: `actions per second, ${clients} clients for ${seconds} s: two workers and two API processes on one server`,
    figures: { perSecond: two.perSecond, answered: two.answered, recorded: two.recorded, failed: two.failed },
    baseline: { perSecond: one.perSecond, answered: one.answered, recorded: one.recorded, failed: one.failed },
    ratios: { throughput: ratio },
    target: 'every answered action recorded once, none failed; throughput ≥ 1× one of each',
    met: intact && ratio >= 1,
    note: `CPU seconds used in the ${seconds} s (the machine has ${cpus().length * seconds}): one of each ${one.cpuSeconds}, two of each ${two.cpuSeconds}`,
  });
}

/**
 * Actions from `clients` clients for `seconds`, each sent as soon as the client's last is answered; then how many
 * were answered 200, how many failed, and how many ride-alongs the read model gained (each action records one).
 */
async function throughput(
  stack: BenchContext['stack'],
  organizers: readonly string[],
  send: () => Promise<unknown>,
): Promise<{
  perSecond: number;
  answered: number;
  failed: number;
  recorded: number;
  recordedLater: number;
  cpuSeconds: number;
}> {
  const { pg } = stack;
  const rideAlongs = async () =>
    Number(
      (await pg.query('SELECT sum(ride_along_count)::int AS n FROM organizers WHERE id = ANY ($1)', [organizers]))
        .rows[0].n,
    );
  const before = await rideAlongs();
  let answered = 0;
  let failed = 0;
  let firstFailure: unknown;
  const { total: cpuSeconds } = await withCpu(stack, () =>
    forSeconds(clients, seconds, () =>
      send().then(
        () => (answered += 1),
        (error: unknown) => {
          failed += 1;
          firstFailure ??= error;
        },
      ),
    ),
  );
  if (firstFailure) log(`#10 first failure: ${String(firstFailure)}`);
  // The API answers once the read model has the action, so the count is final at once; a second later it must not
  // have moved (a projection landing late, or twice, would show there).
  const recorded = (await rideAlongs()) - before;
  await sleep(1_000);
  return {
    perSecond: round(answered / seconds, 1),
    answered,
    failed,
    recorded,
    recordedLater: (await rideAlongs()) - before,
    cpuSeconds: round(cpuSeconds, 1),
  };
}
