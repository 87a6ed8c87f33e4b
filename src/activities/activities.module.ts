import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { BroadcastActivitiesService } from './broadcast.activities';
import { Mailer } from './mailer';
import { ReportActivitiesService } from './report.activities';
import { NotificationActivities } from './notification.activities';
import type { BroadcastActivities, OrganizerActivities, ReportActivities } from './contracts';
import { ReadModelActivities } from './read-model.activities';
import { RosterActivities } from './roster.activities';

@Module({
  imports: [TemporalClientModule],
  providers: [Mailer, ReadModelActivities, RosterActivities, NotificationActivities, BroadcastActivitiesService, ReportActivitiesService],
  exports: [ReadModelActivities, RosterActivities, NotificationActivities, BroadcastActivitiesService, ReportActivitiesService],
})
export class ActivitiesModule {}

/** The activity functions the worker registers, bound to their Nest providers. */
export function workerActivities(
  readModels: ReadModelActivities,
  roster: RosterActivities,
  notifications: NotificationActivities,
  broadcasts: BroadcastActivitiesService,
  reports: ReportActivitiesService,
): OrganizerActivities & BroadcastActivities & ReportActivities {
  return {
    checkRoster: (input) => roster.checkRoster(input),
    projectOrganizer: (input) => readModels.projectOrganizer(input),
    deliverNotifications: (input) => notifications.deliverNotifications(input),
    signalOrganizers: (input) => broadcasts.signalOrganizers(input),
    writeWeeklyReport: (input) => reports.writeWeeklyReport(input),
    deliverWeeklyReport: (input) => reports.deliverWeeklyReport(input),
  };
}
