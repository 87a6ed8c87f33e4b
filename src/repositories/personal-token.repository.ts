// Users' API tokens, for scripts: stored as SHA-256, found by hash while live (not revoked, not expired, its user not
// revoked), listed for their owner.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../domain/roles';
import { type AuditEntry, AuditRepository } from './audit.repository';

export interface NewToken {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  expiresAt: Date | null;
}

export interface TokenView {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

@Injectable()
export class PersonalTokenRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /** Stores a token with its audit entry, in one transaction. */
  async create(token: NewToken, audit: AuditEntry): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.insert(token, manager);
      await this.audit.record(audit, manager);
    });
  }

  /** Stores a token in `manager`'s transaction (a new user's, whose entry covers it). */
  async insert(token: NewToken, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO personal_tokens (id, user_id, name, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, now(), $5)`,
      [token.id, token.userId, token.name, token.tokenHash, token.expiresAt],
    );
  }

  /** The user of a live token, noting when it was used (at most once a minute). */
  async userOf(
    tokenHash: string,
  ): Promise<{ id: string; role: Role; programIds: string[]; organizerId: string | null } | undefined> {
    const [row] = await this.dataSource.query(
      `WITH found AS (
         SELECT t.id AS token_id, t.last_used_at, u.id, u.role, u.program_ids, u.organizer_id
         FROM personal_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
           AND u.revoked_at IS NULL
       ), used AS (
         UPDATE personal_tokens t SET last_used_at = now() FROM found
         WHERE t.id = found.token_id AND (found.last_used_at IS NULL OR found.last_used_at < now() - interval '1 minute')
       )
       SELECT * FROM found`,
      [tokenHash],
    );
    return row ? { id: row.id, role: row.role, programIds: row.program_ids, organizerId: row.organizer_id } : undefined;
  }

  /** A user's tokens not revoked, the newest first (expired ones too: they say when they ended). */
  async list(userId: string): Promise<TokenView[]> {
    const rows: { id: string; name: string; created_at: Date; expires_at: Date | null; last_used_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT id, name, created_at, expires_at, last_used_at FROM personal_tokens
         WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC`,
        [userId],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  async ownerOf(tokenId: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query('SELECT user_id FROM personal_tokens WHERE id = $1', [tokenId]);
    return row?.user_id;
  }

  async revoke(tokenId: string, audit: AuditEntry): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE personal_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
        tokenId,
      ]);
      await this.audit.record(audit, manager);
    });
  }
}
