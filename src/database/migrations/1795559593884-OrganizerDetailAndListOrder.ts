import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizerDetailAndListOrder1795559593884 implements MigrationInterface {
  name = 'OrganizerDetailAndListOrder1795559593884';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" ADD "pending_debrief_periods" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `CREATE INDEX "IDX_4c8f8f3a829b69cd9a186fe19b" ON "organizers"  ("program_id", "applied_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_4c8f8f3a829b69cd9a186fe19b"`);
    await queryRunner.query(`ALTER TABLE "organizers" DROP COLUMN "pending_debrief_periods"`);
  }
}
