import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each note of a result its caller is about to write keeps that caller's deadline (`writeBy`): the sweep leaves it
 * alone until then, whatever the worker's own update timeout (notes made before keep the old rule: their time plus
 * the worker's timeout).
 */
export class NoteDeadlines1798200000000 implements MigrationInterface {
  name = 'NoteDeadlines1798200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unstored_writes" ADD "write_by" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unstored_writes" DROP COLUMN "write_by"`);
  }
}
