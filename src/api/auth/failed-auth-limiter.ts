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

  /**
   * Counts a failure from this address, in one statement with the check: undefined when counted (answer 401), or the
   * seconds until the address may try again (answer 429; not counted).
   */
  countFailure(address: string): Promise<number | undefined> {
    return this.limits.take(keyOf(address), this.config.authFailuresPerMinute, minute);
  }
}
