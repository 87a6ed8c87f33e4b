import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One change a person made, kept in PostgreSQL beyond Temporal's retention: an application, an action (with its
 * reason or scores), a policy or goal edit (before and after), a roster import, a user created or revoked.
 */
@Entity({ name: 'audit_entries' })
@Index(['programId', 'at'])
@Index(['at'])
export class AuditEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** The user who acted (their id), or `bootstrap-admin`. */
  @Column({ type: 'varchar', length: 64 })
  actor: string;

  /** The program it concerns (none for users created without one). */
  @Column({ type: 'uuid', nullable: true })
  programId: string | null;

  /** What was done: `application`, an action's name, `policy-changed`, `roster-imported`, `user-created`, … */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** What it was done to: an organizer, a program or a user (their id). */
  @Column({ type: 'varchar', length: 64 })
  subject: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
