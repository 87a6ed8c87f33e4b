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

/**
 * An upsert of figures into `table` from rows grouped by `key`: each figure is `sign * <its expression>` summed over the
 * group, so what the old rows added and what the new rows add net out first, and only groups that move a figure are
 * written (a projection that changes nothing a week counts takes no lock on its row). Rows go in key order, so
 * concurrent writers lock shared rows in the same order.
 */
function upsert(table: string, key: Record<string, string>, figures: Record<string, string>, from: string): string {
  const columns = Object.keys(figures);
  const keys = Object.keys(key);
  const summed = columns.map((c) => `sum(x.sign * (${figures[c]}))`);
  return `INSERT INTO ${table} AS w (${[...keys, ...columns].join(', ')})
   SELECT ${[...Object.values(key), ...summed].join(', ')}
   FROM ${from}
   GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
   HAVING ${summed.map((sum) => `${sum} <> 0`).join(' OR ')}
   ORDER BY ${keys.map((_, i) => i + 1).join(', ')}
   ON CONFLICT (${keys.join(', ')}) DO UPDATE SET
     ${columns.map((c) => `${c} = w.${c} + EXCLUDED.${c}`).join(', ')}`;
}

/** The rows taken away (sign -1) and the rows added (sign 1), as one relation `x`. */
const signed = `(SELECT r.*, -1 AS sign FROM unnest(removed) r UNION ALL SELECT a.*, 1 AS sign FROM unnest(added) a) x`;

/** The week of `at` by the program `p` joined as such (as this migration made it; ProgramWeekEras made it keep eras). */
export const weekOf = (at: string) => `program_week_at(p.timezone, p.period_week_ms, p.created_at, ${at})`;

/** What a week of `at` is, in the functions that count records (`p` is the program joined). */
export type WeekOf = (at: string) => string;

/**
 * A table's trigger function: takes away what the old rows added and adds what the new rows add (`helper(removed,
 * added)`). Inserts and removals fire once per statement with all their rows (a bulk load aggregates once); updates
 * once per row.
 */
