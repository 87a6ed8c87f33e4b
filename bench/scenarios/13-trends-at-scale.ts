// #13: national's weekly series at 100k organizers (200 programs, 5M debriefs): one program's 52 weeks
// (GET /api/dashboard/trends) and every program's last whole week beside the one before (GET /api/dashboard/weeks),
// each against one hand-written statement computing the same figures from the records; and the 52 weeks under #3's
// action load.
import type { BenchContext } from '../context';
import { log, record } from '../report';
import { percentile, round, timed } from '../stats';
import { createLoadPrograms, loadOrganizers, loadRate, underLoad } from './03-dashboard-at-scale';

const week = 7 * 86_400_000;

/**
 * `loadedPrograms`: #3's 200 programs, holding its 100k organizers (when #3 runs, #13 measures on them before #3b
 * loads a million); without them, #13 loads its own.
 */
export async function trendsAtScale({ stack, api, action }: BenchContext, loadedPrograms?: string[]): Promise<void> {
  const started = Date.now();
  const programIds = loadedPrograms ?? (await createLoadPrograms(stack));
  if (!loadedPrograms) {
    log('#13: loading 100k organizers with 50 debriefs each (SQL)…');
    await loadOrganizers(stack, programIds, 0, 100_000, 50);
  }
  log("#13: the loaded organizers' paths through the stages and their ride-alongs (SQL)…");
  await stack.pg.query(pathsAndRideAlongs);
  const [programId] = programIds;
  await stack.pg.query(`UPDATE programs SET goals = $2 WHERE id = $1`, [
    programId,
    JSON.stringify([
      { name: 'Hires', metric: 'hires', scope: 'program', target: 600 },
      { name: 'Conversations', metric: 'conversations', scope: 'program', target: 200_000 },
    ]),
  ]);
  await stack.pg.query('VACUUM ANALYZE program_weeks, program_stage_weeks, stage_transitions, ride_alongs');
  log(`loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // The load programs keep UTC: their weeks start on UTC Mondays.
  const monday = new Date(Date.now() - 52 * week);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const from = monday.toISOString().slice(0, 10);
  const trends = () => api.call(api.adminToken, 'GET', `/api/dashboard/trends?programId=${programId}&from=${from}`);
  const sideBySide = () => api.call(api.adminToken, 'GET', '/api/dashboard/weeks');
  const rawTrends = () => stack.pg.query(rawTrendsSql, [[programId], from, '9999-12-31']);
  const twoWeeksAgo = new Date(monday.getTime() + 50 * week).toISOString().slice(0, 10);
  // Every program the endpoint answers for (a full run's #3 left its own 200 and their organizers too).
  const everyProgram = (await stack.pg.query('SELECT id FROM programs')).rows.map((r: { id: string }) => r.id);
  const [{ n: organizers }] = (await stack.pg.query('SELECT count(*)::int AS n FROM organizers')).rows;
  const rawSideBySide = () => stack.pg.query(rawTrendsSql, [everyProgram, twoWeeksAgo, new Date().toISOString()]);

  for (const warm of [trends, rawTrends, sideBySide]) await timed(10, 1, warm);
  // The side-by-side's one statement takes seconds a call: a few warm it, and 20 give its p95.
  await timed(3, 1, rawSideBySide);
  const idle = await timed(200, 1, trends);
  const raw = await timed(200, 1, rawTrends);
  const { measured: loaded, rate } = await underLoad(action, () => timed(200, 1, trends));
  const figures = {
    idleP95: round(percentile(idle, 95)),
    loadedP95: round(percentile(loaded, 95)),
    actionsPerSecond: round(rate, 0),
  };
  const ratios = {
    idleToSql: round(figures.idleP95 / percentile(raw, 95)),
    loadedToIdle: round(figures.loadedP95 / figures.idleP95),
  };
  record({
    id: 13,
    name: "GET /api/dashboard/trends p95, ms: one program's 52 weeks at 100k organizers, 200 programs, 5M debriefs; idle and under load",
    figures,
    baseline: { rawSqlP95: round(percentile(raw, 95)) },
    ratios,
    target: `idle ≤ 0.5× the one statement; under ${loadRate} actions/s ≤ 2× its idle p95`,
    met: ratios.idleToSql <= 0.5 && ratios.loadedToIdle <= 2 && rate >= loadRate * 0.95,
    note: `load reached ${figures.actionsPerSecond} actions/s`,
  });

  const side = await timed(50, 1, sideBySide);
  const rawSide = await timed(20, 1, rawSideBySide);
  const { measured: sideLoaded, rate: sideRate } = await underLoad(action, () => timed(20, 1, sideBySide));
  const sideFigures = {
    p95: round(percentile(side, 95)),
    loadedP95: round(percentile(sideLoaded, 95)),
    actionsPerSecond: round(sideRate, 0),
  };
  const sideBaseline = { rawSqlP95: round(percentile(rawSide, 95)) };
  const sideRatios = {
    toSql: round(sideFigures.p95 / sideBaseline.rawSqlP95),
    loadedToIdle: round(sideFigures.loadedP95 / sideFigures.p95),
  };
  record({
    id: '13.1',
    name: "GET /api/dashboard/weeks p95, ms: 200 programs' last whole week beside the one before, at 100k organizers; idle and under load",
    figures: sideFigures,
    baseline: sideBaseline,
    ratios: sideRatios,
    target: `≤ 0.5× the one statement; under ${loadRate} actions/s ≤ 2× its idle p95`,
    met: sideRatios.toSql <= 0.5 && sideRatios.loadedToIdle <= 2 && sideRate >= loadRate * 0.95,
    note: `${everyProgram.length} programs, ${organizers} organizers in the database; load reached ${sideFigures.actionsPerSecond} actions/s`,
  });
}

// Each loaded organizer's path through the stages (applied; training when hired; the stage they are in now, where it
// is another) and, for three in four of those hired, one to three ride-alongs ten days apart from their third week:
// what the medians and ride-along compliance read.
const pathsAndRideAlongs = `
  WITH steps AS (
    INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor)
    SELECT o.id, s.seq, s.from_stage, s.to_stage, s.at, 'load'
    FROM organizers o CROSS JOIN LATERAL (VALUES
      (1, NULL, 'applied', o.applied_at),
      (2, 'applied', 'training', o.hired_at),
      (CASE WHEN o.hired_at IS NULL THEN 2 ELSE 3 END, CASE WHEN o.hired_at IS NULL THEN 'applied' ELSE 'training' END,
       CASE WHEN o.stage NOT IN ('applied', 'training') THEN o.stage END, o.stage_entered_at)
    ) AS s(seq, from_stage, to_stage, at)
    WHERE o.member_id LIKE 'L-%' AND s.at IS NOT NULL AND s.to_stage IS NOT NULL
    RETURNING organizer_id
  )
  INSERT INTO ride_alongs (organizer_id, key, date, staff, recorded_by)
  SELECT o.id, 'load-' || k, to_char(o.hired_at + (14 + 10 * k) * interval '1 day', 'YYYY-MM-DD'), 'Load', 'load'
  FROM organizers o CROSS JOIN generate_series(1, 3) k
  WHERE o.member_id LIKE 'L-%' AND o.hired_at IS NOT NULL AND k <= abs(hashtext(o.id::text)) % 4`;

// The weekly figures of some programs from `$2` to before `$3`, each program by its own weeks, in one statement from
// the records (what the rollups keep, counted afresh): events by week, people per stage and at risk as they stand,
// medians of the stays that ended in each week, ride-along compliance at each week's end.
const rawTrendsSql = `
  WITH p AS (SELECT id, timezone, policy FROM programs WHERE id = ANY ($1)),
  o AS (SELECT o.*, p.timezone, p.policy FROM organizers o JOIN p ON p.id = o.program_id),
  events AS (
    SELECT program_id, date_trunc('week', applied_at AT TIME ZONE timezone) AS week, 1 AS applications, 0 AS hires,
      0 AS on_time, 0 AS late, 0 AS pending, 0 AS missing, 0::float8 AS hours, 0 AS conversations, 0 AS one_on_ones,
      0 AS leaders, 0 AS ride_alongs
    FROM o
    UNION ALL SELECT program_id, date_trunc('week', hired_at AT TIME ZONE timezone), 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM o WHERE hired_at IS NOT NULL
    UNION ALL SELECT o.program_id, date_trunc('week', (e->>'end')::timestamptz AT TIME ZONE o.timezone), 0, 0, 0, 0,
      (NOT (e->>'overdue')::boolean)::int, (e->>'overdue')::boolean::int, 0, 0, 0, 0, 0
    FROM o, jsonb_array_elements(o.pending_debrief_periods) e
    UNION ALL SELECT d.program_id, date_trunc('week', d.period_end AT TIME ZONE p.timezone), 0, 0, (NOT d.late)::int,
      d.late::int, 0, 0, d.hours, d.conversations, d.one_on_ones, d.leaders_identified, 0
    FROM debriefs d JOIN p ON p.id = d.program_id
    UNION ALL SELECT o.program_id, date_trunc('week', r.date::date), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
    FROM ride_alongs r JOIN o ON o.id = r.organizer_id
  ), weeks AS (
    SELECT program_id, week, sum(applications) AS applications, sum(hires) AS hires, sum(on_time) AS on_time,
      sum(late) AS late, sum(pending) AS pending, sum(missing) AS missing, sum(hours) AS hours,
      sum(conversations) AS conversations, sum(one_on_ones) AS one_on_ones, sum(leaders) AS leaders,
      sum(ride_alongs) AS ride_alongs
    FROM events WHERE week >= $2::timestamp AND week < $3::timestamp GROUP BY program_id, week
  ), at_risk AS (
    SELECT program_id, count(*) FILTER (WHERE at_risk) AS at_risk FROM o GROUP BY program_id
  ), in_stage AS (
    SELECT program_id, jsonb_object_agg(stage, n) AS in_stage
    FROM (SELECT program_id, stage, count(*) AS n FROM o GROUP BY program_id, stage) s GROUP BY program_id
  ), stays AS (
    SELECT o.program_id, t.from_stage AS stage, date_trunc('week', t.at AT TIME ZONE o.timezone) AS week,
      extract(epoch FROM t.at - lag(t.at) OVER (PARTITION BY t.organizer_id ORDER BY t.seq)) / 3600 AS hours
    FROM stage_transitions t JOIN o ON o.id = t.organizer_id
  ), compliance AS (
    SELECT o.program_id, w.week, count(*) AS owed,
      count(*) FILTER (WHERE (
        SELECT count(*) FROM ride_alongs r WHERE r.organizer_id = o.id
          AND left(r.date, 10)::date >= greatest(o.hired_at AT TIME ZONE o.timezone,
            w.week + interval '7 days'
              - make_interval(secs => extract(epoch FROM (o.policy->>'rideAlongWindow')::interval)))::date
          AND left(r.date, 10)::date < (w.week + interval '7 days')::date
      ) >= (o.policy->>'requiredRideAlongs')::int) AS meeting
    FROM generate_series(date_trunc('week', $2::timestamp), least($3::timestamp, now()::timestamp), interval '1 week')
      AS w(week)
    JOIN o ON o.hired_at < (w.week + interval '7 days') AT TIME ZONE o.timezone
    WHERE COALESCE((o.policy->>'requiredRideAlongs')::int, 0) > 0 AND (SELECT t.to_stage FROM stage_transitions t
           WHERE t.organizer_id = o.id AND t.at < (w.week + interval '7 days') AT TIME ZONE o.timezone
           ORDER BY t.seq DESC LIMIT 1) IN ('training', 'ride_along', 'active')
    GROUP BY o.program_id, w.week
  ), medians AS (
    SELECT program_id, week, jsonb_object_agg(stage, median) AS medians FROM (
      SELECT program_id, week, stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median FROM stays
      WHERE stage IS NOT NULL AND hours IS NOT NULL AND week >= $2::timestamp AND week < $3::timestamp
      GROUP BY program_id, week, stage) m
    GROUP BY program_id, week
  )
  SELECT weeks.*, at_risk.at_risk, in_stage.in_stage, medians.medians, compliance.owed, compliance.meeting
  FROM weeks LEFT JOIN at_risk USING (program_id) LEFT JOIN in_stage USING (program_id)
    LEFT JOIN medians USING (program_id, week) LEFT JOIN compliance USING (program_id, week)
  ORDER BY program_id, week`;
