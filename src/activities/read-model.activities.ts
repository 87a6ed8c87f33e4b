import { Injectable, Logger } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { OrganizerRepository } from '../repositories/organizer.repository';
import { Mailer } from '../mail/mailer';
import { ProductMetrics } from '../metrics/product-metrics';
import type { ProjectionInput, ProjectionResult } from '../contracts/activities';
import { NotificationActivities } from './notification.activities';

/** How long a projection starts sends for its notifications before leaving the rest to their own delivery. */
const deliveryWindowMs = 10_000;

/** Writes the workflow's state changes into the PostgreSQL read models, then emails the notifications they raised. */
@Injectable()
export class ReadModelActivities {
  private readonly logger = new Logger(ReadModelActivities.name);

  constructor(
    private readonly organizers: OrganizerRepository,
    private readonly mailer: Mailer,
    private readonly metrics: ProductMetrics,
    private readonly notifications: NotificationActivities,
  ) {}

  /**
   * One activity for a reminder: its rows, then its email (the delivery rows and Message-IDs keep a retried attempt
   * from sending twice). Mail that fails, or is left past the window, goes to the workflow's own delivery (`deliver`),
   * which retries for a day without holding up the next write; it starts only once this attempt has ended, so the
   * two never send at once.
   */
  async projectOrganizer(projection: ProjectionInput): Promise<ProjectionResult> {
    const stored = await this.organizers.project(projection);
    // From when the workflow first scheduled this write: the read model's delay behind Temporal's committed state.
    this.metrics.projectionStored((Date.now() - Context.current().info.scheduledTimestampMs) / 1000);
    // Counted by whichever write added them (this one, the API's, or the sweep's), once.
    this.metrics.notificationsStored(stored.notifications);
    const notificationIds = projection.notify ?? projection.changes.notifications.map(({ id }) => id);
    if (!this.mailer.enabled || notificationIds.length === 0) return { deliver: false };
    // The first path's local projection runs inside a workflow task: mail is never sent from there.
    if (Context.current().info.isLocal) return { deliver: true };
    try {
      // Sends started within 10 s, each bounded (mailer.ts): the attempt ends inside its 30 s, so a retry never sends
      // beside it; what is left goes to the workflow's own delivery.
      const all = await this.notifications.deliverUntil(notificationIds, Date.now() + deliveryWindowMs);
      return { deliver: !all };
    } catch (error) {
      this.logger.warn(
        `emails of organizer ${projection.organizer.id} left to their delivery: ${(error as Error).message}`,
      );
      return { deliver: true };
    }
  }
}
