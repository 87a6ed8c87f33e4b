// The organizer read model's one owner: its projection write, its reads, and the reconciler's repair. Its tables: the
// organizer row and its history, debrief, training, ride-along and notification rows.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { debriefHoursOf, PayPeriodView, payPeriodView } from './pay.repository';
import { actorPerson } from './actor-person.sql';
import { actorInWords } from '../domain/actors';
import { offerCurrency, type OfferInWords, offerView } from '../domain/offer';
import type { ProgramPolicy } from '../domain/policy';
import type { PayPolicy } from '../domain/pay';
import type {
  DebriefRecord,
  WorkPlanRecord,
  NotificationKind,
  OrganizerState,
  RecipientRole,
  RideAlongRecord,
  TrainingRecord,
} from '../domain/organizer';
import { notificationRule, ruleInWords } from '../domain/rules-in-words';
import { OrganizerSnapshot, Projection, snapshotOf } from '../domain/snapshot';
import { closedStages, openStages, type Stage } from '../domain/stages';

/**
 * The organizer row: each column with its value in a snapshot. The one description of the row that the writes (and
 * the reconciler's comparison) use; `projected_at` is the time of the write.
 */
export function organizerRow(o: OrganizerSnapshot) {
  return {
    id: o.id,
    program_id: o.programId,
    member_id: o.memberId,
    name: o.name,
    email: o.email,
    phone: o.phone,
    local: o.local,
    stage: o.stage,
    stage_entered_at: o.stageEnteredAt,
    applied_at: o.appliedAt,
    hired_at: o.hiredAt,
    active_since: o.activeSince,
    ends_at: o.endsAt,
    paused: o.paused,
    at_risk: o.atRisk,
    overdue_debriefs: o.overdueDebriefs,
    next_debrief_due_at: o.nextDebriefDueAt,
    flags: o.flags,
    ineligible_reasons: o.ineligibleReasons,
    screening: o.screening,
    offer: o.offer,
    role_play: o.rolePlay,
    ride_along_count: o.rideAlongCount,
    totals: o.totals,
    pending_debrief_periods: o.pendingDebriefPeriods,
    version: o.version,
  };
}
type OrganizerColumn = keyof ReturnType<typeof organizerRow>;

const iso = (value: string | Date) => new Date(value).toISOString();

const jsonColumns = new Set<OrganizerColumn>([
  'flags',
  'ineligible_reasons',
  'screening',
  'offer',
  'role_play',
  'totals',
  'pending_debrief_periods',
]);
const organizerColumns = Object.keys(organizerRow({} as OrganizerSnapshot)) as OrganizerColumn[];

