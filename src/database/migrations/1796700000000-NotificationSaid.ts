import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reminder's words as the catalog keys them (issue 27): its key and values, so each email renders it in its
 * reader's language. Reminders raised before have their English sentence only (`summary`), and keep it.
 */
export class NotificationSaid1796700000000 implements MigrationInterface {
  name = 'NotificationSaid1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "said" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "said"`);
  }
}
