import { Module } from '@nestjs/common';
import { Mailer } from './mailer';
import { NotificationActivities } from './notification.activities';
import type { OrganizerActivities } from './organizer-activities';
import { ReadModelActivities } from './read-model.activities';
import { RosterActivities } from './roster.activities';

@Module({
  providers: [Mailer, ReadModelActivities, RosterActivities, NotificationActivities],
  exports: [ReadModelActivities, RosterActivities, NotificationActivities],
})
export class ActivitiesModule {}

/** The activity functions the worker registers, bound to their Nest providers. */
export function organizerActivities(
  readModels: ReadModelActivities,
  roster: RosterActivities,
  notifications: NotificationActivities,
): OrganizerActivities {
  return {
    checkRoster: (input) => roster.checkRoster(input),
    projectOrganizer: (input) => readModels.projectOrganizer(input),
    deliverNotifications: (input) => notifications.deliverNotifications(input),
  };
}
