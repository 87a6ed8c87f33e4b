import { MigrationInterface, QueryRunner } from 'typeorm';

// Median time in a stage (issue 33) from stays stored as they end, not from every transition on each read. A stay
// ends with the transition that moves someone out of a stage and began with the one that moved them in (the same
// organizer's; an entry within one stage, an undo's or a correction's, moves no one). It belongs to the program week
// and Local it ended in. Triggers keep `stage_stays` exact in the transaction that writes what it is counted from:
// an organizer's stays are computed again from their transitions, from the earliest one written, changed or removed,
// and all of them when the organizer moves to another Local or program or their program's weeks change.

/** Each organizer once, with the lowest transition touched. */
const touched = `(SELECT id, min(from_seq) AS from_seq FROM unnest(ids, froms) AS u(id, from_seq) GROUP BY id) c`;

/**
 * The stays of these organizers from each one's `from` transition on, computed again from their transitions: a
 * transition written, changed or removed at `seq` changes the stays ending there and after (the next stay's start may
 * be another), none before it. An append (every action's case) computes only its own stay.
 */
const restay = `CREATE FUNCTION restay_organizers(ids uuid[], froms int[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM stage_stays s
  USING ${touched}
  WHERE s.organizer_id = c.id AND s.seq >= c.from_seq;
  INSERT INTO stage_stays AS s (organizer_id, seq, program_id, week, local, stage, hours)
  SELECT m.organizer_id, m.seq, o.program_id, program_week(o.program_id, m.at), COALESCE(o.local, ''), m.stage, m.hours
  FROM (
    SELECT t.organizer_id, t.seq, t.at, t.from_stage AS stage, c.from_seq,
      extract(epoch FROM t.at - lag(t.at) OVER (PARTITION BY t.organizer_id ORDER BY t.seq)) / 3600 AS hours
    FROM ${touched}
    JOIN stage_transitions t ON t.organizer_id = c.id
    WHERE t.from_stage IS DISTINCT FROM t.to_stage
  ) m JOIN organizers o ON o.id = m.organizer_id
  WHERE m.seq >= m.from_seq AND m.stage IS NOT NULL AND m.hours IS NOT NULL
  ORDER BY 1, 2
  ON CONFLICT (organizer_id, seq) DO UPDATE SET program_id = EXCLUDED.program_id, week = EXCLUDED.week,
    local = EXCLUDED.local, stage = EXCLUDED.stage, hours = EXCLUDED.hours
$$`;

/** The stays of every organizer with a transition in `rows` (a statement's transition table), from its lowest. */
const restayEach = (rows: string) => `restay_organizers(array_agg(organizer_id), array_agg(from_seq))
  FROM (SELECT organizer_id, min(seq) AS from_seq FROM ${rows} GROUP BY 1 ORDER BY 1) t`;

/** Inserts and removals of transitions once per statement, for every organizer they touch; updates once per row. */
const transitionsChanged = `CREATE FUNCTION stage_stays_of_transitions() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_LEVEL = 'ROW' THEN
      PERFORM restay_organizers(ARRAY[OLD.organizer_id, NEW.organizer_id],
        ARRAY[LEAST(OLD.seq, NEW.seq), LEAST(OLD.seq, NEW.seq)]);
    ELSIF TG_OP = 'INSERT' THEN
      PERFORM ${restayEach('inserted')};
    ELSE
      PERFORM ${restayEach('removed')};
    END IF;
    RETURN NULL;
  END $$`;

/** Every stay of these organizers, computed again (they moved, or their program's weeks changed). */
const everyStay = (ids: string) => `restay_organizers(${ids}, array_fill(0, ARRAY[cardinality(${ids})]))`;

const organizerMoved = `CREATE FUNCTION stage_stays_of_organizer() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM ${everyStay('ARRAY[NEW.id]')};
    RETURN NULL;
  END $$`;

