import { MigrationInterface, QueryRunner } from 'typeorm';
import { periodWeekMs } from '../../domain/trends';

// National's weekly series (issue 33): each program's figures per week and Local, kept exact by triggers on the
// records they count, in the transaction that writes those records (whichever process writes them), then filled from
// the records already there. Each trigger adds what a row brings and takes away what it brought before, so an update
// or a removal (the reconciler's, an undo's) leaves the sums true. A figure that is a state (people in a stage, at
// risk) is kept as its change per week: its value at a week's end is the running sum.

/** The program week an instant falls in (src/domain/trends.ts says what a week is). */
const programWeek = `CREATE FUNCTION program_week(program uuid, at timestamptz) RETURNS varchar LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT CASE WHEN p.period_week_ms IS NULL
       THEN to_char(date_trunc('week', at AT TIME ZONE p.timezone), 'YYYY-MM-DD')
       ELSE to_char((p.created_at + floor(extract(epoch FROM at - p.created_at) * 1000 / p.period_week_ms)
         * p.period_week_ms * interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
     END FROM programs p WHERE p.id = program),
    to_char(date_trunc('week', at AT TIME ZONE 'UTC'), 'YYYY-MM-DD'))
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

/** A row trigger's function: takes away what the old row added (`helper(row, -1)`) and adds the new row's. */
const signedTrigger = (
  name: string,
  helper: string,
) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ${helper}(OLD, -1); END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM ${helper}(NEW, 1); END IF;
     RETURN NULL;
   END $$`;

const functions = [
  programWeek,
  // What an organizer's row counts: its application, its hire, being at risk (now), its debriefs not yet submitted.
  `CREATE FUNCTION add_organizer_weeks(o organizers, sign int) RETURNS void LANGUAGE sql AS $$
   INSERT INTO program_weeks AS w (program_id, week, local, ${organizerFigures.join(', ')})
   SELECT o.program_id, program_week(o.program_id, f.at), COALESCE(o.local, ''), sign * sum(f.applications),
     sign * sum(f.hires), sign * sum(f.at_risk), sign * sum(f.pending), sign * sum(f.missing)
   FROM (
     SELECT o.applied_at AS at, 1 AS applications, 0 AS hires, 0 AS at_risk, 0 AS pending, 0 AS missing
     UNION ALL SELECT o.hired_at, 0, 1, 0, 0, 0 WHERE o.hired_at IS NOT NULL
     UNION ALL SELECT now(), 0, 0, 1, 0, 0 WHERE o.at_risk
     UNION ALL SELECT (p->>'end')::timestamptz, 0, 0, 0, (NOT (p->>'overdue')::boolean)::int, (p->>'overdue')::boolean::int
       FROM jsonb_array_elements(o.pending_debrief_periods) AS p
   ) f
   GROUP BY 2
   ON CONFLICT (program_id, week, local) DO UPDATE SET ${sums('w', organizerFigures)}
  $$`,
  signedTrigger('organizer_weeks', 'add_organizer_weeks'),
  `CREATE FUNCTION add_debrief_week(d debriefs, sign int) RETURNS void LANGUAGE sql AS $$
   INSERT INTO program_weeks AS w (program_id, week, local, ${debriefFigures.join(', ')})
   SELECT d.program_id, program_week(d.program_id, d.period_end), COALESCE((SELECT local FROM organizers WHERE id = d.organizer_id), ''),
     sign * (NOT d.late)::int, sign * d.late::int, sign * d.hours, sign * d.conversations, sign * d.one_on_ones,
     sign * d.leaders_identified
   ON CONFLICT (program_id, week, local) DO UPDATE SET ${sums('w', debriefFigures)}
  $$`,
  signedTrigger('debrief_weeks', 'add_debrief_week'),
  // A transition moves one person out of a stage and into another, in the week it happened (a correction's entry
  // within one stage moves no one).
  `CREATE FUNCTION add_stage_move(t stage_transitions, sign int) RETURNS void LANGUAGE sql AS $$
   INSERT INTO program_stage_weeks AS s (program_id, week, local, stage, moves)
   SELECT o.program_id, program_week(o.program_id, t.at), COALESCE(o.local, ''), m.stage, sign * m.move
   FROM organizers o CROSS JOIN (VALUES (t.to_stage, 1), (t.from_stage, -1)) AS m(stage, move)
   WHERE o.id = t.organizer_id AND m.stage IS NOT NULL AND t.from_stage IS DISTINCT FROM t.to_stage
   ON CONFLICT (program_id, week, local, stage) DO UPDATE SET moves = s.moves + EXCLUDED.moves
  $$`,
  signedTrigger('stage_weeks', 'add_stage_move'),
  // A ride-along's date is a local day: its week is the one that day starts in.
  `CREATE FUNCTION add_ride_along_week(r ride_alongs, sign int) RETURNS void LANGUAGE sql AS $$
   INSERT INTO program_weeks AS w (program_id, week, local, ride_alongs)
   SELECT o.program_id, program_week(o.program_id, r.date::date::timestamp AT TIME ZONE p.timezone), COALESCE(o.local, ''), sign
   FROM organizers o JOIN programs p ON p.id = o.program_id
   WHERE o.id = r.organizer_id
   ON CONFLICT (program_id, week, local) DO UPDATE SET ride_alongs = w.ride_alongs + EXCLUDED.ride_alongs
  $$`,
  signedTrigger('ride_along_weeks', 'add_ride_along_week'),
];

