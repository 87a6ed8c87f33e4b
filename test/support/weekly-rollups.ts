// An oracle for the weekly rollups (migrations WeeklyTrends and StageStays): every figure computed again from the
// records, with the same week function, and compared with what the triggers kept. What a state sums to (people per stage, at risk) is
// compared with the organizers as they are now.
import type { DataSource } from 'typeorm';

const figures = [
  'applications',
  'hires',
  'debriefs_on_time',
  'debriefs_late',
  'debriefs_pending',
  'debriefs_missing',
  'hours',
  'conversations',
  'one_on_ones',
  'leaders_identified',
  'ride_alongs',
  'pay_approved_minor',
];

const zero = (except: Record<string, string>) => figures.map((f) => `${except[f] ?? '0'} AS ${f}`).join(', ');

const fromRecords = `
  SELECT week, local, ${figures.map((f) => `sum(${f})::float8 AS ${f}`).join(', ')} FROM (
    SELECT program_week(o.program_id, o.applied_at) AS week, COALESCE(o.local, '') AS local, ${zero({ applications: '1' })}
    FROM organizers o WHERE o.program_id = $1
    UNION ALL
    SELECT program_week(o.program_id, o.hired_at), COALESCE(o.local, ''), ${zero({ hires: '1' })}
    FROM organizers o WHERE o.program_id = $1 AND o.hired_at IS NOT NULL
    UNION ALL
    SELECT program_week(o.program_id, (p->>'end')::timestamptz), COALESCE(o.local, ''),
      ${zero({ debriefs_pending: "(NOT (p->>'overdue')::boolean)::int", debriefs_missing: "(p->>'overdue')::boolean::int" })}
    FROM organizers o, jsonb_array_elements(o.pending_debrief_periods) AS p WHERE o.program_id = $1
    UNION ALL
    SELECT program_week(d.program_id, d.period_end), COALESCE(o.local, ''),
      ${zero({ debriefs_on_time: '(NOT d.late)::int', debriefs_late: 'd.late::int', hours: 'd.hours', conversations: 'd.conversations', one_on_ones: 'd.one_on_ones', leaders_identified: 'd.leaders_identified' })}
    FROM debriefs d JOIN organizers o ON o.id = d.organizer_id WHERE d.program_id = $1
    UNION ALL
    SELECT program_week(o.program_id, r.date::date::timestamp AT TIME ZONE p.timezone), COALESCE(o.local, ''), ${zero({ ride_alongs: '1' })}
    FROM ride_alongs r JOIN organizers o ON o.id = r.organizer_id JOIN programs p ON p.id = o.program_id WHERE o.program_id = $1
    UNION ALL
    SELECT program_week(y.program_id, y.approved_at), COALESCE(o.local, ''),
      ${zero({ pay_approved_minor: 'COALESCE(y.amount_minor, 0) + COALESCE(y.allowances_minor, 0) + COALESCE(y.mileage_minor, 0)' })}
    FROM pay_periods y JOIN organizers o ON o.id = y.organizer_id WHERE y.program_id = $1 AND y.approved_at IS NOT NULL
  ) f GROUP BY week, local`;

const kept = `SELECT week, local, ${figures.map((f) => `${f}::float8`).join(', ')} FROM program_weeks WHERE program_id = $1`;

