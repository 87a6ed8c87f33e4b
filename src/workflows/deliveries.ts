import { log } from '@temporalio/workflow';

/**
 * Notification emails under way. Each is an activity started without waiting for it (mail must not hold the
 * organizer's timers), and those still under way when a run continues as new go on in the next.
 */
export class Deliveries {
  private readonly underway = new Map<Promise<void>, string[]>();

  constructor(
    private readonly organizerId: string,
    private readonly deliver: (input: { notificationIds: string[] }) => Promise<void>,
    carried: string[] = [],
  ) {
    if (carried.length) this.send(carried);
  }

  send(notificationIds: string[]): void {
    const delivery = this.deliver({ notificationIds }).catch((error: unknown) => {
      log.error('notification delivery failed', {
        organizerId: this.organizerId,
        notificationIds,
        error: String(error),
      });
    });
    this.underway.set(delivery, notificationIds);
    void delivery.finally(() => this.underway.delete(delivery));
  }

  get idle(): boolean {
    return this.underway.size === 0;
  }

  carried(): { pendingDeliveries?: string[] } {
    return this.underway.size ? { pendingDeliveries: [...this.underway.values()].flat() } : {};
  }
}
