import { Injectable } from '@nestjs/common';
import { OrganizerRepository } from '../repositories/organizer.repository';
import { Mailer } from '../mail/mailer';
import type { ProjectionInput, ProjectionResult } from '../contracts/activities';

/** Writes the workflow's state changes into the PostgreSQL read models. */
@Injectable()
export class ReadModelActivities {
  constructor(
    private readonly organizers: OrganizerRepository,
    private readonly mailer: Mailer,
  ) {}

  async projectOrganizer(projection: ProjectionInput): Promise<ProjectionResult> {
    await this.organizers.project(projection);
    return { deliver: this.mailer.enabled && projection.changes.notifications.length > 0 };
  }
}
