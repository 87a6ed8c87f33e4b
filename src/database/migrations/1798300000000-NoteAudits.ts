import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A note of a result its caller is about to write carries the action's audit entry: whichever process stores the
 * result (the caller, or the sweep once it died) writes the entry in the same statement, so an action applied is
 * audited once, and a refused one never.
 */
export class NoteAudits1798300000000 implements MigrationInterface {
  name = 'NoteAudits1798300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unstored_writes" ADD "audit" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unstored_writes" DROP COLUMN "audit"`);
  }
}
