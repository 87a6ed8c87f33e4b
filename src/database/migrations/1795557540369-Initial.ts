import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795557540369 implements MigrationInterface {
  name = 'Initial1795557540369';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "debriefs" ("organizer_id" uuid NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "program_id" uuid NOT NULL, "period_end" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_by" character varying(64) NOT NULL, "late" boolean NOT NULL, "hours" double precision NOT NULL, "conversations" integer NOT NULL, "one_on_ones" integer NOT NULL, "leaders_identified" integer NOT NULL, "in_person" boolean NOT NULL, "group_debrief" boolean NOT NULL, "notes" text, CONSTRAINT "PK_441c212060b732357f8b6134074" PRIMARY KEY ("organizer_id", "period_start"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8f8c28494394a1aa75d3e4825b" ON "debriefs"  ("program_id", "period_start") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_deliveries" ("notification_id" character varying(200) NOT NULL, "recipient" character varying(320) NOT NULL, "message_id" character varying(300) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4972d1df9ae31128a54ba084004" PRIMARY KEY ("notification_id", "recipient"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" character varying(200) NOT NULL, "organizer_id" uuid NOT NULL, "program_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "recipient_role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "summary" text NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" character varying(64), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f1b08e720b74466abc73aa65c1" ON "notifications"  ("kind", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_214bdc73e693a2733aa04469c8" ON "notifications"  ("organizer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4a405c50b0862b27006295cae6" ON "notifications"  ("program_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organizers" ("id" uuid NOT NULL, "program_id" uuid NOT NULL, "member_id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(320) NOT NULL, "phone" character varying(40), "local" character varying(100), "stage" character varying(16) NOT NULL, "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hired_at" TIMESTAMP WITH TIME ZONE, "active_since" TIMESTAMP WITH TIME ZONE, "ends_at" TIMESTAMP WITH TIME ZONE, "paused" boolean NOT NULL DEFAULT false, "at_risk" boolean NOT NULL DEFAULT false, "overdue_debriefs" integer NOT NULL DEFAULT '0', "next_debrief_due_at" TIMESTAMP WITH TIME ZONE, "flags" jsonb NOT NULL DEFAULT '[]', "ineligible_reasons" jsonb NOT NULL DEFAULT '[]', "screening" jsonb, "offer" jsonb, "ride_along_count" integer NOT NULL DEFAULT '0', "totals" jsonb NOT NULL, "version" integer NOT NULL, "projected_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cd09a9a73ad3bf8e3c0a22dfb49" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "organizers_overdue" ON "organizers"  ("program_id") WHERE overdue_debriefs > 0`,
    );
    await queryRunner.query(`CREATE INDEX "organizers_at_risk" ON "organizers"  ("program_id") WHERE at_risk`);
    await queryRunner.query(`CREATE INDEX "IDX_f7fb3519cb3f846f02d0287a0b" ON "organizers"  ("program_id", "stage") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_67695ac08b3fa0183c0d8d2ea1" ON "organizers"  ("program_id", "member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programs" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "affiliate" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "timezone" character varying(64) NOT NULL, "term_start" TIMESTAMP WITH TIME ZONE NOT NULL, "term_end" TIMESTAMP WITH TIME ZONE, "goals" jsonb NOT NULL DEFAULT '{}', "policy" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d43c664bcaafc0e8a06dfd34e05" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ride_alongs" ("organizer_id" uuid NOT NULL, "key" character varying(300) NOT NULL, "date" character varying(40) NOT NULL, "staff" character varying(200) NOT NULL, "notes" text, "recorded_by" character varying(64) NOT NULL, CONSTRAINT "PK_64739aa360c04a31ec5ddd70df2" PRIMARY KEY ("organizer_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "roster_members" ("program_id" uuid NOT NULL, "member_id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "local" character varying(100) NOT NULL, "status" character varying(32) NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_12235107541dfb2210da99ed879" PRIMARY KEY ("program_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "stage_transitions" ("organizer_id" uuid NOT NULL, "seq" integer NOT NULL, "from_stage" character varying(16), "to_stage" character varying(16) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" character varying(64) NOT NULL, "reason" text, CONSTRAINT "PK_a238d7b5f3183863407f8012476" PRIMARY KEY ("organizer_id", "seq"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "trainings" ("organizer_id" uuid NOT NULL, "training" character varying(100) NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by" character varying(64) NOT NULL, CONSTRAINT "PK_714e079e0a88c8be91c6f96aa5f" PRIMARY KEY ("organizer_id", "training"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "email" character varying(320) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(16) NOT NULL, "program_ids" uuid array NOT NULL DEFAULT '{}', "organizer_id" uuid, "token_hash" character(64) NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users"  ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_ef810b89dd19a7a7dc5fc68788" ON "users"  ("organizer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0557c485b1365720c2cf6ce097" ON "users"  ("token_hash") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_0557c485b1365720c2cf6ce097"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ef810b89dd19a7a7dc5fc68788"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "trainings"`);
    await queryRunner.query(`DROP TABLE "stage_transitions"`);
    await queryRunner.query(`DROP TABLE "roster_members"`);
    await queryRunner.query(`DROP TABLE "ride_alongs"`);
    await queryRunner.query(`DROP TABLE "programs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_67695ac08b3fa0183c0d8d2ea1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f7fb3519cb3f846f02d0287a0b"`);
    await queryRunner.query(`DROP INDEX "public"."organizers_at_risk"`);
    await queryRunner.query(`DROP INDEX "public"."organizers_overdue"`);
    await queryRunner.query(`DROP TABLE "organizers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a405c50b0862b27006295cae6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_214bdc73e693a2733aa04469c8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f1b08e720b74466abc73aa65c1"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8f8c28494394a1aa75d3e4825b"`);
    await queryRunner.query(`DROP TABLE "debriefs"`);
  }
}
