import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../entities';
import { LinkMessenger } from '../mail/link-messenger';
import { Mailer } from '../mail/mailer';

/** Delivers notifications by email. Takes ids and re-reads the rows: a notification resolved meanwhile is not sent. */
@Injectable()
export class NotificationActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly messenger: LinkMessenger,
  ) {}

  async deliverNotifications({ notificationIds }: { notificationIds: string[] }): Promise<void> {
    if (!this.mailer.enabled || notificationIds.length === 0) return;
    const notifications = await this.dataSource
      .getRepository(NotificationEntity)
      .find({ where: notificationIds.map((id) => ({ id })) });
    // The notifications of one delivery are one organizer's: read them once.
    const facts = new Map<string, Awaited<ReturnType<LinkMessenger['facts']>>>();
    for (const notification of notifications) {
      if (notification.resolvedAt) continue;
      if (!facts.has(notification.organizerId))
        facts.set(notification.organizerId, await this.messenger.facts(notification.organizerId));
      const organizer = facts.get(notification.organizerId);
      if (!organizer || organizer.erased) continue;
      for (const to of await this.recipients(notification)) {
        await this.mailer.sendOnce(notification.id, to, async () => ({
          ...(await this.messenger.reminder(notification, organizer)),
          program: { id: organizer.program.id, name: organizer.program.name },
        }));
      }
    }
  }

  private async recipients(n: NotificationEntity): Promise<string[]> {
    const rows: { email: string }[] =
      n.recipientRole === 'organizer'
        ? await this.dataSource.query('SELECT email FROM organizers WHERE id = $1', [n.organizerId])
        : await this.dataSource.query(
            `SELECT email FROM users WHERE role = $1 AND revoked_at IS NULL AND ($1 = 'national' OR $2 = ANY (program_ids)) ORDER BY email`,
            [n.recipientRole, n.programId],
          );
    return rows.map((r) => r.email);
  }
}
