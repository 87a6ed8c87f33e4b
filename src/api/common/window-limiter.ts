/**
 * Counts events per key in a sliding window; past the limit, the key is refused until its oldest event leaves the
 * window. In memory, per API process (replicas count apart), bounded in the keys it remembers.
 */
export class WindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length) this.events.set(key, times);
    else this.events.delete(key);
    return times;
  }

  /** Seconds until `key` may have another event, or undefined when it may now. */
  retryAfter(key: string, now = Date.now()): number | undefined {
    const times = this.recent(key, now);
    if (times.length < this.limit) return undefined;
    return Math.max(1, Math.ceil((times[0] + this.windowMs - now) / 1000));
  }

  /** Counts one event for `key`. */
  record(key: string, now = Date.now()): void {
    const times = this.recent(key, now);
    this.events.delete(key);
    this.events.set(key, [...times, now]);
    // Bound memory under a flood of keys: forget the oldest entries.
    if (this.events.size > this.maxKeys) this.events.delete(this.events.keys().next().value!);
  }

  /** Takes one event for `key`: undefined when allowed (and counted), else the seconds until one would be. */
  take(key: string, now = Date.now()): number | undefined {
    const wait = this.retryAfter(key, now);
    if (wait === undefined) this.record(key, now);
    return wait;
  }
}
