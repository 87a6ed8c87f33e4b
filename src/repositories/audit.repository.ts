// The audit trail's owner: who changed what, when, with the values before and after.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { actorInWords } from '../words/actors';
import { actorPerson } from './actor-person.sql';

export interface AuditEntry {
  actor: string;
  programId?: string | null;
  kind: string;
  subject: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditView {
  at: string;
  actor: string;
  actorName?: string;
  actorInWords: string;
  programId: string | null;
  kind: string;
  subject: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * Writes the audit entry each of the notes in `noted` (rows of unstored_writes just removed, with `audit` and
 * `noted_at`) carries, at the time the action was noted (its result may be stored later, by the sweep), its `after`
 * with the stage the action left the record in (`stage`, an SQL expression) unless the action's input names one.
 */
export const auditOfNotes = (noted: string, stage: string) => `
  INSERT INTO audit_entries (id, at, actor, program_id, kind, subject, after)
  SELECT gen_random_uuid(), n.noted_at, n.audit->>'actor', (n.audit->>'programId')::uuid, n.audit->>'kind',
    n.audit->>'subject', jsonb_build_object('stage', ${stage}::text) || COALESCE(n.audit->'after', '{}'::jsonb)
  FROM ${noted} n WHERE n.audit IS NOT NULL`;

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an entry (in `manager`'s transaction when given, so it commits with the change it describes). */
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_entries (id, at, actor, program_id, kind, subject, before, after) VALUES ($1, now(), $2, $3, $4, $5, $6, $7)`,
      [
        randomUUID(),
        entry.actor,
        entry.programId ?? null,
        entry.kind,
        entry.subject,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
      ],
    );
  }

  /** Entries newest first, of one program or all. */
  async list(
    programId: string | undefined,
    page: { limit: number; offset: number },
  ): Promise<{ items: AuditView[]; total: number }> {
    const where = programId ? 'WHERE a.program_id = $1' : '';
    const parameters = programId ? [programId] : [];
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT a.*, ${actorPerson('a.actor')} AS actor_person FROM audit_entries a ${where}
         ORDER BY a.at DESC, a.id LIMIT ${page.limit} OFFSET ${page.offset}`,
        parameters,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM audit_entries a ${where}`, parameters),
    ]);
    return {
      total,
      items: rows.map((a: Record<string, any>) => ({
        at: new Date(a.at).toISOString(),
        actor: a.actor,
        ...(a.actor_person ? { actorName: a.actor_person.name } : {}),
        actorInWords: actorInWords(a.actor, a.actor_person),
        programId: a.program_id,
        kind: a.kind,
        subject: a.subject,
        ...(a.before ? { before: a.before } : {}),
        ...(a.after ? { after: a.after } : {}),
      })),
    };
  }
}
