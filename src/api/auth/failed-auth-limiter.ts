import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/configuration';
import { RateLimitRepository } from '../../repositories/rate-limit.repository';

const minute = 60_000;
const keyOf = (address: string) => `auth-failure:${address}`;

/**
 * Counts failed authentications per client address in a sliding minute. Past the limit, that address is refused
 * (429) until the minute has passed; other addresses are not affected. Counted in PostgreSQL: every replica shares it.
 */
@Injectable()
export class FailedAuthLimiter {
  constructor(
    private readonly config: AppConfig,
    private readonly limits: RateLimitRepository,
  ) {}

  /** Seconds until this address may try again, or undefined when it may now. */
  retryAfter(address: string): Promise<number | undefined> {
    return this.limits.retryAfter(keyOf(address), this.config.authFailuresPerMinute, minute);
  }

  recordFailure(address: string): Promise<void> {
    return this.limits.record(keyOf(address), minute);
  }
}