/** The row's values as SQL parameters, in `organizerColumns` order (jsonb columns as JSON text). */
function rowParameters(o: OrganizerSnapshot): unknown[] {
  const row = organizerRow(o);
  return organizerColumns.map((column) =>
    jsonColumns.has(column) && row[column] !== null ? JSON.stringify(row[column]) : row[column],
  );
}

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
    WHERE ${fresh}
    ON CONFLICT DO NOTHING RETURNING 1
  ), debriefs AS (
    INSERT INTO debriefs (organizer_id, period_start, program_id, period_end, submitted_at, submitted_by, late, hours, conversations,
      one_on_ones, leaders_identified, in_person, group_debrief, notes, metrics)
    SELECT $1, d."periodStart", $2, d."periodEnd", d."submittedAt", d."submittedBy", d.late, d.hours, d.conversations, d."oneOnOnes",
      d."leadersIdentified", d."inPerson", d."group", d.notes, COALESCE(d.metrics, '{}'::jsonb)
    FROM jsonb_to_recordset($${n + 2}::jsonb) AS d("periodStart" timestamptz, "periodEnd" timestamptz, "submittedAt" timestamptz,
      "submittedBy" text, late boolean, hours float8, conversations int, "oneOnOnes" int, "leadersIdentified" int, "inPerson" boolean,
      "group" boolean, notes text, metrics jsonb)
    WHERE ${fresh}
    ON CONFLICT DO NOTHING RETURNING 1
  ), trainings AS (
    INSERT INTO trainings (organizer_id, training, completed_at, recorded_by)
    SELECT $1, t.training, t."completedAt", t."recordedBy"
    FROM jsonb_to_recordset($${n + 3}::jsonb) AS t(training text, "completedAt" timestamptz, "recordedBy" text)
    WHERE ${fresh}
    ON CONFLICT DO NOTHING RETURNING 1
  ), ride_alongs AS (
    INSERT INTO ride_alongs (organizer_id, key, date, staff, notes, recorded_by)
    SELECT $1, r.key, r.date, r.staff, r.notes, r."recordedBy"
    FROM jsonb_to_recordset($${n + 4}::jsonb) AS r(key text, date text, staff text, notes text, "recordedBy" text)
    WHERE ${fresh}
    ON CONFLICT DO NOTHING RETURNING 1
  ), created AS (
    INSERT INTO notifications (id, organizer_id, program_id, kind, recipient_role, created_at, summary, due_at,
      resolved_at, resolved_by)
    SELECT c.id, $1, $2, c.kind, c."recipientRole", c."createdAt", c.summary, c."dueAt", c."resolvedAt", c."resolvedBy"
    FROM jsonb_to_recordset($${n + 5}::jsonb) AS c(id text, kind text, "recipientRole" text, "createdAt" timestamptz, summary text,
      "dueAt" timestamptz, "resolvedAt" timestamptz, "resolvedBy" text)
    WHERE ${fresh}
    ON CONFLICT (id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at, resolved_by = EXCLUDED.resolved_by
    WHERE notifications.resolved_at IS NULL AND EXCLUDED.resolved_at IS NOT NULL
    RETURNING 1
  ), plans AS (
    INSERT INTO work_plans (organizer_id, period_start, program_id, targets, notes, set_by, set_at, version)
    SELECT $1, w."periodStart", $2, w.targets, w.notes, w."setBy", w."setAt", w.version
    FROM jsonb_to_recordset($${n + 7}::jsonb) AS w("periodStart" timestamptz, targets jsonb, notes text, "setBy" text,
      "setAt" timestamptz, version int)
    WHERE ${fresh}
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
    WHERE ${fresh}
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
    WHERE notifications.id = r.id AND notifications.resolved_at IS NULL AND ${fresh}
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM organizer) AS organizer`;

/** The organizer as stored, for the reconciler: the row (with `token`, its exact version) and its records' keys. */
export interface StoredOrganizer {
  /** PostgreSQL's xmin of the row as read: any write since changes it, so a repair conditioned on it is a compare-and-set. */
  token: string;
  row: Record<OrganizerColumn, unknown>;
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

// ---- reads ------------------------------------------------------------------------------------------------------

/** An organizer as lists show it (the API's list item). */
export interface OrganizerSummary {
  id: string;
  programId: string;
  memberId: string;
  name: string;
  email: string;
  stage: Stage;
  stageEnteredAt: string;
  paused: boolean;
  atRisk: boolean;
  overdueDebriefs: number;
  version: number;
}

export interface NotificationView {
  id: string;
  organizerId: string;
  programId: string;
  kind: NotificationKind;
  recipientRole: RecipientRole;
  summary: string;
  createdAt: string;
  resolvedAt?: string;
  resolvedBy?: string;
  /** On a person's record: the rule that raised it, in the words of the program's policy now. */
  rule?: string;
}

/** An organizer with everything its page shows (the API's organizer detail). */
export interface OrganizerDetail extends OrganizerSummary {
  phone: string | null;
  local: string | null;
  appliedAt: string;
  hiredAt: string | null;
  activeSince: string | null;
  endsAt: string | null;
  /** When the member was erased (the record keeps only figures then). */
  erasedAt?: string;
  nextDebriefDueAt?: string;
  flags: string[];
  ineligibleReasons: string[];
  screening: NonNullable<OrganizerSnapshot['screening']> | null;
  offer: (NonNullable<OrganizerSnapshot['offer']> & OfferInWords & { currency: string; stipendMinor?: number }) | null;
  rolePlay: (NonNullable<OrganizerSnapshot['rolePlay']> & { scoredByInWords?: string }) | null;
  /** The program's time zone: every due time above is an instant, shown in this zone. */
  timezone: string;
  /** The program's pay policy (what a time sheet takes: kinds of work, mileage, allowances), or null. */
  pay: PayPolicy | null;
  /** The program's whole policy (what the record's forms offer); not part of the API's answer. */
  policy: ProgramPolicy;
  rideAlongCount: number;
  totals: OrganizerSnapshot['totals'];
  pendingDebriefPeriods: OrganizerSnapshot['pendingDebriefPeriods'];
  history: {
    seq: number;
    from: Stage | null;
    to: Stage;
    at: string;
    actor: string;
    actorName?: string;
    actorInWords: string;
    reason?: string;
  }[];
  debriefs: (Omit<DebriefRecord, 'notes'> & { notes?: string })[];
  /** The work plans set, newest period first (each beside its period's debrief on the page). */
  workPlans: Omit<WorkPlanRecord, 'version'>[];
  /** Pay periods, newest first (open ones take a time sheet; approved ones are payable, then vouchered). */
  payPeriods: PayPeriodView[];
  trainings: TrainingRecord[];
  rideAlongs: Omit<RideAlongRecord, 'key'>[];
  notifications: NotificationView[];
}

/** What a coordinator's to-do about an organizer needs to know of it. */
export interface ToDoPerson {
  id: string;
  name: string;
  programId: string;
  stage: Stage;
  hiredAt: Date | null;
  screening: { at: string } | null;
  offer: { expiresAt?: string } | null;
  pendingDebriefPeriods: { start: string; end: string; overdue: boolean }[];
}

/** A reminder the workflow raised and no one has resolved, with the organizer it is about. */
export interface OpenReminder extends Pick<ToDoPerson, 'id' | 'name' | 'programId' | 'stage' | 'hiredAt'> {
  notificationId: string;
  kind: string;
  createdAt: Date;
  /** By when it is due, as the workflow set it (null: when it was raised). */
  dueAt: Date | null;
}

export interface OrganizerFilters {
  stage?: Stage;
  atRisk?: boolean;
  overdue?: boolean;
}

export interface NotificationFilters {
  programIds?: string[];
  organizerId?: string;
  kind?: NotificationKind;
}

export interface Page {
  limit: number;
  offset: number;
}

type Row = Record<string, any>;

/** SQL conditions joined by AND, each `?` becoming the next parameter. */
class Conditions {
  private readonly conditions: string[] = [];
  readonly parameters: unknown[] = [];

  add(condition: string, ...value: unknown[]): this {
    this.parameters.push(...value);
    this.conditions.push(condition.replace('?', `$${this.parameters.length}`));
    return this;
  }

  get sql(): string {
    return this.conditions.length ? this.conditions.join(' AND ') : 'true';
  }
}
const isoOrNull = (value: string | Date | null) => (value ? iso(value) : null);

/** An organizer row (snake_case, as PostgreSQL returns it) as lists show it. */
function summaryOf(o: Row): OrganizerSummary {
  return {
    id: o.id,
    programId: o.program_id,
    memberId: o.member_id,
    name: o.name,
    email: o.email,
    stage: o.stage,
    stageEnteredAt: iso(o.stage_entered_at),
    paused: o.paused,
    atRisk: o.at_risk,
    overdueDebriefs: o.overdue_debriefs,
    version: o.version,
  };
}

function notificationOf(n: Row): NotificationView {
  return {
    id: n.id,
    organizerId: n.organizer_id,
    programId: n.program_id,
    kind: n.kind,
    recipientRole: n.recipient_role,
    summary: n.summary,
    createdAt: iso(n.created_at),
    ...(n.resolved_at ? { resolvedAt: iso(n.resolved_at) } : {}),
    ...(n.resolved_by ? { resolvedBy: n.resolved_by } : {}),
  };
}

// A program's board (BoardDto) as JSON text. Times are ISO-8601 in UTC (`…Z`), as everywhere in the API; written by
// PostgreSQL's JSON conversion of a UTC timestamp, which costs far less than formatting each one.
const isoText = (column: string) => `(to_json((${column}) AT TIME ZONE 'UTC') #>> '{}') || 'Z'`;
const boardQuery = `
  SELECT json_build_object(
    'items', COALESCE((
      SELECT json_agg(card) FROM (
        SELECT id, member_id AS "memberId", name, local, stage,
               ${isoText('stage_entered_at')} AS "stageEnteredAt",
               ${isoText("stage_entered_at + ($4::jsonb ->> stage)::bigint * interval '1 millisecond'")} AS "stageDueAt",
               CASE stage
                 WHEN 'screening' THEN screening->>'at'
                 WHEN 'offered' THEN offer->>'expiresAt'
                 WHEN 'active' THEN ${isoText('next_debrief_due_at')}
               END AS "nextDueAt",
               paused, at_risk AS "atRisk", overdue_debriefs AS "overdueDebriefs", flags
          FROM organizers WHERE program_id = $1 AND stage = ANY ($2) AND erased_at IS NULL
         ORDER BY stage_entered_at, id) card), '[]'::json),
    'closed', COALESCE((
      SELECT json_object_agg(stage, organizers) FROM program_stage_counts
       WHERE program_id = $1 AND stage = ANY ($3) AND organizers > 0), '{}'::json),
    'timezone', $5::text)::text AS body`;

// An organizer and everything its detail page shows, in one round trip (child rows as JSON arrays).
const detailQuery = `
  SELECT row_to_json(o) AS organizer, p.timezone, p.policy,
    (SELECT COALESCE(json_agg(t ORDER BY t.seq), '[]') FROM (
       SELECT st.seq, st.from_stage, st.to_stage, st.at, st.actor, st.reason, ${actorPerson('st.actor')} AS actor_person
       FROM stage_transitions st WHERE st.organizer_id = o.id) t) AS history,
    ${actorPerson("o.role_play->>'scoredBy'")} AS scorer,
    (SELECT COALESCE(json_agg(d ORDER BY d.period_start DESC), '[]') FROM (
       SELECT * FROM debriefs WHERE organizer_id = o.id ORDER BY period_start DESC LIMIT 104) d) AS debriefs,
    (SELECT COALESCE(json_agg(w ORDER BY w.period_start DESC), '[]') FROM (
       SELECT * FROM work_plans WHERE organizer_id = o.id ORDER BY period_start DESC LIMIT 104) w) AS work_plans,
    (SELECT COALESCE(json_agg(p ORDER BY p.period_start DESC), '[]') FROM (
       SELECT pp.*, ${debriefHoursOf('pp')} FROM pay_periods pp WHERE pp.organizer_id = o.id
        ORDER BY pp.period_start DESC LIMIT 104) p) AS pay_periods,
    (SELECT COALESCE(json_agg(t ORDER BY t.completed_at), '[]') FROM trainings t WHERE t.organizer_id = o.id) AS trainings,
    (SELECT COALESCE(json_agg(r ORDER BY r.date), '[]') FROM ride_alongs r WHERE r.organizer_id = o.id) AS ride_alongs,
    (SELECT COALESCE(json_agg(n ORDER BY n.created_at DESC), '[]') FROM (
       SELECT * FROM notifications WHERE organizer_id = o.id ORDER BY created_at DESC LIMIT 100) n) AS notifications
  FROM organizers o JOIN programs p ON p.id = o.program_id WHERE o.id = $1`;

const deadlockDetected = '40P01';
const serializationFailure = '40001';
const uniqueViolation = '23505';

/** The organizer aggregate's tables: the organizer row and its history, debrief, training, ride-along and notification rows. */
/**
 * Today's open reminders: read through the partial index of unresolved notifications (a program's resolved ones, about
 * 260,000 a year at 5,000 organizers, are never read). Parameters: program ids, kinds, open stages.
 */
export const openRemindersSql = `SELECT n.id AS notification_id, n.kind, n.created_at, n.due_at, o.id, o.name, o.program_id, o.stage, o.hired_at
   FROM notifications n JOIN organizers o ON o.id = n.organizer_id
  WHERE n.program_id = ANY ($1) AND n.resolved_at IS NULL AND n.kind = ANY ($2)
    AND o.stage = ANY ($3) AND o.erased_at IS NULL`;

@Injectable()
export class OrganizerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes a projection: the organizer's row unless a newer version is stored, and the records of its changes unless
   * present. Safe to repeat and to run alongside another write of the same organizer.
   */
  async project(projection: Projection): Promise<void> {
    // Two writes that move organizers of one program between the same two stages update that program's stage
    // counts in opposite orders; PostgreSQL breaks such a deadlock by failing one, which is then simply run again.
    // Two first writes of one organizer (the API's and the workflow's) both pass the id check before either commits;
    // the second then fails on the (program, member) index, which ON CONFLICT (id) does not cover: run again, it
    // meets the stored row by its id.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(projection);
      } catch (error) {
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        const retried = [deadlockDetected, serializationFailure, uniqueViolation];
        if (attempt >= 5 || !retried.includes(code ?? '')) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  private async write({ organizer: o, changes }: Projection): Promise<void> {
    const resolutions = new Map(changes.resolutions.map((r) => [r.id, r]));
    const notifications = changes.notifications.map((n) => {
      const resolution = resolutions.get(n.id);
      return { ...n, resolvedAt: resolution?.resolvedAt ?? null, resolvedBy: resolution?.resolvedBy ?? null };
    });
    await this.dataSource.query(projectionStatement, [
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
      JSON.stringify(changes.trainings),
      JSON.stringify(changes.rideAlongs),
      JSON.stringify(notifications),
      JSON.stringify(changes.resolutions.filter((r) => !changes.notifications.some((n) => n.id === r.id))),
      // Changes kept by runs recorded before work plans (or pay periods) have none. One row per key: a statement
      // may not update a row twice, and the latest of several changes to one is the one that stands.
      JSON.stringify(latestByKey(changes.workPlans ?? [], (w) => w.periodStart)),
      JSON.stringify(latestByKey(changes.payPeriods ?? [], (p) => p.periodStart)),
    ]);
  }

  /**
   * The stage of each of `ids` that is an applicant or organizer of the program (an id of another program or of no one
   * is absent), in one query.
   */
  /** Those of `ids` who are the program's people: each one's name and stage. */
  async peopleIn(programId: string, ids: string[]): Promise<Map<string, { name: string; stage: Stage }>> {
    const rows: { id: string; name: string; stage: Stage }[] = await this.dataSource.query(
      'SELECT id, name, stage FROM organizers WHERE program_id = $1 AND id = ANY ($2::uuid[])',
      [programId, ids],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, stage: r.stage }]));
  }

  /** What access checks need: the organizer's program and where it stands. */
  async access(
    id: string,
  ): Promise<{ id: string; programId: string; stage: Stage; paused: boolean; erasedAt: Date | null } | undefined> {
    const [row] = await this.dataSource.query(
      'SELECT program_id, stage, paused, erased_at FROM organizers WHERE id = $1',
      [id],
    );
    return row
      ? { id, programId: row.program_id, stage: row.stage, paused: row.paused, erasedAt: row.erased_at }
      : undefined;
  }

  /**
   * The programs' organizers a coordinator may have to act on: a screening held before `screeningsBefore`, an offer
   * waiting, debriefs pending while active and not paused (erased records are left out).
   */
  async awaitingCoordinator(programIds: string[], screeningsBefore: Date): Promise<ToDoPerson[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, name, program_id, stage, hired_at, screening, offer, pending_debrief_periods FROM organizers
        WHERE program_id = ANY ($1) AND erased_at IS NULL AND (
          (stage = 'screening' AND (screening->>'at')::timestamptz <= $2)
          OR stage = 'offered'
          OR (stage = 'active' AND NOT paused AND pending_debrief_periods <> '[]'::jsonb))`,
      [programIds, screeningsBefore],
    );
    return rows.map((o) => ({
      id: o.id,
      name: o.name,
      programId: o.program_id,
      stage: o.stage,
      hiredAt: o.hired_at,
      screening: o.screening,
      offer: o.offer,
      pendingDebriefPeriods: o.pending_debrief_periods,
    }));
  }

  /** The programs' unresolved reminders of `kinds` about organizers in an open stage (erased records left out). */
  async openReminders(programIds: string[], kinds: string[]): Promise<OpenReminder[]> {
    const rows: Row[] = await this.dataSource.query(openRemindersSql, [programIds, kinds, [...openStages]]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      programId: r.program_id,
      stage: r.stage,
      hiredAt: r.hired_at,
      notificationId: r.notification_id,
      kind: r.kind,
      createdAt: r.created_at,
      dueAt: r.due_at,
    }));
  }

  /** Ids of a program's organizers in an open stage, `limit` at a time after `after` (by id). */
  async openOfProgram(programId: string, after: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM organizers WHERE program_id = $1 AND stage = ANY ($2) AND id > $3 ORDER BY id LIMIT $4',
      [programId, [...openStages], after, limit],
    );
    return rows.map((r) => r.id);
  }

  /** A program's organizers, newest application first. */
  async list(
    programId: string,
    filters: OrganizerFilters,
    page: Page,
  ): Promise<{ items: OrganizerSummary[]; total: number }> {
    const where = new Conditions().add('program_id = ?', programId);
    if (filters.stage) where.add('stage = ?', filters.stage);
    if (filters.atRisk !== undefined) where.add('at_risk = ?', filters.atRisk);
    if (filters.overdue !== undefined) where.add(filters.overdue ? 'overdue_debriefs > 0' : 'overdue_debriefs = 0');
    const { rows, total } = await this.page('organizers', where, 'applied_at DESC, id', page);
    return { items: rows.map(summaryOf), total };
  }

  /**
   * A program's board as the JSON the API answers (BoardDto), built by PostgreSQL in one statement: everyone in an
   * open stage as a card (longest in their stage first) with the deadline their stage heads for (`limits`: each
   * stage's time limit in milliseconds), and how many are in each closed stage. The text goes to the
   * client as it is, so 1,000 cards cost no parse and no re-serialization on the way.
   */
  async boardJson(programId: string, limits: Record<string, number>, timezone: string): Promise<string> {
    const [row] = await this.dataSource.query(boardQuery, [
      programId,
      [...openStages],
      [...closedStages],
      JSON.stringify(limits),
      timezone,
    ]);
    return row.body;
  }

  /** The organizer with its history, debriefs, trainings, ride-alongs and notifications: one query. */
  async detail(id: string): Promise<OrganizerDetail | undefined> {
    const [row] = await this.dataSource.query(detailQuery, [id]);
    if (!row) return undefined;
    const o = row.organizer;
    return {
      ...summaryOf(o),
      phone: o.phone,
      local: o.local,
      appliedAt: iso(o.applied_at),
      hiredAt: isoOrNull(o.hired_at),
      activeSince: isoOrNull(o.active_since),
      endsAt: isoOrNull(o.ends_at),
      ...(o.erased_at ? { erasedAt: iso(o.erased_at) } : {}),
      ...(o.next_debrief_due_at ? { nextDebriefDueAt: iso(o.next_debrief_due_at) } : {}),
      flags: o.flags,
      ineligibleReasons: o.ineligible_reasons,
      screening: o.screening ?? null,
      offer: o.offer ? offerView(o.offer, offerCurrency(row.policy)) : null,
      rolePlay: o.role_play
        ? {
            ...o.role_play,
            ...(o.role_play.scoredBy ? { scoredByInWords: actorInWords(o.role_play.scoredBy, row.scorer) } : {}),
          }
        : null,
      timezone: row.timezone,
      pay: row.policy.pay ?? null,
      policy: row.policy,
      rideAlongCount: o.ride_along_count,
      totals: o.totals,
      pendingDebriefPeriods: o.pending_debrief_periods,
      history: row.history.map((t: Row) => ({
        seq: t.seq,
        from: t.from_stage,
        to: t.to_stage,
        at: iso(t.at),
        actor: t.actor,
        ...(t.actor_person ? { actorName: t.actor_person.name } : {}),
        actorInWords: actorInWords(t.actor, t.actor_person),
        ...(t.reason ? { reason: t.reason } : {}),
      })),
      debriefs: row.debriefs.map((d: Row) => ({
        periodStart: iso(d.period_start),
        periodEnd: iso(d.period_end),
        submittedAt: iso(d.submitted_at),
        submittedBy: d.submitted_by,
        late: d.late,
        hours: d.hours,
        conversations: d.conversations,
        oneOnOnes: d.one_on_ones,
        leadersIdentified: d.leaders_identified,
        inPerson: d.in_person,
        group: d.group_debrief,
        ...(d.notes ? { notes: d.notes } : {}),
        ...(d.metrics && Object.keys(d.metrics).length ? { metrics: d.metrics } : {}),
      })),
      payPeriods: row.pay_periods.map(payPeriodView),
      workPlans: row.work_plans.map((w: Row) => ({
        periodStart: iso(w.period_start),
        targets: w.targets,
        ...(w.notes ? { notes: w.notes } : {}),
        setBy: w.set_by,
        setAt: iso(w.set_at),
      })),
      trainings: row.trainings.map((t: Row) => ({
        training: t.training,
        completedAt: iso(t.completed_at),
        recordedBy: t.recorded_by,
      })),
      rideAlongs: row.ride_alongs.map((r: Row) => ({
        date: r.date,
        staff: r.staff,
        ...(r.notes ? { notes: r.notes } : {}),
        recordedBy: r.recorded_by,
      })),
      notifications: row.notifications.map((n: Row) => {
        const view = notificationOf(n);
        const stage = view.kind.startsWith('stage_stalled') ? (view.id.split(':')[2] as Stage) : undefined;
        return { ...view, rule: ruleInWords(notificationRule[view.kind], row.policy, row.timezone, stage) };
      }),
    };
  }

  /** Notifications, newest first, of some programs or one organizer. */
  async notifications(filters: NotificationFilters, page: Page): Promise<{ items: NotificationView[]; total: number }> {
    const where = new Conditions();
    if (filters.programIds) where.add('program_id = ANY (?)', filters.programIds);
    if (filters.organizerId) where.add('organizer_id = ?', filters.organizerId);
    if (filters.kind) where.add('kind = ?', filters.kind);
    const { rows, total } = await this.page('notifications', where, 'created_at DESC, id', page);
    return { items: rows.map(notificationOf), total };
  }

  /** One page of a table's rows matching `where`, in `order`, and how many match in all. */
  private async page(
    table: string,
    where: Conditions,
    order: string,
    page: Page,
  ): Promise<{ rows: Row[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT * FROM ${table} WHERE ${where.sql} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
        where.parameters,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM ${table} WHERE ${where.sql}`, where.parameters),
    ]);
    return { rows, total };
  }

  /**
   * Organizers the reconciler checks, `limit` at a time after `after` (by id): every open one, and closed ones whose
   * row was written since `closedSince`; of one program, or all.
   */
  async reconcileBatch(
    from: { after: string; closedSince: Date; programId?: string },
    limit: number,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM organizers WHERE id > $1 AND (stage <> ALL ($2) OR projected_at >= $3) AND ($4::uuid IS NULL OR program_id = $4)
         AND erased_at IS NULL
       ORDER BY id LIMIT $5`,
      [from.after, [...closedStages], from.closedSince, from.programId ?? null, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The organizer as stored now, for comparison (undefined when there is no row). */
  async stored(id: string): Promise<StoredOrganizer | undefined> {
    const [found] = await this.dataSource.query(
      `SELECT o.xmin::text AS token, row_to_json(o) AS row,
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
    ];
    const row = found.row as Record<OrganizerColumn, unknown>;
    for (const column of timestamps) if (row[column]) row[column] = iso(row[column] as string);
    return {
      token: found.token,
      row,
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
  async repair(id: string, token: string, truth: OrganizerState): Promise<{ unrestorable: string[] } | undefined> {
    return this.dataSource.transaction(async (manager) => {
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
        ...(await q('SELECT period_start FROM debriefs WHERE organizer_id = $1', [id])).map(
          (d: { period_start: Date }) => iso(d.period_start),
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

  /**
   * Erases a member's personal data from every table that holds it, in one transaction, keeping the figures under an
   * anonymous record: the organizer row (name, email, phone, member id), notification texts and the deliveries to them,
   * their roster row, their name in weekly reports, free text in their history, debriefs and ride-alongs, the audit
   * entries about them, and the account they signed in with. Everything left moves to `anonymousId`: the record's id
   * was computed from the member id, so under it anyone holding the member id could tell the member had applied.
   * Returns false when there is no such organizer.
   */
  async erase(id: string, anonymousId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const q = (sql: string, parameters: unknown[]) => manager.query(sql, parameters);
      const [row] = await q('SELECT program_id, member_id, email FROM organizers WHERE id = $1 FOR UPDATE', [id]);
      if (!row) return false;
      await q(
        `UPDATE organizers SET name = 'Erased member', email = '', phone = NULL, member_id = $2, erased_at = now() WHERE id = $1`,
        [id, `ERASED-${anonymousId.slice(0, 8)}`],
      );
      await q(
        `DELETE FROM notification_deliveries WHERE recipient = $2 AND notification_id IN (SELECT id FROM notifications WHERE organizer_id = $1)`,
        [id, row.email],
      );
      await q(
        `UPDATE notifications SET summary = replace(kind, '_', ' ') || ' (erased member)' WHERE organizer_id = $1`,
        [id],
      );
      await q('DELETE FROM roster_members WHERE program_id = $1 AND upper(member_id) = upper($2)', [
        row.program_id,
        row.member_id,
      ]);
      // A weekly report's line and a voucher's line keep their figures, under the anonymous id and no name.
      const anonymous = (line: string) =>
        `CASE WHEN ${line}->>'organizerId' = $2::text
           THEN (${line} - 'memberId') || jsonb_build_object('organizerId', $4::text, 'name', 'Erased member')
           ELSE ${line} END`;
      await q(
        `UPDATE weekly_reports SET
           submitted = (SELECT COALESCE(jsonb_agg(${anonymous('e')}), '[]') FROM jsonb_array_elements(submitted) e),
           missing = (SELECT COALESCE(jsonb_agg(${anonymous('e')}), '[]') FROM jsonb_array_elements(missing) e)
         WHERE program_id = $1 AND (submitted @> $3 OR missing @> $3)`,
        [row.program_id, id, JSON.stringify([{ organizerId: id }]), anonymousId],
      );
      await q('UPDATE stage_transitions SET reason = NULL WHERE organizer_id = $1', [id]);
      await q('DELETE FROM links WHERE organizer_id = $1', [id]);
      await q('UPDATE debriefs SET notes = NULL WHERE organizer_id = $1', [id]);
      await q('UPDATE work_plans SET notes = NULL WHERE organizer_id = $1', [id]);
      await q('UPDATE ride_alongs SET notes = NULL WHERE organizer_id = $1', [id]);
      // A voucher keeps its lines (money paid stays accounted for).
      await q(
        `UPDATE vouchers SET lines = (SELECT jsonb_agg(${anonymous('e.line')} ORDER BY e.n)
           FROM jsonb_array_elements(lines) WITH ORDINALITY AS e(line, n))
         WHERE program_id = $1 AND lines @> $3`,
        [row.program_id, id, JSON.stringify([{ organizerId: id }]), anonymousId],
      );
      // Entries about the member and about the accounts they signed in with (created with their name and email).
      await q(
        `UPDATE audit_entries SET before = NULL, after = NULL
          WHERE subject = $1::text OR subject IN (SELECT id::text FROM users WHERE organizer_id = $1::uuid)`,
        [id],
      );
      await q(
        `UPDATE users SET name = 'Erased member', email = 'erased-' || id || '@erased.invalid', revoked_at = COALESCE(revoked_at, now())
         WHERE organizer_id = $1`,
        [id],
      );
      await rekey(q, id, anonymousId);
      return true;
    });
  }
}

/** Moves an organizer's rows, and the ids of their reminders and audit entries, from one id to another. */
async function rekey(q: (sql: string, parameters: unknown[]) => Promise<unknown>, from: string, to: string) {
  await q('UPDATE organizers SET id = $2 WHERE id = $1', [from, to]);
  for (const table of [
    'stage_transitions',
    'trainings',
    'ride_alongs',
    'debriefs',
    'work_plans',
    'pay_periods',
    'group_session_members',
    'users',
  ])
    await q(`UPDATE ${table} SET organizer_id = $2 WHERE organizer_id = $1`, [from, to]);
  // A reminder's id starts with its organizer's id (organizer:kind:occasion), and so do its deliveries' keys.
  await q(
    `UPDATE notification_deliveries SET notification_id = $2::text || substr(notification_id, length($1::text) + 1)
      WHERE notification_id LIKE $1::text || ':%'`,
    [from, to],
  );
  await q(
    `UPDATE notifications SET id = $2::text || substr(id, length($1::text) + 1), organizer_id = $2::uuid
      WHERE organizer_id = $1::uuid`,
    [from, to],
  );
  await q('UPDATE audit_entries SET subject = $2 WHERE subject = $1', [from, to]);
}
