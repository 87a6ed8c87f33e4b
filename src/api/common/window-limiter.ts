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

  /** Takes one event for `key`: undefined when allowed (and counted), else the seconds until one would be. */
  take(key: string, now = Date.now()): number | undefined {
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.events.delete(key);
    this.events.set(key, recent);
    if (this.events.size > this.maxKeys) this.events.delete(this.events.keys().next().value!);
    return undefined;
  }
}
