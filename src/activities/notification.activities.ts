import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../entities';
import { Mailer } from './mailer';

const subjects: Record<NotificationEntity['kind'], string> = {
  stage_stalled: 'An applicant is waiting on you',
  stage_stalled_escalated: 'An applicant has been waiting too long',
  offer_expiring: 'Your offer expires soon',
  debrief_overdue: 'Your weekly debrief is overdue',
  debrief_escalated: 'A debrief is still missing',
  organizer_at_risk: 'An organizer is at risk',
  group_debrief_missing: 'No in-person group debrief this period',
  ride_alongs_behind: 'Ride-alongs are behind',
  debrief_due_soon: 'Your debrief is due soon',
};

/** Delivers notifications by email. Takes ids and re-reads the rows: a notification resolved meanwhile is not sent. */
@Injectable()
export class NotificationActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
  ) {}

  async deliverNotifications({ notificationIds }: { notificationIds: string[] }): Promise<void> {
    if (!this.mailer.enabled || notificationIds.length === 0) return;
    const notifications = await this.dataSource
      .getRepository(NotificationEntity)
      .find({ where: notificationIds.map((id) => ({ id })) });
    for (const notification of notifications) {
      if (notification.resolvedAt) continue;
      for (const to of await this.recipients(notification)) {
        await this.mailer.sendOnce(notification.id, to, {
          subject: subjects[notification.kind],
          text: `${notification.summary}.\n\nRaised ${notification.createdAt.toISOString()}.`,
        });
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
