// A program's debriefs falling overdue in the same second (#5, #15): `count` active organizers started from built
// states, and a count of the reminders they have raised.
import { mergePolicy, policyPresets } from '../src/domain/policy';
import { activeOrganizerState, startFromStates } from './bench-organizers';
import type { BenchContext } from './context';
import { log } from './report';

export interface OverdueBurst {
  ids: string[];
  dueAt: number;
  /** How many of the burst's reminders exist now. */
  reminders: () => Promise<number>;
}

/**
 * Starts the burst's organizers, due `leadMs` from now; `first` numbers their members apart from other bursts'.
 * `reminderSpread`: the program's (policy.ts), none when absent.
 */
export async function startOverdueBurst(
  { stack, program, queue }: BenchContext,
  count: number,
  first: number,
  { leadMs = 120_000, reminderSpread }: { leadMs?: number; reminderSpread?: string } = {},
): Promise<OverdueBurst> {
  // Debrief reminders only, as before pay existed (a pay period would add its own time sheet reminder).
  const policy = mergePolicy(policyPresets.member_organizer, { pay: null, reminderSpread });
  log(`starting ${count} active organizers due in the same minute…`);
  const now = Date.now();
  const dueAt = now + leadMs;
  const states = Array.from({ length: count }, (_, i) =>
    activeOrganizerState(program.id, policy, dueAt + (i % 1000), now, first + i),
  );
  const startedAt = Date.now();
  const ids = await startFromStates(stack.client, queue, states, 40);
  log(`started in ${((Date.now() - startedAt) / 1000).toFixed(0)} s; due at ${new Date(dueAt).toISOString()}`);
  const reminders = async () => {
    const {
      rows: [{ n }],
    } = await stack.pg.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'debrief_overdue' AND organizer_id = ANY ($1)`,
      [ids],
    );
    return n as number;
  };
  return { ids, dueAt, reminders };
}
