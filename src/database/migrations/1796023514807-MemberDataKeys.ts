import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberDataKeys1796023514807 implements MigrationInterface {
  name = 'MemberDataKeys1796023514807';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_keys" ("subject" uuid NOT NULL, "key_id" character varying(32) NOT NULL, "wrapped" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_112ee1d58ef6783b9ae7d50282f" PRIMARY KEY ("subject"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "payload_keys" ("key_id" character varying(32) NOT NULL, "check" character varying(64) NOT NULL, CONSTRAINT "PK_7be4d27fad8a106bd657211ed9e" PRIMARY KEY ("key_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payload_keys"`);
    await queryRunner.query(`DROP TABLE "data_keys"`);
  }
}
