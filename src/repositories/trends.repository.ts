// The weekly series (issue 33): a program's (or a Local's) from the rollups the WeeklyTrends and StageStays migrations keep, one
// organizer's from their own records, both bucketed by the same SQL function (program_week). A series reads every week
// (a program has a few hundred at most: running states need the weeks before a window, which the caller cuts); the
// side-by-side table only the two it shows and the one that carries the states into them.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hiredStages } from '../domain/stages';

/** Whose figures a series sums: some programs (every one when undefined), or one Local of them. */
export interface TrendScope {
  programIds: string[] | undefined;
  local?: string;
}

/** A week's event figures, and its running states (at risk) as of the week's end. */
export interface WeekFiguresRow {
  week: string;
  applications: number;
  hires: number;
  at_risk: number;
  debriefs_on_time: number;
  debriefs_late: number;
  debriefs_pending: number;
  debriefs_missing: number;
  hours: number;
  conversations: number;
  one_on_ones: number;
  leaders_identified: number;
  ride_alongs: number;
  pay_approved_minor: number;
}

/** People in a stage at the end of a week in which someone entered or left it. */
export interface StageWeekRow {
  week: string;
  stage: string;
  people: number;
}

/** Who owed ride-alongs at a week's end, and how many of them had what their program requires. */
export interface ComplianceWeekRow {
  week: string;
  owed: number;
  meeting: number;
}

/** A program week to count at its end. */
export interface WeekEnd {
  programId: string;
  week: string;
  end: Date;
}

/** A row of one program's. */
type Owned = { program_id: string };

export interface MedianWeekRow {
  week: string;
  stage: string;
  median_hours: number;
}

const eventSums = `sum(debriefs_on_time)::int AS debriefs_on_time, sum(debriefs_late)::int AS debriefs_late,
  sum(debriefs_pending)::int AS debriefs_pending, sum(debriefs_missing)::int AS debriefs_missing,
  sum(hours)::float8 AS hours, sum(conversations)::int AS conversations, sum(one_on_ones)::int AS one_on_ones,
  sum(leaders_identified)::int AS leaders_identified, sum(ride_alongs)::int AS ride_alongs,
  sum(pay_approved_minor)::float8 AS pay_approved_minor`;

/** Programs (every one when $1 is null), one Local of them when $2 is given. */
const scope = `($1::uuid[] IS NULL OR program_id = ANY ($1)) AND ($2::varchar IS NULL OR local = $2)`;

/** The weeks of the programs in scope, summed together or each on its own (`by`), with running states to each end. */
const weeksOf = (by: string[]) => {
  const group = [...by, 'week'].join(', ');
  return `
  SELECT ${group}, sum(applications)::int AS applications, sum(hires)::int AS hires,
    (sum(sum(at_risk_change)) OVER (${by.length ? `PARTITION BY ${by.join(', ')} ` : ''}ORDER BY week))::int AS at_risk,
    ${eventSums}
  FROM program_weeks WHERE ${scope}
  GROUP BY ${group} ORDER BY ${group}`;
};

/** People in each stage at the end of the weeks anyone moved, the same ways. */
const stagesOf = (by: string[]) => {
  const group = [...by, 'week', 'stage'].join(', ');
  return `
  SELECT ${group}, (sum(sum(moves)) OVER (PARTITION BY ${[...by, 'stage'].join(', ')} ORDER BY week))::int AS people
  FROM program_stage_weeks WHERE ${scope}
  GROUP BY ${group} ORDER BY ${[...by, 'week'].join(', ')}`;
};

/**
 * Rows of `rows` (with `program_id`, `week` and the running states to each week's end, partitioned by `by`) from each
 * program's week `$3` on, and, before it, only the latest row of each partition: what carries its states into the
 * window. Labels order weeks, as the running sums do.
 */
const fromWeek = (rows: string, by: string[]) => `
  SELECT r.* FROM (
    SELECT r.*, lead(r.week) OVER (PARTITION BY ${by.join(', ')} ORDER BY r.week) AS next_week FROM (${rows}) r
  ) r JOIN unnest($1::uuid[], $3::varchar[]) AS a(program_id, since) USING (program_id)
  WHERE r.week >= a.since OR r.next_week IS NULL OR r.next_week >= a.since`;

