/** The p-th percentile (0–100) of the samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs `task` for each of `count` items with at most `concurrency` at once; returns each one's duration in ms. */
export async function timed<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<number[]> {
  const durations: number[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const started = performance.now();
        await task(i);
        durations[i] = performance.now() - started;
      }
    }),
  );
  return durations;
}

/** Runs `clients` loops for `seconds`, each calling `send` again as soon as its last call settled. */
export async function forSeconds(clients: number, seconds: number, send: () => Promise<unknown>): Promise<void> {
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) await send();
    }),
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Milliseconds from `from` until `counted()` reaches 95% of `count`, and all of it (polled every 250 ms): the
 * reminders' lag p95 and the drain time.
 */
export async function progressUntil(
  from: number,
  count: number,
  counted: () => Promise<number>,
  timeoutMs: number,
): Promise<{ p95Ms: number; allMs: number }> {
  while (Date.now() < from) await sleep(Math.min(1_000, from - Date.now()));
  let p95Ms: number | undefined;
  for (;;) {
    const n = await counted();
    const elapsed = Date.now() - from;
    if (p95Ms === undefined && n >= Math.ceil(count * 0.95)) p95Ms = elapsed;
    if (n >= count) return { p95Ms: p95Ms!, allMs: elapsed };
    if (elapsed > timeoutMs) throw new Error(`timed out with ${n} of ${count}`);
    await sleep(250);
  }
}
