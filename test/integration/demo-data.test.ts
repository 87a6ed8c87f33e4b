// The demo programs `npm start` seeds on a fresh system, through the real API and workflows, and the life the demo
// keeps in them: debriefs filed by habit and caught up late (never never), one person at a time who has stopped, and a
// break while the stack is stopped.
import { Logger } from '@nestjs/common';
import { demoPolicy, demoPrograms } from '../../dev/demo/demo-data';
import { demoBreak, DemoClient, demoPulse, demoResume, seedDemo } from '../../dev/demo/demo-seeder';
import { adminToken, ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';

describe('demo data', () => {
  let harness: AppHarness;
  const logger = new Logger('demo-test');

  beforeAll(async () => {
    // The suite runs beside the race tests, which load the shared Temporal server with thousands of updates: the
    // seeder's updates may wait longer than the default 10 s there (as the race tests' own do).
    harness = await AppHarness.start({ TEMPORAL_UPDATE_TIMEOUT_MS: '60000' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('seeds three programs with applicants at every stage they were meant to reach, then keeps debriefs coming', async () => {
    const client = new DemoClient(harness.baseUrl, adminToken);
    const state = await seedDemo(client, logger);
    expect(state.programIds).toHaveLength(3);
    const admin = new ApiClient(harness);
    for (const [i, programId] of state.programIds.entries()) {
      const pipeline = await admin.ok('GET', `/api/dashboard/pipeline?programId=${programId}`);
      const { stages, name } = pipeline.programs[0];
      expect(name).toBe(demoPrograms[i].name);
      expect(Object.fromEntries(Object.entries(stages).filter(([, n]) => n))).toEqual(demoPrograms[i].stages);
    }
    // A demo week is two minutes; a pulse as the first one ends files debriefs for those who report.
    expect(await demoPulse(client, state, logger, Date.now() + 2.5 * 60_000)).toBeGreaterThan(0);
    const activity = await admin.ok('GET', `/api/dashboard/pipeline?programId=${state.programIds[0]}`);
    expect(activity.programs[0].activity.debriefs).toBeGreaterThan(0);

    // While the stack is stopped, everyone active is on a break; it ends when the demo starts again.
    state.onBreak = await demoBreak(client, state, logger);
    const activeCount = demoPrograms.reduce((n, p) => n + (p.stages.active ?? 0), 0);
    expect(state.onBreak).toHaveLength(activeCount);
    const paused = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM organizers WHERE program_id = ANY ($1) AND stage = 'active' AND paused`,
      [state.programIds],
    );
    expect(paused).toEqual([{ n: activeCount }]);
    await demoResume(client, state, logger);
    expect(
      await harness.dataSource.query(
        `SELECT count(*)::int AS n FROM organizers WHERE program_id = ANY ($1) AND stage = 'active' AND paused`,
        [state.programIds],
      ),
    ).toEqual([{ n: 0 }]);
  }, 120_000);

  it('keeps a program believable: after periods fall overdue, only the one who stopped is behind by more than one', async () => {
    const client = new DemoClient(harness.baseUrl, adminToken);
    // The demo's life at test speed: four-second weeks, overdue two seconds after.
    // Unpaid here: at four-second weeks the pay work's extra calls made the pulse slower than the weeks under CI's
    // load (pay in the demo is seeded by the test above).
    const state = await seedDemo(client, logger, {
      ...demoPolicy,
      debriefEvery: '4 seconds',
      debriefGrace: '2 seconds',
      pay: null,
    });
    await new Promise((r) => setTimeout(r, 14_000));
    // A pulse after a stop in which every period fell overdue: people catch up, late.
    await demoPulse(client, state, logger);
    await demoPulse(client, state, logger);
    const behind: { program_id: string; n: number }[] = await harness.dataSource.query(
      `SELECT program_id, count(*)::int AS n FROM organizers
        WHERE program_id = ANY ($1) AND stage = 'active' AND jsonb_array_length(
          jsonb_path_query_array(pending_debrief_periods, '$[*] ? (@.overdue == true)')) > 1
        GROUP BY program_id`,
      [state.programIds],
    );
    // At most the one person per program whose turn it is to have stopped.
    for (const row of behind) expect(row.n).toBeLessThanOrEqual(1);
    const late = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM debriefs d JOIN organizers o ON o.id = d.organizer_id
        WHERE o.program_id = ANY ($1) AND d.late`,
      [state.programIds],
    );
    expect(late[0].n).toBeGreaterThan(0);
  }, 120_000);
});
