import { MigrationInterface, QueryRunner } from 'typeorm';

/** Request limits every API replica shares (issue 34): each key's recent hits, kept until its window has passed. */
export class SharedLimits1797900000000 implements MigrationInterface {
  name = 'SharedLimits1797900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limits" ("key" character varying(400) NOT NULL, "hits" TIMESTAMP WITH TIME ZONE array NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8cb6aa4831e3e775ccf370521db" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limits"`);
  }
}