/** Where the program's weekly rollups differ from its records (an empty list: none). */
export async function weeklyRollupDrift(dataSource: DataSource, programId: string): Promise<string[]> {
  const key = (row: Record<string, unknown>) => `${row.week} ${row.local}`;
  const values = (row?: Record<string, unknown>) => figures.map((f) => Number(row?.[f] ?? 0));
  // One snapshot for both: a write landing between two reads would show as drift that is not there.
  const [fromRows, keptRows] = await dataSource.transaction('REPEATABLE READ', async (manager) => [
    await manager.query(fromRecords, [programId]),
    await manager.query(kept, [programId]),
  ]);
  const truth = new Map<string, Record<string, unknown>>(
    fromRows.map((row: Record<string, unknown>) => [key(row), row]),
  );
  const stored = new Map<string, Record<string, unknown>>(
    keptRows.map((row: Record<string, unknown>) => [key(row), row]),
  );
  const drift: string[] = [];
  for (const week of new Set([...truth.keys(), ...stored.keys()])) {
    const [want, have] = [values(truth.get(week)), values(stored.get(week))];
    if (want.some((v, i) => Math.abs(v - have[i]) > 1e-6))
      drift.push(`${week}: records ${JSON.stringify(want)} rollup ${JSON.stringify(have)}`);
  }
  const [states] = await dataSource.query(
    `SELECT (SELECT count(*) FILTER (WHERE at_risk) FROM organizers WHERE program_id = $1)::int AS at_risk,
       (SELECT COALESCE(sum(at_risk_change), 0) FROM program_weeks WHERE program_id = $1)::int AS at_risk_kept,
       (SELECT COALESCE(jsonb_object_agg(stage, n), '{}') FROM (SELECT stage, count(*) AS n FROM organizers WHERE program_id = $1 GROUP BY stage) s) AS stages,
       (SELECT COALESCE(jsonb_object_agg(stage, n), '{}') FROM (SELECT stage, sum(moves) AS n FROM program_stage_weeks WHERE program_id = $1 GROUP BY stage HAVING sum(moves) <> 0) s) AS stages_kept`,
    [programId],
  );
  drift.push(...(await stayDrift(dataSource, programId)));
  if (states.at_risk !== states.at_risk_kept) drift.push(`at risk: ${states.at_risk} kept ${states.at_risk_kept}`);
  if (JSON.stringify(sortedKeys(states.stages)) !== JSON.stringify(sortedKeys(states.stages_kept)))
    drift.push(`in stage: ${JSON.stringify(states.stages)} kept ${JSON.stringify(states.stages_kept)}`);
  return drift;
}

const sortedKeys = (o: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(o)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, Number(v)]),
  );

// Each stay in a stage from the transitions: from the one that moved the person in to the one that moved them out.
const staysFromRecords = `
  SELECT m.organizer_id, m.seq, program_week(o.program_id, m.at) AS week, COALESCE(o.local, '') AS local, m.stage,
    round(m.hours::numeric, 6)::float8 AS hours
  FROM (
    SELECT t.organizer_id, t.seq, t.at, t.from_stage AS stage,
      extract(epoch FROM t.at - lag(t.at) OVER (PARTITION BY t.organizer_id ORDER BY t.seq)) / 3600 AS hours
    FROM stage_transitions t WHERE t.from_stage IS DISTINCT FROM t.to_stage
  ) m JOIN organizers o ON o.id = m.organizer_id
  WHERE o.program_id = $1 AND m.stage IS NOT NULL AND m.hours IS NOT NULL`;

const staysKept = `SELECT organizer_id, seq, week, local, stage, round(hours::numeric, 6)::float8 AS hours
  FROM stage_stays WHERE program_id = $1`;

/** Stays the triggers kept that the transitions do not make, and the other way round. */
async function stayDrift(dataSource: DataSource, programId: string): Promise<string[]> {
  // Before migration StageStays, there are none to compare.
  const [{ kept: table }] = await dataSource.query(`SELECT to_regclass('stage_stays') IS NOT NULL AS kept`);
  if (!table) return [];
  const [truth, kept] = await dataSource.transaction('REPEATABLE READ', async (manager) => [
    await manager.query(staysFromRecords, [programId]),
    await manager.query(staysKept, [programId]),
  ]);
  const line = (s: Record<string, unknown>) =>
    `stay ${s.organizer_id}#${s.seq} in ${s.stage}, week ${s.week} ${s.local}: ${s.hours} h`;
  const [want, have] = [new Set<string>(truth.map(line)), new Set<string>(kept.map(line))];
  return [
    ...[...want].filter((s) => !have.has(s)).map((s) => `${s} not kept`),
    ...[...have].filter((s) => !want.has(s)).map((s) => `${s} kept, not in the records`),
  ];
}
