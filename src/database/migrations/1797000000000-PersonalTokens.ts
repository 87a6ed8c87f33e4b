import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal API tokens (issue 28): a user's tokens, each named, with an end if given. Every user's existing token becomes
 * their token named "API token"; users no longer hold one of their own.
 */
export class PersonalTokens1797000000000 implements MigrationInterface {
  name = 'PersonalTokens1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "personal_tokens" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_278d2b70b7f8e7841366b3d5543" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_13cbd60bdfd3a556e15db2056c" ON "personal_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_37a9a0553e595921f18ca920fd" ON "personal_tokens"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `INSERT INTO "personal_tokens" ("id", "user_id", "name", "token_hash", "created_at")
       SELECT gen_random_uuid(), "id", 'API token', "token_hash", "created_at" FROM "users" WHERE "token_hash" IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_0557c485b1365720c2cf6ce097"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_hash"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_hash" character(64)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0557c485b1365720c2cf6ce097" ON "users"  ("token_hash") `);
    // A user's first live token goes back to them (a user held one).
    await queryRunner.query(
      `UPDATE "users" u SET "token_hash" = t."token_hash" FROM (
         SELECT DISTINCT ON ("user_id") "user_id", "token_hash" FROM "personal_tokens"
         WHERE "revoked_at" IS NULL ORDER BY "user_id", "created_at"
       ) t WHERE t."user_id" = u."id"`,
    );
    await queryRunner.query(`DROP TABLE "personal_tokens"`);
  }
}
