import { MigrationInterface, QueryRunner } from 'typeorm';

/** Intents to write an action's result (issue 35): the sweep writes any its caller left behind. */
export class UnstoredWrites1798000000000 implements MigrationInterface {
  name = 'UnstoredWrites1798000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "unstored_writes" ("id" uuid NOT NULL, "organizer_id" uuid NOT NULL, "noted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retry_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c49cdc3c55f1d3f8b1cf3aa4b7c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ee2122862677e211f71b5dd33c" ON "unstored_writes" ("noted_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_ee2122862677e211f71b5dd33c"`);
    await queryRunner.query(`DROP TABLE "unstored_writes"`);
  }
}
