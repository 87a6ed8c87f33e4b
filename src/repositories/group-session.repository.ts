import type { Screening } from '../domain/organizer';
// Group sessions (one screening or group debrief for many people) and each person's part in them.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupSessionEntity, GroupSessionMemberEntity } from '../entities';
import type { SessionOutcome } from '../entities/group-session.entity';

/** A person's part in a session, with their name (none once they are gone from the program). */
export interface SessionMemberRow {
  session_id: string;
  organizer_id: string;
  name: string | null;
  outcome: SessionOutcome | null;
  result: (SessionOutcome & { attended: boolean; advance: boolean }) | null;
  /** Their screening as it stands (its session, their answer to its invitation). */
  screening: Screening | null;
}

export interface NewSession {
  programId: string;
  kind: 'screening' | 'debrief';
  at: string;
  location: string | null;
  notes: string | null;
  idempotencyKey: string | undefined;
  nationalOrganizerId?: string | null;
  createdBy: string;
}

@Injectable()
export class GroupSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get sessions() {
    return this.dataSource.getRepository(GroupSessionEntity);
  }

  private get members() {
    return this.dataSource.getRepository(GroupSessionMemberEntity);
  }

  find(sessionId: string): Promise<GroupSessionEntity | null> {
    return this.sessions.findOneBy({ id: sessionId });
  }

  /** A program's sessions, newest first (at most 50), of one kind or both. */
  list(programId: string, kind: 'screening' | 'debrief' | undefined): Promise<GroupSessionEntity[]> {
    return this.sessions.find({ where: { programId, ...(kind ? { kind } : {}) }, order: { at: 'DESC' }, take: 50 });
  }

  /**
   * Creates the session with its people (no part done yet); undefined when one with the same idempotency key exists
   * (then nothing is written: `byIdempotencyKey` finds the first).
   */
  insert(id: string, session: NewSession, organizerIds: string[]): Promise<string | undefined> {
    // One transaction: a session is never stored without its people (a retry would then find no one).
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO group_sessions (id, program_id, kind, at, location, notes, idempotency_key, created_by, created_at,
          national_organizer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9)
       ON CONFLICT (program_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id`,
        [
          id,
          session.programId,
          session.kind,
          session.at,
          session.location,
          session.notes,
          session.idempotencyKey ?? null,
          session.createdBy,
          session.nationalOrganizerId ?? null,
        ],
      );
      if (!inserted.length) return undefined;
      await manager
        .createQueryBuilder()
        .insert()
        .into(GroupSessionMemberEntity)
        .values(organizerIds.map((organizerId) => ({ sessionId: id, organizerId, outcome: null, result: null })))
        .execute();
      return id;
    });
  }

  byIdempotencyKey(programId: string, idempotencyKey: string): Promise<GroupSessionEntity> {
    return this.sessions.findOneByOrFail({ programId, idempotencyKey });
  }

  /** The people of a session and their parts. */
  membersOf(sessionId: string): Promise<GroupSessionMemberEntity[]> {
    return this.members.findBy({ sessionId });
  }

  /** What a person's part in the session answered. */
  async setOutcome(sessionId: string, organizerId: string, outcome: SessionOutcome): Promise<void> {
    await this.members.update({ sessionId, organizerId }, { outcome });
  }

  /** What recording a screening's result for a person answered. */
  async setResult(
    sessionId: string,
    organizerId: string,
    result: SessionOutcome & { attended: boolean; advance: boolean },
  ): Promise<void> {
    await this.members.update({ sessionId, organizerId }, { result });
  }

  /** The people of these sessions with their names and parts, by name. */
  withNames(sessionIds: string[]): Promise<SessionMemberRow[]> {
    return this.dataSource.query(
      `SELECT m.session_id, m.organizer_id, o.name, m.outcome, m.result, o.screening
         FROM group_session_members m LEFT JOIN organizers o ON o.id = m.organizer_id
        WHERE m.session_id = ANY ($1) ORDER BY o.name`,
      [sessionIds],
    );
  }

  /** Whether `userId` is a national user who can sign in (one a screening may name as its national organizer). */
  async isNationalUser(userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM users WHERE id = $1 AND role = 'national' AND revoked_at IS NULL`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Who holds a program's screening: its coordinators (the first one first), then the national organizer named. */
  staffOf(programId: string, nationalOrganizerId: string | null): Promise<{ name: string; email: string }[]> {
    return this.dataSource.query(
      `SELECT name, email FROM users WHERE revoked_at IS NULL
         AND ((role = 'coordinator' AND $1 = ANY (program_ids)) OR (role = 'national' AND id = $2))
       ORDER BY role, created_at, email`,
      [programId, nationalOrganizerId],
    );
  }
}
