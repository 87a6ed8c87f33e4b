import { MigrationInterface, QueryRunner } from 'typeorm';

export class GroupSessions1796025543053 implements MigrationInterface {
  name = 'GroupSessions1796025543053';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "group_sessions" ("id" uuid NOT NULL, "program_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" character varying(300), "notes" text, "idempotency_key" character varying(200), "created_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6b281f0ab94792fad0cf2ed026f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8dd7594fe97266faaf5adef019" ON "group_sessions"  ("program_id", "at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b62b9b06403fdc3b16143a43ed" ON "group_sessions"  ("program_id", "idempotency_key") WHERE "idempotency_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "group_session_members" ("session_id" uuid NOT NULL, "organizer_id" uuid NOT NULL, "outcome" jsonb, "result" jsonb, CONSTRAINT "PK_26bf8add07e27eb75503ca7a531" PRIMARY KEY ("session_id", "organizer_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_70f514bd95f31d76dda8ccb655" ON "group_session_members"  ("organizer_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_70f514bd95f31d76dda8ccb655"`);
    await queryRunner.query(`DROP TABLE "group_session_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b62b9b06403fdc3b16143a43ed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8dd7594fe97266faaf5adef019"`);
    await queryRunner.query(`DROP TABLE "group_sessions"`);
  }
}
