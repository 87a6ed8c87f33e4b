import { MigrationInterface, QueryRunner } from 'typeorm';

export class Links1796030118211 implements MigrationInterface {
  name = 'Links1796030118211';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "links" ("id" uuid NOT NULL, "organizer_id" uuid NOT NULL, "program_id" uuid NOT NULL, "purpose" character varying(16) NOT NULL, "subject" character varying(40), "secret_hash" character varying(64) NOT NULL, "created_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" character varying(64), "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ecf17f4a741d3c5ba0b4c5ab4b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9ea68b5b9ab8a7b3550cac5426" ON "links"  ("organizer_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_9ea68b5b9ab8a7b3550cac5426"`);
    await queryRunner.query(`DROP TABLE "links"`);
  }
}
