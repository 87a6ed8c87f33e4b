import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mileage as a figure of its own beside the allowances (issue 25). Periods approved before keep it inside
 * `allowances_minor` and have no `mileage_minor`.
 */
export class PayMileage1796300000000 implements MigrationInterface {
  name = 'PayMileage1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pay_periods" ADD "mileage_minor" bigint`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pay_periods" DROP COLUMN "mileage_minor"`);
  }
}
