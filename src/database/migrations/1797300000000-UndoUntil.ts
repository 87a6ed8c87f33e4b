import { MigrationInterface, QueryRunner } from 'typeorm';

/** Until when a record's last hiring step may be undone (issue 29), as the workflow sets it. */
export class UndoUntil1797300000000 implements MigrationInterface {
  name = 'UndoUntil1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" ADD "undo_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" DROP COLUMN "undo_until"`);
  }
}
