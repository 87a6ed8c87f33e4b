// The benchmark's baselines: the least a workflow can do for each measurement, on the same server.
import { condition, defineQuery, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

/** An update whose handler does nothing: the floor of an action's round trip. */
export const noopUpdate = defineUpdate<number, [number]>('noop');

export async function noopUpdateWorkflow(): Promise<void> {
  setHandler(noopUpdate, (n) => n);
  await condition(() => false);
}

/**
 * One timer to an absolute instant, then done: the floor of "a deadline fires and something records it". Returns how
 * late the timer fired (workflow time is when its task started).
 */
export async function bareTimerWorkflow(input: { at: number }): Promise<number> {
  await sleep(Math.max(1, input.at - Date.now()));
  return Date.now() - input.at;
}

export const pingQuery = defineQuery<boolean>('ping');

/** Waits forever doing nothing (but answer a query): the floor of a cached workflow's memory. */
export async function idleWorkflow(): Promise<void> {
  setHandler(pingQuery, () => true);
  await condition(() => false);
}

/**
 * The timers of an organizer's term without the organizer: one timer per deadline instant, and a no-op update for
 * each action. The floor of a term's history.
 */
export async function minimalTermWorkflow(input: { deadlines: number[] }): Promise<number> {
  let updates = 0;
  setHandler(noopUpdate, (n) => {
    updates += 1;
    return n;
  });
  for (const at of input.deadlines) await sleep(Math.max(1, at - Date.now()));
  return updates;
}
