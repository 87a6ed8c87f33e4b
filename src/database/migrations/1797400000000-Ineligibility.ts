import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why an application is ineligible, each failing answer or roster fact, to say in words (issue 29). */
export class Ineligibility1797400000000 implements MigrationInterface {
  name = 'Ineligibility1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" ADD "ineligibility" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" DROP COLUMN "ineligibility"`);
  }
}
