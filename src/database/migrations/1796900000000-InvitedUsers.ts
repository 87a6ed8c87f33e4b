import { MigrationInterface, QueryRunner } from 'typeorm';

/** A user invited by email has no API token until they make one (issue 28); PersonalTokens moves tokens out. */
export class InvitedUsers1796900000000 implements MigrationInterface {
  name = 'InvitedUsers1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "token_hash" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "users" WHERE "token_hash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "token_hash" SET NOT NULL`);
  }
}
