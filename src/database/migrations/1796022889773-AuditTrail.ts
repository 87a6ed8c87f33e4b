import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1796022889773 implements MigrationInterface {
  name = 'AuditTrail1796022889773';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entries" ("id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" character varying(64) NOT NULL, "program_id" uuid, "kind" character varying(40) NOT NULL, "subject" character varying(64) NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b12f87335630edfd1294cf349b" ON "audit_entries"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c86a2dc8781917321de56148df" ON "audit_entries"  ("program_id", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c86a2dc8781917321de56148df"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b12f87335630edfd1294cf349b"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
  }
}
