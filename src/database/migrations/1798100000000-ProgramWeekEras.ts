import { MigrationInterface, QueryRunner } from 'typeorm';
import { countingFunctions, weekOf as firstWeekOf } from './1797800000000-WeeklyTrends';

// A change of what a program's week is (its length, its time zone) applies from the moment it is made (issue 33): the
// weeks already begun keep their bounds and their figures, the one in progress ending there, so a season's history
// keeps its shape when a program (or the demo, after its fast first weeks) changes its debrief cadence. Each schedule a
// program had is an era, kept in `program_week_eras`; the current one runs from `programs.weeks_since`. Weeks are
// ordered by their names, so calendar weeks (local Mondays) and debrief periods (UTC instants) never share a history:
// a change from one kind to the other counts every record again in the new kind, as before eras existed.

/**
 * The week of `at`: by the program's current schedule from `since` on (and always for a program whose schedule never
 * changed: `since` is its creation, `created`), else by the era `at` falls in.
 */
const programWeekIn = `CREATE FUNCTION program_week_in(program uuid, timezone varchar, period_week_ms int,
    since timestamptz, created timestamptz, at timestamptz) RETURNS varchar LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN at >= since OR since <= created THEN program_week_at(timezone, period_week_ms, since, at)
    ELSE COALESCE(
      (SELECT program_week_at(e.timezone, e.period_week_ms, e.since, at) FROM program_week_eras e
        WHERE e.program_id = program AND at < e.until ORDER BY e.until LIMIT 1),
      program_week_at(timezone, period_week_ms, since, at))
  END
$$`;

const programWeek = (body: string) => `CREATE OR REPLACE FUNCTION program_week(program uuid, at timestamptz)
  RETURNS varchar LANGUAGE sql STABLE AS $$
  SELECT ${body} FROM (SELECT 1) one LEFT JOIN programs p ON p.id = program
$$`;

const weekOf = (at: string) =>
  `program_week_in(p.id, p.timezone, p.period_week_ms, p.weeks_since, p.created_at, ${at})`;

/**
 * The schedule in force until now becomes an era and the new one starts now; unless the kind of week changes. A time
 * zone names calendar weeks only: debrief periods (UTC instants) do not change with it.
 */
const eraTrigger = [
  `CREATE FUNCTION program_week_era() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF (OLD.period_week_ms IS NULL) <> (NEW.period_week_ms IS NULL) THEN
       NEW.weeks_since := COALESCE((SELECT min(e.since) FROM program_week_eras e WHERE e.program_id = OLD.id),
         OLD.weeks_since);
       DELETE FROM program_week_eras WHERE program_id = OLD.id;
     ELSIF OLD.weeks_since < now() THEN
       INSERT INTO program_week_eras (program_id, since, until, timezone, period_week_ms)
         VALUES (OLD.id, OLD.weeks_since, now(), OLD.timezone, OLD.period_week_ms)
         ON CONFLICT (program_id, until) DO NOTHING;
       NEW.weeks_since := now();
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER programs_week_era BEFORE UPDATE ON programs FOR EACH ROW
     WHEN (OLD.period_week_ms IS DISTINCT FROM NEW.period_week_ms
       OR (NEW.period_week_ms IS NULL AND OLD.timezone IS DISTINCT FROM NEW.timezone))
     EXECUTE FUNCTION program_week_era()`,
];

/**
 * A rebuild (the program's records counted again: after its schedule changed, or someone moved Local) keeps how many
 * were at risk in the weeks before this one (of the kind its weeks are now). Being at risk is counted as it is now, in
 * the current week; the weeks before keep their changes, and the current week's change makes their sum today's count.
 */
