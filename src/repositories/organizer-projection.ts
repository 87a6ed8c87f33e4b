// The organizer's projection write: its row and the records of its changes, in one statement (docs/design.md §4: only
// committed state is projected; every write is version-guarded and idempotent).
import { DataSource, type EntityManager } from 'typeorm';
import type { RideAlongRecord, TrainingRecord } from '../domain/organizer';
import type { Projection } from '../domain/snapshot';
import { sayStored } from '../words/say';
import { auditOfNotes } from './audit.repository';
import { organizerColumns, rowParameters } from './organizer-row';

/** The last record of each key (records come oldest first). */
function latestByKey<T>(records: T[], key: (record: T) => string): T[] {
  return [...new Map(records.map((record) => [key(record), record])).values()];
}

// The whole projection is one statement: one round trip, atomic on its own. The organizer row carries the version
// guard (an older projection changes nothing; TypeORM's upsert cannot carry this WHERE, hence SQL); its row lock
// comes first, so two writes of one organizer run one after the other. Child rows have deterministic keys and are
// inserted if absent, so a projection written twice adds nothing. The CTEs all see the same snapshot, so a
// notification created and resolved within one projection arrives resolved, and one another write stored before
// its resolution is resolved by the insert's conflict clause. A write of a version already stored (the workflow's
// own projection after the API stored the update's result) only looks: any stored version carried every change up
// to it, so there is nothing to add, and no lock to take on the caller's path.
const n = organizerColumns.length;
const version = `$${organizerColumns.indexOf('version') + 1}`;
const fresh = `NOT EXISTS (SELECT 1 FROM organizers WHERE id = $1 AND version >= ${version})`;
// A record goes in only with its row: a write that waited for the row lock while a newer one committed (and took back
// a record, revert-step) finds the row newer once it has the lock, and must not add what the newer write removed. The
// CTEs share the statement's snapshot, taken before the wait; the row's upsert alone sees the row as it is after it.
const written = `${fresh} AND EXISTS (SELECT 1 FROM organizer)`;
const projectionStatement = `
  WITH organizer AS (
    INSERT INTO organizers (${organizerColumns.join(', ')}, projected_at)
    SELECT ${organizerColumns.map((_, i) => `$${i + 1}`).join(', ')}, now() WHERE ${fresh}
    ON CONFLICT (id) DO UPDATE SET ${[...organizerColumns.filter((c) => c !== 'id'), 'projected_at'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
    WHERE organizers.version < EXCLUDED.version
    RETURNING 1
  ), transitions AS (
    INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor, reason)
    SELECT $1, t.seq, t.from_stage, t.to_stage, t.at, t.actor, t.reason
    FROM jsonb_to_recordset($${n + 1}::jsonb) AS t(seq int, from_stage text, to_stage text, at timestamptz, actor text, reason text)
    WHERE ${written}
    ON CONFLICT DO NOTHING RETURNING 1
  ), debriefs AS (
    INSERT INTO debriefs (organizer_id, period_start, program_id, period_end, submitted_at, submitted_by, late, hours, conversations,
      one_on_ones, leaders_identified, in_person, group_debrief, notes, metrics)
    SELECT $1, d."periodStart", $2, d."periodEnd", d."submittedAt", d."submittedBy", d.late, d.hours, d.conversations, d."oneOnOnes",
      d."leadersIdentified", d."inPerson", d."group", d.notes, COALESCE(d.metrics, '{}'::jsonb)
    FROM jsonb_to_recordset($${n + 2}::jsonb) AS d("periodStart" timestamptz, "periodEnd" timestamptz, "submittedAt" timestamptz,
      "submittedBy" text, late boolean, hours float8, conversations int, "oneOnOnes" int, "leadersIdentified" int, "inPerson" boolean,
      "group" boolean, notes text, metrics jsonb)
    WHERE ${written}
    ON CONFLICT DO NOTHING RETURNING 1
  ), trainings AS (
    INSERT INTO trainings (organizer_id, training, completed_at, recorded_by)
    SELECT $1, t.training, t."completedAt", t."recordedBy"
    FROM jsonb_to_recordset($${n + 3}::jsonb) AS t(training text, "completedAt" timestamptz, "recordedBy" text)
    WHERE ${written}
    -- Recorded again after an undo whose write was lost: the newer record stands.
    ON CONFLICT (organizer_id, training) DO UPDATE SET completed_at = EXCLUDED.completed_at,
      recorded_by = EXCLUDED.recorded_by
    RETURNING 1
  ), ride_alongs AS (
    INSERT INTO ride_alongs (organizer_id, key, date, staff, notes, recorded_by)
    SELECT $1, r.key, r.date, r.staff, r.notes, r."recordedBy"
    FROM jsonb_to_recordset($${n + 4}::jsonb) AS r(key text, date text, staff text, notes text, "recordedBy" text)
    WHERE ${written}
    ON CONFLICT (organizer_id, key) DO UPDATE SET date = EXCLUDED.date, staff = EXCLUDED.staff, notes = EXCLUDED.notes,
      recorded_by = EXCLUDED.recorded_by
    RETURNING 1
  ), created AS (
    INSERT INTO notifications (id, organizer_id, program_id, kind, recipient_role, created_at, summary, said, due_at,
      resolved_at, resolved_by)
    SELECT c.id, $1, $2, c.kind, c."recipientRole", c."createdAt", c.summary, c.said, c."dueAt", c."resolvedAt", c."resolvedBy"
    FROM jsonb_to_recordset($${n + 5}::jsonb) AS c(id text, kind text, "recipientRole" text, "createdAt" timestamptz, summary text,
      said jsonb, "dueAt" timestamptz, "resolvedAt" timestamptz, "resolvedBy" text)
    WHERE ${written}
    ON CONFLICT (id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at, resolved_by = EXCLUDED.resolved_by
    WHERE notifications.resolved_at IS NULL AND EXCLUDED.resolved_at IS NOT NULL
    RETURNING kind, xmax = 0 AS inserted
  ), plans AS (
    INSERT INTO work_plans (organizer_id, period_start, program_id, targets, notes, set_by, set_at, version)
    SELECT $1, w."periodStart", $2, w.targets, w.notes, w."setBy", w."setAt", w.version
    FROM jsonb_to_recordset($${n + 7}::jsonb) AS w("periodStart" timestamptz, targets jsonb, notes text, "setBy" text,
      "setAt" timestamptz, version int)
    WHERE ${written}
    ON CONFLICT (organizer_id, period_start) DO UPDATE SET targets = EXCLUDED.targets, notes = EXCLUDED.notes,
      set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at, version = EXCLUDED.version
    WHERE work_plans.version < EXCLUDED.version
    RETURNING 1
  ), pay AS (
    INSERT INTO pay_periods (organizer_id, period_start, program_id, period_end, status, due_at, debrief_starts, timesheet,
      quarter_hours, paid_quarter_hours, rate_minor, amount_minor, allowances_minor, mileage_minor, currency, approved_by,
      approved_at, version)
    SELECT $1, p."periodStart", $2, p."periodEnd", p.status, p."dueAt", p."debriefStarts", p.timesheet,
      (p.figures->>'quarterHours')::int, (p.figures->>'paidQuarterHours')::int, (p.figures->>'rateMinor')::int,
      (p.figures->>'amountMinor')::bigint, (p.figures->>'allowancesMinor')::bigint, (p.figures->>'mileageMinor')::bigint,
      p.currency, p."approvedBy",
      p."approvedAt", p.version
    FROM jsonb_to_recordset($${n + 8}::jsonb) AS p("periodStart" timestamptz, "periodEnd" timestamptz, status text,
      "dueAt" timestamptz, "debriefStarts" jsonb, timesheet jsonb, figures jsonb, currency text, "approvedBy" text, "approvedAt" timestamptz,
      version int)
    WHERE ${written}
    -- Once payable the period is the vouchers' (vouchered, reimbursed): the workflow never writes it again.
    ON CONFLICT (organizer_id, period_start) DO UPDATE SET period_end = EXCLUDED.period_end, status = EXCLUDED.status,
      due_at = COALESCE(EXCLUDED.due_at, pay_periods.due_at),
      debrief_starts = EXCLUDED.debrief_starts, timesheet = EXCLUDED.timesheet, quarter_hours = EXCLUDED.quarter_hours,
      paid_quarter_hours = EXCLUDED.paid_quarter_hours, rate_minor = EXCLUDED.rate_minor,
      amount_minor = EXCLUDED.amount_minor, allowances_minor = EXCLUDED.allowances_minor,
      mileage_minor = EXCLUDED.mileage_minor,
      approved_by = EXCLUDED.approved_by, approved_at = EXCLUDED.approved_at, version = EXCLUDED.version
    WHERE pay_periods.version < EXCLUDED.version AND pay_periods.status IN ('open', 'submitted')
    RETURNING 1
  ), resolved AS (
    UPDATE notifications SET resolved_at = r."resolvedAt", resolved_by = r."resolvedBy"
    FROM jsonb_to_recordset($${n + 6}::jsonb) AS r(id text, "resolvedAt" timestamptz, "resolvedBy" text)
    WHERE notifications.id = r.id AND notifications.resolved_at IS NULL AND ${written}
    RETURNING 1
  ), noted AS (
    -- The note of the process that writes this result (unstored_writes): stored, so nothing is left to sweep; the
    -- action it noted is audited with it, once, whichever process removes the note.
    DELETE FROM unstored_writes WHERE id = $${n + 9}::uuid RETURNING audit, noted_at
  ), audited AS (${auditOfNotes('noted', `$${organizerColumns.indexOf('stage') + 1}`)}
  )
  SELECT (SELECT count(*) FROM organizer) AS organizer,
    ARRAY(SELECT kind FROM created WHERE inserted) AS created`;

