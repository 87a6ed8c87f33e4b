// The Temporal dev server stops and starts again on the same SQLite file while organizers are active: every workflow
// carries on, a timer that fell due during the outage fires after it, and updates work again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../dev/stack/ports';
import { stackSettings } from '../../dev/stack/settings';
import { resolveTemporalCli } from '../../dev/stack/temporal-cli';
import { RunningDevServer, startTemporalDevServer } from '../../dev/stack/temporal-dev-server';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { eventually } from '../support/eventually';

describe('Temporal restarted under running organizers', () => {
  let scratch: string;
  let port: number;
  let server: RunningDevServer;
  let harness: AppHarness;
  const cli = resolveTemporalCli(stackSettings());

  const startServer = () =>
    startTemporalDevServer({
      cli,
      port,
      dbFile: join(scratch, 'temporal.sqlite'),
      logFile: join(scratch, 'temporal.log'),
    });

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'temporal-restart-'));
    port = await freePort();
    server = await startServer();
    harness = await AppHarness.start({ TEMPORAL_ADDRESS: server.address, TEMPORAL_UPDATE_TIMEOUT_MS: '5000' });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await server?.process.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('keeps every workflow, fires the timer that fell due meanwhile, and takes updates again', async () => {
    const admin = new ApiClient(harness);
    const program = await admin.createProgram(
      aFastPolicy({ debriefEvery: '5 seconds', debriefGrace: '2 seconds', escalateAfter: '60 seconds' }),
    );
    const ids = await Promise.all([1, 2, 3].map(async () => (await admin.apply(program.id)).body.id as string));
    const organizers = await Promise.all(ids.map((id) => admin.hireToActive(program, id)));
    const overdueAt = Math.max(...organizers.map((o) => Date.parse(o.pendingDebriefPeriods[0].overdueAt)));

    await server.process.stop();
    const health = await harness.http('GET', '/api/health');
    expect(health).toMatchObject({ status: 503, body: { status: 'degraded', temporal: 'down', database: 'up' } });
    const refused = await admin.act(ids[0], 'pause', {});
    expect(refused.status).toBe(503);
    expect(refused.body.message).toMatch(/Temporal is not available|did not answer in time/);
    expect(refused.headers.get('retry-after')).toBe('5');
    // A policy change needs Temporal to reach the organizers: refused, and the program is left as it was.
    const before = await admin.ok('GET', `/api/programs/${program.id}`);
    const patched = await admin.call('PATCH', `/api/programs/${program.id}`, {
      policy: { escalateAfter: '9 days' },
      goals: { changed: true },
    });
    expect(patched.status).toBe(503);
    expect(await admin.ok('GET', `/api/programs/${program.id}`)).toEqual(before);
    // Stay down until every organizer's first debrief has fallen overdue.
    await new Promise((r) => setTimeout(r, Math.max(0, overdueAt - Date.now()) + 2_000));
    server = await startServer();

    for (const id of ids) {
      await eventually(
        `${id}'s overdue reminder`,
        async () => {
          const rows = await harness.dataSource.query(
            `SELECT created_at FROM notifications WHERE organizer_id = $1 AND kind = 'debrief_overdue'`,
            [id],
          );
          return rows.length > 0;
        },
        60_000,
      );
      expect((await harness.temporal.workflow.getHandle(id).describe()).status.name).toBe('RUNNING');
    }
    await eventually('health', async () => (await harness.http('GET', '/api/health')).status === 200, 30_000);
    const organizer = organizers[0];
    const submitted = await eventually(
      'an update after the restart',
      async () => {
        const response = await admin.act(ids[0], 'submit-debrief', {
          periodStart: organizer.pendingDebriefPeriods[0].start,
          hours: 3,
          conversations: 4,
          oneOnOnes: 1,
          leadersIdentified: 0,
          inPerson: false,
          group: false,
        });
        return response.status === 200 && response;
      },
      30_000,
    );
    expect(submitted.body.debriefs[0]).toMatchObject({
      periodStart: organizer.pendingDebriefPeriods[0].start,
      late: true,
    });
  }, 120_000);
});
