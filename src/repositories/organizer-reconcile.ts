// What the reconciler reads and writes of an organizer: the batches it checks, the organizer as stored, how it differs
// from the workflow's state, and the repair (a compare-and-set on the row as read).
import { DataSource } from 'typeorm';
import type { OrganizerState } from '../domain/organizer';
import { snapshotOf } from '../domain/snapshot';
import { closedStages } from '../domain/stages';
import { iso, organizerColumns, type OrganizerColumn, organizerRow, rowParameters } from './organizer-row';

/** The organizer as stored, for the reconciler: the row (with `token`, its exact version) and its records' keys. */
export interface StoredOrganizer {
  /** PostgreSQL's xmin of the row as read: any write since changes it, so a repair conditioned on it is a compare-and-set. */
  token: string;
  row: Record<OrganizerColumn, unknown>;
  /** When the row was last written. */
  projectedAt: Date;
  trainings: string[];
  rideAlongs: string[];
  debriefs: string[];
  openNotifications: string[];
  notifications: string[];
  transitions: { seq: number; to: string }[];
}

const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
        )
      : value;
/** A column's value in a comparable form: instants as ISO text, jsonb with its keys in order (PostgreSQL reorders them). */
const comparable = (value: unknown): string =>
  JSON.stringify(sortedKeys(value instanceof Date ? value.toISOString() : value));

/** How the stored organizer differs from the workflow's state, one phrase per difference (empty when equal). */
export function differencesFrom(stored: StoredOrganizer, truth: OrganizerState): string[] {
  const found: string[] = [];
  const expected = organizerRow(snapshotOf(truth));
  for (const column of organizerColumns) {
    if (comparable(stored.row[column]) !== comparable(expected[column]))
      found.push(`${column} ${comparable(stored.row[column])} → ${comparable(expected[column])}`);
  }
  const compareSets = (what: string, have: string[], want: string[]) => {
    const extra = have.filter((k) => !want.includes(k));
    const missing = want.filter((k) => !have.includes(k));
    if (extra.length) found.push(`${what} not in the workflow: ${extra.join(', ')}`);
    if (missing.length) found.push(`${what} missing: ${missing.join(', ')}`);
  };
  compareSets(
    'trainings',
    stored.trainings,
    truth.trainings.map((t) => t.training),
  );
  compareSets(
    'ride-alongs',
    stored.rideAlongs,
    truth.rideAlongs.map((r) => r.key),
  );
  compareSets(
    'debriefs',
    stored.debriefs,
    truth.periods.filter((p) => p.submittedAt).map((p) => iso(p.start)),
  );
  compareSets(
    'open notifications',
    stored.openNotifications,
    truth.openNotifications.map((n) => n.id),
  );
  const last = stored.transitions.at(-1);
  if (!last || last.seq !== truth.seq || last.to !== truth.stage)
    found.push(`last history row ${last ? `${last.seq} ${last.to}` : 'none'} → ${truth.seq} ${truth.stage}`);
  return found;
}

/**
 * Organizers the reconciler checks, `limit` at a time after `after` (by id): every open one, and closed ones whose
 * row was written since `closedSince`; of one program, or all.
 */
