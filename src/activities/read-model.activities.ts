import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Changes } from '../domain/organizer';
import type { OrganizerSnapshot } from '../domain/snapshot';
import type { ProjectionInput } from './organizer-activities';

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

function organizerValues(o: OrganizerSnapshot): unknown[] {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return [
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
  ];
}

// The version guard: a projection older than the stored row changes nothing (DESIGN.md §4). TypeORM's upsert cannot
// carry this WHERE, hence plain SQL.
const upsertOrganizer = `
  INSERT INTO organizers (${organizerColumns.join(', ')})
  VALUES (${organizerColumns.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${organizerColumns
    .filter((c) => c !== 'id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ')}
  WHERE organizers.version < EXCLUDED.version`;

/** Writes the workflow's state changes into the PostgreSQL read models. */
@Injectable()
export class ReadModelActivities {
  constructor(private readonly dataSource: DataSource) {}

  async projectOrganizer({ organizer, changes }: ProjectionInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(upsertOrganizer, organizerValues(organizer));
      await this.insertRows(manager, organizer, changes);
    });
  }

  /** Child rows have deterministic keys: inserting one that exists does nothing, so a retried projection adds nothing. */
  private async insertRows(manager: EntityManager, organizer: OrganizerSnapshot, changes: Changes): Promise<void> {
    const { id: organizerId, programId } = organizer;
    for (const t of changes.transitions) {
      await manager.query(
        `INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [organizerId, t.seq, t.from, t.to, t.at, t.actor, t.reason ?? null],
      );
    }
    for (const d of changes.debriefs) {
      await manager.query(
        `INSERT INTO debriefs (organizer_id, period_start, program_id, period_end, submitted_at, submitted_by, late, hours,
           conversations, one_on_ones, leaders_identified, in_person, group_debrief, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING`,
        [
          organizerId,
          d.periodStart,
          programId,
          d.periodEnd,
          d.submittedAt,
          d.submittedBy,
          d.late,
          d.hours,
          d.conversations,
          d.oneOnOnes,
          d.leadersIdentified,
          d.inPerson,
          d.group,
          d.notes ?? null,
        ],
      );
    }
    for (const t of changes.trainings) {
      await manager.query(
        `INSERT INTO trainings (organizer_id, training, completed_at, recorded_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [organizerId, t.training, t.completedAt, t.recordedBy],
      );
    }
    for (const r of changes.rideAlongs) {
      await manager.query(
        `INSERT INTO ride_alongs (organizer_id, key, date, staff, notes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [organizerId, r.key, r.date, r.staff, r.notes ?? null, r.recordedBy],
      );
    }
    for (const n of changes.notifications) {
      await manager.query(
        `INSERT INTO notifications (id, organizer_id, program_id, kind, recipient_role, created_at, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [n.id, n.organizerId, n.programId, n.kind, n.recipientRole, n.createdAt, n.summary],
      );
    }
    for (const r of changes.resolutions) {
      await manager.query(`UPDATE notifications SET resolved_at = $2, resolved_by = $3 WHERE id = $1 AND resolved_at IS NULL`, [
        r.id,
        r.resolvedAt,
        r.resolvedBy,
      ]);
    }
  }
}
