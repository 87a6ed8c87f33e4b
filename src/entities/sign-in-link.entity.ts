import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A sign-in link sent by email: single use, until it expires. Only a hash of its secret is kept. */
@Entity({ name: 'sign_in_links' })
export class SignInLinkEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Index()
  @Column('uuid')
  userId: string;

  /** `sign-in` (asked for) or `invitation` (sent when the account was made). */
  @Column({ type: 'varchar', length: 16 })
  purpose: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
