import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A browser on its way through the single sign-on provider: what the answer must match (state, nonce, the PKCE
 * verifier) and where to go after. The browser holds the secret in a cookie; only its hash is kept. Used once.
 */
@Entity({ name: 'single_sign_on_attempts' })
export class SingleSignOnAttemptEntity {
  @PrimaryColumn({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'varchar', length: 64 })
  state: string;

  @Column({ type: 'varchar', length: 64 })
  nonce: string;

  @Column({ type: 'varchar', length: 128 })
  codeVerifier: string;

  /** A path on the page's own origin (`/#/organizers/…`). */
  @Column({ type: 'varchar', length: 500 })
  returnTo: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
