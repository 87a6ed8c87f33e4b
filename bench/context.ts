// What the scenarios share: the stack and its queues, the API and the bench program, the fixtures set up once before
// any scenario runs, and the figures a later scenario reads from an earlier one.
import { randomUUID } from 'node:crypto';
import type { RecordedRun } from './recorded-term';
import { DemoClient } from '../dev/demo/demo-seeder';
import { anApplicationFor, walkTo } from '../dev/hiring-walk';
import type { ProgramPolicy } from '../src/domain/policy';
import type { BenchStack } from './bench-stack';

export interface BenchContext {
  readonly stack: BenchStack;
  /** The real API, called with the admin token. */
  readonly api: DemoClient;
  /** The program every API-driven scenario works in. */
  readonly program: { id: string; policy: ProgramPolicy };
  /** The real worker's task queue (the API's too). */
  readonly queue: string;
  /** The task queue of the worker for the baseline workflows. */
  readonly baselineQueue: string;
  /** How long the real worker on `queue` took to start (the first of #8's cold starts). */
  readonly workerColdStartMs: number;
  /**
   * One API action: a ride-along recorded for one of 20 active organizers in turn. #1 times it; #3 loads the API
   * with it. One counter with `actionThrough`, so the ride-alongs carry on from each other's.
   */
  readonly action: () => Promise<unknown>;
  /** The same action sent through another API process (#10). */
  readonly actionThrough: (api: DemoClient) => Promise<unknown>;
  /** The 20 active organizers the action works on. */
  readonly organizers: readonly string[];
  /** Hires 20 more organizers (member ids `prefix-n`) and returns an action like `action` on them. */
  readonly freshAction: (prefix: string) => Promise<() => Promise<unknown>>;
  /** Hires 20 more active organizers (member ids `prefix-n`), for a scenario that acts on them itself. */
  readonly freshOrganizers: (prefix: string) => Promise<string[]>;
  /** One no-op update on one of 20 baseline workflows in turn: the floor of an action's round trip (#1's baseline). */
  readonly rawUpdate: () => Promise<unknown>;
  /** The raw update's p95, ms: set by #1, the baseline of #2. */
  rawUpdateP95?: number;
  /** The minimal workflow's history that #7 counts against the recorded term: set by #7, replayed by #8. */
  minimalTerm?: RecordedRun;
  /** #5's burst as measured: how many, when due, the 95th percentile reminder's lag and the drain (#9 compares). */
  overdueBurst?: { count: number; dueAt: number; p95Ms: number; allMs: number };
}

/**
 * Starts the real worker, the baseline worker and the API on the stack, creates the bench program, and sets up the
 * fixtures of #1 and #3 (20 active organizers, 20 no-op update workflows) whichever scenarios are wanted.
 */
export async function startContext(stack: BenchStack): Promise<BenchContext> {
  const queue = `bench-${randomUUID().slice(0, 6)}`;
  const baselineQueue = `${queue}-baseline`;
  const [{ startedMs: workerColdStartMs }] = await Promise.all([
    stack.startWorker(queue),
    stack.startBaselineWorker(baselineQueue),
  ]);
  const { url: apiUrl } = await stack.startApi(queue);
  const api = new DemoClient(apiUrl, stack.adminToken);
  const program: BenchContext['program'] = await api.call(api.adminToken, 'POST', '/api/programs', {
    name: 'Bench program',
    affiliate: 'Bench',
    kind: 'member_organizer',
    timezone: 'UTC',
    termStart: new Date().toISOString(),
    // Figures comparable with the runs before pay existed: the bench's organizers are not paid.
    policy: { pay: null },
  });

  const { organizers, actionThrough } = await rideAlongsOnNewOrganizers(api, program, 'A');
  const noopHandles = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      stack.client.workflow.start('noopUpdateWorkflow', {
        taskQueue: baselineQueue,
        workflowId: `${baselineQueue}-noop-${i}`,
      }),
    ),
  );
  let noop = 0;
  const rawUpdate = () => noopHandles[noop % 20].executeUpdate('noop', { args: [noop++] });

  return {
    stack,
    api,
    program,
    queue,
    baselineQueue,
    workerColdStartMs,
    action: () => actionThrough(api),
    actionThrough,
    organizers,
    freshAction: async (prefix) => {
      const fresh = await rideAlongsOnNewOrganizers(api, program, prefix);
      return () => fresh.actionThrough(api);
    },
    freshOrganizers: async (prefix) => (await rideAlongsOnNewOrganizers(api, program, prefix)).organizers,
    rawUpdate,
  };
}

/** Hires 20 organizers through `api` into `active`, and the action on them: a ride-along for each in turn. */
async function rideAlongsOnNewOrganizers(
  api: DemoClient,
  program: BenchContext['program'],
  prefix: string,
): Promise<{ organizers: string[]; actionThrough: BenchContext['actionThrough'] }> {
  const organizers: string[] = [];
  for (let i = 0; i < 20; i++) {
    const { id } = await api.call(
      api.adminToken,
      'POST',
      `/api/programs/${program.id}/applications`,
      anApplicationFor(`${prefix}-${i}`),
    );
    for (const { action, input } of walkTo(program.policy, 'active'))
      await api.call(api.adminToken, 'POST', `/api/organizers/${id}/${action}`, input);
    organizers.push(id);
  }
  // Dated the day they were hired: a ride-along before the hire or in the future is refused.
  const today = new Date().toISOString().slice(0, 10);
  let rideAlong = 0;
  const actionThrough = (via: DemoClient) => {
    const n = rideAlong++;
    const id = organizers[n % organizers.length];
    return via.call(via.adminToken, 'POST', `/api/organizers/${id}/record-ride-along`, {
      date: `${today}T00:00:${String(n % 60).padStart(2, '0')}Z`,
      staff: `Staff ${n}`,
    });
  };
  return { organizers, actionThrough };
}
