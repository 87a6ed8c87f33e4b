import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An API token of a user, for scripts: named, shown once (only its SHA-256 is kept), until it expires or is revoked.
 * A revoked user's tokens all stop.
 */
@Entity({ name: 'personal_tokens' })
@Index(['userId', 'createdAt'])
export class PersonalTokenEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
