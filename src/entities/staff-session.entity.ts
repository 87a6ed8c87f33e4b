import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser: its cookie holds an opaque secret whose SHA-256 is kept here, so every API replica finds it.
 * It ends when revoked, when idle too long (from `lastSeenAt`) or at `expiresAt`, whichever comes first.
 */
@Entity({ name: 'staff_sessions' })
@Index(['userId', 'createdAt'])
export class StaffSessionEntity {
  /** The session's public id (listed, revoked by it); never the cookie's secret. */
  @PrimaryColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Column('uuid')
  userId: string;

  /** What a request changing anything must send back in X-CSRF-Token. */
  @Column({ type: 'varchar', length: 64 })
  csrfToken: string;

  /** How it was signed in: `email` (a link) or `oidc`. */
  @Column({ type: 'varchar', length: 16 })
  method: string;

  /** The browser that signed in, as its User-Agent names it (shortened). */
  @Column({ type: 'varchar', length: 300 })
  device: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  /** The absolute end, however active it stays. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
