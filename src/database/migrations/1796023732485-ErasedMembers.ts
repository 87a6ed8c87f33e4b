import { MigrationInterface, QueryRunner } from 'typeorm';

export class ErasedMembers1796023732485 implements MigrationInterface {
  name = 'ErasedMembers1796023732485';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" DROP COLUMN "erased_at"`);
  }
}
