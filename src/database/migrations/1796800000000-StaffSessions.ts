import { MigrationInterface, QueryRunner } from 'typeorm';
/** Signed-in browsers, sign-in links by email and the sign-in request counts (issue 28), shared by every replica. */
export class StaffSessions1796800000000 implements MigrationInterface {
  name = 'StaffSessions1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_sessions" ("id" uuid NOT NULL, "secret_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "csrf_token" character varying(64) NOT NULL, "method" character varying(16) NOT NULL, "device" character varying(300) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b9be2467392ab95efaa3661cce2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7301b76f807737f4a330f1b7d6" ON "staff_sessions"  ("secret_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_971c2b32fd7a6328a8acbf6d9a" ON "staff_sessions"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_links" ("id" uuid NOT NULL, "secret_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "purpose" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2097ee1b62272fac6526b35398e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9d2e5d85b40bcb93e90a72a61b" ON "sign_in_links"  ("secret_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_35646de82c2b76d041ffdef1cc" ON "sign_in_links"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "auth_request_counts" ("key" character varying(400) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_cdc568fd57235fc999a51ad52b1" PRIMARY KEY ("key", "window_start"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "auth_request_counts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_35646de82c2b76d041ffdef1cc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d2e5d85b40bcb93e90a72a61b"`);
    await queryRunner.query(`DROP TABLE "sign_in_links"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_971c2b32fd7a6328a8acbf6d9a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7301b76f807737f4a330f1b7d6"`);
    await queryRunner.query(`DROP TABLE "staff_sessions"`);
  }
}
