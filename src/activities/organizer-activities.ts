import type { Changes, RosterStatus } from '../domain/organizer';
import type { OrganizerSnapshot } from '../domain/snapshot';

export interface ProjectionInput {
  organizer: OrganizerSnapshot;
  changes: Changes;
}

export interface ProjectionResult {
  /** Whether the change's notifications need an email (SMTP is configured and there are some). */
  deliver: boolean;
}

/**
 * The activities the organizer workflow calls: its only way to touch the world. Each takes one JSON-plain object,
 * is idempotent, and never swallows a failure (Temporal retries it).
 */
export interface OrganizerActivities {
  /** Looks the applicant up in the program's member roster. */
  checkRoster(input: { programId: string; memberId: string }): Promise<RosterStatus>;
  /** Writes the organizer's row (version-guarded) and the change's history, debrief, training, ride-along and notification rows. */
  projectOrganizer(input: ProjectionInput): Promise<ProjectionResult>;
  /** Emails each notification's recipients once (when SMTP is configured); re-reads the rows by id. */
  deliverNotifications(input: { notificationIds: string[] }): Promise<void>;
}
