import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff notes on a person (issue 29): never the organizer's to read; erasure deletes them. */
export class OrganizerNotes1797200000000 implements MigrationInterface {
  name = 'OrganizerNotes1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organizer_notes" ("id" uuid NOT NULL, "organizer_id" uuid NOT NULL, "program_id" uuid NOT NULL, "author_id" character varying(64) NOT NULL, "text" character varying(4000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_450694b221ab60efcb03232727f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_09882a1c92faa9a4bb6734bb41" ON "organizer_notes"  ("organizer_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_09882a1c92faa9a4bb6734bb41"`);
    await queryRunner.query(`DROP TABLE "organizer_notes"`);
  }
}
