// The organizer read model's one owner: its tables are the organizer row and its history, debrief, training,
// ride-along, work-plan, pay-period and notification rows. Here its reads; the projection write, the reconciler's
// compare and repair, and erasure each have a file of their own beside it (organizer-*.ts), reached through this class.
import { closedStateOf } from './organizer-closed-state';
import { eligibilityInWords } from '../words/eligibility';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { debriefHoursOf, payPeriodView } from './pay.repository';
import { actorPerson } from './actor-person.sql';
import { actorInWords } from '../words/actors';
import { offerCurrency } from '../domain/offer';
import { offerView } from '../words/offer';
import type { NotificationKind, OrganizerState, Screening } from '../domain/organizer';
import { say } from '../words/say';
import { notificationRule } from '../domain/rule-topics';
import { ruleInWords } from '../words/rules';
import type { Projection } from '../domain/snapshot';
import { closedStages, openStages, type Stage } from '../domain/stages';
import { eraseOrganizer } from './organizer-erasure';
import { organizerFacts, type OrganizerFacts } from './organizer-facts';
import { projectOrganizer, type Stored } from './organizer-projection';
import { reconcileBatch, repairOrganizer, storedOrganizer, type StoredOrganizer } from './organizer-reconcile';
import { iso } from './organizer-row';
import {
  isoOrNull,
  notificationOf,
  summaryOf,
  type NotificationView,
  type OpenReminder,
  type OrganizerDetail,
  type OrganizerSummary,
  type ToDoPerson,
} from './organizer-views';

export type { NotificationView, OpenReminder, OrganizerDetail, OrganizerSummary, ToDoPerson } from './organizer-views';

export { differencesFrom, type StoredOrganizer } from './organizer-reconcile';
export { organizerRow } from './organizer-row';

export interface OrganizerFilters {
  stage?: Stage;
  atRisk?: boolean;
  overdue?: boolean;
  /** Speaks this language (ISO 639-1): among their languages, or the one they prefer. */
  language?: string;
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

  /** A condition whose each `?` takes the next value. */
  add(condition: string, ...values: unknown[]): this {
    let sql = condition;
    for (const value of values) {
      this.parameters.push(value);
      sql = sql.replace('?', `$${this.parameters.length}`);
    }
    this.conditions.push(sql);
    return this;
  }

  get sql(): string {
    return this.conditions.length ? this.conditions.join(' AND ') : 'true';
  }
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
               ${isoText('stage_due_at')} AS "stageDueAt",
               CASE stage
                 WHEN 'screening' THEN screening->>'at'
                 WHEN 'offered' THEN offer->>'expiresAt'
                 WHEN 'active' THEN ${isoText('next_debrief_due_at')}
               END AS "nextDueAt",
               paused, at_risk AS "atRisk", overdue_debriefs AS "overdueDebriefs", flags,
               preferred_language AS "preferredLanguage", languages
          FROM organizers WHERE program_id = $1 AND stage = ANY ($2) AND erased_at IS NULL
         ORDER BY stage_entered_at, id) card), '[]'::json),
    'closed', COALESCE((
      SELECT json_object_agg(stage, organizers) FROM program_stage_counts
       WHERE program_id = $1 AND stage = ANY ($3) AND organizers > 0), '{}'::json),
    'timezone', $4::text)::text AS body`;

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
   * present. Safe to repeat and to run alongside another write of the same organizer (organizer-projection.ts). Says
   * what this write stored. `note`: the caller's note of this write (unstored_writes), removed in the same statement.
   */
  project(projection: Projection, note?: string): Promise<Stored> {
    return projectOrganizer(this.dataSource, projection, note);
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
  ): Promise<
    { id: string; programId: string; stage: Stage; paused: boolean; erasedAt: Date | null; version: number } | undefined
  > {
    const [row] = await this.dataSource.query(
      'SELECT program_id, stage, paused, erased_at, version FROM organizers WHERE id = $1',
      [id],
    );
    return row
      ? {
          id,
          programId: row.program_id,
          stage: row.stage,
          paused: row.paused,
          erasedAt: row.erased_at,
          version: Number(row.version),
        }
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
    if (filters.language)
      where.add('(languages @> ARRAY[?]::text[] OR preferred_language = ?)', filters.language, filters.language);
    const { rows, total } = await this.page('organizers', where, 'applied_at DESC, id', page);
    return { items: rows.map(summaryOf), total };
  }

  /**
   * A program's board as the JSON the API answers (BoardDto), built by PostgreSQL in one statement: everyone in an
   * open stage as a card (longest in their stage first) with the deadline their stage heads for (as the workflow set
   * it), and how many are in each closed stage. The text goes to the
   * client as it is, so 1,000 cards cost no parse and no re-serialization on the way.
   */
  async boardJson(programId: string, timezone: string): Promise<string> {
    const [row] = await this.dataSource.query(boardQuery, [programId, [...openStages], [...closedStages], timezone]);
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
      preferredLanguage: o.preferred_language,
      languages: o.languages,
      appliedAt: iso(o.applied_at),
      hiredAt: isoOrNull(o.hired_at),
      activeSince: isoOrNull(o.active_since),
      endsAt: isoOrNull(o.ends_at),
      ...(o.erased_at ? { erasedAt: iso(o.erased_at) } : {}),
      ...(o.next_debrief_due_at ? { nextDebriefDueAt: iso(o.next_debrief_due_at) } : {}),
      ...(o.undo_until ? { undoUntil: iso(o.undo_until) } : {}),
      flags: o.flags,
      ineligibleReasons: o.ineligible_reasons,
      ineligibleInWords: eligibilityInWords(o.ineligibility ?? []),
      screening: o.screening ? screeningSummary(o.screening) : null,
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

  /** Organizers the reconciler checks (organizer-reconcile.ts). */
  reconcileBatch(from: { after: string; closedSince: Date; programId?: string }, limit: number): Promise<string[]> {
    return reconcileBatch(this.dataSource, from, limit);
  }

  /** The organizer as stored now, for comparison (undefined when there is no row). */
  stored(id: string): Promise<StoredOrganizer | undefined> {
    return storedOrganizer(this.dataSource, id);
  }

  /** Rewrites the organizer's rows to the workflow's state if the row is still as read (organizer-reconcile.ts). */
  repair(id: string, token: string, truth: OrganizerState): Promise<{ unrestorable: string[] } | undefined> {
    return repairOrganizer(this.dataSource, id, token, truth);
  }

  /** What links and mails need to know of an organizer (organizer-facts.ts). */
  facts(id: string): Promise<OrganizerFacts | undefined> {
    return organizerFacts(this.dataSource, id);
  }

  /** A closed application's state from the read model, for a reopen past Temporal's retention (organizer-closed-state.ts). */
  closedState(id: string): Promise<OrganizerState | undefined> {
    return closedStateOf(this.dataSource, id);
  }

  /** Erases a member's personal data, keeping the figures under `anonymousId` (organizer-erasure.ts). */
  erase(id: string, anonymousId: string): Promise<boolean> {
    return eraseOrganizer(this.dataSource, id, anonymousId);
  }
}

/** A screening as the person's page shows it: its time and place, its session and version, the answer given. */
function screeningSummary({ at, location, sessionId, sequence, rsvp }: Screening) {
  return {
    at,
    location,
    ...(sessionId ? { sessionId } : {}),
    ...(sequence !== undefined ? { sequence } : {}),
    ...(rsvp ? { rsvp, answerInWords: say(`screeningAnswer.${rsvp.coming ? 'coming' : 'not_coming'}`) } : {}),
  };
}
