import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, In, MoreThan } from 'typeorm';
import {
  DebriefEntity,
  NotificationEntity,
  OrganizerEntity,
  RideAlongEntity,
  StageTransitionEntity,
  TrainingEntity,
  UserEntity,
} from '../../entities';
import type { Stage } from '../../domain/stages';
import type { NotificationDto, OrganizerDetailDto, OrganizerDto } from './organizers.dto';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

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

  row(id: string): Promise<OrganizerEntity | null> {
    return this.dataSource.getRepository(OrganizerEntity).findOneBy({ id });
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

  async detail(o: OrganizerEntity): Promise<OrganizerDetailDto> {
    const organizerId = o.id;
    const [history, debriefs, trainings, rideAlongs, notifications] = await Promise.all([
      this.dataSource.getRepository(StageTransitionEntity).find({ where: { organizerId }, order: { seq: 'ASC' } }),
      this.dataSource.getRepository(DebriefEntity).find({ where: { organizerId }, order: { periodStart: 'DESC' }, take: 104 }),
      this.dataSource.getRepository(TrainingEntity).find({ where: { organizerId }, order: { completedAt: 'ASC' } }),
      this.dataSource.getRepository(RideAlongEntity).find({ where: { organizerId }, order: { date: 'ASC' } }),
      this.dataSource.getRepository(NotificationEntity).find({ where: { organizerId }, order: { createdAt: 'DESC' }, take: 100 }),
    ]);
    const actorNames = await this.userNames(history.map((t) => t.actor));
    return {
      ...toOrganizerDto(o),
      phone: o.phone,
      local: o.local,
      appliedAt: iso(o.appliedAt),
      hiredAt: isoOrNull(o.hiredAt),
      activeSince: isoOrNull(o.activeSince),
      endsAt: isoOrNull(o.endsAt),
      ...(o.nextDebriefDueAt ? { nextDebriefDueAt: iso(o.nextDebriefDueAt) } : {}),
      flags: o.flags,
      ineligibleReasons: o.ineligibleReasons,
      screening: o.screening ?? null,
      offer: o.offer,
      rideAlongCount: o.rideAlongCount,
      totals: o.totals,
      pendingDebriefPeriods: o.pendingDebriefPeriods,
      history: history.map((t) => ({
        seq: t.seq,
        from: t.fromStage,
        to: t.toStage,
        at: iso(t.at),
        actor: t.actor,
        ...(actorNames.has(t.actor) ? { actorName: actorNames.get(t.actor) } : {}),
        ...(t.reason ? { reason: t.reason } : {}),
      })),
      debriefs: debriefs.map((d) => ({
        periodStart: iso(d.periodStart),
        periodEnd: iso(d.periodEnd),
        submittedAt: iso(d.submittedAt),
        submittedBy: d.submittedBy,
        late: d.late,
        hours: d.hours,
        conversations: d.conversations,
        oneOnOnes: d.oneOnOnes,
        leadersIdentified: d.leadersIdentified,
        inPerson: d.inPerson,
        group: d.groupDebrief,
        ...(d.notes ? { notes: d.notes } : {}),
      })),
      trainings: trainings.map((t) => ({ training: t.training, completedAt: iso(t.completedAt), recordedBy: t.recordedBy })),
      rideAlongs: rideAlongs.map((r) => ({ date: r.date, staff: r.staff, ...(r.notes ? { notes: r.notes } : {}), recordedBy: r.recordedBy })),
      notifications: notifications.map(toNotificationDto),
    };
  }

  /** Names of the users among these actor ids (others, like `system`, are left out). */
  private async userNames(actors: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(actors.filter((a) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(a)))];
    if (ids.length === 0) return new Map();
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(users.map((u) => [u.id, u.name]));
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
