import type { ProgramBroadcast } from '../workflows/broadcast-messages';

export interface BroadcastActivities {
  /** Signals every organizer of the program whose stage is open; resumes after its last heartbeat. */
  signalOrganizers(change: ProgramBroadcast): Promise<{ signalled: number }>;
}
