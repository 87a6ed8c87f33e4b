import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A group session a coordinator runs for many people at once (docs/design.md: the seeds' group screenings and in-person
 * group debriefs). Each person's change is an action on their own workflow; the session keeps who was in it and what
 * each action answered, so a retried request (the same Idempotency-Key) gets the first answer instead of a second run.
 */
@Entity({ name: 'group_sessions' })
@Index(['programId', 'idempotencyKey'], { unique: true, where: '"idempotency_key" IS NOT NULL' })
@Index(['programId', 'at'])
export class GroupSessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  programId: string;

  /** `screening` or `debrief`. */
  @Column({ type: 'varchar', length: 16 })
  kind: 'screening' | 'debrief';

  /** When it is (a screening) or was held (a group debrief). */
  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** A screening's national organizer (a national user), invited with the coordinators. */
  @Column({ type: 'uuid', nullable: true })
  nationalOrganizerId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** What one person's action in a session answered: done (with the stage after), or refused and why. */
export interface SessionOutcome {
  ok: boolean;
  stage: string;
  message?: string;
}

/** One person in a session: the answer to their part of it, and for a screening the result recorded afterwards. */
@Entity({ name: 'group_session_members' })
@Index(['organizerId'])
export class GroupSessionMemberEntity {
  @PrimaryColumn('uuid')
  sessionId: string;

  @PrimaryColumn('uuid')
  organizerId: string;

  /** Scheduling (screening) or recording (debrief) them; null while it runs. */
  @Column({ type: 'jsonb', nullable: true })
  outcome: SessionOutcome | null;

  /** A screening's result sheet for them: attended, advance, and what recording it answered. */
  @Column({ type: 'jsonb', nullable: true })
  result: (SessionOutcome & { attended: boolean; advance: boolean }) | null;
}
