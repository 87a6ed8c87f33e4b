import { MigrationInterface, QueryRunner } from 'typeorm';

// The debrief activity rollup stays exact when debriefs are removed too (the reconciler removes ones a workflow never
// recorded): a statement trigger subtracts what the removed rows had added.
export class DebriefRollupOnDelete1795600000000 implements MigrationInterface {
  name = 'DebriefRollupOnDelete1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION debrief_activity_days_removed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       UPDATE program_activity_days a SET
         debriefs = a.debriefs - r.debriefs,
         late_debriefs = a.late_debriefs - r.late_debriefs,
         hours = a.hours - r.hours,
         conversations = a.conversations - r.conversations,
         one_on_ones = a.one_on_ones - r.one_on_ones,
         leaders_identified = a.leaders_identified - r.leaders_identified,
         group_debriefs = a.group_debriefs - r.group_debriefs
       FROM (
         SELECT program_id, (period_end AT TIME ZONE 'UTC')::date AS day, count(*) AS debriefs, count(*) FILTER (WHERE late) AS late_debriefs,
           sum(hours) AS hours, sum(conversations) AS conversations, sum(one_on_ones) AS one_on_ones, sum(leaders_identified) AS leaders_identified,
           count(*) FILTER (WHERE in_person AND group_debrief) AS group_debriefs
         FROM removed GROUP BY 1, 2
       ) r
       WHERE a.program_id = r.program_id AND a.day = r.day;
       RETURN NULL;
     END $$`);
    await queryRunner.query(`CREATE TRIGGER debriefs_activity_days_delete AFTER DELETE ON debriefs REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
     EXECUTE FUNCTION debrief_activity_days_removed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER debriefs_activity_days_delete ON debriefs`);
    await queryRunner.query(`DROP FUNCTION debrief_activity_days_removed()`);
  }
}
