// A database of a test's own in the test run's PostgreSQL, migrated (unless asked not to), for tests whose data would disturb the others
// (payload keys that the shared database's start-up check would then require of everyone).
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../src/database/data-source';

export async function scratchDatabase(
  options: { migrated?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const shared = new URL(process.env.DATABASE_URL!);
  const name = `scratch_${randomUUID().slice(0, 8)}`;
  const admin = new Client({ connectionString: shared.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(shared);
  url.pathname = `/${name}`;
  if (options.migrated !== false) await runMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new Client({ connectionString: shared.toString() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
