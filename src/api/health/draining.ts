import { Injectable } from '@nestjs/common';

/**
 * Whether the process is stopping (a deploy's SIGTERM): from then on readiness answers 503 so balancers send it no
 * new requests, and every answer closes its connection so clients reconnect to a replica that stays.
 */
@Injectable()
export class Draining {
  private began = false;

  get active(): boolean {
    return this.began;
  }

  begin(): void {
    this.began = true;
  }
}
