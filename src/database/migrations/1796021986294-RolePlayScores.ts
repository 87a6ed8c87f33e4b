import { MigrationInterface, QueryRunner } from 'typeorm';

export class RolePlayScores1796021986294 implements MigrationInterface {
  name = 'RolePlayScores1796021986294';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" ADD "role_play" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" DROP COLUMN "role_play"`);
  }
}
