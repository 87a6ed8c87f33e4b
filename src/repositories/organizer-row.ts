// The organizer row: its one description (each column with its value in a snapshot), which the projection write and
// the reconciler's comparison and repair use.
import type { OrganizerSnapshot } from '../domain/snapshot';

/**
 * The organizer row: each column with its value in a snapshot. The one description of the row that the writes (and
 * the reconciler's comparison) use; `projected_at` is the time of the write.
 */
export function organizerRow(o: OrganizerSnapshot) {
  return {
    id: o.id,
    program_id: o.programId,
    member_id: o.memberId,
    name: o.name,
    email: o.email,
    phone: o.phone,
    local: o.local,
    preferred_language: o.preferredLanguage,
    languages: o.languages,
    stage: o.stage,
    stage_entered_at: o.stageEnteredAt,
    applied_at: o.appliedAt,
    hired_at: o.hiredAt,
    active_since: o.activeSince,
    ends_at: o.endsAt,
    paused: o.paused,
    at_risk: o.atRisk,
    overdue_debriefs: o.overdueDebriefs,
    next_debrief_due_at: o.nextDebriefDueAt,
    stage_due_at: o.stageDueAt,
    undo_until: o.undoUntil,
    flags: o.flags,
    ineligible_reasons: o.ineligibleReasons,
    ineligibility: o.ineligibility,
    screening: o.screening,
    offer: o.offer,
    role_play: o.rolePlay,
    ride_along_count: o.rideAlongCount,
    totals: o.totals,
    pending_debrief_periods: o.pendingDebriefPeriods,
    version: o.version,
  };
}
export type OrganizerColumn = keyof ReturnType<typeof organizerRow>;

export const iso = (value: string | Date) => new Date(value).toISOString();

const jsonColumns = new Set<OrganizerColumn>([
  'flags',
  'ineligible_reasons',
  'ineligibility',
  'screening',
  'offer',
  'role_play',
  'totals',
  'pending_debrief_periods',
]);
export const organizerColumns = Object.keys(organizerRow({} as OrganizerSnapshot)) as OrganizerColumn[];

/** The row's values as SQL parameters, in `organizerColumns` order (jsonb columns as JSON text). */
export function rowParameters(o: OrganizerSnapshot): unknown[] {
  const row = organizerRow(o);
  return organizerColumns.map((column) =>
    jsonColumns.has(column) && row[column] !== null ? JSON.stringify(row[column]) : row[column],
  );
}
