import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the coordinator is reminded that a person is still in their stage, as the workflow set it (issue 27: the board
 * reads it, never recomputes it from the policy). Rows stored before get the stage's limit from their entry (a
 * screening's from its time, as the third rules count it; training and ride-alongs 21 days where the policy names
 * none, as the second rules do), counted as the domain counts durations. A run on earlier rules may differ: the
 * workflow writes its own on its next change, and `npm run reconcile` rewrites every row to it at once.
 */
export class StageDue1796600000000 implements MigrationInterface {
  name = 'StageDue1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" ADD "stage_due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "organizers" o SET "stage_due_at" =
         (CASE WHEN o."stage" = 'screening' AND o."screening" ? 'at'
               THEN GREATEST(o."stage_entered_at", (o."screening"->>'at')::timestamptz)
               ELSE o."stage_entered_at" END)
           + make_interval(secs => extract(epoch FROM (COALESCE(p."policy"->'stageSla'->>o."stage", '21 days'))::interval))
         FROM "programs" p
        WHERE p."id" = o."program_id"
          AND (p."policy"->'stageSla' ? o."stage" OR o."stage" IN ('training', 'ride_along'))
          AND o."stage" IN ('applied', 'screening', 'role_play', 'training', 'ride_along')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizers" DROP COLUMN "stage_due_at"`);
  }
}
