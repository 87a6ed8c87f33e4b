// Records of two people in a New York program across the week clocks go back (Monday 26 October 2026 to Monday 2
// November: 169 hours), written as a projection writes them; the weekly series' tests work every figure out from it.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export const W1 = '2026-10-19';
export const W2 = '2026-10-26'; // the week clocks go back (Sunday 1 November, 02:00)
export const W3 = '2026-11-02';

/** Writers of an organizer's records in `programId`. */
export function recordsIn(dataSource: DataSource, programId: string) {
  const q = (sql: string, parameters: unknown[] = []) => dataSource.query(sql, parameters);
  async function organizer(o: {
    local: string;
    stage: string;
    applied: string;
    /** When they entered their stage (its transition's instant): when hired, or applied, unless given. */
    since?: string;
    hired?: string;
    atRisk?: boolean;
    pending?: { end: string; overdue: boolean }[];
  }): Promise<string> {
    const id = randomUUID();
    await q(
      `INSERT INTO organizers (id, program_id, member_id, name, email, local, stage, stage_entered_at, applied_at, hired_at,
         at_risk, pending_debrief_periods, totals, version, projected_at)
       VALUES ($1, $2, $3, 'Fixture', 'f@example.org', $4, $9, $10, $5, $6, $7, $8, '{}', 1, now())`,
      [
        id,
        programId,
        `T-${id.slice(0, 8)}`,
        o.local,
        o.applied,
        o.hired ?? null,
        o.atRisk ?? false,
        JSON.stringify((o.pending ?? []).map((p) => ({ start: p.end, overdueAt: p.end, ...p }))),
        o.stage,
        o.since ?? o.hired ?? o.applied,
      ],
    );
    return id;
  }

  async function transitions(organizerId: string, moves: [string | null, string, string][]) {
    for (const [i, [from, to, at]] of moves.entries())
      await q(
        `INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor) VALUES ($1, $2, $3, $4, $5, 'fixture')`,
        [organizerId, i + 1, from, to, at],
      );
  }

  async function debrief(
    organizerId: string,
    end: string,
    d: { late?: boolean; hours: number; conversations: number; oneOnOnes: number; leaders: number },
  ) {
    await q(
      `INSERT INTO debriefs (organizer_id, period_start, program_id, period_end, submitted_at, submitted_by, late, hours,
         conversations, one_on_ones, leaders_identified, in_person, group_debrief)
       VALUES ($1, $2::timestamptz - interval '7 days', $3, $2, $2, 'fixture', $4, $5, $6, $7, $8, false, false)`,
      [organizerId, end, programId, d.late ?? false, d.hours, d.conversations, d.oneOnOnes, d.leaders],
    );
  }

  return { organizer, transitions, debrief, q };
}

/**
 * Ana and Ben in `programId` (a program in America/New_York): the fixture the weekly series are worked out from by
 * hand.
 */
export async function anaAndBen(dataSource: DataSource, programId: string): Promise<{ ana: string; ben: string }> {
  const { organizer, transitions, debrief, q } = recordsIn(dataSource, programId);
  // Ana (Local 1): applied in W1, screened two days later, hired in W2; an on-time debrief in W1, a late one for the
  // period that ended Sunday 1 November 23:30 EST (already Monday in UTC: still W2 here), a ride-along that Sunday,
  // and the debrief due Friday 6 November missing.
  const ana = await organizer({
    local: 'Local 1',
    stage: 'training',
    applied: '2026-10-20T14:00:00Z',
    since: '2026-10-28T15:00:00Z',
    hired: '2026-10-28T15:00:00Z',
    pending: [{ end: '2026-11-06T22:00:00Z', overdue: true }],
  });
  await transitions(ana, [
    [null, 'applied', '2026-10-20T14:00:00Z'],
    ['applied', 'screening', '2026-10-22T14:00:00Z'],
    ['screening', 'training', '2026-10-28T15:00:00Z'],
  ]);
  await debrief(ana, '2026-10-23T21:00:00Z', { hours: 10, conversations: 20, oneOnOnes: 2, leaders: 1 });
  await debrief(ana, '2026-11-02T04:30:00Z', { late: true, hours: 5, conversations: 8, oneOnOnes: 1, leaders: 0 });
  await q(
    `INSERT INTO ride_alongs (organizer_id, key, date, staff, recorded_by) VALUES ($1, '2026-11-01|jo', '2026-11-01', 'Jo', 'fixture')`,
    [ana],
  );
  // Ben (Local 2): applied in W2, paused through it (nothing owed), screened in W3 with a debrief still in its grace;
  // at risk now.
  const ben = await organizer({
    local: 'Local 2',
    stage: 'screening',
    applied: '2026-10-27T12:00:00Z',
    since: '2026-11-03T12:00:00Z',
    atRisk: true,
    pending: [{ end: '2026-11-06T22:00:00Z', overdue: false }],
  });
  await transitions(ben, [
    [null, 'applied', '2026-10-27T12:00:00Z'],
    ['applied', 'screening', '2026-11-03T12:00:00Z'],
  ]);
  return { ana, ben };
}