// The median hours of the stays that ended in each week, in each stage (migration StageStays keeps the stays).
const medianWeeks = `
  SELECT week, stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median_hours
  FROM stage_stays WHERE ${scope}
  GROUP BY week, stage ORDER BY week`;

// The same for some programs' weeks, each program's named weeks only.
const mediansIn = `
  SELECT s.program_id, s.week, s.stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY s.hours) AS median_hours
  FROM unnest($1::uuid[], $2::varchar[]) AS w(program_id, week)
  JOIN stage_stays s ON s.program_id = w.program_id AND s.week = w.week
  GROUP BY 1, 2, 3`;

// Each person's ride-along standing at each week's end, from their records: whether they owed ride-alongs then (hired
// before it, in a stage that owes them), and their ride-alongs on local days from the later of their hire and the
// window's start to the week's last day (as the pipeline counts today's). A stage is entered at its transition, so
// whoever entered their stage before a week's end was in it then; only those who moved since are looked up in their
// transitions. Read per program (or person), a few weeks at a time.
const complianceAt = `
  WITH w AS (
    SELECT w.program_id, w.week, w.ends, p.timezone, (p.policy->>'requiredRideAlongs')::int AS required,
      w.ends - make_interval(secs => extract(epoch FROM (p.policy->>'rideAlongWindow')::interval)) AS window_start,
      ((w.ends - interval '1 microsecond') AT TIME ZONE p.timezone)::date AS last_day
    FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS w(program_id, week, ends)
    JOIN programs p ON p.id = w.program_id
    WHERE COALESCE((p.policy->>'requiredRideAlongs')::int, 0) > 0
  ), hired AS (
    SELECT o.id, o.program_id, o.hired_at, o.stage, o.stage_entered_at FROM organizers o
    WHERE o.program_id = ANY ($1) AND o.hired_at < (SELECT max(ends) FROM w)
      AND (o.stage = ANY ($6) OR o.stage_entered_at >= (SELECT min(ends) FROM w))
      AND ($4::varchar IS NULL OR o.local = $4) AND ($5::uuid IS NULL OR o.id = $5)
  ), spans AS MATERIALIZED (
    SELECT h.id AS organizer_id, s.* FROM hired h CROSS JOIN LATERAL (
      SELECT t.to_stage, t.at AS since, lead(t.at) OVER (ORDER BY t.seq) AS until
      FROM stage_transitions t WHERE t.organizer_id = h.id
    ) s
    WHERE h.stage_entered_at >= (SELECT min(ends) FROM w)
  ), owing AS (
    SELECT w.*, h.id, h.hired_at FROM w JOIN hired h ON h.program_id = w.program_id AND h.hired_at < w.ends
    WHERE h.stage_entered_at < w.ends AND h.stage = ANY ($6)
    UNION ALL
    SELECT w.*, h.id, h.hired_at FROM w JOIN hired h ON h.program_id = w.program_id AND h.hired_at < w.ends
    JOIN spans s ON s.organizer_id = h.id AND s.since < w.ends AND (s.until IS NULL OR s.until >= w.ends)
    WHERE h.stage_entered_at >= w.ends AND s.to_stage = ANY ($6)
  ), days AS (
    SELECT r.organizer_id, array_agg(left(r.date, 10)::date) AS days FROM ride_alongs r
    JOIN hired h ON h.id = r.organizer_id GROUP BY r.organizer_id
  )
  SELECT program_id, week, count(*)::int AS owed,
    count(*) FILTER (WHERE (
      SELECT count(*) FROM unnest(days.days) AS d(day)
      WHERE d.day BETWEEN (greatest(owing.hired_at, owing.window_start) AT TIME ZONE owing.timezone)::date
        AND owing.last_day
    ) >= owing.required)::int AS meeting
  FROM owing LEFT JOIN days ON days.organizer_id = owing.id
  GROUP BY program_id, week`;

