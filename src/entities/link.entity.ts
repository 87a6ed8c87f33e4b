import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LinkPurpose } from '../domain/links';

/**
 * A signed link sent by email (docs/design.md: organizers act from their phones): one purpose for one organizer, until
 * it expires, is used, revoked or superseded by a fresher one. Only a hash of its secret is kept, so the table cannot
 * be used to forge one.
 */
@Entity({ name: 'links' })
@Index(['organizerId', 'createdAt'])
export class LinkEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizerId: string;

  @Column('uuid')
  programId: string;

  /** `debrief`, `offer` or `status`. */
  @Column({ type: 'varchar', length: 16 })
  purpose: LinkPurpose;

  /**
   * What exactly it is for: the debrief period's start, when the offer lapses, the screening's calendar UID; null for a
   * status link.
   */
  @Column({ type: 'varchar', length: 120, nullable: true })
  subject: string | null;

  /** SHA-256 of the secret, hex. */
  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  revokedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null;
}
