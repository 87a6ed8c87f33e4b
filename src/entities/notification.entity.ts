import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationKind, RecipientRole } from '../domain/organizer';
import type { Said } from '../domain/words/said';

/** A reminder or escalation the system raised; its id is deterministic (organizer, kind, occasion). */
@Entity({ name: 'notifications' })
@Index(['programId', 'createdAt'])
@Index(['organizerId', 'createdAt'])
@Index(['kind', 'createdAt'])
// Today's open reminders: a program's unresolved ones only, not every reminder it ever had.
@Index('IDX_notifications_open_by_program', ['programId', 'kind'], { where: '"resolved_at" IS NULL' })
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id: string;

  @Column('uuid')
  organizerId: string;

  @Column('uuid')
  programId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 16 })
  recipientRole: RecipientRole;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** What happened, in English (the read model's and the staff's words). */
  @Column({ type: 'text' })
  summary: string;

  /** What happened as the catalog keys it, for each reader's language; null for reminders raised before. */
  @Column({ type: 'jsonb', nullable: true })
  said: Said | null;

  /** By when what it asks for is due, as the workflow set it, where that is not when it was raised. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  resolvedBy: string | null;
}
