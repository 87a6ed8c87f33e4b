import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/configuration';

const windowMs = 60_000;

/**
 * Counts failed authentications per client address in a sliding minute. Past the limit, that address is refused
 * (429) until the minute has passed; other addresses are not affected. Per API process (replicas count apart).
 */
@Injectable()
export class FailedAuthLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly config: AppConfig) {}

  private recent(address: string, now: number): number[] {
    const times = (this.failures.get(address) ?? []).filter((t) => now - t < windowMs);
    if (times.length) this.failures.set(address, times);
    else this.failures.delete(address);
    return times;
  }

  /** Seconds until this address may try again, or undefined when it may now. */
  retryAfter(address: string, now = Date.now()): number | undefined {
    const times = this.recent(address, now);
    if (times.length < this.config.authFailuresPerMinute) return undefined;
    return Math.max(1, Math.ceil((times[0] + windowMs - now) / 1000));
  }

  recordFailure(address: string, now = Date.now()): void {
    this.failures.set(address, [...this.recent(address, now), now]);
    // Bound memory under a flood of addresses: forget the oldest entries.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }
}
