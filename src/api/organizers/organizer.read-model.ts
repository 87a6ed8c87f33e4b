import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, In, MoreThan } from 'typeorm';
import { NotificationEntity, OrganizerEntity } from '../../entities';
import type { Stage } from '../../domain/stages';
import type { NotificationDto, OrganizerDetailDto, OrganizerDto } from './organizers.dto';

const iso = (date: Date | string) => new Date(date).toISOString();

// An organizer and everything its detail page shows, in one round trip (child rows as JSON arrays).
const detailQuery = `
  SELECT row_to_json(o) AS organizer,
    (SELECT COALESCE(json_agg(t ORDER BY t.seq), '[]') FROM (
       SELECT st.seq, st.from_stage, st.to_stage, st.at, st.actor, st.reason, u.name AS actor_name
       FROM stage_transitions st LEFT JOIN users u ON u.id::text = st.actor WHERE st.organizer_id = o.id) t) AS history,
    (SELECT COALESCE(json_agg(d ORDER BY d.period_start DESC), '[]') FROM (
       SELECT * FROM debriefs WHERE organizer_id = o.id ORDER BY period_start DESC LIMIT 104) d) AS debriefs,
    (SELECT COALESCE(json_agg(t ORDER BY t.completed_at), '[]') FROM trainings t WHERE t.organizer_id = o.id) AS trainings,
    (SELECT COALESCE(json_agg(r ORDER BY r.date), '[]') FROM ride_alongs r WHERE r.organizer_id = o.id) AS ride_alongs,
    (SELECT COALESCE(json_agg(n ORDER BY n.created_at DESC), '[]') FROM (
       SELECT * FROM notifications WHERE organizer_id = o.id ORDER BY created_at DESC LIMIT 100) n) AS notifications
  FROM organizers o WHERE o.id = $1`;

export function toOrganizerDto(o: OrganizerEntity): OrganizerDto {
  return {
    id: o.id,
    programId: o.programId,
    memberId: o.memberId,
    name: o.name,
    email: o.email,
    stage: o.stage,
    stageEnteredAt: iso(o.stageEnteredAt),
    paused: o.paused,
    atRisk: o.atRisk,
    overdueDebriefs: o.overdueDebriefs,
    version: o.version,
  };
}

export function toNotificationDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    organizerId: n.organizerId,
    programId: n.programId,
    kind: n.kind,
    recipientRole: n.recipientRole,
    summary: n.summary,
    createdAt: iso(n.createdAt),
    ...(n.resolvedAt ? { resolvedAt: iso(n.resolvedAt) } : {}),
    ...(n.resolvedBy ? { resolvedBy: n.resolvedBy } : {}),
  };
}

export interface OrganizerFilters {
  stage?: Stage;
  atRisk?: boolean;
  overdue?: boolean;
}

export interface NotificationFilters {
  programIds?: string[];
  organizerId?: string;
  kind?: NotificationEntity['kind'];
}

/** Reads of the organizer read models; PostgreSQL only, never Temporal. */
@Injectable()
export class OrganizerReadModel {
  constructor(private readonly dataSource: DataSource) {}

  /** What access checks need: the organizer's program and where it stands. */
  async access(id: string): Promise<{ id: string; programId: string; stage: Stage; paused: boolean } | undefined> {
    const [row] = await this.dataSource.query('SELECT program_id, stage, paused FROM organizers WHERE id = $1', [id]);
    return row ? { id, programId: row.program_id, stage: row.stage, paused: row.paused } : undefined;
  }

