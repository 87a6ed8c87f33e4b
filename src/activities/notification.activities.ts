import { Injectable } from '@nestjs/common';
import { announcementKinds } from '../domain/organizer';
import { NotificationRepository } from '../repositories/notification.repository';
import { LinkMessenger } from '../mail/link-messenger';
import { Mailer } from '../mail/mailer';

/** Delivers notifications by email. Takes ids and re-reads the rows: a notification resolved meanwhile is not sent. */
@Injectable()
export class NotificationActivities {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly mailer: Mailer,
    private readonly messenger: LinkMessenger,
  ) {}

  async deliverNotifications({ notificationIds }: { notificationIds: string[] }): Promise<void> {
    await this.deliverUntil(notificationIds, Infinity);
  }

  /**
   * Sends what it can of `notificationIds` without starting a send after `until` (epoch ms); true when it got through
   * them all (the rest are left to a delivery of their own).
   */
  async deliverUntil(notificationIds: string[], until: number): Promise<boolean> {
    if (!this.mailer.enabled || notificationIds.length === 0) return true;
    const notifications = await this.notifications.find(notificationIds);
    // The notifications of one delivery are one organizer's: read them once.
    const facts = new Map<string, Awaited<ReturnType<LinkMessenger['facts']>>>();
    for (const notification of notifications) {
      // A message that asks nothing is answered as it is raised, and is still sent.
      if (notification.resolvedAt && !announcementKinds.includes(notification.kind)) continue;
      if (!facts.has(notification.organizerId))
        facts.set(notification.organizerId, await this.messenger.facts(notification.organizerId));
      const organizer = facts.get(notification.organizerId);
      if (!organizer || organizer.erased) continue;
      for (const to of await this.notifications.recipients(notification)) {
        if (Date.now() > until) return false;
        await this.mailer.sendOnce(notification.id, to, async () => {
          const announcement = announcementKinds.includes(notification.kind);
          const content = announcement
            ? await this.messenger.screeningMessage(notification, organizer)
            : await this.messenger.reminder(notification, organizer);
          const program = { id: organizer.program.id, name: organizer.program.name };
          return content && { ...content, purpose: announcement ? 'announcement' : 'reminder', program };
        });
      }
    }
    return true;
  }
}
