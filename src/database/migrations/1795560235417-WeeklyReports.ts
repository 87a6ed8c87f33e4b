import { MigrationInterface, QueryRunner } from 'typeorm';

export class WeeklyReports1795560235417 implements MigrationInterface {
  name = 'WeeklyReports1795560235417';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "weekly_reports" ("program_id" uuid NOT NULL, "week_start" TIMESTAMP WITH TIME ZONE NOT NULL, "week_end" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted" jsonb NOT NULL, "missing" jsonb NOT NULL, "totals" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1f9086219793231b2eca86980d5" PRIMARY KEY ("program_id", "week_start"))`,
    );
    await queryRunner.query(`ALTER TABLE "programs" ADD "national_contact_email" character varying(320)`);
    await queryRunner.query(
      `CREATE INDEX "IDX_bbd40f10dd880e2c4f4f191ef0" ON "debriefs"  ("program_id", "period_end") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_bbd40f10dd880e2c4f4f191ef0"`);
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "national_contact_email"`);
    await queryRunner.query(`DROP TABLE "weekly_reports"`);
  }
}
