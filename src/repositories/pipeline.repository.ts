// The dashboard's figures: per program from the rollups the triggers keep, per stage, and the slow ones that read
// every organizer's row (medians, ride-along compliance). Every part reads an index; nothing here touches Temporal.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hiredStages, openStages } from '../domain/stages';

// One row per program: its figures from the rollups the triggers keep (program_stage_counts, program_activity_days)
// and its missed group debriefs in the window. Every part reads an index; nothing here touches Temporal.
const programFigures = `
  WITH scope AS (
    SELECT id, name, affiliate FROM programs WHERE $1::uuid[] IS NULL OR id = ANY ($1)
  ), people AS (
    SELECT c.program_id, sum(c.organizers)::int AS applications, sum(c.hired)::int AS hired,
           sum(c.overdue_debriefs)::int AS overdue_debriefs, sum(c.at_risk)::int AS at_risk,
           COALESCE(sum(c.organizers) FILTER (WHERE c.stage = 'active'), 0)::int AS active
    FROM program_stage_counts c JOIN scope s ON s.id = c.program_id
    GROUP BY c.program_id
  ), activity AS (
    SELECT a.program_id, sum(a.debriefs)::int AS debriefs, sum(a.late_debriefs)::int AS late_debriefs, sum(a.hours)::float AS hours,
           sum(a.conversations)::int AS conversations, sum(a.one_on_ones)::int AS one_on_ones,
           sum(a.leaders_identified)::int AS leaders_identified, sum(a.group_debriefs)::int AS group_debriefs
    FROM program_activity_days a JOIN scope s ON s.id = a.program_id
    WHERE a.day >= $2::date AND a.day <= $3::date
    GROUP BY a.program_id
  ), group_missing AS (
    SELECT n.program_id, count(*)::int AS missing
    FROM notifications n JOIN scope s ON s.id = n.program_id
    WHERE n.kind = 'group_debrief_missing' AND n.created_at >= $2::date AND n.created_at < $3::date + 1
    GROUP BY n.program_id
  )
  SELECT s.id, s.name, s.affiliate, people.*, activity.*, COALESCE(group_missing.missing, 0) AS group_missing
  FROM scope s
  LEFT JOIN people ON people.program_id = s.id
  LEFT JOIN activity ON activity.program_id = s.id
  LEFT JOIN group_missing ON group_missing.program_id = s.id
  ORDER BY s.name, s.id`;

const stageFigures = `
  SELECT program_id, stage, organizers AS n FROM program_stage_counts
  WHERE ($1::uuid[] IS NULL OR program_id = ANY ($1)) AND organizers > 0`;

// The figures that need every organizer's row: how long people have waited (median, per open stage), how many
// active organizers have the ride-alongs their program requires, and the ride-along compliance of everyone hired and
// still open, over the rolling window (policy.rideAlongWindow; none before hire): meeting the requirement, behind an
// even pace, and forecast to miss it at the pace so far.
const slowFigures = `
  SELECT program_id, stage, NULL::int AS met,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM now() - stage_entered_at)) / 86400 AS median_days,
         NULL::int AS meeting, NULL::int AS behind, NULL::int AS forecast_missing
  FROM organizers
  WHERE stage = ANY ($2) AND ($1::uuid[] IS NULL OR program_id = ANY ($1))
  GROUP BY program_id, stage
  UNION ALL
  SELECT o.program_id, 'active', count(*)::int, NULL, NULL, NULL, NULL
  FROM organizers o JOIN programs p ON p.id = o.program_id
  WHERE o.stage = 'active' AND o.ride_along_count >= COALESCE((p.policy->>'requiredRideAlongs')::int, 0)
    AND ($1::uuid[] IS NULL OR o.program_id = ANY ($1))
  GROUP BY o.program_id
  UNION ALL
  SELECT c.program_id, 'ride_alongs', NULL, NULL,
    count(*) FILTER (WHERE c.counted >= c.required)::int,
    count(*) FILTER (WHERE c.counted < c.required AND c.counted < c.required * least(1, c.elapsed / c.span))::int,
    count(*) FILTER (WHERE c.counted + c.counted / c.elapsed * greatest(c.span - c.elapsed, 0) < c.required)::int
  FROM (
    SELECT o.program_id, COALESCE((p.policy->>'requiredRideAlongs')::int, 0) AS required,
      extract(epoch FROM (p.policy->>'rideAlongWindow')::interval) AS span,
      greatest(extract(epoch FROM now() - o.hired_at), 1) AS elapsed,
      (SELECT count(*) FROM ride_alongs r WHERE r.organizer_id = o.id
         AND left(r.date, 10)::date >= greatest(o.hired_at, now() - (p.policy->>'rideAlongWindow')::interval)::date
         AND left(r.date, 10)::date <= now()::date) AS counted
    FROM organizers o JOIN programs p ON p.id = o.program_id
    WHERE o.stage = ANY ($3) AND o.hired_at IS NOT NULL
      AND ($1::uuid[] IS NULL OR o.program_id = ANY ($1))
  ) c
  GROUP BY c.program_id`;

/** One of the slow figures: a stage's median wait, the active organizers meeting their ride-alongs, or compliance. */
export interface SlowFigureRow {
  program_id: string;
  stage: string;
  met: number | null;
  median_days: number | null;
  meeting: number | null;
  behind: number | null;
  forecast_missing: number | null;
}

@Injectable()
export class PipelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per program in `scope` (every one when undefined), its activity from `from` to `to`. */
  programFigures(scope: string[] | undefined, from: string, to: string): Promise<Record<string, any>[]> {
    return this.dataSource.query(programFigures, [scope ?? null, from, to]);
  }

  /** How many people each program has in each stage (none: not listed). */
  stageFigures(scope: string[] | undefined): Promise<{ program_id: string; stage: string; n: number }[]> {
    return this.dataSource.query(stageFigures, [scope ?? null]);
  }

  slowFigures(scope: string[] | undefined): Promise<SlowFigureRow[]> {
    return this.dataSource.query(slowFigures, [scope ?? null, [...openStages], [...hiredStages]]);
  }
}
