import { MigrationInterface, QueryRunner } from 'typeorm';

/** The language a member reads and the ones they speak (issue 31). */
export class MemberLanguages1797700000000 implements MigrationInterface {
  name = 'MemberLanguages1797700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organizers" ADD "preferred_language" character varying(2) NOT NULL DEFAULT 'en'`,
    );
    await queryRunner.query(`ALTER TABLE "organizers" ADD "languages" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" DROP COLUMN "languages"`);
    await queryRunner.query(`ALTER TABLE "organizers" DROP COLUMN "preferred_language"`);
  }
}
