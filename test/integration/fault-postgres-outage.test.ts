// PostgreSQL goes away for ~20 s while actions and timers run: health and reads answer 503 (never 500), activities
// retry, and once it is back every organizer's row converges to its workflow's state.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { soon } from '../../dev/hiring-walk';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../src/database/data-source';
import { freePort } from '../../dev/stack/ports';
import { RunningPostgres, startEmbeddedPostgres } from '../../dev/stack/postgres';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { DataKeyRepository } from '../../src/repositories/data-key.repository';

describe('PostgreSQL outage', () => {
  let scratch: string;
  let port: number;
  let postgres: RunningPostgres;
  let harness: AppHarness;

  const startPostgres = () =>
    startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), port, fast: true, logFile: join(scratch, 'pg.log') });

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'pg-outage-'));
    port = await freePort();
    postgres = await startPostgres();
    await runMigrations(postgres.url);
    harness = await AppHarness.start({ DATABASE_URL: postgres.url, TEMPORAL_UPDATE_TIMEOUT_MS: '4000' });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await postgres?.process.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('answers 503 meanwhile and converges afterwards', async () => {
    const admin = new ApiClient(harness);
    const program = await admin.createProgram(
      aFastPolicy({ debriefEvery: '4 seconds', debriefGrace: '2 seconds', escalateAfter: '3 seconds' }),
    );
    const ids = await Promise.all([1, 2, 3, 4].map(async () => (await admin.apply(program.id)).body.id as string));
    const organizers = await Promise.all(ids.slice(0, 3).map((id) => admin.hireToActive(program, id)));

    // One action is on its way when the database goes: the workflow takes it and keeps retrying its projection.
    const debrief = {
      periodStart: organizers[0].pendingDebriefPeriods[0].start,
      hours: 2,
      conversations: 3,
      oneOnOnes: 0,
      leadersIdentified: 0,
      inPerson: false,
      group: false,
    };
    const inFlight = admin.act(ids[0], 'submit-debrief', debrief);
    await new Promise((r) => setTimeout(r, 20));
    await postgres.process.stop();
    const outageStarted = Date.now();
    const during: number[] = [];
    const health = await harness.http('GET', '/api/health');
    expect(health).toMatchObject({ status: 503, body: { status: 'degraded', temporal: 'up', database: 'down' } });
    for (const path of [
      `/api/organizers/${ids[0]}`,
      `/api/programs/${program.id}/organizers`,
      '/api/dashboard/pipeline',
      '/api/notifications',
      `/api/programs/${program.id}`,
    ]) {
      const read = await admin.call('GET', path);
      during.push(read.status);
      expect(read.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringContaining('not available'),
      });
      expect(read.headers.get('retry-after')).toBe('5');
    }
    // An action sent during the outage is refused at once (its organizer cannot be read) and changes nothing.
    const refused = await admin.act(ids[3], 'schedule-screening', { at: soon(), location: 'hall' });
    during.push(refused.status);
    expect(refused.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'the database is not available; try again shortly',
    });
    const inFlightResponse = await inFlight;
    expect([200, 503]).toContain(inFlightResponse.status);
    expect(during.every((status) => status === 503)).toBe(true);

    // About twenty seconds down, while the debrief timers keep falling due.
    await new Promise((r) => setTimeout(r, Math.max(0, 20_000 - (Date.now() - outageStarted))));
    postgres = await startPostgres();

    await eventually('health', async () => (await harness.http('GET', '/api/health')).status === 200, 30_000);
    // Converged: each row matches its workflow's state, and the active ones show the reminders their missed
    // debriefs raised while the database was away (the workflows catch up on those deadlines first).
    for (const [i, id] of ids.entries()) {
      await eventually(
        `${id}'s row to converge`,
        async () => {
          const state = await harness.temporal.workflow
            .getHandle(id)
            .query<{ version: number; stage: string }>('organizerState');
          const [row] = await harness.dataSource.query('SELECT version, stage FROM organizers WHERE id = $1', [id]);
          const [{ n }] = await harness.dataSource.query(
            `SELECT count(*)::int AS n FROM notifications WHERE organizer_id = $1 AND kind = 'debrief_overdue'`,
            [id],
          );
          return row && row.version === state.version && row.stage === state.stage && (i === 3 || n > 0);
        },
        60_000,
      );
    }
    // The action in flight was applied at most once, and shown exactly as Temporal holds it: once when it answered 200
    // or reached the workflow before the outage, not at all when the outage came before the API could read the
    // organizer (under load, 20 ms may not take it that far).
    const first = await admin.ok('GET', `/api/organizers/${ids[0]}`);
    const held = await harness.temporal.workflow
      .getHandle(ids[0])
      .query<{ periods: { start: string; submittedAt?: string }[] }>('organizerState');
    const submitted = held.periods.some((p) => p.start === debrief.periodStart && p.submittedAt) ? 1 : 0;
    if (inFlightResponse.status === 200) expect(submitted).toBe(1);
    expect(first.debriefs.filter((d: { periodStart: string }) => d.periodStart === debrief.periodStart)).toHaveLength(
      submitted,
    );
    expect((await admin.ok('GET', `/api/organizers/${ids[3]}`)).stage).toBe('applied');
    // Reminders raised while the database was away were written too, each once.
    const [{ n, distinct }] = await harness.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct FROM notifications WHERE organizer_id = ANY ($1)`,
      [ids],
    );
    expect(n).toBeGreaterThan(0);
    expect(n).toBe(distinct);
  }, 150_000);

  it("has a member's key, never read by this process, wait for the database to come back", async () => {
    const member = randomUUID();
    const stored = await harness.app.get(DataKeyRepository).keyFor(member);
    // A worker's keys that has read none of them yet (started a moment ago).
    const keys = new DataKeyRepository(harness.dataSource, harness.config);
    keys.waitForTheDatabase();
    await postgres.process.stop();
    let read: Promise<Buffer | undefined>;
    try {
      read = keys.existing(member);
      read.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 2_000));
    } finally {
      postgres = await startPostgres();
    }
    expect(await read).toEqual(stored);
  }, 90_000);
});
