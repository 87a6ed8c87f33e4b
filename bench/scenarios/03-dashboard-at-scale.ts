// #3: the dashboard at scale, idle and under load, against the same figures in one hand-written statement.
import { policyPresets } from '../../src/domain/policy';
import { stages } from '../../src/domain/stages';
import type { BenchStack } from '../bench-stack';
import type { BenchContext } from '../context';
import { log, record } from '../report';
import { percentile, round, sleep, timed } from '../stats';

export async function dashboardAtScale({ stack, api, action }: BenchContext): Promise<void> {
  log('loading 200 programs, 100,000 organizers and 5,000,000 debriefs (SQL)…');
  const loadStarted = Date.now();
  await loadDashboardData(stack);
  log(`loaded in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s`);
  const dashboard = () => api.call(api.adminToken, 'GET', '/api/dashboard/pipeline');
  const today = new Date().toISOString().slice(0, 10);
  const rawSql = () =>
    stack.pg.query(rawPipelineSql, [new Date(Date.now() - 27 * 86_400_000).toISOString().slice(0, 10), today]);
  await timed(20, 1, dashboard);
  await timed(20, 1, rawSql);
  const idle = await timed(200, 1, dashboard);
  const rawIdle = await timed(200, 1, rawSql);
  // Under load: actions at up to 500 a second from 40 clients, while the dashboard is read.
  let stop = false;
  let actions = 0;
  const loadStartedAt = Date.now();
  const load = Promise.all(
    Array.from({ length: 40 }, async () => {
      while (!stop) {
        const slot = loadStartedAt + (actions / 500) * 1000;
        if (slot > Date.now()) await sleep(slot - Date.now());
        actions += 1;
        await action().catch(() => undefined);
      }
    }),
  );
  await sleep(2_000);
  const actionsBefore = actions;
  const measureStarted = Date.now();
  const loaded = await timed(200, 1, dashboard);
  const rate = (actions - actionsBefore) / ((Date.now() - measureStarted) / 1000);
  stop = true;
  await load;
  const figures = {
    idleP95: round(percentile(idle, 95)),
    loadedP95: round(percentile(loaded, 95)),
    actionsPerSecond: round(rate, 0),
  };
  const baseline = { rawSqlP95: round(percentile(rawIdle, 95)) };
  const ratios = { idle: round(figures.idleP95 / baseline.rawSqlP95) };
  record({
    id: 3,
    name: 'GET /api/dashboard/pipeline, ms, at 100k organizers, 200 programs, 5M debriefs',
    figures,
    baseline,
    ratios,
    target: '≤ 25 ms idle, ≤ 50 ms under 500 actions/s, API/raw SQL ≤ 1.3×',
    met: figures.idleP95 <= 25 && figures.loadedP95 <= 50 && ratios.idle <= 1.3 && rate >= 500,
    note: `load reached ${figures.actionsPerSecond} actions/s`,
  });
}