// Only changes that move a figure fire (most projections change none; an erasure's new id changes none).
const triggers = [
  `CREATE TRIGGER organizers_weeks_insert AFTER INSERT ON organizers FOR EACH ROW EXECUTE FUNCTION organizer_weeks()`,
  `CREATE TRIGGER organizers_weeks_update AFTER UPDATE ON organizers FOR EACH ROW
     WHEN (OLD.program_id IS DISTINCT FROM NEW.program_id OR OLD.local IS DISTINCT FROM NEW.local
       OR OLD.applied_at IS DISTINCT FROM NEW.applied_at OR OLD.hired_at IS DISTINCT FROM NEW.hired_at
       OR OLD.at_risk <> NEW.at_risk OR OLD.pending_debrief_periods IS DISTINCT FROM NEW.pending_debrief_periods)
     EXECUTE FUNCTION organizer_weeks()`,
  `CREATE TRIGGER organizers_weeks_delete AFTER DELETE ON organizers FOR EACH ROW EXECUTE FUNCTION organizer_weeks()`,
  `CREATE TRIGGER debriefs_weeks_insert AFTER INSERT ON debriefs FOR EACH ROW EXECUTE FUNCTION debrief_weeks()`,
  `CREATE TRIGGER debriefs_weeks_update AFTER UPDATE ON debriefs FOR EACH ROW
     WHEN (OLD.program_id IS DISTINCT FROM NEW.program_id OR OLD.period_end IS DISTINCT FROM NEW.period_end
       OR OLD.late IS DISTINCT FROM NEW.late OR OLD.hours IS DISTINCT FROM NEW.hours
       OR OLD.conversations IS DISTINCT FROM NEW.conversations OR OLD.one_on_ones IS DISTINCT FROM NEW.one_on_ones
       OR OLD.leaders_identified IS DISTINCT FROM NEW.leaders_identified)
     EXECUTE FUNCTION debrief_weeks()`,
  `CREATE TRIGGER debriefs_weeks_delete AFTER DELETE ON debriefs FOR EACH ROW EXECUTE FUNCTION debrief_weeks()`,
  `CREATE TRIGGER stage_transitions_weeks_insert AFTER INSERT ON stage_transitions FOR EACH ROW EXECUTE FUNCTION stage_weeks()`,
  `CREATE TRIGGER stage_transitions_weeks_update AFTER UPDATE ON stage_transitions FOR EACH ROW
     WHEN (OLD.from_stage IS DISTINCT FROM NEW.from_stage OR OLD.to_stage IS DISTINCT FROM NEW.to_stage OR OLD.at IS DISTINCT FROM NEW.at)
     EXECUTE FUNCTION stage_weeks()`,
  `CREATE TRIGGER stage_transitions_weeks_delete AFTER DELETE ON stage_transitions FOR EACH ROW EXECUTE FUNCTION stage_weeks()`,
  `CREATE TRIGGER ride_alongs_weeks_insert AFTER INSERT ON ride_alongs FOR EACH ROW EXECUTE FUNCTION ride_along_weeks()`,
  `CREATE TRIGGER ride_alongs_weeks_update AFTER UPDATE ON ride_alongs FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date)
     EXECUTE FUNCTION ride_along_weeks()`,
  `CREATE TRIGGER ride_alongs_weeks_delete AFTER DELETE ON ride_alongs FOR EACH ROW EXECUTE FUNCTION ride_along_weeks()`,
];