const signedTrigger = (
  name: string,
  helper: string,
  table: string,
  /** What else an update does (after the row's own figures have moved). */
  afterUpdate = '',
) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_LEVEL = 'ROW' THEN
       PERFORM ${helper}(ARRAY[OLD], ARRAY[NEW]);
       ${afterUpdate}
     ELSIF TG_OP = 'INSERT' THEN
       PERFORM ${helper}(ARRAY[]::${table}[], ARRAY(SELECT i::${table} FROM inserted i));
     ELSE
       PERFORM ${helper}(ARRAY(SELECT r::${table} FROM removed r), ARRAY[]::${table}[]);
     END IF;
     RETURN NULL;
   END $$`;

/** Every row of `table` (with `where`) added, as a rebuild and the migration's fill count them. */
const addAll = (helper: string, table: string, rows: string) => `SELECT ${helper}(ARRAY[]::${table}[], ARRAY(${rows}))`;

/** The key of a program's week and Local: the program and the Local from the given relations, the week of `at`. */
const weekKey = (weekOf: WeekOf, program: string, at: string, local: string) => ({
  program_id: program,
  week: weekOf(at),
  local: `COALESCE(${local}, '')`,
});

/** The functions that add what records count to their weeks, each week named by `weekOf`. */
export const countingFunctions = (weekOf: WeekOf) => [
  `CREATE OR REPLACE FUNCTION add_organizer_weeks(removed organizers[], added organizers[]) RETURNS void LANGUAGE sql AS $$
   ${upsert(
     'program_weeks',
     weekKey(weekOf, 'x.program_id', 'f.at', 'x.local'),
     {
       applications: 'f.applications',
       hires: 'f.hires',
       at_risk_change: 'f.at_risk',
       debriefs_pending: 'f.pending',
       debriefs_missing: 'f.missing',
     },
     `${signed} CROSS JOIN LATERAL organizer_figures(x.applied_at, x.hired_at, x.at_risk, x.pending_debrief_periods) AS f
      LEFT JOIN programs p ON p.id = x.program_id`,
   )}
  $$`,
  `CREATE OR REPLACE FUNCTION add_debrief_weeks(removed debriefs[], added debriefs[]) RETURNS void LANGUAGE sql AS $$
   ${upsert(
     'program_weeks',
     weekKey(weekOf, 'x.program_id', 'x.period_end', 'o.local'),
     {
       debriefs_on_time: '(NOT x.late)::int',
       debriefs_late: 'x.late::int',
       hours: 'x.hours',
       conversations: 'x.conversations',
       one_on_ones: 'x.one_on_ones',
       leaders_identified: 'x.leaders_identified',
     },
     `${signed} LEFT JOIN programs p ON p.id = x.program_id LEFT JOIN organizers o ON o.id = x.organizer_id`,
   )}
  $$`,
  // A transition moves one person out of a stage and into another, in the week it happened (a correction's entry
  // within one stage moves no one).
  `CREATE OR REPLACE FUNCTION add_stage_moves(removed stage_transitions[], added stage_transitions[]) RETURNS void LANGUAGE sql AS $$
   ${upsert(
     'program_stage_weeks',
     { ...weekKey(weekOf, 'o.program_id', 'x.at', 'o.local'), stage: 'm.stage' },
     { moves: 'm.move' },
     `${signed} JOIN organizers o ON o.id = x.organizer_id LEFT JOIN programs p ON p.id = o.program_id
      CROSS JOIN LATERAL (VALUES (x.to_stage, 1), (x.from_stage, -1)) AS m(stage, move)
      WHERE m.stage IS NOT NULL AND x.from_stage IS DISTINCT FROM x.to_stage`,
   )}
  $$`,
  // A ride-along's date is a local day: its week is the one that day starts in.
  `CREATE OR REPLACE FUNCTION add_ride_along_weeks(removed ride_alongs[], added ride_alongs[]) RETURNS void LANGUAGE sql AS $$
   ${upsert(
     'program_weeks',
     weekKey(weekOf, 'o.program_id', "x.date::date::timestamp AT TIME ZONE COALESCE(p.timezone, 'UTC')", 'o.local'),
     { ride_alongs: '1' },
     `${signed} JOIN organizers o ON o.id = x.organizer_id LEFT JOIN programs p ON p.id = o.program_id`,
   )}
  $$`,
  // Pay counts in the week it was approved.
  `CREATE OR REPLACE FUNCTION add_pay_weeks(removed pay_periods[], added pay_periods[]) RETURNS void LANGUAGE sql AS $$
   ${upsert(
     'program_weeks',
     weekKey(weekOf, 'x.program_id', 'x.approved_at', 'o.local'),
     {
       pay_approved_minor:
         'COALESCE(x.amount_minor, 0) + COALESCE(x.allowances_minor, 0) + COALESCE(x.mileage_minor, 0)',
     },
     `${signed} LEFT JOIN programs p ON p.id = x.program_id LEFT JOIN organizers o ON o.id = x.organizer_id
      WHERE x.approved_at IS NOT NULL`,
   )}
  $$`,
];

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
  ...countingFunctions(weekOf),
  // A program's weeks counted again from its records: when what a week is changes (its length, its time zone), or
  // when an organizer moves to another Local or program (their records' figures move with them). People at risk are
  // then counted as they are now, in the current week.
  `CREATE FUNCTION rebuild_program_weeks(program uuid) RETURNS void LANGUAGE sql AS $$
   DELETE FROM program_weeks WHERE program_id = program;
   DELETE FROM program_stage_weeks WHERE program_id = program;
   ${addAll('add_organizer_weeks', 'organizers', 'SELECT o FROM organizers o WHERE o.program_id = program')};
   ${addAll('add_debrief_weeks', 'debriefs', 'SELECT d FROM debriefs d WHERE d.program_id = program')};
   ${addAll('add_stage_moves', 'stage_transitions', 'SELECT t FROM stage_transitions t JOIN organizers o ON o.id = t.organizer_id WHERE o.program_id = program')};
   ${addAll('add_ride_along_weeks', 'ride_alongs', 'SELECT r FROM ride_alongs r JOIN organizers o ON o.id = r.organizer_id WHERE o.program_id = program')};
   ${addAll('add_pay_weeks', 'pay_periods', 'SELECT y FROM pay_periods y WHERE y.program_id = program')};
  $$`,
  `CREATE FUNCTION program_weeks_rebuilt() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM rebuild_program_weeks(NEW.id);
     RETURN NULL;
   END $$`,
  signedTrigger('pay_weeks', 'add_pay_weeks', 'pay_periods'),
  signedTrigger(
    'organizer_weeks',
    'add_organizer_weeks',
    'organizers',
    `IF OLD.local IS DISTINCT FROM NEW.local OR OLD.program_id IS DISTINCT FROM NEW.program_id THEN
       PERFORM rebuild_program_weeks(NEW.program_id);
       IF OLD.program_id IS DISTINCT FROM NEW.program_id THEN PERFORM rebuild_program_weeks(OLD.program_id); END IF;
     END IF;`,
  ),
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
  `CREATE TRIGGER programs_weeks_rebuild AFTER UPDATE ON programs FOR EACH ROW
     WHEN (OLD.period_week_ms IS DISTINCT FROM NEW.period_week_ms OR OLD.timezone IS DISTINCT FROM NEW.timezone)
     EXECUTE FUNCTION program_weeks_rebuilt()`,
  ...tableTriggers(
    'pay_periods',
    'pay_weeks',
    differ('program_id', 'approved_at', 'amount_minor', 'allowances_minor', 'mileage_minor'),
  ),
];

const backfill = [
  addAll('add_organizer_weeks', 'organizers', 'SELECT o FROM organizers o'),
  addAll('add_debrief_weeks', 'debriefs', 'SELECT d FROM debriefs d'),
  addAll('add_stage_moves', 'stage_transitions', 'SELECT t FROM stage_transitions t'),
  addAll('add_ride_along_weeks', 'ride_alongs', 'SELECT r FROM ride_alongs r'),
  addAll('add_pay_weeks', 'pay_periods', 'SELECT y FROM pay_periods y'),
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
    await queryRunner.query(`DROP TRIGGER programs_weeks_rebuild ON programs`);
    for (const fn of [
      'program_weeks_rebuilt()',
      'rebuild_program_weeks(uuid)',
      'pay_weeks()',
      'add_pay_weeks(pay_periods[], pay_periods[])',
      'ride_along_weeks()',
      'add_ride_along_weeks(ride_alongs[], ride_alongs[])',
      'stage_weeks()',
      'add_stage_moves(stage_transitions[], stage_transitions[])',
      'debrief_weeks()',
      'add_debrief_weeks(debriefs[], debriefs[])',
      'organizer_weeks()',
      'add_organizer_weeks(organizers[], organizers[])',
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
