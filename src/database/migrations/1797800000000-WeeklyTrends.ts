import { MigrationInterface, QueryRunner } from 'typeorm';
import { periodWeekMs } from '../../domain/trends';

// National's weekly series (issue 33): each program's figures per week and Local, kept exact by triggers on the
// records they count, in the transaction that writes those records (whichever process writes them), then filled from
// the records already there. Each trigger adds what a row brings and takes away what it brought before, so an update
// or a removal (the reconciler's, an undo's) leaves the sums true. A figure that is a state (people in a stage, at
// risk) is kept as its change per week: its value at a week's end is the running sum.

/** The program week an instant falls in, from the program's row (src/domain/trends.ts says what a week is). */
const programWeekAt = `CREATE FUNCTION program_week_at(timezone varchar, period_week_ms int, created_at timestamptz, at timestamptz)
  RETURNS varchar LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN period_week_ms IS NULL
    THEN to_char(date_trunc('week', at AT TIME ZONE COALESCE(timezone, 'UTC')), 'YYYY-MM-DD')
    ELSE to_char((created_at + floor(extract(epoch FROM at - created_at) * 1000 / period_week_ms)
      * period_week_ms * interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  END
$$`;

/** The same, by the program's id (the reads' form). */
const programWeek = `CREATE FUNCTION program_week(program uuid, at timestamptz) RETURNS varchar LANGUAGE sql STABLE AS $$
  SELECT program_week_at(p.timezone, p.period_week_ms, p.created_at, at)
  FROM (SELECT 1) one LEFT JOIN programs p ON p.id = program
$$`;

const sums = (table: string, columns: string[]) =>
  columns.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');

const organizerFigures = ['applications', 'hires', 'at_risk_change', 'debriefs_pending', 'debriefs_missing'];
const debriefFigures = [
  'debriefs_on_time',
  'debriefs_late',
  'hours',
  'conversations',
  'one_on_ones',
  'leaders_identified',
];

/**
 * A table's trigger function: takes away what the old rows added (`helper(rows, -1)`) and adds the new rows'. Inserts
 * and removals fire once per statement with all their rows (a bulk load aggregates once); updates once per row.
 */
