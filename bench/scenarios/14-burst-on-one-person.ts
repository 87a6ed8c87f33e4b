// #14: a burst of 40 actions sent at once to one person (a coordinator's bulk action, a page retried), on each of 12
// organizers in turn, with the default update timeout: how many answered 503. Temporal admits 10 updates in flight per
// workflow; the API retries a refused admission within the timeout, and one task per action makes room sooner.
import { anApplicationFor, walkTo } from '../../dev/hiring-walk';
import type { BenchContext } from '../context';
import { log, record } from '../report';
import { percentile, round } from '../stats';
import { recordRideAlong } from '../ride-along';

const people = 12;
const perPerson = 40;

export async function burstOnOnePerson({ api, program, stack }: BenchContext): Promise<void> {
  const organizers: string[] = [];
  for (let i = 0; i < people; i++) {
    const { id } = await api.call(
      api.adminToken,
      'POST',
      `/api/programs/${program.id}/applications`,
      anApplicationFor(`BURST-${Date.now()}-${i}`),
    );
    for (const { action, input } of walkTo(program.policy, 'active'))
      await api.call(api.adminToken, 'POST', `/api/organizers/${id}/${action}`, input);
    organizers.push(id);
  }
  const send = (id: string, n: number) => recordRideAlong(api, id, n, 'Burst');
  // The same actions one after another on one person: what the burst's are compared with.
  const oneByOne: number[] = [];
  for (let n = 0; n < perPerson; n++) oneByOne.push((await send(organizers[0], n)).ms);
  const rideAlongs = async () =>
    Number(
      (
        await stack.pg.query('SELECT sum(ride_along_count)::int AS n FROM organizers WHERE id = ANY ($1)', [
          organizers.slice(1),
        ])
      ).rows[0].n,
    );
  const before = await rideAlongs();
  const answers: { status: number; ms: number }[] = [];
  const bursts: number[] = [];
  for (const id of organizers.slice(1)) {
    const started = performance.now();
    answers.push(...(await Promise.all(Array.from({ length: perPerson }, (_, n) => send(id, n)))));
    bursts.push(performance.now() - started);
  }
  const statuses: Record<string, number> = {};
  for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
  log(`#14 answers: ${JSON.stringify(statuses)}`);
  const unavailable = statuses[503] ?? 0;
  // Every action answered 200 is in the read model, once (each records one ride-along).
  const recorded = (await rideAlongs()) - before;
  const serialMs = oneByOne.reduce((sum, ms) => sum + ms, 0);
  const burstMs = percentile(bursts, 50);
  record({
    id: 14,
    name: `a burst of ${perPerson} actions at once on one person (${people - 1} people in turn, default update timeout)`,
    figures: {
      answered503: unavailable,
      answered200: statuses[200] ?? 0,
      recorded,
      burstMsP50: round(burstMs),
      slowestAnswerMs: round(Math.max(...answers.map((a) => a.ms))),
    },
    baseline: { oneAfterAnotherMs: round(serialMs) },
    ratios: { burstToOneByOne: round(burstMs / serialMs) },
    target: '0 answered 503; every answered action recorded once',
    met: unavailable === 0 && (statuses[200] ?? 0) === answers.length && recorded === answers.length,
    note: `statuses ${JSON.stringify(statuses)}; the ${perPerson} one after another on one person took ${round(serialMs)} ms`,
  });
}
