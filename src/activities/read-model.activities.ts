import { Injectable, Logger } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { OrganizerRepository } from '../repositories/organizer.repository';
import { Mailer } from '../mail/mailer';
import { ProductMetrics } from '../metrics/product-metrics';
import type { ProjectionInput, ProjectionResult } from '../contracts/activities';
import { NotificationActivities } from './notification.activities';

/** How long a projection waits for its notifications' email before leaving it to a delivery of its own. */
const deliveryBudgetMs = 10_000;

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
   * from sending twice). Mail that fails or is slow is left to the workflow's own delivery (`deliver`), which retries
   * for a day without holding up the next write.
   */
  async projectOrganizer(projection: ProjectionInput): Promise<ProjectionResult> {
    const stored = await this.organizers.project(projection);
    // From when the workflow first scheduled this write: the read model's delay behind Temporal's committed state.
    this.metrics.projectionStored((Date.now() - Context.current().info.scheduledTimestampMs) / 1000);
    // Counted by whichever write stored them (this one, or the API's answering an action), once.
    if (stored) this.metrics.notificationsStored(projection.changes.notifications.map(({ kind }) => kind));
    const notificationIds = projection.changes.notifications.map(({ id }) => id);
    if (!this.mailer.enabled || notificationIds.length === 0) return { deliver: false };
    // The first path's local projection runs inside a workflow task: mail is never sent from there.
    if (Context.current().info.isLocal) return { deliver: true };
    const delivery = this.notifications.deliverNotifications({ notificationIds });
    const budget = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), deliveryBudgetMs).unref());
    try {
      const late = (await Promise.race([delivery, budget])) === 'late';
      // Still sending: whatever it does not send, the workflow's delivery does (it skips what is recorded as sent).
      if (late) delivery.catch(() => undefined);
      return { deliver: late };
    } catch (error) {
      this.logger.warn(
        `emails of organizer ${projection.organizer.id} left to their delivery: ${(error as Error).message}`,
      );
      return { deliver: true };
    }
  }
}