const backfill = [
  `SELECT add_organizer_weeks(o, 1) FROM organizers o`,
  `SELECT add_debrief_week(d, 1) FROM debriefs d`,
  `SELECT add_stage_move(t, 1) FROM stage_transitions t`,
  `SELECT add_ride_along_week(r, 1) FROM ride_alongs r`,
];

const triggerTables: Record<string, string[]> = {
  organizers: ['organizers_weeks_insert', 'organizers_weeks_update', 'organizers_weeks_delete'],
  debriefs: ['debriefs_weeks_insert', 'debriefs_weeks_update', 'debriefs_weeks_delete'],
  stage_transitions: [
    'stage_transitions_weeks_insert',
    'stage_transitions_weeks_update',
    'stage_transitions_weeks_delete',
  ],
  ride_alongs: ['ride_alongs_weeks_insert', 'ride_alongs_weeks_update', 'ride_alongs_weeks_delete'],
};

export class WeeklyTrends1797800000000 implements MigrationInterface {
  name = 'WeeklyTrends1797800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programs" ADD "period_week_ms" integer`);
    // The week's length follows the policy as the domain reads it (one rule, src/domain/trends.ts).
    for (const { id, policy } of await queryRunner.query(`SELECT id, policy FROM programs`))
      await queryRunner.query(`UPDATE programs SET period_week_ms = $2 WHERE id = $1`, [id, periodWeekMs(policy)]);
    await queryRunner.query(
      `CREATE TABLE "program_weeks" ("program_id" uuid NOT NULL, "week" character varying(32) NOT NULL, "local" character varying(100) NOT NULL DEFAULT '', "applications" integer NOT NULL DEFAULT '0', "hires" integer NOT NULL DEFAULT '0', "at_risk_change" integer NOT NULL DEFAULT '0', "debriefs_on_time" integer NOT NULL DEFAULT '0', "debriefs_late" integer NOT NULL DEFAULT '0', "debriefs_pending" integer NOT NULL DEFAULT '0', "debriefs_missing" integer NOT NULL DEFAULT '0', "hours" double precision NOT NULL DEFAULT '0', "conversations" integer NOT NULL DEFAULT '0', "one_on_ones" integer NOT NULL DEFAULT '0', "leaders_identified" integer NOT NULL DEFAULT '0', "ride_alongs" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_c98af7d7e10ea15bb5f293b008b" PRIMARY KEY ("program_id", "week", "local"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "program_stage_weeks" ("program_id" uuid NOT NULL, "week" character varying(32) NOT NULL, "local" character varying(100) NOT NULL DEFAULT '', "stage" character varying(16) NOT NULL, "moves" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_0d180d5aa562585230dbb007897" PRIMARY KEY ("program_id", "week", "local", "stage"))`,
    );
    for (const sql of [...functions, ...triggers, ...backfill]) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, names] of Object.entries(triggerTables))
      for (const name of names) await queryRunner.query(`DROP TRIGGER ${name} ON ${table}`);
    for (const fn of [
      'ride_along_weeks()',
      'add_ride_along_week(ride_alongs, int)',
      'stage_weeks()',
      'add_stage_move(stage_transitions, int)',
      'debrief_weeks()',
      'add_debrief_week(debriefs, int)',
      'organizer_weeks()',
      'add_organizer_weeks(organizers, int)',
      'program_week(uuid, timestamptz)',
    ])
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    await queryRunner.query(`DROP TABLE "program_stage_weeks"`);
    await queryRunner.query(`DROP TABLE "program_weeks"`);
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "period_week_ms"`);
  }
}
