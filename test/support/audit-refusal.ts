// Makes the audit trail refuse the entries of one subject (or those naming an email) while `run` runs: a change whose
// entry cannot be written must not be made (the two commit together).
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export async function withAuditRefused<T>(
  dataSource: DataSource,
  about: string | { email: string },
  run: () => Promise<T>,
): Promise<T> {
  const matching = typeof about === 'string' ? `NEW.subject = '${about}'` : `NEW.after->>'email' = '${about.email}'`;
  // Named per call: test files share the database.
  const name = `test_refuse_${randomUUID().replaceAll('-', '')}`;
  await dataSource.query(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE 'refused'; END $$`,
  );
  await dataSource.query(
    `CREATE TRIGGER ${name} BEFORE INSERT ON audit_entries FOR EACH ROW
     WHEN (${matching}) EXECUTE FUNCTION ${name}()`,
  );
  try {
    return await run();
  } finally {
    await dataSource.query(`DROP TRIGGER ${name} ON audit_entries; DROP FUNCTION ${name}()`);
  }
}