// What each of the organizer's records adds to their weeks: the same figures the rollups' triggers count.
const organizerWeeks = `
  SELECT week, 0 AS applications, 0 AS hires, 0 AS at_risk, ${eventSums} FROM (
    SELECT program_week(d.program_id, d.period_end) AS week, (NOT d.late)::int AS debriefs_on_time,
      d.late::int AS debriefs_late, 0 AS debriefs_pending, 0 AS debriefs_missing, d.hours, d.conversations,
      d.one_on_ones, d.leaders_identified, 0 AS ride_alongs, 0::bigint AS pay_approved_minor
    FROM debriefs d WHERE d.organizer_id = $1
    UNION ALL
    SELECT program_week(o.program_id, (p->>'end')::timestamptz), 0, 0, (NOT (p->>'overdue')::boolean)::int,
      (p->>'overdue')::boolean::int, 0, 0, 0, 0, 0, 0
    FROM organizers o, jsonb_array_elements(o.pending_debrief_periods) AS p WHERE o.id = $1
    UNION ALL
    SELECT program_week(o.program_id, r.date::date::timestamp AT TIME ZONE pr.timezone), 0, 0, 0, 0, 0, 0, 0, 0, 1, 0
    FROM ride_alongs r JOIN organizers o ON o.id = r.organizer_id JOIN programs pr ON pr.id = o.program_id
    WHERE r.organizer_id = $1
    UNION ALL
    SELECT program_week(y.program_id, y.approved_at), 0, 0, 0, 0, 0, 0, 0, 0, 0,
      COALESCE(y.amount_minor, 0) + COALESCE(y.allowances_minor, 0) + COALESCE(y.mileage_minor, 0)
    FROM pay_periods y WHERE y.organizer_id = $1 AND y.approved_at IS NOT NULL
  ) f GROUP BY week ORDER BY week`;

@Injectable()
export class TrendsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async programWeeks(
    scope: TrendScope,
  ): Promise<{ weeks: WeekFiguresRow[]; stages: StageWeekRow[]; medians: MedianWeekRow[] }> {
    const parameters = [scope.programIds ?? null, scope.local ?? null];
    const [weeks, stages, medians] = await Promise.all([
      this.dataSource.query(weeksOf([]), parameters),
      this.dataSource.query(stagesOf([]), parameters),
      this.dataSource.query(medianWeeks, parameters),
    ]);
    return { weeks, stages, medians };
  }

  /**
   * Each program's weeks from `from` (its label) on, with its program; and the latest week before it, which carries
   * the running states into them.
   */
  async eachProgramWeeks(
    windows: { programId: string; from: string }[],
  ): Promise<{ weeks: (WeekFiguresRow & Owned)[]; stages: (StageWeekRow & Owned)[] }> {
    const parameters = [windows.map((w) => w.programId), null, windows.map((w) => w.from)];
    const [weeks, stages] = await Promise.all([
      this.dataSource.query(fromWeek(weeksOf(['program_id']), ['program_id']), parameters),
      this.dataSource.query(fromWeek(stagesOf(['program_id']), ['program_id', 'stage']), parameters),
    ]);
    return { weeks, stages };
  }

  /** Median hours per stage, of the stays that ended in each of these program weeks. */
  mediansIn(weeks: { programId: string; week: string }[]): Promise<(MedianWeekRow & Owned)[]> {
    return this.dataSource.query(mediansIn, [weeks.map((w) => w.programId), weeks.map((w) => w.week)]);
  }

  /** Ride-along compliance at the end of each of these weeks: of a Local's organizers, or of one person. */
  complianceAt(
    weeks: WeekEnd[],
    only: { local?: string; organizerId?: string } = {},
  ): Promise<(ComplianceWeekRow & Owned)[]> {
    return this.dataSource.query(complianceAt, [
      weeks.map((w) => w.programId),
      weeks.map((w) => w.week),
      weeks.map((w) => w.end),
      only.local ?? null,
      only.organizerId ?? null,
      [...hiredStages],
    ]);
  }

  organizerWeeks(organizerId: string): Promise<WeekFiguresRow[]> {
    return this.dataSource.query(organizerWeeks, [organizerId]);
  }
}
