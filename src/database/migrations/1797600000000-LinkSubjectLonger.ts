import { MigrationInterface, QueryRunner } from 'typeorm';

/** A link's subject may be a screening's calendar UID (issue 30: an answer link), longer than an instant. */
export class LinkSubjectLonger1797600000000 implements MigrationInterface {
  name = 'LinkSubjectLonger1797600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "links" ALTER COLUMN "subject" TYPE character varying(120)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "links" ALTER COLUMN "subject" TYPE character varying(40)`);
  }
}
