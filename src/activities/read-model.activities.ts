import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { OrganizerRepository } from '../repositories/organizer.repository';
import { Mailer } from '../mail/mailer';
import { ProductMetrics } from '../metrics/product-metrics';
import type { ProjectionInput, ProjectionResult } from '../contracts/activities';

/** Writes the workflow's state changes into the PostgreSQL read models. */
@Injectable()
export class ReadModelActivities {
  constructor(
    private readonly organizers: OrganizerRepository,
    private readonly mailer: Mailer,
    private readonly metrics: ProductMetrics,
  ) {}

  async projectOrganizer(projection: ProjectionInput): Promise<ProjectionResult> {
    const stored = await this.organizers.project(projection);
    // From when the workflow first scheduled this write: the read model's delay behind Temporal's committed state.
    this.metrics.projectionStored((Date.now() - Context.current().info.scheduledTimestampMs) / 1000);
    // Counted by whichever write stored them (this one, or the API's answering an action), once.
    if (stored) this.metrics.notificationsStored(projection.changes.notifications.map(({ kind }) => kind));
    return { deliver: this.mailer.enabled && projection.changes.notifications.length > 0 };
  }
}
