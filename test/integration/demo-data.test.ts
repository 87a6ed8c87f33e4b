// The demo programs `npm start` seeds on a fresh system, through the real API and workflows, and the life the demo
// keeps in them: debriefs filed by habit and caught up late (never never), one person at a time who has stopped, and a
// break while the stack is stopped.
import { Logger } from '@nestjs/common';
import { demoHistory, demoPolicy, demoPrograms } from '../../dev/demo/demo-data';
import { demoBreak, DemoClient, demoPulse, demoResume, endDemoHistory, seedDemo } from '../../dev/demo/demo-seeder';
import { adminToken, ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { weeklyRollupDrift } from '../support/weekly-rollups';
import { localDayOf } from '../../src/domain/calendar';

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
    // Its staff sign in as anyone does, by email: addresses at example.org, a national reader among them.
    const staff = (await admin.ok('GET', '/api/users')).items as { email: string; role: string }[];
    const emails = [state.national!.email, ...state.coordinators.map((c) => c.email!)];
    expect(emails.every((email) => email.endsWith('@example.org'))).toBe(true);
    expect(staff.filter((u) => emails.includes(u.email)).map((u) => u.role)).toEqual(
      expect.arrayContaining(['national', 'coordinator', 'coordinator', 'coordinator']),
    );
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
    // The demo's life at test speed: ten-second weeks, overdue five seconds after. Shorter weeks (four seconds) let a
    // pulse under CI's load take longer than a week, so periods fell overdue while it ran. Unpaid here, for the same
    // reason (pay in the demo is seeded by the test above).
    const state = await seedDemo(client, logger, {
      ...demoPolicy,
      debriefEvery: '10 seconds',
      debriefGrace: '5 seconds',
      pay: null,
    });
    // Someone the newcomer hires by hand, as the coordinator the demo made for them: the demo never acts for them.
    const admin = new ApiClient(harness);
    const coordinator = admin.as(state.coordinators[0].token);
    const program = await admin.ok('GET', `/api/programs/${state.programIds[0]}`);
    const mine = (await coordinator.apply(program.id)).body.id as string;
    await coordinator.hireToActive(program, mine);
    expect((await coordinator.ok('GET', `/api/organizers/${mine}`)).history[0].actorInWords).toBe(
      `${state.coordinators[0].name}, coordinator`,
    );
    await new Promise((r) => setTimeout(r, 35_000));
    // A pulse after a stop in which every period fell overdue: people catch up, late.
    await demoPulse(client, state, logger);
    await demoPulse(client, state, logger);
    const behind: { program_id: string; n: number }[] = await harness.dataSource.query(
      `SELECT program_id, count(*)::int AS n FROM organizers
        WHERE program_id = ANY ($1) AND id <> $2 AND stage = 'active' AND jsonb_array_length(
          jsonb_path_query_array(pending_debrief_periods, '$[*] ? (@.overdue == true)')) > 1
        GROUP BY program_id`,
      [state.programIds, mine],
    );
    // At most the one person per program whose turn it is to have stopped (the one hired by hand is not the demo's).
    for (const row of behind) expect(row.n).toBeLessThanOrEqual(1);
    const late = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM debriefs d JOIN organizers o ON o.id = d.organizer_id
        WHERE o.program_id = ANY ($1) AND d.late`,
      [state.programIds],
    );
    expect(late[0].n).toBeGreaterThan(0);
    // The demo did all it did as "Demo", and nothing for the person hired by hand.
    const { items: users } = await admin.ok('GET', `/api/users?programId=${program.id}`);
    const demo = users.find((u: { name: string }) => u.name === 'Demo');
    const [byWhom] = await harness.dataSource.query(
      `SELECT array_agg(DISTINCT d.submitted_by) AS actors, count(*) FILTER (WHERE o.id = $2)::int AS mine
         FROM debriefs d JOIN organizers o ON o.id = d.organizer_id WHERE o.program_id = $1`,
      [program.id, mine],
    );
    expect(byWhom).toEqual({ actors: [demo.id], mine: 0 });
    const demoPerson = (
      await admin.ok('GET', `/api/programs/${program.id}/organizers?stage=active&limit=5`)
    ).items.find((o: { id: string }) => o.id !== mine);
    const { history } = await admin.ok('GET', `/api/organizers/${demoPerson.id}`);
    expect(history[0].actorInWords).toBe('Demo, coordinator');

    // Its weeks so far are periods of ten seconds, each with its debriefs; while the history is lived, each week that
    // ends gets its weekly report; once it is lived (`historyUntil`), the programs go on at the demo's usual pace, and
    // their later weeks are two minutes long.
    state.historyUntil = Date.now() + 60_000;
    await demoPulse(client, state, logger);
    const fast = await admin.ok('GET', `/api/dashboard/trends?programId=${program.id}&metrics=debriefsDue`);
    expect(fast.weeks.length).toBeGreaterThanOrEqual(3);
    const gaps = fast.weeks.slice(1).map((week: string, i: number) => Date.parse(week) - Date.parse(fast.weeks[i]));
    expect(gaps.every((gap: number) => gap > 0 && gap % 10_000 === 0)).toBe(true);
    expect(await endDemoHistory(client, state, logger)).toBe(false);
    state.historyUntil = Date.now();
    expect(await endDemoHistory(client, state, logger)).toBe(true);
    expect(state.historyUntil).toBeUndefined();
    for (const id of state.programIds)
      expect((await admin.ok('GET', `/api/programs/${id}`)).policy).toMatchObject(demoHistory.pace);
    // Each week lived since the program began has its report to national, named as the weekly series names the week
    // (a ride-along the demo dated before the program began shows in an earlier week, which has none): the week in
    // progress when the history ended too.
    const { createdAt } = await admin.ok('GET', `/api/programs/${program.id}`);
    const reports = await admin.ok('GET', `/api/programs/${program.id}/reports?limit=52`);
    const reported = reports.items.map((r: { weekOf: string }) => r.weekOf).reverse();
    const sinceBegun = fast.weeks.filter((week: string) => Date.parse(week) >= Date.parse(createdAt));
    expect(sinceBegun.length).toBeGreaterThanOrEqual(2);
    expect(reported.slice(0, sinceBegun.length)).toEqual(sinceBegun);
    expect(reports.items.some((r: { submitted: unknown[] }) => r.submitted.length > 0)).toBe(true);
    const [newest] = reports.items;
    expect(await admin.ok('GET', `/api/programs/${program.id}/reports/${newest.weekOf}`)).toEqual(newest);
    const [{ period_week_ms }] = await harness.dataSource.query(`SELECT period_week_ms FROM programs WHERE id = $1`, [
      program.id,
    ]);
    expect(period_week_ms).toBe(120_000);
    // The ten-second weeks lived stay as they were (a season of history behind the demo); the weeks from the change
    // on are two minutes long.
    for (const id of state.programIds) expect(await weeklyRollupDrift(harness.dataSource, id)).toEqual([]);
    // The program's local day its first week began on.
    const { timezone } = await admin.ok('GET', `/api/programs/${program.id}`);
    const from = localDayOf(Date.parse(fast.weeks[0]), timezone);
    const paced = await admin.ok(
      'GET',
      `/api/dashboard/trends?programId=${program.id}&metrics=debriefsDue&from=${from}`,
    );
    const lived = fast.weeks.length - 1;
    const first = paced.weeks.indexOf(fast.weeks[0]);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(paced.weeks.slice(first, first + lived)).toEqual(fast.weeks.slice(0, lived));
    expect(paced.series.debriefsDue.slice(first, first + lived)).toEqual(fast.series.debriefsDue.slice(0, lived));
    const [{ weeks_since: since }] = await harness.dataSource.query(`SELECT weeks_since FROM programs WHERE id = $1`, [
      program.id,
    ]);
    expect(paced.weeks.at(-1)).toBe(since.toISOString());
  }, 120_000);
});