  async list(programId: string, filters: OrganizerFilters, page: { limit: number; offset: number }): Promise<{ items: OrganizerDto[]; total: number }> {
    const where: FindOptionsWhere<OrganizerEntity> = { programId };
    if (filters.stage) where.stage = filters.stage;
    if (filters.atRisk !== undefined) where.atRisk = filters.atRisk;
    if (filters.overdue === true) where.overdueDebriefs = MoreThan(0);
    if (filters.overdue === false) where.overdueDebriefs = 0;
    const [rows, total] = await this.dataSource.getRepository(OrganizerEntity).findAndCount({
      where,
      order: { appliedAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(toOrganizerDto), total };
  }

  /** The organizer with its history, debriefs, trainings, ride-alongs and notifications: one query. */
  async detail(id: string): Promise<OrganizerDetailDto | undefined> {
    const [row] = await this.dataSource.query(detailQuery, [id]);
    if (!row) return undefined;
    const o = row.organizer;
    const isoOrNull = (value: string | null) => (value ? new Date(value).toISOString() : null);
    return {
      id: o.id,
      programId: o.program_id,
      memberId: o.member_id,
      name: o.name,
      email: o.email,
      stage: o.stage,
      stageEnteredAt: iso(o.stage_entered_at),
      paused: o.paused,
      atRisk: o.at_risk,
      overdueDebriefs: o.overdue_debriefs,
      version: o.version,
      phone: o.phone,
      local: o.local,
      appliedAt: iso(o.applied_at),
      hiredAt: isoOrNull(o.hired_at),
      activeSince: isoOrNull(o.active_since),
      endsAt: isoOrNull(o.ends_at),
      ...(o.next_debrief_due_at ? { nextDebriefDueAt: iso(o.next_debrief_due_at) } : {}),
      flags: o.flags,
      ineligibleReasons: o.ineligible_reasons,
      screening: o.screening ?? null,
      offer: o.offer ?? null,
      rideAlongCount: o.ride_along_count,
      totals: o.totals,
      pendingDebriefPeriods: o.pending_debrief_periods,
      history: row.history.map((t: Record<string, any>) => ({
        seq: t.seq,
        from: t.from_stage,
        to: t.to_stage,
        at: iso(t.at),
        actor: t.actor,
        ...(t.actor_name ? { actorName: t.actor_name } : {}),
        ...(t.reason ? { reason: t.reason } : {}),
      })),
      debriefs: row.debriefs.map((d: Record<string, any>) => ({
        periodStart: iso(d.period_start),
        periodEnd: iso(d.period_end),
        submittedAt: iso(d.submitted_at),
        submittedBy: d.submitted_by,
        late: d.late,
        hours: d.hours,
        conversations: d.conversations,
        oneOnOnes: d.one_on_ones,
        leadersIdentified: d.leaders_identified,
        inPerson: d.in_person,
        group: d.group_debrief,
        ...(d.notes ? { notes: d.notes } : {}),
      })),
      trainings: row.trainings.map((t: Record<string, any>) => ({ training: t.training, completedAt: iso(t.completed_at), recordedBy: t.recorded_by })),
      rideAlongs: row.ride_alongs.map((r: Record<string, any>) => ({ date: r.date, staff: r.staff, ...(r.notes ? { notes: r.notes } : {}), recordedBy: r.recorded_by })),
      notifications: row.notifications.map((n: Record<string, any>) => ({
        id: n.id,
        organizerId: n.organizer_id,
        programId: n.program_id,
        kind: n.kind,
        recipientRole: n.recipient_role,
        summary: n.summary,
        createdAt: iso(n.created_at),
        ...(n.resolved_at ? { resolvedAt: iso(n.resolved_at) } : {}),
        ...(n.resolved_by ? { resolvedBy: n.resolved_by } : {}),
      })),
    };
  }

  async notifications(filters: NotificationFilters, page: { limit: number; offset: number }): Promise<{ items: NotificationDto[]; total: number }> {
    const where: FindOptionsWhere<NotificationEntity> = {};
    if (filters.programIds) where.programId = In(filters.programIds);
    if (filters.organizerId) where.organizerId = filters.organizerId;
    if (filters.kind) where.kind = filters.kind;
    const [rows, total] = await this.dataSource.getRepository(NotificationEntity).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(toNotificationDto), total };
  }
}
