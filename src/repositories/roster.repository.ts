// A program's member roster as eligibility reads it.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RosterStatus } from '../domain/organizer';

@Injectable()
export class RosterRepository {
  constructor(private readonly dataSource: DataSource) {}

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
