import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A staff user's account at a single sign-on provider: bound at their first sign-in there (by a vouched-for email),
 * matched on the provider's (issuer, subject) ever after, whatever the email becomes.
 */
@Entity({ name: 'sign_in_identities' })
@Index(['userId', 'issuer'], { unique: true })
export class SignInIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 500 })
  issuer: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  subject: string;

  @Column('uuid')
  userId: string;

  /** The email the provider gave when the binding was made. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastUsedAt: Date;
}
