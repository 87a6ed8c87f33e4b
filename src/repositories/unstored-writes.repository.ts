import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntry, auditOfNotes } from './audit.repository';

/**
 * Notes of results an API process is about to write (docs/design.md §4): noted before its update is sent, removed
 * once the result is stored, swept by the worker when left behind.
 */
@Injectable()
export class UnstoredWritesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Notes that the caller is about to write `organizerId`'s next result, waiting for it until `writeBy`; answers the
   * note's id (the id its update is sent with). `audit`: the action's entry, written with the result.
   */
  async note(organizerId: string, writeBy: Date, audit?: Omit<AuditEntry, 'before'>): Promise<string> {
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO unstored_writes (id, organizer_id, noted_at, write_by, audit)
       VALUES ($1, $2, statement_timestamp(), $3, $4)`,
      [id, organizerId, writeBy, audit ? JSON.stringify(audit) : null],
    );
    return id;
  }

  /** The action was applied, and its result has nothing to store: its audit entry is written, with `stage`. */
  async done(id: string, stage: string): Promise<void> {
    await this.dataSource.query(
      `WITH noted AS (DELETE FROM unstored_writes WHERE id = $1 RETURNING audit, noted_at) ${auditOfNotes('noted', '$2')}`,
      [id, stage],
    );
  }

  /** The action was refused, changing nothing: nothing to audit. */
  async dismiss(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM unstored_writes WHERE id = $1', [id]);
  }

  /**
   * Claims notes whose caller's deadline passed `marginMs` ago (a note without one: made more than `olderThanMs` ago)
   * that no sweep holds or waits on, oldest first, for `holdMs` (another worker's sweep skips them meanwhile); answers
   * them by organizer, with when the first was made.
   */
  async claim(
    { olderThanMs, marginMs }: { olderThanMs: number; marginMs: number },
    limit: number,
    holdMs: number,
  ): Promise<{ organizerId: string; ids: string[]; since: Date }[]> {
    const rows: { organizer_id: string; ids: string[]; since: Date }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE unstored_writes SET retry_at = statement_timestamp() + $3 * interval '1 millisecond'
          WHERE id IN (SELECT id FROM unstored_writes
                        WHERE COALESCE(write_by + $4 * interval '1 millisecond', noted_at + $1 * interval '1 millisecond')
                              < statement_timestamp()
                          AND (retry_at IS NULL OR retry_at <= statement_timestamp())
                        ORDER BY noted_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, organizer_id, noted_at)
       SELECT organizer_id, array_agg(id) AS ids, min(noted_at) AS since FROM claimed GROUP BY organizer_id
        ORDER BY min(noted_at)`,
      [olderThanMs, limit, holdMs, marginMs],
    );
    return rows.map((row) => ({ organizerId: row.organizer_id, ids: row.ids, since: row.since }));
  }

  /** Notes whose workflow did not answer: tried again in `afterMs`, others first meanwhile. */
  async later(ids: string[], afterMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE unstored_writes SET retry_at = statement_timestamp() + $2 * interval '1 millisecond' WHERE id = ANY ($1)`,
      [ids, afterMs],
    );
  }

  /** Notes dealt with, their actions not applied or their results stored (a note made since stays for its caller). */
  async clear(ids: string[]): Promise<void> {
    await this.dataSource.query('DELETE FROM unstored_writes WHERE id = ANY ($1)', [ids]);
  }
}
