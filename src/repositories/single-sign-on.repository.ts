// Single sign-on's state in PostgreSQL, so any API replica may answer the provider's redirect: browsers on their way
// through the provider, and staff users' accounts there. Times are the database's (`now()`).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SingleSignOnAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

@Injectable()
export class SingleSignOnRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createAttempt(secretHash: string, attempt: SingleSignOnAttempt, lifetimeMs: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO single_sign_on_attempts (secret_hash, state, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [secretHash, attempt.state, attempt.nonce, attempt.codeVerifier, attempt.returnTo, lifetimeMs / 1000],
    );
    if (Math.random() < 0.05)
      await this.dataSource.query(`DELETE FROM single_sign_on_attempts WHERE expires_at < now() - interval '1 day'`);
  }

  /** Takes the attempt of this secret, once: undefined if it was taken, has expired or never was. */
  async claimAttempt(secretHash: string): Promise<SingleSignOnAttempt | undefined> {
    const [row] = await this.dataSource.query(
      `WITH claimed AS (
         DELETE FROM single_sign_on_attempts WHERE secret_hash = $1 RETURNING *
       ) SELECT state, nonce, code_verifier, return_to, expires_at > now() AS live FROM claimed`,
      [secretHash],
    );
    return row?.live
      ? { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to }
      : undefined;
  }

  /** The user bound to this account at the provider, unless revoked; its last use is now. */
  async userOf(issuer: string, subject: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(
      `WITH used AS (
         UPDATE sign_in_identities i SET last_used_at = now() FROM users u
         WHERE i.issuer = $1 AND i.subject = $2 AND u.id = i.user_id AND u.revoked_at IS NULL
         RETURNING i.user_id
       ) SELECT user_id FROM used`,
      [issuer, subject],
    );
    return row?.user_id;
  }

  /**
   * Binds a user to an account at the provider; false if the user is bound to another account there already (or this
   * account to someone else: a race two browsers lost).
   */
  async bind(userId: string, issuer: string, subject: string, email: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO sign_in_identities (issuer, subject, user_id, email, created_at, last_used_at)
       VALUES ($1, $2, $3, $4, now(), now()) ON CONFLICT DO NOTHING RETURNING user_id`,
      [issuer, subject, userId, email],
    );
    return rows.length === 1;
  }
}