const signedTrigger = (
  name: string,
  helper: string,
  table: string,
) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_LEVEL = 'ROW' THEN
       PERFORM ${helper}(ARRAY[OLD], -1);
       PERFORM ${helper}(ARRAY[NEW], 1);
     ELSIF TG_OP = 'INSERT' THEN
       PERFORM ${helper}(ARRAY(SELECT i::${table} FROM inserted i), 1);
     ELSE
       PERFORM ${helper}(ARRAY(SELECT r::${table} FROM removed r), -1);
     END IF;
     RETURN NULL;
   END $$`;

const functions = [
  programWeekAt,
  programWeek,
  // What an organizer's row counts: its application, its hire, being at risk (now), its debriefs not yet submitted.
  `CREATE FUNCTION organizer_figures(applied timestamptz, hired timestamptz, risk boolean, periods jsonb)
   RETURNS TABLE (at timestamptz, applications int, hires int, at_risk int, pending int, missing int)
   LANGUAGE sql STABLE AS $$
     SELECT applied, 1, 0, 0, 0, 0
     UNION ALL SELECT hired, 0, 1, 0, 0, 0 WHERE hired IS NOT NULL
     UNION ALL SELECT now(), 0, 0, 1, 0, 0 WHERE risk
     UNION ALL SELECT (p->>'end')::timestamptz, 0, 0, 0, (NOT (p->>'overdue')::boolean)::int, (p->>'overdue')::boolean::int
       FROM jsonb_array_elements(periods) AS p
  $$`,
  `CREATE FUNCTION add_organizer_weeks(rows organizers[], sign int) RETURNS void LANGUAGE sql AS $$
   INSERT INTO program_weeks AS w (program_id, week, local, ${organizerFigures.join(', ')})
   SELECT o.program_id, program_week_at(p.timezone, p.period_week_ms, p.created_at, f.at), COALESCE(o.local, ''),
     sign * sum(f.applications), sign * sum(f.hires), sign * sum(f.at_risk), sign * sum(f.pending), sign * sum(f.missing)
   FROM unnest(rows) AS o CROSS JOIN LATERAL organizer_figures(o.applied_at, o.hired_at, o.at_risk, o.pending_debrief_periods) AS f LEFT JOIN programs p ON p.id = o.program_id
   GROUP BY 1, 2, 3
   ON CONFLICT (program_id, week, local) DO UPDATE SET ${sums('w', organizerFigures)}
  $$`,
  `CREATE FUNCTION add_debrief_weeks(rows debriefs[], sign int) RETURNS void LANGUAGE sql AS $$
   INSERT INTO program_weeks AS w (program_id, week, local, ${debriefFigures.join(', ')})
   SELECT d.program_id, program_week_at(p.timezone, p.period_week_ms, p.created_at, d.period_end), COALESCE(o.local, ''),
     sign * count(*) FILTER (WHERE NOT d.late), sign * count(*) FILTER (WHERE d.late), sign * sum(d.hours),
     sign * sum(d.conversations), sign * sum(d.one_on_ones), sign * sum(d.leaders_identified)
   FROM unnest(rows) AS d LEFT JOIN programs p ON p.id = d.program_id LEFT JOIN organizers o ON o.id = d.organizer_id
   GROUP BY 1, 2, 3
   ON CONFLICT (program_id, week, local) DO UPDATE SET ${sums('w', debriefFigures)}
  $$`,
  // A transition moves one person out of a stage and into another, in the week it happened (a correction's entry
  // within one stage moves no one).
  `CREATE FUNCTION add_stage_moves(rows stage_transitions[], sign int) RETURNS void LANGUAGE sql AS $$
   INSERT INTO program_stage_weeks AS s (program_id, week, local, stage, moves)
   SELECT o.program_id, program_week_at(p.timezone, p.period_week_ms, p.created_at, t.at), COALESCE(o.local, ''), m.stage,
     sign * sum(m.move)
   FROM unnest(rows) AS t JOIN organizers o ON o.id = t.organizer_id LEFT JOIN programs p ON p.id = o.program_id
     CROSS JOIN LATERAL (VALUES (t.to_stage, 1), (t.from_stage, -1)) AS m(stage, move)
   WHERE m.stage IS NOT NULL AND t.from_stage IS DISTINCT FROM t.to_stage
   GROUP BY 1, 2, 3, 4
   ON CONFLICT (program_id, week, local, stage) DO UPDATE SET moves = s.moves + EXCLUDED.moves
  $$`,
  // A ride-along's date is a local day: its week is the one that day starts in.
  `CREATE FUNCTION add_ride_along_weeks(rows ride_alongs[], sign int) RETURNS void LANGUAGE sql AS $$
   INSERT INTO program_weeks AS w (program_id, week, local, ride_alongs)
   SELECT o.program_id,
     program_week_at(p.timezone, p.period_week_ms, p.created_at, r.date::date::timestamp AT TIME ZONE COALESCE(p.timezone, 'UTC')),
     COALESCE(o.local, ''), sign * count(*)
   FROM unnest(rows) AS r JOIN organizers o ON o.id = r.organizer_id LEFT JOIN programs p ON p.id = o.program_id
   GROUP BY 1, 2, 3
   ON CONFLICT (program_id, week, local) DO UPDATE SET ride_alongs = w.ride_alongs + EXCLUDED.ride_alongs
  $$`,
  // Pay counts in the week it was approved.
  `CREATE FUNCTION add_pay_weeks(rows pay_periods[], sign int) RETURNS void LANGUAGE sql AS $$
   INSERT INTO program_weeks AS w (program_id, week, local, pay_approved_minor)
   SELECT r.program_id, program_week_at(p.timezone, p.period_week_ms, p.created_at, r.approved_at), COALESCE(o.local, ''),
     sign * sum(COALESCE(r.amount_minor, 0) + COALESCE(r.allowances_minor, 0) + COALESCE(r.mileage_minor, 0))
   FROM unnest(rows) AS r LEFT JOIN programs p ON p.id = r.program_id LEFT JOIN organizers o ON o.id = r.organizer_id
   WHERE r.approved_at IS NOT NULL
   GROUP BY 1, 2, 3
   ON CONFLICT (program_id, week, local) DO UPDATE SET pay_approved_minor = w.pay_approved_minor + EXCLUDED.pay_approved_minor
  $$`,
  signedTrigger('pay_weeks', 'add_pay_weeks', 'pay_periods'),
  signedTrigger('organizer_weeks', 'add_organizer_weeks', 'organizers'),
  signedTrigger('debrief_weeks', 'add_debrief_weeks', 'debriefs'),
  signedTrigger('stage_weeks', 'add_stage_moves', 'stage_transitions'),
  signedTrigger('ride_along_weeks', 'add_ride_along_weeks', 'ride_alongs'),
];

/** Inserts and removals once per statement, updates that move a figure once per row. */
const tableTriggers = (table: string, fn: string, changed: string) => [
  `CREATE TRIGGER ${table}_weeks_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS inserted
     FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  `CREATE TRIGGER ${table}_weeks_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION ${fn}()`,
  `CREATE TRIGGER ${table}_weeks_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS removed
     FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
];
const differ = (...columns: string[]) => columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');

// Only updates that move a figure fire (most projections change none; an erasure's new id changes none).
const triggers = [
  ...tableTriggers(
    'organizers',
    'organizer_weeks',
    differ('program_id', 'local', 'applied_at', 'hired_at', 'at_risk', 'pending_debrief_periods'),
  ),
  ...tableTriggers(
    'debriefs',
    'debrief_weeks',
    differ('program_id', 'period_end', 'late', 'hours', 'conversations', 'one_on_ones', 'leaders_identified'),
  ),
  ...tableTriggers('stage_transitions', 'stage_weeks', differ('from_stage', 'to_stage', 'at')),
  ...tableTriggers('ride_alongs', 'ride_along_weeks', differ('date')),
  ...tableTriggers(
    'pay_periods',
    'pay_weeks',
    differ('program_id', 'approved_at', 'amount_minor', 'allowances_minor', 'mileage_minor'),
  ),
];

const backfill = [
  `SELECT add_organizer_weeks(ARRAY(SELECT o FROM organizers o), 1)`,
  `SELECT add_debrief_weeks(ARRAY(SELECT d FROM debriefs d), 1)`,
  `SELECT add_stage_moves(ARRAY(SELECT t FROM stage_transitions t), 1)`,
  `SELECT add_ride_along_weeks(ARRAY(SELECT r FROM ride_alongs r), 1)`,
  `SELECT add_pay_weeks(ARRAY(SELECT r FROM pay_periods r), 1)`,
];

const tables = ['organizers', 'debriefs', 'stage_transitions', 'ride_alongs', 'pay_periods'];

export class WeeklyTrends1797800000000 implements MigrationInterface {
  name = 'WeeklyTrends1797800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programs" ADD "period_week_ms" integer`);
    // The week's length follows the policy as the domain reads it (one rule, src/domain/trends.ts).
    for (const { id, policy } of await queryRunner.query(`SELECT id, policy FROM programs`))
      await queryRunner.query(`UPDATE programs SET period_week_ms = $2 WHERE id = $1`, [id, periodWeekMs(policy)]);
    await queryRunner.query(
      `CREATE TABLE "program_weeks" ("program_id" uuid NOT NULL, "week" character varying(32) NOT NULL, "local" character varying(100) NOT NULL DEFAULT '', "applications" integer NOT NULL DEFAULT '0', "hires" integer NOT NULL DEFAULT '0', "at_risk_change" integer NOT NULL DEFAULT '0', "debriefs_on_time" integer NOT NULL DEFAULT '0', "debriefs_late" integer NOT NULL DEFAULT '0', "debriefs_pending" integer NOT NULL DEFAULT '0', "debriefs_missing" integer NOT NULL DEFAULT '0', "hours" double precision NOT NULL DEFAULT '0', "conversations" integer NOT NULL DEFAULT '0', "one_on_ones" integer NOT NULL DEFAULT '0', "leaders_identified" integer NOT NULL DEFAULT '0', "ride_alongs" integer NOT NULL DEFAULT '0', "pay_approved_minor" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_c98af7d7e10ea15bb5f293b008b" PRIMARY KEY ("program_id", "week", "local"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "program_stage_weeks" ("program_id" uuid NOT NULL, "week" character varying(32) NOT NULL, "local" character varying(100) NOT NULL DEFAULT '', "stage" character varying(16) NOT NULL, "moves" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_0d180d5aa562585230dbb007897" PRIMARY KEY ("program_id", "week", "local", "stage"))`,
    );
    for (const sql of [...functions, ...triggers, ...backfill]) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of tables)
      for (const event of ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER ${table}_weeks_${event} ON ${table}`);
    for (const fn of [
      'pay_weeks()',
      'add_pay_weeks(pay_periods[], int)',
      'ride_along_weeks()',
      'add_ride_along_weeks(ride_alongs[], int)',
      'stage_weeks()',
      'add_stage_moves(stage_transitions[], int)',
      'debrief_weeks()',
      'add_debrief_weeks(debriefs[], int)',
      'organizer_weeks()',
      'add_organizer_weeks(organizers[], int)',
      'organizer_figures(timestamptz, timestamptz, boolean, jsonb)',
      'program_week(uuid, timestamptz)',
      'program_week_at(varchar, int, timestamptz, timestamptz)',
    ])
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    await queryRunner.query(`DROP TABLE "program_stage_weeks"`);
    await queryRunner.query(`DROP TABLE "program_weeks"`);
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "period_week_ms"`);
  }
}