const deadlockDetected = '40P01';
const serializationFailure = '40001';
const uniqueViolation = '23505';

/** What a write stored: the version (false: it or a newer one was there already), and the notifications it added. */
export interface Stored {
  version: boolean;
  /** The kinds of the notifications this write added (one carried again by a later write is added once). */
  notifications: string[];
}

/**
 * Writes a projection: the organizer's row unless a newer version is stored, and the records of its changes unless
 * present. Safe to repeat and to run alongside another write of the same organizer.
 */
export async function projectOrganizer(dataSource: DataSource, projection: Projection, note?: string): Promise<Stored> {
  // Two writes that move organizers of one program between the same two stages update that program's stage
  // counts in opposite orders; PostgreSQL breaks such a deadlock by failing one, which is then simply run again.
  // Two first writes of one organizer (the API's and the workflow's) both pass the id check before either commits;
  // the second then fails on the (program, member) index, which ON CONFLICT (id) does not cover: run again, it
  // meets the stored row by its id.
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeProjection(dataSource, projection, note);
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      const retried = [deadlockDetected, serializationFailure, uniqueViolation];
      if (attempt >= 5 || !retried.includes(code ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/**
 * Records taken back (revert-step) leave the read model in a statement of their own, after the projection's: its
 * snapshot is taken once the organizer's row lock is held, so it sees a concurrent write of the record they undo (the
 * projection's own snapshot may not: that write committed while it waited for the lock). Only while the version stored
 * is this one: a newer write stands as it is.
 */
const undoneStatement = `
  WITH stored AS (SELECT 1 FROM organizers WHERE id = $1 AND version = $2), trainings_undone AS (
    DELETE FROM trainings WHERE organizer_id = $1 AND training = ANY ($3) AND EXISTS (SELECT 1 FROM stored) RETURNING 1
  ), ride_alongs_undone AS (
    DELETE FROM ride_alongs WHERE organizer_id = $1 AND key = ANY ($4) AND EXISTS (SELECT 1 FROM stored) RETURNING 1
  )
  SELECT 1`;

export async function writeProjection(dataSource: DataSource, projection: Projection, note?: string): Promise<Stored> {
  // A record added and taken back (revert-step) counts by its last change.
  const trainings = latestByKey(projection.changes.trainings, (t) => t.training);
  const rideAlongs = latestByKey(projection.changes.rideAlongs, (r) => r.key);
  const undone = [...trainings, ...rideAlongs].some((record) => record.undone);
  if (!undone) return write(dataSource.manager, projection, trainings, rideAlongs, note);
  return dataSource.transaction(async (manager) => {
    const stored = await write(manager, projection, trainings, rideAlongs, note);
    await manager.query(undoneStatement, [
      projection.organizer.id,
      projection.organizer.version,
      trainings.filter((t) => t.undone).map((t) => t.training),
      rideAlongs.filter((r) => r.undone).map((r) => r.key),
    ]);
    return stored;
  });
}

async function write(
  manager: EntityManager,
  { organizer: o, changes }: Projection,
  trainings: TrainingRecord[],
  rideAlongs: RideAlongRecord[],
  note: string | undefined,
): Promise<Stored> {
  const resolutions = new Map(changes.resolutions.map((r) => [r.id, r]));
  const notifications = changes.notifications.map((n) => {
    const resolution = resolutions.get(n.id);
    return {
      ...n,
      summary: n.said ? sayStored(n.said, n.summary ?? n.kind.replace(/_/g, ' ')) : n.summary,
      resolvedAt: resolution?.resolvedAt ?? null,
      resolvedBy: resolution?.resolvedBy ?? null,
    };
  });
  const [{ organizer, created }] = (await manager.query(projectionStatement, [
    ...rowParameters(o),
    JSON.stringify(
      changes.transitions.map((t) => ({
        seq: t.seq,
        from_stage: t.from,
        to_stage: t.to,
        at: t.at,
        actor: t.actor,
        reason: t.reason ?? null,
      })),
    ),
    JSON.stringify(changes.debriefs),
    JSON.stringify(trainings.filter((t) => !t.undone)),
    JSON.stringify(rideAlongs.filter((r) => !r.undone)),
    JSON.stringify(notifications),
    JSON.stringify(changes.resolutions.filter((r) => !changes.notifications.some((n) => n.id === r.id))),
    // Changes kept by runs recorded before work plans (or pay periods) have none. One row per key: a statement
    // may not update a row twice, and the latest of several changes to one is the one that stands.
    JSON.stringify(latestByKey(changes.workPlans ?? [], (w) => w.periodStart)),
    JSON.stringify(latestByKey(changes.payPeriods ?? [], (p) => p.periodStart)),
    note ?? null,
  ])) as { organizer: string; created: string[] }[];
  return { version: Number(organizer) > 0, notifications: created };
}
