import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pay period's due time as the workflow set it (issue 27: deadlines are the domain's; links and reminders read
 * them). Periods stored before get the time the workflow gave them: the period's end plus the program's grace, which
 * PostgreSQL reads as an interval ('1 day', '2 seconds') counted as the domain counts durations (a day of 24 hours,
 * a month of 30 days: its seconds, not the calendar); the workflow writes its own on its next change.
 */
export class PayPeriodDue1796400000000 implements MigrationInterface {
  name = 'PayPeriodDue1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pay_periods" ADD "due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "pay_periods" pp SET "due_at" = pp."period_end" + make_interval(secs => extract(epoch FROM (p."policy"->>'debriefGrace')::interval))
         FROM "programs" p WHERE p."id" = pp."program_id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pay_periods" DROP COLUMN "due_at"`);
  }
}
