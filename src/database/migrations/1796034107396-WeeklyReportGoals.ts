import { MigrationInterface, QueryRunner } from 'typeorm';

export class WeeklyReportGoals1796034107396 implements MigrationInterface {
  name = 'WeeklyReportGoals1796034107396';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "weekly_reports" ADD "goals" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "weekly_reports" DROP COLUMN "goals"`);
  }
}
