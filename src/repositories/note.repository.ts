// Staff notes on a person (organizer_notes), with their authors in words.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../domain/roles';
import { actorPerson } from './actor-person.sql';
import { type AuditEntry, AuditRepository } from './audit.repository';

export interface NoteRow {
  id: string;
  organizerId: string;
  programId: string;
  authorId: string;
  author: { name: string; role: Role } | null;
  text: string;
  createdAt: Date;
  editedAt: Date | null;
}

const columns = `n.id, n.organizer_id, n.program_id, n.author_id, n.text, n.created_at, n.edited_at,
  ${actorPerson('n.author_id')} AS author`;

const noteOf = (row: Record<string, any>): NoteRow => ({
  id: row.id,
  organizerId: row.organizer_id,
  programId: row.program_id,
  authorId: row.author_id,
  author: row.author,
  text: row.text,
  createdAt: row.created_at,
  editedAt: row.edited_at,
});

@Injectable()
export class NoteRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Adds a note while the person is not erased: the row's share lock waits for an erasure under way, which moves the
   * row, so a note never outlives it. Undefined when there is no such person (any more). Each change to notes commits
   * with its audit entry.
   */
  async add(
    note: { id: string; organizerId: string; programId: string; authorId: string; text: string },
    audit: AuditEntry,
  ): Promise<NoteRow | undefined> {
    const added = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query(
        `INSERT INTO organizer_notes (id, organizer_id, program_id, author_id, text, created_at)
         SELECT $1, $2, $3, $4, $5, now()
         WHERE EXISTS (SELECT 1 FROM organizers WHERE id = $2 AND erased_at IS NULL FOR SHARE)
         RETURNING id`,
        [note.id, note.organizerId, note.programId, note.authorId, note.text],
      );
      if (rows.length) await this.audit.record(audit, manager);
      return rows.length > 0;
    });
    return added ? this.find(note.organizerId, note.id) : undefined;
  }

  /** A person's notes, newest first. */
  async list(organizerId: string): Promise<NoteRow[]> {
    const rows = await this.dataSource.query(
      `SELECT ${columns} FROM organizer_notes n WHERE n.organizer_id = $1 ORDER BY n.created_at DESC, n.id`,
      [organizerId],
    );
    return rows.map(noteOf);
  }

  async find(organizerId: string, noteId: string): Promise<NoteRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${columns} FROM organizer_notes n WHERE n.organizer_id = $1 AND n.id = $2`,
      [organizerId, noteId],
    );
    return row ? noteOf(row) : undefined;
  }

  async edit(noteId: string, text: string, audit: AuditEntry): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE organizer_notes SET text = $2, edited_at = now() WHERE id = $1`, [noteId, text]);
      await this.audit.record(audit, manager);
    });
  }

  async remove(noteId: string, audit: AuditEntry): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM organizer_notes WHERE id = $1`, [noteId]);
      await this.audit.record(audit, manager);
    });
  }
}
