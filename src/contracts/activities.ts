// The activities' contracts: what workflows may call and with what. Workflows import these types only; the worker
// binds them to the Nest providers (activities.module.ts).
import type { RosterStatus } from '../domain/organizer';
import type { Projection } from '../domain/snapshot';
import type { ProgramBroadcast } from './program-broadcast';

/** A projection, and the notifications to email once it is stored (all of its own when absent: the first path). */
export type ProjectionInput = Projection & { notify?: string[] };

export interface ProjectionResult {
  /**
   * Whether the change's notifications still need an email: the projection emails them itself (when SMTP is
   * configured), and says so only when a send failed or some were left past its 10 s window.
   */
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

/** What a reconcile pass found, so far: organizers checked, by outcome, and the last id done (to resume after). */
export interface ReconcileSummary {
  after: string;
  checked: number;
  equal: number;
  repaired: number;
  /** Behind a running workflow whose own projection was still on the way. */
  behind: number;
  /** Written by a projection between the read and the repair: left for the next pass. */
  changed: number;
  /** No row, or no workflow to compare with (not found, or terminated). */
  unknown: number;
  /** Could not be checked (the workflow did not answer); logged, and checked again next pass. */
  failed: number;
}

export interface ReconcileInput {
  /** Closed organizers are checked when their row was written within this many days. */
  closedWithinDays: number;
  /** Only this program's organizers (all when absent). */
  programId?: string;
}

/** The activity of the daily reconcile Schedule. */
export interface ReconcileActivities {
  /** Compares every open or recently closed organizer's read model with its workflow and repairs what differs. */
  reconcileReadModels(input: ReconcileInput): Promise<ReconcileSummary>;
}
