// The activities' contracts: what workflows may call and with what. Workflows import these types only; the worker
// binds them to the Nest providers (activities.module.ts).
import type { Changes, RosterStatus } from '../domain/organizer';
import type { OrganizerSnapshot } from '../domain/snapshot';
import type { ProgramBroadcast } from '../workflows/broadcast-messages';

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

export interface BroadcastActivities {
  /** Signals every organizer of the program whose stage is open; resumes after its last heartbeat. */
  signalOrganizers(change: ProgramBroadcast): Promise<{ signalled: number }>;
}

export interface WeeklyReportSummary {
  weekStart: string;
  weekEnd: string;
  submitted: number;
  missing: number;
}

/** The activities of the weekly report to national. */
export interface ReportActivities {
  /** Writes (or rewrites) the program's row for the last whole week before `asOf`, in the program's time zone. */
  writeWeeklyReport(input: { programId: string; asOf: string }): Promise<WeeklyReportSummary | null>;
  /** Emails the report to the program's national contact, once. */
  deliverWeeklyReport(input: { programId: string; weekStart: string }): Promise<void>;
}
