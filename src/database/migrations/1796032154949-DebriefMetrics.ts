import { MigrationInterface, QueryRunner } from 'typeorm';

export class DebriefMetrics1796032154949 implements MigrationInterface {
  name = 'DebriefMetrics1796032154949';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "debriefs" ADD "metrics" jsonb NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "debriefs" DROP COLUMN "metrics"`);
  }
}
