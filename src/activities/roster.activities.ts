import { Injectable } from '@nestjs/common';
import type { RosterStatus } from '../domain/organizer';
import { RosterRepository } from '../repositories/roster.repository';

/** Eligibility's view of the program's member roster. */
@Injectable()
export class RosterActivities {
  constructor(private readonly roster: RosterRepository) {}

  checkRoster({ programId, memberId }: { programId: string; memberId: string }): Promise<RosterStatus> {
    return this.roster.status(programId, memberId);
  }
}