/** Bulk data for the dashboard: 200 programs, 100,000 organizers across every stage, 5,000,000 debriefs over a year. */
async function loadDashboardData(stack: BenchStack): Promise<void> {
  const policy = JSON.stringify(policyPresets.member_organizer);
  const stageList = `ARRAY[${stages.map((s) => `'${s}'`).join(',')}]`;
  const pg = stack.pg;
  await pg.query(
    `INSERT INTO programs (id, name, affiliate, kind, timezone, term_start, goals, policy)
     SELECT gen_random_uuid(), 'Load program ' || g, 'Local ' || g, 'member_organizer', 'UTC', now() - interval '1 year', '{}', $1::jsonb
     FROM generate_series(1, 200) g`,
    [policy],
  );
  // Stages weighted like a real pipeline: most active, a tail in hiring, some closed.
  await pg.query(
    `INSERT INTO organizers (id, program_id, member_id, name, email, stage, stage_entered_at, applied_at, hired_at, at_risk, overdue_debriefs,
       ride_along_count, totals, version, projected_at)
     SELECT gen_random_uuid(), p.id, 'L-' || g, 'Load ' || g, 'l' || g || '@load.local', s.stage,
            now() - (random() * interval '120 days'), now() - interval '200 days',
            CASE WHEN s.stage IN ('training','ride_along','active','completed','terminated') THEN now() - interval '150 days' END,
            s.stage = 'active' AND random() < 0.05, CASE WHEN s.stage = 'active' AND random() < 0.1 THEN 1 + floor(random() * 2)::int ELSE 0 END,
            floor(random() * 5)::int, '{}', 1, now()
     FROM (SELECT id, row_number() OVER () AS n FROM programs WHERE name LIKE 'Load program %') p
     CROSS JOIN generate_series(1, 500) g
     CROSS JOIN LATERAL (SELECT (${stageList})[
       CASE WHEN g % 20 < 11 THEN 7 ELSE 1 + (g % 13) END] AS stage) s`,
  );
  // Fifty weekly debriefs per active or completed organizer (and some for the others), spread over the past year.
  for (let chunk = 0; chunk < 10; chunk++) {
    await pg.query(
      `INSERT INTO debriefs (organizer_id, period_start, program_id, period_end, submitted_at, submitted_by, late, hours, conversations,
         one_on_ones, leaders_identified, in_person, group_debrief)
       SELECT o.id, o.applied_at + (w * interval '7 days'), o.program_id, o.applied_at + ((w + 1) * interval '7 days'),
              o.applied_at + ((w + 1) * interval '7 days') + interval '2 hours', 'load', random() < 0.1, 4 + random() * 8,
              floor(random() * 30)::int, floor(random() * 5)::int, floor(random() * 3)::int, random() < 0.5, random() < 0.2
       FROM (SELECT id, program_id, applied_at FROM organizers WHERE member_id LIKE 'L-%' AND abs(hashtext(id::text)) % 10 = $1) o
       CROSS JOIN generate_series(0, 49) w`,
      [chunk],
    );
  }
  await pg.query(
    `INSERT INTO notifications (id, organizer_id, program_id, kind, recipient_role, created_at, summary)
     SELECT 'load-' || id, id, program_id, 'group_debrief_missing', 'coordinator', now() - random() * interval '90 days', 'load'
     FROM organizers WHERE member_id LIKE 'L-%' AND random() < 0.1`,
  );
  await pg.query('VACUUM ANALYZE');
}

// The pipeline's figures in one hand-written statement (the baseline of #3): the same tables the API reads, every
// figure computed fresh (the API keeps its medians for up to a minute).
const rawPipelineSql = `
  WITH counts AS (
    SELECT program_id, json_object_agg(stage, organizers) AS stages, sum(organizers) AS applications, sum(hired) AS hired,
           sum(overdue_debriefs) AS overdue, sum(at_risk) AS at_risk
    FROM program_stage_counts GROUP BY program_id
  ), activity AS (
    SELECT program_id, sum(debriefs) AS debriefs, sum(late_debriefs) AS late, sum(hours) AS hours, sum(conversations) AS conversations,
           sum(one_on_ones) AS one_on_ones, sum(leaders_identified) AS leaders, sum(group_debriefs) AS group_debriefs
    FROM program_activity_days WHERE day >= $1::date AND day <= $2::date GROUP BY program_id
  ), missing AS (
    SELECT program_id, count(*) AS missing FROM notifications
    WHERE kind = 'group_debrief_missing' AND created_at >= $1::date AND created_at < $2::date + 1 GROUP BY program_id
  ), medians AS (
    SELECT program_id, json_object_agg(stage, median) AS medians FROM (
      SELECT program_id, stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM now() - stage_entered_at)) / 86400 AS median
      FROM organizers WHERE stage IN ('applied','screening','role_play','offered','training','ride_along','active') GROUP BY program_id, stage) m
    GROUP BY program_id
  ), ride_alongs AS (
    SELECT o.program_id, count(*) AS met FROM organizers o JOIN programs p ON p.id = o.program_id
    WHERE o.stage = 'active' AND o.ride_along_count >= COALESCE((p.policy->>'requiredRideAlongs')::int, 0) GROUP BY o.program_id
  )
  SELECT p.id, p.name, p.affiliate, counts.*, activity.*, missing.missing, medians.medians, ride_alongs.met
  FROM programs p LEFT JOIN counts ON counts.program_id = p.id LEFT JOIN activity ON activity.program_id = p.id
  LEFT JOIN missing ON missing.program_id = p.id LEFT JOIN medians ON medians.program_id = p.id LEFT JOIN ride_alongs ON ride_alongs.program_id = p.id
  ORDER BY p.name`;
