// Signed links' rows. A token is `<id>.<secret>`; only the secret's SHA-256 is stored, compared in constant time.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LinkPurpose } from '../domain/links';
import { LinkEntity } from '../entities';

const tokenShape = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface NewLink {
  organizerId: string;
  programId: string;
  purpose: LinkPurpose;
  subject: string | null;
  lifetimeMs: number;
  /** The purpose's own deadline (an offer's expiry): the link ends then if that is sooner. */
  notAfter?: Date;
  createdBy: string;
  /** Ends every open link of the same purpose for this organizer (a coordinator's "send a fresh link"). */
  supersede: boolean;
}

@Injectable()
export class LinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a link; answers its row and the token, which exists nowhere else once it is emailed. */
  async mint(link: NewLink): Promise<{ link: LinkEntity; token: string }> {
    const secret = randomBytes(32).toString('base64url');
    const row: LinkEntity = Object.assign(new LinkEntity(), {
      id: randomUUID(),
      organizerId: link.organizerId,
      programId: link.programId,
      purpose: link.purpose,
      subject: link.subject,
      secretHash: hashOf(secret),
      createdBy: link.createdBy,
      createdAt: new Date(),
      expiresAt: new Date(Math.min(Date.now() + link.lifetimeMs, link.notAfter?.getTime() ?? Infinity)),
      usedAt: null,
      revokedAt: null,
      revokedBy: null,
      supersededAt: null,
    });
    await this.dataSource.transaction(async (manager) => {
      if (link.supersede) {
        await manager.query(
          `UPDATE links SET superseded_at = now() WHERE organizer_id = $1 AND purpose = $2
             AND used_at IS NULL AND revoked_at IS NULL AND superseded_at IS NULL AND expires_at > now()`,
          [link.organizerId, link.purpose],
        );
      }
      await manager.insert(LinkEntity, row);
    });
    return { link: row, token: `${row.id}.${secret}` };
  }

  /** The link a token names, or undefined when it names none (malformed, unknown, or its secret altered). */
  async find(token: string): Promise<LinkEntity | undefined> {
    const match = tokenShape.exec(token);
    if (!match) return undefined;
    const row = await this.dataSource.getRepository(LinkEntity).findOneBy({ id: match[1] });
    if (!row) return undefined;
    const given = Buffer.from(hashOf(match[2]), 'hex');
    return timingSafeEqual(given, Buffer.from(row.secretHash, 'hex')) ? row : undefined;
  }

  /**
   * Claims the link for one use: marks it used and answers when, or undefined when it was no longer open (used,
   * revoked or superseded meanwhile, or claimed by a use running at the same time).
   */
  async claim(id: string): Promise<string | undefined> {
    // As text: a JavaScript Date would drop the microseconds the release compares. TypeORM answers an UPDATE with
    // [rows, affected].
    const [rows]: [{ used_at: string }[], number] = await this.dataSource.query(
      `UPDATE links SET used_at = now()
        WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL AND superseded_at IS NULL RETURNING used_at::text`,
      [id],
    );
    return rows[0]?.used_at;
  }

  /** Gives back a claim whose action was refused or could not be sent: the link works again. */
  async release(id: string, claimedAt: string): Promise<void> {
    await this.dataSource.query('UPDATE links SET used_at = NULL WHERE id = $1 AND used_at = $2::timestamptz', [
      id,
      claimedAt,
    ]);
  }

  /** Revokes an organizer's open link; false when there is no such open link. */
  async revoke(organizerId: string, id: string, by: string): Promise<LinkEntity | undefined> {
    await this.dataSource.query(
      `UPDATE links SET revoked_at = now(), revoked_by = $3
         WHERE id = $1 AND organizer_id = $2 AND used_at IS NULL AND revoked_at IS NULL`,
      [id, organizerId, by],
    );
    return (await this.dataSource.getRepository(LinkEntity).findOneBy({ id, organizerId })) ?? undefined;
  }

  /** An organizer's links, newest first. */
  list(organizerId: string): Promise<LinkEntity[]> {
    return this.dataSource.getRepository(LinkEntity).find({ where: { organizerId }, order: { createdAt: 'DESC' } });
  }
}