/**
 * A change of the program's weeks names its stays' weeks again, after the writes under way: one that read the old
 * weeks must not store them after this. The tables are those program_weeks_rebuilt locks (migration ProgramWeekEras),
 * in its order, so the two triggers wait for the same writes and never for each other.
 */
const programWeeksChanged = `CREATE FUNCTION stage_stays_of_program() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    LOCK TABLE organizers, debriefs, stage_transitions, ride_alongs, pay_periods IN SHARE MODE;
    PERFORM ${everyStay('ARRAY(SELECT id FROM organizers WHERE program_id = NEW.id ORDER BY id)')};
    RETURN NULL;
  END $$`;

const triggers = [
  `CREATE TRIGGER stage_transitions_stays_insert AFTER INSERT ON stage_transitions REFERENCING NEW TABLE AS inserted
     FOR EACH STATEMENT EXECUTE FUNCTION stage_stays_of_transitions()`,
  `CREATE TRIGGER stage_transitions_stays_update AFTER UPDATE ON stage_transitions FOR EACH ROW
     WHEN (OLD.organizer_id IS DISTINCT FROM NEW.organizer_id OR OLD.seq IS DISTINCT FROM NEW.seq
       OR OLD.from_stage IS DISTINCT FROM NEW.from_stage OR OLD.to_stage IS DISTINCT FROM NEW.to_stage
       OR OLD.at IS DISTINCT FROM NEW.at)
     EXECUTE FUNCTION stage_stays_of_transitions()`,
  `CREATE TRIGGER stage_transitions_stays_delete AFTER DELETE ON stage_transitions REFERENCING OLD TABLE AS removed
     FOR EACH STATEMENT EXECUTE FUNCTION stage_stays_of_transitions()`,
  `CREATE TRIGGER organizers_stays_move AFTER UPDATE ON organizers FOR EACH ROW
     WHEN (OLD.local IS DISTINCT FROM NEW.local OR OLD.program_id IS DISTINCT FROM NEW.program_id)
     EXECUTE FUNCTION stage_stays_of_organizer()`,
  `CREATE TRIGGER programs_stays_weeks AFTER UPDATE ON programs FOR EACH ROW
     WHEN (OLD.period_week_ms IS DISTINCT FROM NEW.period_week_ms OR OLD.timezone IS DISTINCT FROM NEW.timezone)
     EXECUTE FUNCTION stage_stays_of_program()`,
];

export class StageStays1798400000000 implements MigrationInterface {
  name = 'StageStays1798400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stage_stays" ("organizer_id" uuid NOT NULL, "seq" integer NOT NULL, "program_id" uuid NOT NULL, "week" character varying(32) NOT NULL, "local" character varying(100) NOT NULL DEFAULT '', "stage" character varying(16) NOT NULL, "hours" double precision NOT NULL, CONSTRAINT "PK_1b3284a3aac096672dcca4b4877" PRIMARY KEY ("organizer_id", "seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2315cc59cca624eb59282511ab" ON "stage_stays" ("program_id", "week")`);
    for (const sql of [restay, transitionsChanged, organizerMoved, programWeeksChanged, ...triggers])
      await queryRunner.query(sql);
    await queryRunner.query(`SELECT ${everyStay('ARRAY(SELECT id FROM organizers ORDER BY id)')}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER programs_stays_weeks ON programs`);
    await queryRunner.query(`DROP TRIGGER organizers_stays_move ON organizers`);
    for (const op of ['insert', 'update', 'delete'])
      await queryRunner.query(`DROP TRIGGER stage_transitions_stays_${op} ON stage_transitions`);
    for (const fn of ['stage_stays_of_program()', 'stage_stays_of_organizer()', 'stage_stays_of_transitions()'])
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    await queryRunner.query(`DROP FUNCTION restay_organizers(uuid[], int[])`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2315cc59cca624eb59282511ab"`);
    await queryRunner.query(`DROP TABLE "stage_stays"`);
  }
}
