import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkPlans1796034716405 implements MigrationInterface {
  name = 'WorkPlans1796034716405';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "work_plans" ("organizer_id" uuid NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "program_id" uuid NOT NULL, "targets" jsonb NOT NULL, "notes" text, "set_by" character varying(64) NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_086c70ecd29aff589da62e39197" PRIMARY KEY ("organizer_id", "period_start"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "work_plans"`);
  }
}