export async function reconcileBatch(
  dataSource: DataSource,
  from: { after: string; closedSince: Date; programId?: string },
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT id FROM organizers WHERE id > $1 AND (stage <> ALL ($2) OR projected_at >= $3) AND ($4::uuid IS NULL OR program_id = $4)
       AND erased_at IS NULL
     ORDER BY id LIMIT $5`,
    [from.after, [...closedStages], from.closedSince, from.programId ?? null, limit],
  );
  return rows.map((r) => r.id);
}

/** The organizer as stored now, for comparison (undefined when there is no row). */
export async function storedOrganizer(dataSource: DataSource, id: string): Promise<StoredOrganizer | undefined> {
  const [found] = await dataSource.query(
    `SELECT o.xmin::text AS token, row_to_json(o) AS row, o.projected_at,
       ARRAY(SELECT training FROM trainings WHERE organizer_id = o.id) AS trainings,
       ARRAY(SELECT key FROM ride_alongs WHERE organizer_id = o.id) AS ride_alongs,
       ARRAY(SELECT period_start FROM debriefs WHERE organizer_id = o.id) AS debriefs,
       ARRAY(SELECT id FROM notifications WHERE organizer_id = o.id AND resolved_at IS NULL) AS open_notifications,
       ARRAY(SELECT id FROM notifications WHERE organizer_id = o.id) AS notifications,
       (SELECT COALESCE(json_agg(json_build_object('seq', seq, 'to', to_stage) ORDER BY seq), '[]') FROM stage_transitions WHERE organizer_id = o.id) AS transitions
     FROM organizers o WHERE o.id = $1`,
    [id],
  );
  if (!found) return undefined;
  const timestamps: OrganizerColumn[] = [
    'stage_entered_at',
    'applied_at',
    'hired_at',
    'active_since',
    'ends_at',
    'next_debrief_due_at',
    'stage_due_at',
    'undo_until',
  ];
  const row = found.row as Record<OrganizerColumn, unknown>;
  for (const column of timestamps) if (row[column]) row[column] = iso(row[column] as string);
  return {
    token: found.token,
    row,
    projectedAt: found.projected_at,
    trainings: found.trainings,
    rideAlongs: found.ride_alongs,
    debriefs: (found.debriefs as Date[]).map(iso),
    openNotifications: found.open_notifications,
    notifications: found.notifications,
    transitions: found.transitions,
  };
}

/**
 * Rewrites the organizer's rows to the workflow's state, if the row is still exactly as read (`token`): the row,
 * records the workflow never made (removed), trainings and ride-alongs it made (restored from the state), which
 * reminders are open, and the last history row. A debrief or reminder the state cannot rebuild is reported, not
 * invented. Returns what it could not restore, or undefined when the row changed since it was read.
 */
export async function repairOrganizer(
  dataSource: DataSource,
  id: string,
  token: string,
  truth: OrganizerState,
): Promise<{ unrestorable: string[] } | undefined> {
  return dataSource.transaction(async (manager) => {
    const q = (sql: string, parameters: unknown[]) => manager.query(sql, parameters);
    const locked = await q('SELECT 1 FROM organizers WHERE id = $1 AND xmin::text = $2 FOR UPDATE', [id, token]);
    if (!locked.length) return undefined;
    const snapshot = snapshotOf(truth);
    const parameters = rowParameters(snapshot);
    await q(
      `UPDATE organizers SET ${organizerColumns.map((c, i) => `${c} = $${i + 1}`).join(', ')}, projected_at = now() WHERE id = $1`,
      parameters,
    );
    const trainings = truth.trainings.map((t) => t.training);
    await q('DELETE FROM trainings WHERE organizer_id = $1 AND training <> ALL ($2)', [id, trainings]);
    await q(
      `INSERT INTO trainings (organizer_id, training, completed_at, recorded_by)
       SELECT $1, t.training, t."completedAt", 'reconcile' FROM jsonb_to_recordset($2::jsonb) AS t(training text, "completedAt" timestamptz)
       ON CONFLICT DO NOTHING`,
      [id, JSON.stringify(truth.trainings)],
    );
    await q('DELETE FROM ride_alongs WHERE organizer_id = $1 AND key <> ALL ($2)', [
      id,
      truth.rideAlongs.map((r) => r.key),
    ]);
    await q(
      `INSERT INTO ride_alongs (organizer_id, key, date, staff, recorded_by)
       SELECT $1, r.key, r.date, split_part(r.key, '|', 2), 'reconcile' FROM jsonb_to_recordset($2::jsonb) AS r(key text, date text)
       ON CONFLICT DO NOTHING`,
      [id, JSON.stringify(truth.rideAlongs)],
    );
    const submitted = truth.periods.filter((p) => p.submittedAt).map((p) => p.start);
    await q('DELETE FROM debriefs WHERE organizer_id = $1 AND period_start <> ALL ($2::timestamptz[])', [
      id,
      submitted,
    ]);
    const open = truth.openNotifications.map((n) => n.id);
    await q(
      `UPDATE notifications SET resolved_at = now(), resolved_by = 'reconcile' WHERE organizer_id = $1 AND resolved_at IS NULL AND id <> ALL ($2)`,
      [id, open],
    );
    await q(
      'UPDATE notifications SET resolved_at = NULL, resolved_by = NULL WHERE organizer_id = $1 AND resolved_at IS NOT NULL AND id = ANY ($2)',
      [id, open],
    );
    await q('DELETE FROM stage_transitions WHERE organizer_id = $1 AND seq > $2', [id, truth.seq]);
    await q(
      'UPDATE stage_transitions SET to_stage = $3, at = $4 WHERE organizer_id = $1 AND seq = $2 AND to_stage <> $3',
      [id, truth.seq, truth.stage, truth.stageEnteredAt],
    );
    const present = new Set([
      ...(await q('SELECT period_start FROM debriefs WHERE organizer_id = $1', [id])).map((d: { period_start: Date }) =>
        iso(d.period_start),
      ),
      ...(await q('SELECT id FROM notifications WHERE organizer_id = $1', [id])).map((n: { id: string }) => n.id),
    ]);
    const unrestorable = [
      ...submitted
        .map(iso)
        .filter((start) => !present.has(start))
        .map((start) => `the debrief for the period starting ${start}`),
      ...open.filter((n) => !present.has(n)).map((n) => `the reminder ${n}`),
    ];
    return { unrestorable };
  });
}
