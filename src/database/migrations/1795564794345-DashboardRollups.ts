import { MigrationInterface, QueryRunner } from 'typeorm';

// Rollups for the dashboard, kept exact by triggers in the same transaction as the rows they sum (the projections'
// writes), then filled from the rows already there. Tables generated from the entities; triggers written by hand.
const functions = [
  `CREATE FUNCTION organizer_stage_counts() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP IN ('UPDATE', 'DELETE') THEN
       UPDATE program_stage_counts SET
         organizers = organizers - 1,
         hired = hired - (OLD.hired_at IS NOT NULL)::int,
         overdue_debriefs = overdue_debriefs - OLD.overdue_debriefs,
         at_risk = at_risk - OLD.at_risk::int
       WHERE program_id = OLD.program_id AND stage = OLD.stage;
     END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN
       INSERT INTO program_stage_counts AS c (program_id, stage, organizers, hired, overdue_debriefs, at_risk)
       VALUES (NEW.program_id, NEW.stage, 1, (NEW.hired_at IS NOT NULL)::int, NEW.overdue_debriefs, NEW.at_risk::int)
       ON CONFLICT (program_id, stage) DO UPDATE SET
         organizers = c.organizers + 1,
         hired = c.hired + EXCLUDED.hired,
         overdue_debriefs = c.overdue_debriefs + EXCLUDED.overdue_debriefs,
         at_risk = c.at_risk + EXCLUDED.at_risk;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION debrief_activity_days() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO program_activity_days AS a (program_id, day, debriefs, late_debriefs, hours, conversations, one_on_ones,
       leaders_identified, group_debriefs)
     SELECT program_id, (period_end AT TIME ZONE 'UTC')::date, count(*), count(*) FILTER (WHERE late), sum(hours),
       sum(conversations), sum(one_on_ones), sum(leaders_identified), count(*) FILTER (WHERE in_person AND group_debrief)
     FROM inserted GROUP BY 1, 2
     ON CONFLICT (program_id, day) DO UPDATE SET
       debriefs = a.debriefs + EXCLUDED.debriefs,
       late_debriefs = a.late_debriefs + EXCLUDED.late_debriefs,
       hours = a.hours + EXCLUDED.hours,
       conversations = a.conversations + EXCLUDED.conversations,
       one_on_ones = a.one_on_ones + EXCLUDED.one_on_ones,
       leaders_identified = a.leaders_identified + EXCLUDED.leaders_identified,
       group_debriefs = a.group_debriefs + EXCLUDED.group_debriefs;
     RETURN NULL;
   END $$`,
];

// Only changes that move a figure touch the rollup (most projections change none of these columns).
const triggers = [
  `CREATE TRIGGER organizers_stage_counts_insert AFTER INSERT ON organizers FOR EACH ROW EXECUTE FUNCTION organizer_stage_counts()`,
  `CREATE TRIGGER organizers_stage_counts_update AFTER UPDATE ON organizers FOR EACH ROW
     WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.program_id IS DISTINCT FROM NEW.program_id
       OR (OLD.hired_at IS NULL) <> (NEW.hired_at IS NULL) OR OLD.overdue_debriefs <> NEW.overdue_debriefs OR OLD.at_risk <> NEW.at_risk)
     EXECUTE FUNCTION organizer_stage_counts()`,
  `CREATE TRIGGER organizers_stage_counts_delete AFTER DELETE ON organizers FOR EACH ROW EXECUTE FUNCTION organizer_stage_counts()`,
  `CREATE TRIGGER debriefs_activity_days AFTER INSERT ON debriefs REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
     EXECUTE FUNCTION debrief_activity_days()`,
];

const backfill = [
  `INSERT INTO program_stage_counts (program_id, stage, organizers, hired, overdue_debriefs, at_risk)
   SELECT program_id, stage, count(*), count(hired_at), sum(overdue_debriefs), count(*) FILTER (WHERE at_risk)
   FROM organizers GROUP BY program_id, stage`,
  `INSERT INTO program_activity_days (program_id, day, debriefs, late_debriefs, hours, conversations, one_on_ones, leaders_identified, group_debriefs)
   SELECT program_id, (period_end AT TIME ZONE 'UTC')::date, count(*), count(*) FILTER (WHERE late), sum(hours), sum(conversations),
     sum(one_on_ones), sum(leaders_identified), count(*) FILTER (WHERE in_person AND group_debrief)
   FROM debriefs GROUP BY 1, 2`,
];

export class DashboardRollups1795564794345 implements MigrationInterface {
  name = 'DashboardRollups1795564794345';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "program_activity_days" ("program_id" uuid NOT NULL, "day" date NOT NULL, "debriefs" integer NOT NULL DEFAULT '0', "late_debriefs" integer NOT NULL DEFAULT '0', "hours" double precision NOT NULL DEFAULT '0', "conversations" bigint NOT NULL DEFAULT '0', "one_on_ones" bigint NOT NULL DEFAULT '0', "leaders_identified" bigint NOT NULL DEFAULT '0', "group_debriefs" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_8a44ba666e04e409b3c1c385b9d" PRIMARY KEY ("program_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "program_stage_counts" ("program_id" uuid NOT NULL, "stage" character varying(16) NOT NULL, "organizers" integer NOT NULL DEFAULT '0', "hired" integer NOT NULL DEFAULT '0', "overdue_debriefs" integer NOT NULL DEFAULT '0', "at_risk" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_5442be0c7567549b06488420a27" PRIMARY KEY ("program_id", "stage"))`,
    );
    for (const sql of [...functions, ...triggers, ...backfill]) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of [
      'organizers_stage_counts_insert',
      'organizers_stage_counts_update',
      'organizers_stage_counts_delete',
    ]) {
      await queryRunner.query(`DROP TRIGGER ${trigger} ON organizers`);
    }
    await queryRunner.query(`DROP TRIGGER debriefs_activity_days ON debriefs`);
    await queryRunner.query(`DROP FUNCTION organizer_stage_counts()`);
    await queryRunner.query(`DROP FUNCTION debrief_activity_days()`);
    await queryRunner.query(`DROP TABLE "program_stage_counts"`);
    await queryRunner.query(`DROP TABLE "program_activity_days"`);
  }
}
