import { INestApplicationContext, Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { BroadcastActivitiesService } from './broadcast.activities';
import { Mailer } from '../mail/mailer';
import { ReportActivitiesService } from './report.activities';
import { NotificationActivities } from './notification.activities';
import type {
  BroadcastActivities,
  OrganizerActivities,
  ReconcileActivities,
  ReportActivities,
} from '../contracts/activities';
import { ReadModelReconciler } from './read-model-reconciler';
import { ReconcileActivitiesService } from './reconcile.activities';
import { ReadModelActivities } from './read-model.activities';
import { RosterActivities } from './roster.activities';
import { UnstoredWritesSweep } from './unstored-writes-sweep';
import { UnstoredWritesRepository } from '../repositories/unstored-writes.repository';
import { OrganizerRepository } from '../repositories/organizer.repository';
import { LinkRepository } from '../repositories/link.repository';
import { LinkMessenger } from '../mail/link-messenger';

@Module({
  imports: [TemporalClientModule],
  providers: [
    Mailer,
    LinkRepository,
    LinkMessenger,
    OrganizerRepository,
    ReadModelActivities,
    RosterActivities,
    NotificationActivities,
    BroadcastActivitiesService,
    ReportActivitiesService,
    ReadModelReconciler,
    ReconcileActivitiesService,
    UnstoredWritesRepository,
    UnstoredWritesSweep,
  ],
  exports: [
    ReadModelActivities,
    RosterActivities,
    NotificationActivities,
    BroadcastActivitiesService,
    ReportActivitiesService,
    ReconcileActivitiesService,
  ],
})
export class ActivitiesModule {}

/** The activity functions the worker registers, bound to their Nest providers (`context` resolves them). */
export function workerActivities(
  context: Pick<INestApplicationContext, 'get'>,
): OrganizerActivities & BroadcastActivities & ReportActivities & ReconcileActivities {
  const readModels = context.get(ReadModelActivities, { strict: false });
  const roster = context.get(RosterActivities, { strict: false });
  const notifications = context.get(NotificationActivities, { strict: false });
  const broadcasts = context.get(BroadcastActivitiesService, { strict: false });
  const reports = context.get(ReportActivitiesService, { strict: false });
  const reconcile = context.get(ReconcileActivitiesService, { strict: false });
  return {
    checkRoster: (input) => roster.checkRoster(input),
    projectOrganizer: (input) => readModels.projectOrganizer(input),
    deliverNotifications: (input) => notifications.deliverNotifications(input),
    signalOrganizers: (input) => broadcasts.signalOrganizers(input),
    writeWeeklyReport: (input) => reports.writeWeeklyReport(input),
    deliverWeeklyReport: (input) => reports.deliverWeeklyReport(input),
    reconcileReadModels: (input) => reconcile.reconcileReadModels(input),
  };
}
