import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows name an organizer in `organizer_id`. */
const organizerTables = [
  'stage_transitions',
  'trainings',
  'ride_alongs',
  'debriefs',
  'work_plans',
  'pay_periods',
  'group_session_members',
  'users',
  'links',
];

/** A list of `{ organizerId, … }` lines with the erased records' ids replaced by their new ones, in order. */
const moved = (column: string) =>
  `COALESCE((SELECT jsonb_agg(CASE WHEN k.new_id IS NULL THEN e.line
                                  ELSE e.line || jsonb_build_object('organizerId', k.new_id::text) END ORDER BY e.n)
               FROM jsonb_array_elements(${column}) WITH ORDINALITY AS e(line, n)
               LEFT JOIN erased_ids k ON k.old_id::text = e.line->>'organizerId'), '[]')`;

/**
 * Issue 24: rows stored before its fixes are cleaned as the fixes would have kept them. A group session keeps only
 * its program's people (ids of others were stored, and their names shown); audit entries about the accounts of erased
 * members lose their personal data as the member's own entries did; records erased earlier move to a random id, as
 * erasure now does (their id was computable from the member id); Today's open reminders get a partial index.
 */
export class PrivacyFixes1796200000000 implements MigrationInterface {
  name = 'PrivacyFixes1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "group_session_members" m USING "group_sessions" s
        WHERE m.session_id = s.id
          AND NOT EXISTS (SELECT 1 FROM "organizers" o WHERE o.id = m.organizer_id AND o.program_id = s.program_id)`,
    );
    await queryRunner.query(
      `UPDATE "audit_entries" a SET before = NULL, after = NULL FROM "users" u JOIN "organizers" o ON o.id = u.organizer_id
        WHERE a.subject = u.id::text AND o.erased_at IS NOT NULL AND (a.before IS NOT NULL OR a.after IS NOT NULL)`,
    );
    // Ids from organizerIdFor are version 5 (the 15th character); erasure now gives version 4 (random) ones.
    await queryRunner.query(
      `CREATE TEMP TABLE erased_ids ON COMMIT DROP AS
         SELECT id AS old_id, gen_random_uuid() AS new_id FROM "organizers"
          WHERE erased_at IS NOT NULL AND substr(id::text, 15, 1) = '5'`,
    );
    await queryRunner.query(
      `UPDATE "organizers" o SET id = k.new_id, member_id = 'ERASED-' || left(k.new_id::text, 8)
         FROM erased_ids k WHERE o.id = k.old_id`,
    );
    for (const table of organizerTables)
      await queryRunner.query(
        `UPDATE "${table}" t SET organizer_id = k.new_id FROM erased_ids k WHERE t.organizer_id = k.old_id`,
      );
    await queryRunner.query(
      `UPDATE "notification_deliveries" d SET notification_id = k.new_id::text || substr(d.notification_id, 37)
         FROM erased_ids k WHERE d.notification_id LIKE k.old_id::text || ':%'`,
    );
    await queryRunner.query(
      `UPDATE "notifications" n SET id = k.new_id::text || substr(n.id, 37), organizer_id = k.new_id
         FROM erased_ids k WHERE n.organizer_id = k.old_id`,
    );
    await queryRunner.query(
      `UPDATE "audit_entries" a SET subject = k.new_id::text FROM erased_ids k WHERE a.subject = k.old_id::text`,
    );
    await queryRunner.query(
      `UPDATE "weekly_reports" SET submitted = ${moved('submitted')}, missing = ${moved('missing')}
        WHERE EXISTS (SELECT 1 FROM erased_ids k
                       WHERE submitted @> jsonb_build_array(jsonb_build_object('organizerId', k.old_id::text))
                          OR missing @> jsonb_build_array(jsonb_build_object('organizerId', k.old_id::text)))`,
    );
    await queryRunner.query(
      `UPDATE "vouchers" SET lines = ${moved('lines')}
        WHERE EXISTS (SELECT 1 FROM erased_ids k
                       WHERE lines @> jsonb_build_array(jsonb_build_object('organizerId', k.old_id::text)))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_open_by_program" ON "notifications" ("program_id", "kind") WHERE "resolved_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The rows removed, the data erased and the records moved stay so.
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_open_by_program"`);
  }
}
