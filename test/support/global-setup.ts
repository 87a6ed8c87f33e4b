// Once per test run: provisions and starts the servers every suite shares, and tells the suites where they are
// through the environment. DATABASE_URL / TEMPORAL_ADDRESS, when set, are used instead of starting servers.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { runMigrations } from '../../src/database/data-source';
import type { ManagedProcess } from '../../dev/stack/managed-process';
import { freePort } from '../../dev/stack/ports';
import { startEmbeddedPostgres } from '../../dev/stack/postgres';
import { stackSettings } from '../../dev/stack/settings';
import { resolveTemporalCli } from '../../dev/stack/temporal-cli';
import { startTemporalDevServer } from '../../dev/stack/temporal-dev-server';
import { resolveSchemathesis } from '../../dev/stack/schemathesis';
import { resolveComposeCheck } from '../../dev/stack/compose-check';
import { resolveTimeSkippingServer } from '../../dev/stack/time-skipping-server';
import { ensureSearchAttributes } from '../../src/temporal/search-attributes';

export interface TestStack {
  scratch: string;
  processes: ManagedProcess[];
}

declare global {
  var testStack: TestStack | undefined;
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const settings = stackSettings();
  const scratch = mkdtempSync(join(tmpdir(), 'organizer-pipeline-test-'));
  const stack: TestStack = { scratch, processes: [] };
  globalThis.testStack = stack;
  process.on('exit', () => stack.processes.forEach((p) => p.kill()));
  const say = (message: string) => process.stdout.write(`[test-stack] ${message}\n`);

  const timeSkipping = resolveTimeSkippingServer(settings);
  process.env.TEMPORAL_TEST_SERVER_PATH = timeSkipping ?? '';
  process.env.SCHEMATHESIS_PATH = resolveSchemathesis(settings) ?? '';
  process.env.COMPOSE_CHECK_PATH = resolveComposeCheck(settings);
  // The CLI as a client too (its --codec-endpoint against the worker's codec endpoint).
  const cli = resolveTemporalCli(settings);

  const [databaseUrl, temporalAddress] = await Promise.all([
    (async () => {
      if (settings.databaseUrl) return settings.databaseUrl;
      const postgres = await startEmbeddedPostgres({
        dataDir: join(scratch, 'postgres'),
        port: await freePort(),
        fast: true,
        logFile: join(scratch, 'postgres.log'),
      });
      stack.processes.push(postgres.process);
      return postgres.url;
    })(),
    (async () => {
      if (settings.temporalAddress) {
        const connection = await Connection.connect({ address: settings.temporalAddress });
        await ensureSearchAttributes(connection, process.env.TEMPORAL_NAMESPACE || 'default');
        await connection.close();
        return settings.temporalAddress;
      }
      const dev = await startTemporalDevServer({
        cli,
        port: await freePort(),
        httpPort: await freePort(),
        logFile: join(scratch, 'temporal.log'),
      });
      stack.processes.push(dev.process);
      return dev.address;
    })(),
  ]);
  await runMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  // The key that encrypts members' data in Temporal for this run (PAYLOAD_KEYS when given).
  process.env.PAYLOAD_KEYS ||= `t1:${randomBytes(32).toString('base64')}`;
  process.env.TEMPORAL_ADDRESS = temporalAddress;
  process.env.TEMPORAL_CLI_PATH = cli ?? '';
  process.env.NODE_ENV = 'test';
  say(
    `PostgreSQL ${databaseUrl.replace(/:[^:@]*@/, ':***@')}, Temporal ${temporalAddress}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
