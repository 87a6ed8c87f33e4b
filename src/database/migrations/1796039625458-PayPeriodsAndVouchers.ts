import { MigrationInterface, QueryRunner } from 'typeorm';

export class PayPeriodsAndVouchers1796039625458 implements MigrationInterface {
  name = 'PayPeriodsAndVouchers1796039625458';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pay_periods" ("organizer_id" uuid NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "program_id" uuid NOT NULL, "period_end" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL, "debrief_starts" jsonb NOT NULL, "timesheet" jsonb, "quarter_hours" integer, "paid_quarter_hours" integer, "rate_minor" integer, "amount_minor" bigint, "allowances_minor" bigint, "currency" character varying(3) NOT NULL, "approved_by" character varying(64), "approved_at" TIMESTAMP WITH TIME ZONE, "voucher_id" uuid, "version" integer NOT NULL, CONSTRAINT "PK_74d4de508bfc0237cf281b9f6e7" PRIMARY KEY ("organizer_id", "period_start"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5054cfdd6884abe95f1bd592e5" ON "pay_periods"  ("voucher_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_ed21811114d631dca015facd32" ON "pay_periods"  ("program_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vouchers" ("id" uuid NOT NULL, "program_id" uuid NOT NULL, "local" character varying(200), "through" character varying(10) NOT NULL, "status" character varying(16) NOT NULL, "currency" character varying(3) NOT NULL, "lines" jsonb NOT NULL, "total_minor" bigint NOT NULL, "reimbursed_by" character varying(16) NOT NULL, "created_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_by" character varying(64), "decided_at" TIMESTAMP WITH TIME ZONE, "return_reason" text, CONSTRAINT "PK_ed1b7dd909a696560763acdbc04" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5bcf89e7ac8de804ac9fc7eb97" ON "vouchers"  ("program_id", "status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_5bcf89e7ac8de804ac9fc7eb97"`);
    await queryRunner.query(`DROP TABLE "vouchers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ed21811114d631dca015facd32"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5054cfdd6884abe95f1bd592e5"`);
    await queryRunner.query(`DROP TABLE "pay_periods"`);
  }
}