const rebuildKeepingRisk = `CREATE FUNCTION rebuild_program_weeks(program uuid) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    this_week varchar := program_week(program, now());
    kept program_weeks[] := ARRAY(SELECT w FROM program_weeks w
      WHERE w.program_id = program AND w.week <> this_week AND w.at_risk_change <> 0
        AND (w.week LIKE '%T%') = (this_week LIKE '%T%'));
  BEGIN
    PERFORM recount_program_weeks(program);
    INSERT INTO program_weeks AS w (program_id, week, local, at_risk_change)
      SELECT program, k.week, k.local, k.at_risk_change FROM unnest(kept) k
      UNION ALL
      SELECT program, this_week, k.local, -sum(k.at_risk_change) FROM unnest(kept) k GROUP BY k.local
      ORDER BY 2, 3
      ON CONFLICT (program_id, week, local) DO UPDATE SET at_risk_change = w.at_risk_change + EXCLUDED.at_risk_change;
  END $$`;

/**
 * A change of a program's weeks counts its records again (`rebuild_program_weeks`), after the writes under way: a write
 * whose statement read the program's weeks before the change, and added to them after the count, would leave its
 * figures in weeks the count no longer has (the demo's pace change did, once in CI). Writers of the counted records
 * hold ROW EXCLUSIVE on their table until they commit; this waits for them, and those that come later wait for the
 * change and read the new weeks. Such changes are rare (a cadence or time zone changed); writes pause for the count.
 */
const rebuildAfterWrites = (lock: boolean) => `CREATE OR REPLACE FUNCTION program_weeks_rebuilt() RETURNS trigger
  LANGUAGE plpgsql AS $$
   BEGIN
     ${lock ? 'LOCK TABLE organizers, debriefs, stage_transitions, ride_alongs, pay_periods IN SHARE MODE;' : ''}
     PERFORM rebuild_program_weeks(NEW.id);
     RETURN NULL;
   END $$`;

export class ProgramWeekEras1798100000000 implements MigrationInterface {
  name = 'ProgramWeekEras1798100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programs" ADD "weeks_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "programs" SET "weeks_since" = "created_at"`);
    await queryRunner.query(`ALTER TABLE "programs" ALTER COLUMN "weeks_since" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "programs" ALTER COLUMN "weeks_since" SET DEFAULT now()`);
    await queryRunner.query(
      `CREATE TABLE "program_week_eras" ("program_id" uuid NOT NULL, "until" TIMESTAMP WITH TIME ZONE NOT NULL, "since" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" character varying(64) NOT NULL, "period_week_ms" integer, CONSTRAINT "PK_58eef520d5e102015353f543500" PRIMARY KEY ("program_id", "until"))`,
    );
    await queryRunner.query(programWeekIn);
    await queryRunner.query(
      programWeek('program_week_in(program, p.timezone, p.period_week_ms, p.weeks_since, p.created_at, at)'),
    );
    for (const sql of countingFunctions(weekOf)) await queryRunner.query(sql);
    await queryRunner.query(`ALTER FUNCTION rebuild_program_weeks(uuid) RENAME TO recount_program_weeks`);
    await queryRunner.query(rebuildKeepingRisk);
    await queryRunner.query(rebuildAfterWrites(true));
    for (const sql of eraTrigger) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER programs_week_era ON programs`);
    await queryRunner.query(`DROP FUNCTION program_week_era()`);
    await queryRunner.query(rebuildAfterWrites(false));
    await queryRunner.query(`DROP FUNCTION rebuild_program_weeks(uuid)`);
    await queryRunner.query(`ALTER FUNCTION recount_program_weeks(uuid) RENAME TO rebuild_program_weeks`);
    for (const sql of countingFunctions(firstWeekOf)) await queryRunner.query(sql);
    await queryRunner.query(programWeek('program_week_at(p.timezone, p.period_week_ms, p.created_at, at)'));
    await queryRunner.query(`DROP FUNCTION program_week_in(uuid, varchar, int, timestamptz, timestamptz, timestamptz)`);
    // Weeks named by an era, or counted from a later schedule's start, are counted again by the rule restored.
    await queryRunner.query(
      `SELECT rebuild_program_weeks(p.id) FROM programs p
        WHERE p.weeks_since <> p.created_at OR EXISTS (SELECT 1 FROM program_week_eras e WHERE e.program_id = p.id)`,
    );
    await queryRunner.query(`DROP TABLE "program_week_eras"`);
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "weeks_since"`);
  }
}
