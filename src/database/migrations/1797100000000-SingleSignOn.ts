import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (issue 28): staff users' accounts at the provider, matched on (issuer, subject); and browsers on
 * their way through it, each with what the provider's answer must match.
 */
export class SingleSignOn1797100000000 implements MigrationInterface {
  name = 'SingleSignOn1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_identities" ("issuer" character varying(500) NOT NULL, "subject" character varying(255) NOT NULL, "user_id" uuid NOT NULL, "email" character varying(320) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a7f14309711ba6ad97d1f4bcdb7" PRIMARY KEY ("issuer", "subject"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8a477dccfce8941d83545ae0ed" ON "sign_in_identities"  ("user_id", "issuer") `,
    );
    await queryRunner.query(
      `CREATE TABLE "single_sign_on_attempts" ("secret_hash" character(64) NOT NULL, "state" character varying(64) NOT NULL, "nonce" character varying(64) NOT NULL, "code_verifier" character varying(128) NOT NULL, "return_to" character varying(500) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c68628723e994273eee99e3f1f8" PRIMARY KEY ("secret_hash"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "single_sign_on_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a477dccfce8941d83545ae0ed"`);
    await queryRunner.query(`DROP TABLE "sign_in_identities"`);
  }
}
