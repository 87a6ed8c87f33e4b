// Signed-in browsers, sign-in links and the sign-in request counts: in PostgreSQL, so every API replica shares them.
// Times are the database's (`now()`), one clock for every replica. (An UPDATE's RETURNING is read through a CTE:
// TypeORM answers a bare UPDATE with its row count beside the rows.)
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../domain/roles';

/** A live session with the user it signs in. */
export interface LiveSession {
  id: string;
  csrfToken: string;
  user: { id: string; role: Role; programIds: string[]; organizerId: string | null };
}

export interface SessionView {
  id: string;
  method: string;
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

const seconds = (ms: number) => ms / 1000;

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(session: {
    id: string;
    secretHash: string;
    userId: string;
    csrfToken: string;
    method: string;
    device: string;
    lifetimeMs: number;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO staff_sessions (id, secret_hash, user_id, csrf_token, method, device, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now(), now(), now() + make_interval(secs => $7))`,
      [
        session.id,
        session.secretHash,
        session.userId,
        session.csrfToken,
        session.method,
        session.device,
        seconds(session.lifetimeMs),
      ],
    );
    await this.purge();
  }

  /**
   * The session of this secret while it lives (not revoked, its user not revoked, not idle `idleMs`, not past its end),
   * seen now: its idle time starts again (written at most once a minute, or each tenth of a shorter `idleMs`, not on
   * every request; a session may end that much early).
   */
  async live(secretHash: string, idleMs: number): Promise<LiveSession | undefined> {
    const [row] = await this.dataSource.query(
      `WITH found AS (
         SELECT s.id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.role, u.program_ids, u.organizer_id
         FROM staff_sessions s JOIN users u ON u.id = s.user_id
         WHERE s.secret_hash = $1 AND s.revoked_at IS NULL AND u.revoked_at IS NULL AND s.expires_at > now()
           AND s.last_seen_at > now() - make_interval(secs => $2)
       ), seen AS (
         UPDATE staff_sessions s SET last_seen_at = now() FROM found
         WHERE s.id = found.id AND found.last_seen_at < now() - make_interval(secs => LEAST(60, $2 / 10))
       )
       SELECT * FROM found`,
      [secretHash, seconds(idleMs)],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      csrfToken: row.csrf_token,
      user: { id: row.user_id, role: row.role, programIds: row.program_ids, organizerId: row.organizer_id },
    };
  }

  /** A user's live sessions, the latest seen first. */
  async list(userId: string, idleMs: number): Promise<SessionView[]> {
    const rows: {
      id: string;
      method: string;
      device: string;
      created_at: Date;
      last_seen_at: Date;
      expires_at: Date;
    }[] = await this.dataSource.query(
      `SELECT id, method, device, created_at, last_seen_at, expires_at FROM staff_sessions
       WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
         AND last_seen_at > now() - make_interval(secs => $2)
       ORDER BY last_seen_at DESC`,
      [userId, seconds(idleMs)],
    );
    return rows.map((r) => ({
      id: r.id,
      method: r.method,
      device: r.device,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
    }));
  }

  /** The user a session belongs to, or undefined when there is no such session. */
  async ownerOf(sessionId: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query('SELECT user_id FROM staff_sessions WHERE id = $1', [sessionId]);
    return row?.user_id;
  }

  /** Clears sessions and links ended a month ago (called now and then as new ones are made). */
  private async purge(): Promise<void> {
    if (Math.random() >= 0.01) return;
    await this.dataSource.query(
      `DELETE FROM staff_sessions WHERE revoked_at < now() - interval '30 days' OR expires_at < now() - interval '30 days'`,
    );
    await this.dataSource.query(`DELETE FROM sign_in_links WHERE expires_at < now() - interval '30 days'`);
  }

  /** Ends one session now (an ended one stays as it was). */
  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query('UPDATE staff_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
      sessionId,
    ]);
  }

  /** Ends the session of this secret, if it is one. */
  async revokeBySecret(secretHash: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE staff_sessions SET revoked_at = now() WHERE secret_hash = $1 AND revoked_at IS NULL',
      [secretHash],
    );
  }

  /** Ends every session of a user now; answers how many were live. */
  async revokeAll(userId: string): Promise<number> {
    const rows = await this.dataSource.query(
      `WITH ended AS (
         UPDATE staff_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1
       ) SELECT * FROM ended`,
      [userId],
    );
    return rows.length;
  }

  async createLink(link: {
    id: string;
    secretHash: string;
    userId: string;
    purpose: 'sign-in' | 'invitation';
    lifetimeMs: number;
  }): Promise<Date> {
    const [row] = await this.dataSource.query(
      `INSERT INTO sign_in_links (id, secret_hash, user_id, purpose, created_at, expires_at)
       VALUES ($1, $2, $3, $4, now(), now() + make_interval(secs => $5)) RETURNING expires_at`,
      [link.id, link.secretHash, link.userId, link.purpose, seconds(link.lifetimeMs)],
    );
    return row.expires_at;
  }

  /** Uses the link of this secret, once: its user (not revoked) and purpose, or undefined if used, expired or unknown. */
  async claimLink(secretHash: string): Promise<{ userId: string; purpose: string } | undefined> {
    const [row] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE sign_in_links l SET used_at = now() FROM users u
         WHERE l.secret_hash = $1 AND l.used_at IS NULL AND l.expires_at > now() AND u.id = l.user_id
           AND u.revoked_at IS NULL
         RETURNING l.user_id, l.purpose
       ) SELECT * FROM claimed`,
      [secretHash],
    );
    return row ? { userId: row.user_id, purpose: row.purpose } : undefined;
  }

  /**
   * Counts one request for `key` in the current window of `windowMs`: how many there are in it now, and the seconds
   * until it ends. Windows long over are cleared as it goes.
   */
  async countRequest(key: string, windowMs: number): Promise<{ count: number; secondsLeft: number }> {
    const [row] = await this.dataSource.query(
      `INSERT INTO auth_request_counts (key, window_start, count)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = auth_request_counts.count + 1
       RETURNING count, ceil(extract(epoch FROM window_start) + $2 - extract(epoch FROM now()))::int AS seconds_left`,
      [key, seconds(windowMs)],
    );
    if (Math.random() < 0.01)
      await this.dataSource.query(`DELETE FROM auth_request_counts WHERE window_start < now() - interval '1 day'`);
    return { count: row.count, secondsLeft: Math.max(1, row.seconds_left) };
  }
}
