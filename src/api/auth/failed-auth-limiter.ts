import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/configuration';
import { WindowLimiter } from '../common/window-limiter';

/**
 * Counts failed authentications per client address in a sliding minute. Past the limit, that address is refused
 * (429) until the minute has passed; other addresses are not affected. Per API process (replicas count apart).
 */
@Injectable()
export class FailedAuthLimiter {
  private readonly failures: WindowLimiter;

  constructor(config: AppConfig) {
    this.failures = new WindowLimiter(config.authFailuresPerMinute, 60_000, 10_000);
  }

  /** Seconds until this address may try again, or undefined when it may now. */
  retryAfter(address: string, now = Date.now()): number | undefined {
    return this.failures.retryAfter(address, now);
  }

  recordFailure(address: string, now = Date.now()): void {
    this.failures.record(address, now);
  }
}
