// A program's member roster as eligibility reads it.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RosterStatus } from '../domain/organizer';
import { AuditRepository } from './audit.repository';
import type { AuditInTransaction } from './program.repository';

/** A roster line as stored: member id, name, local, status. */
export type RosterLine = [memberId: string, name: string, local: string, status: string];

@Injectable()
export class RosterRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Replaces the program's roster in one transaction: `fill` writes the new lines in batches (`write`) and its audit
   * entry; anything it throws leaves the old roster as it was. One replacement at a time per program: a second waits
   * for the first, then replaces it whole.
   */
  replace<T>(
    programId: string,
    fill: (write: (lines: RosterLine[]) => Promise<void>, audit: AuditInTransaction) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM programs WHERE id = $1 FOR UPDATE', [programId]);
      await manager.query('DELETE FROM roster_members WHERE program_id = $1', [programId]);
      const write = async (lines: RosterLine[]) => {
        if (!lines.length) return;
        const values = lines
          .map((_, i) => `($1, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}, $${i * 4 + 5}, now())`)
          .join(', ');
        await manager.query(
          `INSERT INTO roster_members (program_id, member_id, name, local, status, imported_at) VALUES ${values}`,
          [programId, ...lines.flat()],
        );
      };
      return fill(write, (entry) => this.audit.record(entry, manager));
    });
  }

  /** Whether the program has a roster, and the member's status on it (any case of member id). */
  async status(programId: string, memberId: string): Promise<RosterStatus> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM roster_members WHERE program_id = $1) AS has_roster,
              (SELECT status FROM roster_members WHERE program_id = $1 AND upper(member_id) = upper($2) LIMIT 1) AS status`,
      [programId, memberId],
    );
    return {
      hasRoster: row.has_roster,
      onRoster: row.status !== null,
      ...(row.status !== null ? { status: row.status } : {}),
    };
  }
}
