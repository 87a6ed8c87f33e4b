import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Mailer } from './mailer';
import type { ProjectionInput, ProjectionResult } from './contracts';

const organizerColumns = [
  'id',
  'program_id',
  'member_id',
  'name',
  'email',
  'phone',
  'local',
  'stage',
  'stage_entered_at',
  'applied_at',
  'hired_at',
  'active_since',
  'ends_at',
  'paused',
  'at_risk',
  'overdue_debriefs',
  'next_debrief_due_at',
  'flags',
  'ineligible_reasons',
  'screening',
  'offer',
  'ride_along_count',
  'totals',
  'pending_debrief_periods',
  'version',
  'projected_at',
] as const;

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

// The whole projection is one statement: one round trip, atomic on its own. The organizer row carries the version
// guard (an older projection changes nothing; TypeORM's upsert cannot carry this WHERE, hence SQL). Child rows have
// deterministic keys and are inserted if absent, so a retried projection adds nothing. The CTEs all see the same
// snapshot, so notifications created and resolved by the same change arrive already resolved (see below).
const n = organizerColumns.length;
const projection = `
  WITH organizer AS (
    INSERT INTO organizers (${organizerColumns.join(', ')})
    VALUES (${organizerColumns.map((_, i) => `$${i + 1}`).join(', ')})
    ON CONFLICT (id) DO UPDATE SET ${organizerColumns
      .filter((c) => c !== 'id')
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ')}
    WHERE organizers.version < EXCLUDED.version
    RETURNING 1
  ), transitions AS (
    INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor, reason)
    SELECT $1, t.seq, t.from_stage, t.to_stage, t.at, t.actor, t.reason
    FROM jsonb_to_recordset($${n + 1}::jsonb) AS t(seq int, from_stage text, to_stage text, at timestamptz, actor text, reason text)
    ON CONFLICT DO NOTHING RETURNING 1
  ), debriefs AS (
    INSERT INTO debriefs (organizer_id, period_start, program_id, period_end, submitted_at, submitted_by, late, hours, conversations,
      one_on_ones, leaders_identified, in_person, group_debrief, notes)
    SELECT $1, d."periodStart", $2, d."periodEnd", d."submittedAt", d."submittedBy", d.late, d.hours, d.conversations, d."oneOnOnes",
      d."leadersIdentified", d."inPerson", d."group", d.notes
    FROM jsonb_to_recordset($${n + 2}::jsonb) AS d("periodStart" timestamptz, "periodEnd" timestamptz, "submittedAt" timestamptz,
      "submittedBy" text, late boolean, hours float8, conversations int, "oneOnOnes" int, "leadersIdentified" int, "inPerson" boolean,
      "group" boolean, notes text)
    ON CONFLICT DO NOTHING RETURNING 1
  ), trainings AS (
    INSERT INTO trainings (organizer_id, training, completed_at, recorded_by)
    SELECT $1, t.training, t."completedAt", t."recordedBy"
    FROM jsonb_to_recordset($${n + 3}::jsonb) AS t(training text, "completedAt" timestamptz, "recordedBy" text)
    ON CONFLICT DO NOTHING RETURNING 1
  ), ride_alongs AS (
    INSERT INTO ride_alongs (organizer_id, key, date, staff, notes, recorded_by)
    SELECT $1, r.key, r.date, r.staff, r.notes, r."recordedBy"
    FROM jsonb_to_recordset($${n + 4}::jsonb) AS r(key text, date text, staff text, notes text, "recordedBy" text)
    ON CONFLICT DO NOTHING RETURNING 1
  ), created AS (
    INSERT INTO notifications (id, organizer_id, program_id, kind, recipient_role, created_at, summary, resolved_at, resolved_by)
    SELECT c.id, $1, $2, c.kind, c."recipientRole", c."createdAt", c.summary, c."resolvedAt", c."resolvedBy"
    FROM jsonb_to_recordset($${n + 5}::jsonb) AS c(id text, kind text, "recipientRole" text, "createdAt" timestamptz, summary text,
      "resolvedAt" timestamptz, "resolvedBy" text)
    ON CONFLICT DO NOTHING RETURNING 1
  ), resolved AS (
    UPDATE notifications SET resolved_at = r."resolvedAt", resolved_by = r."resolvedBy"
    FROM jsonb_to_recordset($${n + 6}::jsonb) AS r(id text, "resolvedAt" timestamptz, "resolvedBy" text)
    WHERE notifications.id = r.id AND notifications.resolved_at IS NULL
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM organizer) AS organizer`;

/** Writes the workflow's state changes into the PostgreSQL read models. */
@Injectable()
export class ReadModelActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
  ) {}

  async projectOrganizer({ organizer: o, changes }: ProjectionInput): Promise<ProjectionResult> {
    const resolutions = new Map(changes.resolutions.map((r) => [r.id, r]));
    const notifications = changes.notifications.map((n) => {
      const resolution = resolutions.get(n.id);
      return { ...n, resolvedAt: resolution?.resolvedAt ?? null, resolvedBy: resolution?.resolvedBy ?? null };
    });
    await this.dataSource.query(projection, [
      o.id,
      o.programId,
      o.memberId,
      o.name,
      o.email,
      o.phone,
      o.local,
      o.stage,
      o.stageEnteredAt,
      o.appliedAt,
      o.hiredAt,
      o.activeSince,
      o.endsAt,
      o.paused,
      o.atRisk,
      o.overdueDebriefs,
      o.nextDebriefDueAt,
      json(o.flags),
      json(o.ineligibleReasons),
      json(o.screening),
      json(o.offer),
      o.rideAlongCount,
      json(o.totals),
      json(o.pendingDebriefPeriods),
      o.version,
      new Date().toISOString(),
      JSON.stringify(changes.transitions.map((t) => ({ seq: t.seq, from_stage: t.from, to_stage: t.to, at: t.at, actor: t.actor, reason: t.reason ?? null }))),
      JSON.stringify(changes.debriefs),
      JSON.stringify(changes.trainings),
      JSON.stringify(changes.rideAlongs),
      JSON.stringify(notifications),
      JSON.stringify(changes.resolutions.filter((r) => !changes.notifications.some((n) => n.id === r.id))),
    ]);
    return { deliver: this.mailer.enabled && changes.notifications.length > 0 };
  }
}
