import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reminder's due time as the workflow set it, where it is not when it was raised (issue 27: Today reads it, never
 * recomputes it). Ride-along reminders raised before get the window's close the workflow gave them: hire plus the
 * program's window, counted as the domain counts durations (its seconds: days of 24 hours, months of 30 days).
 */
export class NotificationDue1796500000000 implements MigrationInterface {
  name = 'NotificationDue1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "notifications" n SET "due_at" = o."hired_at" + make_interval(secs => extract(epoch FROM (p."policy"->>'rideAlongWindow')::interval))
         FROM "organizers" o JOIN "programs" p ON p."id" = o."program_id"
        WHERE o."id" = n."organizer_id" AND n."kind" = 'ride_alongs_behind' AND o."hired_at" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "due_at"`);
  }
}
