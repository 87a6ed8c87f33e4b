import { MigrationInterface, QueryRunner } from 'typeorm';

/** The national organizer named on a group screening, who is invited to it with the coordinators (issue 30). */
export class SessionNationalOrganizer1797500000000 implements MigrationInterface {
  name = 'SessionNationalOrganizer1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "group_sessions" ADD "national_organizer_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "group_sessions" DROP COLUMN "national_organizer_id"`);
  }
}
