// The weekly series against a fixture of known organizers in New York, every figure worked out by hand below. The
// fixture spans the week daylight saving time ends (Monday 26 October 2026 to Monday 2 November: 169 hours) and a
// paused organizer (no period owed while paused). The rollups are kept by triggers on the records, so the fixture
// writes records only, as a projection would; corrections (a late debrief, a removal) must leave the sums true.
import { randomUUID } from 'node:crypto';
import { ApiClient, Program } from '../support/api-client';
import { aFastPolicy } from '../support/builders';
import { weeklyRollupDrift } from '../support/weekly-rollups';
import { AppHarness } from '../support/app-harness';
import { anaAndBen, recordsIn, W1, W2, W3 } from '../support/week-fixture';
import { lastTwoWeeks, programWeekOf } from '../../src/domain/trends';
import { localDayOf, startOfLocalDay } from '../../src/domain/calendar';
import { eraseOrganizer } from '../../src/repositories/organizer-erasure';

describe('weekly trends', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;
  let ana: string;

  const q = (sql: string, parameters: unknown[] = []) => harness.dataSource.query(sql, parameters);

  const trends = (query: string) => admin.ok('GET', `/api/dashboard/trends?programId=${program.id}&${query}`);

  beforeAll(async () => {
    harness = await AppHarness.start({}, { worker: false });
    admin = new ApiClient(harness);
    program = await admin.createProgram({}, { timezone: 'America/New_York' });
    ({ ana } = await anaAndBen(harness.dataSource, program.id));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it("names weeks by the program's local Mondays and fills the weeks nothing happened in", async () => {
    const { weeks } = await trends(`from=${W1}&metrics=applications`);
    // From W1 to the week Ben became at risk (the current one), every Monday.
    expect(weeks.slice(0, 4)).toEqual([W1, W2, W3, '2026-11-09']);
    const monday = new Date(weeks.at(-1) + 'T12:00:00Z');
    expect(monday.getUTCDay()).toBe(1);
    expect(Date.now() - monday.getTime()).toBeLessThan(8 * 86_400_000);
  });

  it('computes each figure as worked out by hand', async () => {
    const { weeks, series } = await trends(`from=${W1}&until=2026-11-09`);
    expect(weeks).toEqual([W1, W2, W3]);
    expect(series.applications).toEqual([1, 1, 0]);
    expect(series.hires).toEqual([0, 1, 0]);
    expect(series['inStage.applied']).toEqual([0, 1, 0]);
    expect(series['inStage.screening']).toEqual([1, 0, 1]);
    expect(series['inStage.training']).toEqual([0, 1, 1]);
    // Ana 48 h in applied (W1) and 145 h in screening (W2); Ben 168 h in applied (W3), across the hour clocks went
    // back: 08:00 EDT to 07:00 EST a week later.
    expect(series['medianHoursInStage.applied']).toEqual([48, null, 168]);
    expect(series['medianHoursInStage.screening']).toEqual([null, 145, null]);
    expect(series.debriefsDue).toEqual([1, 1, 2]);
    expect(series.debriefsOnTime).toEqual([1, 0, 0]);
    expect(series.debriefsLate).toEqual([0, 1, 0]);
    expect(series.debriefsMissing).toEqual([0, 0, 1]);
    // W3: Ana's missing, Ben's still within its grace (not counted yet).
    expect(series.onTimeRate).toEqual([1, 0, 0]);
    expect(series.hours).toEqual([10, 5, 0]);
    expect(series.conversations).toEqual([20, 8, 0]);
    expect(series.oneOnOnes).toEqual([2, 1, 0]);
    expect(series.leadersIdentified).toEqual([1, 0, 0]);
    expect(series.rideAlongs).toEqual([0, 1, 0]);
    // Ana, hired in W2, owes the member-organizer program's three ride-alongs and has had one; no one owed any in W1.
    expect(series.rideAlongCompliance).toEqual([null, 0, 0]);
    expect(series.atRisk).toEqual([0, 0, 0]);
    const now = await trends(`metrics=atRisk`);
    expect(now.series.atRisk.at(-1)).toBe(1);
    // One program's weeks come with its time zone (a period's start is named in it); every program's without one.
    expect(now.timezone).toBe('America/New_York');
    expect((await admin.ok('GET', '/api/dashboard/trends?metrics=hires')).timezone).toBeUndefined();
  });

  it("gives one Local's weeks, and one organizer's own", async () => {
    const local = await trends(`from=${W1}&until=2026-11-09&local=${encodeURIComponent('Local 2')}`);
    // From the week `from` names, though nothing happened in Local 2 before W2.
    expect(local.weeks).toEqual([W1, W2, W3]);
    expect(local.series.applications).toEqual([0, 1, 0]);
    expect(local.series['inStage.applied']).toEqual([0, 1, 0]);
    expect(local.series.debriefsDue).toEqual([0, 0, 1]);
    const own = await admin.ok('GET', `/api/organizers/${ana}/trends?from=${W1}&until=2026-11-09`);
    expect(own.weeks).toEqual([W1, W2, W3]);
    expect(own.series.debriefsOnTime).toEqual([1, 0, 0]);
    expect(own.series.debriefsLate).toEqual([0, 1, 0]);
    expect(own.series.debriefsMissing).toEqual([0, 0, 1]);
    expect(own.series.rideAlongs).toEqual([0, 1, 0]);
    expect(own.series.hours).toEqual([10, 5, 0]);
    expect(Object.keys(own.series)).not.toContain('applications');
  });

  it("counts ride-along compliance at each week's end, from each person's stage and ride-alongs then", async () => {
    const chicago = await admin.createProgram({ requiredRideAlongs: 2, rideAlongWindow: '7 days' });
    const { organizer, transitions, q: write } = recordsIn(harness.dataSource, chicago.id);
    const rideAlong = (who: string, date: string) =>
      write(
        `INSERT INTO ride_alongs (organizer_id, key, date, staff, recorded_by) VALUES ($1, $2, $2, 'Jo', 'fixture')`,
        [who, date],
      );
    // Cy (Local A), hired Tuesday of W1: two ride-alongs that week, none in W2 (the seven days before W2's end), one
    // in W3. Dee (Local B), hired in W2 with two that week, terminated in W3 (owing nothing after). Eve never hired.
    const cy = await organizer({
      local: 'Local A',
      stage: 'training',
      applied: '2026-10-19T15:00:00Z',
      since: '2026-10-20T15:00:00Z',
      hired: '2026-10-20T15:00:00Z',
    });
    await transitions(cy, [
      [null, 'applied', '2026-10-19T15:00:00Z'],
      ['applied', 'training', '2026-10-20T15:00:00Z'],
    ]);
    for (const date of ['2026-10-21', '2026-10-25', '2026-11-05']) await rideAlong(cy, date);
    const dee = await organizer({
      local: 'Local B',
      stage: 'terminated',
      applied: '2026-10-26T15:00:00Z',
      since: '2026-11-04T15:00:00Z',
      hired: '2026-10-27T15:00:00Z',
    });
    await transitions(dee, [
      [null, 'applied', '2026-10-26T15:00:00Z'],
      ['applied', 'training', '2026-10-27T15:00:00Z'],
      ['training', 'terminated', '2026-11-04T15:00:00Z'],
    ]);
    for (const date of ['2026-10-28', '2026-11-01']) await rideAlong(dee, date);
    const eve = await organizer({ local: 'Local B', stage: 'applied', applied: '2026-10-20T15:00:00Z' });
    await transitions(eve, [[null, 'applied', '2026-10-20T15:00:00Z']]);

    const weeksOf = (path: string) => admin.ok('GET', `${path}from=${W1}&until=2026-11-09&metrics=rideAlongCompliance`);
    const all = await weeksOf(`/api/dashboard/trends?programId=${chicago.id}&`);
    expect(all.weeks).toEqual([W1, W2, W3]);
    expect(all.series.rideAlongCompliance).toEqual([1, 0.5, 0]);
    const localB = await weeksOf(`/api/dashboard/trends?programId=${chicago.id}&local=Local%20B&`);
    expect(localB.series.rideAlongCompliance).toEqual([null, 1, null]);
    expect((await weeksOf(`/api/organizers/${dee}/trends?`)).series.rideAlongCompliance).toEqual([null, 1, null]);
    expect((await weeksOf(`/api/organizers/${cy}/trends?`)).series.rideAlongCompliance).toEqual([1, 0, 0]);
  });

  it("puts each goal's actual at each week's end against its plan", async () => {
    const goals = await admin.ok('POST', '/api/programs', {
      name: `Goals by week ${randomUUID().slice(0, 6)}`,
      affiliate: 'AFT Local 1',
      kind: 'member_organizer',
      timezone: 'America/New_York',
      termStart: W1,
      termEnd: '2026-11-08',
      goals: [
        { name: 'Hires', metric: 'hires', scope: 'program', target: 2 },
        { name: 'Conversations a week', metric: 'conversations', scope: 'organizer_week', target: 10 },
        { name: 'Leaders', metric: 'leaders_identified', scope: 'local', target: 2 },
      ],
    });
    const { organizer, debrief, q: write } = recordsIn(harness.dataSource, goals.id);
    // Fay (Local 1) active from W1's first moment, hired that Tuesday: 12 conversations and a leader in W1, 6 and a
    // leader in W2. Gus (Local 2) active and hired from W2's first moment: 8 conversations in W2. Nothing in W3.
    const fay = await organizer({
      local: 'Local 1',
      stage: 'active',
      applied: '2026-10-19T15:00:00Z',
      hired: '2026-10-20T15:00:00Z',
    });
    const gus = await organizer({
      local: 'Local 2',
      stage: 'active',
      applied: '2026-10-26T04:00:00Z',
      hired: '2026-10-26T04:00:00Z',
    });
    await write(`UPDATE organizers SET active_since = $2 WHERE id = $1`, [fay, '2026-10-19T04:00:00Z']);
    await write(`UPDATE organizers SET active_since = $2 WHERE id = $1`, [gus, '2026-10-26T04:00:00Z']);
    await debrief(fay, '2026-10-23T21:00:00Z', { hours: 1, conversations: 12, oneOnOnes: 0, leaders: 1 });
    await debrief(fay, '2026-10-30T21:00:00Z', { hours: 1, conversations: 6, oneOnOnes: 0, leaders: 1 });
    await debrief(gus, '2026-10-30T21:00:00Z', { hours: 1, conversations: 8, oneOnOnes: 0, leaders: 0 });
    // Hal (Local 3) only applied: Local 3 has no leaders to count and no goal of its own.
    await organizer({ local: 'Local 3', stage: 'applied', applied: '2026-10-27T15:00:00Z' });

    const window = `from=${W1}&until=2026-11-09`;
    const { weeks, goals: byWeek } = await admin.ok('GET', `/api/dashboard/trends?programId=${goals.id}&${window}`);
    expect(weeks).toEqual([W1, W2, W3]);
    // The plan reaches each target on 9 November at 00:00 (the term's last day over): 505 hours from the term's start,
    // the week the clocks go back having 169. W1 ends at hour 168 (a third), W2 at 337.
    expect(byWeek).toEqual([
      expect.objectContaining({ goal: 'Hires', scope: 'program', actual: [1, 2, 2], plan: [0.7, 1.3, 2] }),
      // The pace so far at each week's end, in conversations per active organizer-week of 168 hours (as the goals
      // endpoint measures it): 12 in Fay's first week; 26 in Fay's 337 hours and Gus's 169 (W2 has 169 hours) =
      // 26 / 3.012 = 8.6; 26 in 505 + 337 hours = 26 / 5.012 = 5.2.
      expect.objectContaining({ goal: 'Conversations a week', actual: [12, 8.6, 5.2], plan: [10, 10, 10] }),
      expect.objectContaining({ goal: 'Leaders', local: 'Local 1', actual: [1, 2, 2], plan: [0.7, 1.3, 2] }),
      expect.objectContaining({ goal: 'Leaders', local: 'Local 2', actual: [0, 0, 0], plan: [0.7, 1.3, 2] }),
    ]);
    // The last week's count is the goal's progress so far.
    const progress = await admin.ok('GET', `/api/programs/${goals.id}/goals`);
    expect(progress.items.find((g: { goal: string }) => g.goal === 'Hires').actual).toBe(2);

    const local2 = await admin.ok('GET', `/api/dashboard/trends?programId=${goals.id}&${window}&local=Local%202`);
    expect(local2.goals.map((g: { local?: string }) => g.local)).toEqual(['Local 2']);
    const csv = await admin.call('GET', `/api/dashboard/trends.csv?programId=${goals.id}&${window}&metrics=goals`);
    expect(String(csv.body).split('\r\n').slice(0, 2)).toEqual([
      'week,Hires actual,Hires plan,Conversations a week actual,Conversations a week plan,Leaders (Local 1) actual,' +
        'Leaders (Local 1) plan,Leaders (Local 2) actual,Leaders (Local 2) plan',
      `${W1},1,0.7,12,10,1,0.7,0,0.7`,
    ]);
    const without = await admin.ok('GET', `/api/dashboard/trends?programId=${goals.id}&metrics=hires`);
    expect(without.goals).toBeUndefined();
  });

  it('counts pay in the week it was approved, and moves it when the approval does', async () => {
    const period = (start: string, approvedAt: string | null) =>
      q(
        `INSERT INTO pay_periods (organizer_id, period_start, program_id, period_end, status, debrief_starts, amount_minor,
           allowances_minor, mileage_minor, currency, approved_at, version)
         VALUES ($1, $2, $3, $2::timestamptz + interval '7 days', $4, '[]', 10000, 500, 250, 'USD', $5, 1)`,
        [ana, start, program.id, approvedAt ? 'approved' : 'submitted', approvedAt],
      );
    await period('2026-10-19T04:00:00Z', '2026-10-28T15:00:00Z');
    await period('2026-10-26T04:00:00Z', null);
    const before = await trends(`from=${W1}&until=2026-11-09&metrics=payApprovedMinor`);
    expect(before.series.payApprovedMinor).toEqual([0, 10_750, 0]);
    await q(
      `UPDATE pay_periods SET approved_at = '2026-11-03T15:00:00Z', status = 'approved' WHERE organizer_id = $1 AND approved_at IS NULL`,
      [ana],
    );
    const after = await trends(`from=${W1}&until=2026-11-09&metrics=payApprovedMinor`);
    expect(after.series.payApprovedMinor).toEqual([0, 10_750, 10_750]);
    const own = await admin.ok(
      'GET',
      `/api/organizers/${ana}/trends?from=${W1}&until=2026-11-09&metrics=payApprovedMinor`,
    );
    expect(own.series.payApprovedMinor).toEqual([0, 10_750, 10_750]);
    expect(await weeklyRollupDrift(harness.dataSource, program.id)).toEqual([]);
  });

  it('stays true when a missing debrief comes in late and a debrief is taken back', async () => {
    const { debrief } = recordsIn(harness.dataSource, program.id);
    await debrief(ana, '2026-11-06T22:00:00Z', { late: true, hours: 3, conversations: 4, oneOnOnes: 0, leaders: 2 });
    await q(`UPDATE organizers SET pending_debrief_periods = '[]', version = 2 WHERE id = $1`, [ana]);
    await q(`DELETE FROM debriefs WHERE organizer_id = $1 AND period_end = '2026-11-02T04:30:00Z'`, [ana]);
    await q(`DELETE FROM ride_alongs WHERE organizer_id = $1`, [ana]);
    const { series } = await trends(`from=${W1}&until=2026-11-09`);
    expect(series.debriefsDue).toEqual([1, 0, 2]);
    expect(series.debriefsLate).toEqual([0, 0, 1]);
    expect(series.debriefsMissing).toEqual([0, 0, 0]);
    expect(series.hours).toEqual([10, 0, 3]);
    expect(series.leadersIdentified).toEqual([1, 0, 2]);
    expect(series.rideAlongs).toEqual([0, 0, 0]);
    expect(await weeklyRollupDrift(harness.dataSource, program.id)).toEqual([]);
    // The oracle sees a rollup changed behind the records' back.
    await q(`UPDATE program_weeks SET hours = hours + 1 WHERE program_id = $1 AND week = $2`, [program.id, W1]);
    expect(await weeklyRollupDrift(harness.dataSource, program.id)).toEqual([expect.stringContaining(W1)]);
    await q(`UPDATE program_weeks SET hours = hours - 1 WHERE program_id = $1 AND week = $2`, [program.id, W1]);
  });

  it('keeps each stay in a stage as transitions are corrected, and as their person moves Local or is erased', async () => {
    const { organizer, transitions } = recordsIn(harness.dataSource, program.id);
    const september = '2026-09-07';
    const hour = (h: number) => new Date(Date.parse('2026-09-08T12:00:00Z') + h * 3_600_000).toISOString();
    const cy = await organizer({ local: 'Local 3', stage: 'role_play', applied: hour(0), since: hour(72) });
    await transitions(cy, [
      [null, 'applied', hour(0)],
      ['applied', 'screening', hour(24)],
      ['screening', 'role_play', hour(72)],
    ]);
    const medians = async (local: string) => {
      const { series } = await trends(
        `from=${september}&until=2026-09-14&local=${encodeURIComponent(local)}&metrics=medianHoursInStage`,
      );
      return [series['medianHoursInStage.applied'][0], series['medianHoursInStage.screening'][0]];
    };
    expect(await medians('Local 3')).toEqual([24, 48]);
    // An entry within a stage moves no one; a transition written again later (as the reconciler does) moves the stay.
    await q(
      `INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor) VALUES ($1, 4, 'role_play', 'role_play', $2, 'fixture')`,
      [cy, hour(80)],
    );
    await q(`UPDATE stage_transitions SET at = $2 WHERE organizer_id = $1 AND seq = 3`, [cy, hour(96)]);
    expect(await medians('Local 3')).toEqual([24, 72]);
    // A transition moved earlier in time ends one stay and starts the next.
    await q(`UPDATE stage_transitions SET at = $2 WHERE organizer_id = $1 AND seq = 2`, [cy, hour(36)]);
    expect(await medians('Local 3')).toEqual([36, 60]);
    expect(await weeklyRollupDrift(harness.dataSource, program.id)).toEqual([]);
    // The move to role-play taken back (as an undo does): the stay in Screening has not ended.
    await q(`DELETE FROM stage_transitions WHERE organizer_id = $1 AND seq >= 3`, [cy]);
    await q(`UPDATE organizers SET stage = 'screening', stage_entered_at = $2 WHERE id = $1`, [cy, hour(36)]);
    expect(await medians('Local 3')).toEqual([36, null]);
    expect(await weeklyRollupDrift(harness.dataSource, program.id)).toEqual([]);
    await q(`UPDATE organizers SET local = 'Local 4' WHERE id = $1`, [cy]);
    expect(await medians('Local 3')).toEqual([null, null]);
    expect(await medians('Local 4')).toEqual([36, null]);
    const anonymous = randomUUID();
    expect(await eraseOrganizer(harness.dataSource, cy, anonymous)).toBe(true);
    const kept = `SELECT count(*)::int AS n FROM stage_stays WHERE organizer_id = $1`;
    expect([(await q(kept, [cy]))[0].n, (await q(kept, [anonymous]))[0].n]).toEqual([0, 1]);
    expect(await medians('Local 4')).toEqual([36, null]);
    expect(await weeklyRollupDrift(harness.dataSource, program.id)).toEqual([]);
    // The oracle sees a stay changed behind the records' back.
    await q(`UPDATE stage_stays SET hours = hours + 1 WHERE organizer_id = $1`, [anonymous]);
    expect(await weeklyRollupDrift(harness.dataSource, program.id)).toEqual([
      expect.stringContaining('not kept'),
      expect.stringContaining('kept, not in the records'),
    ]);
    await q(`UPDATE stage_stays SET hours = hours - 1 WHERE organizer_id = $1`, [anonymous]);
  });

  it('counts debrief periods as weeks where the cadence is shorter than a week', async () => {
    const fast = await admin.createProgram(aFastPolicy({ debriefEvery: '10 minutes' }));
    const [{ created_at: created }] = await q(`SELECT created_at FROM programs WHERE id = $1`, [fast.id]);
    const id = randomUUID();
    // Ten-minute weeks counted from the program's creation: an application 25 minutes before it is in the week that
    // began 30 minutes before.
    const appliedAt = new Date(created.getTime() - 25 * 60_000);
    await q(
      `INSERT INTO organizers (id, program_id, member_id, name, email, stage, stage_entered_at, applied_at, totals, version, projected_at)
       VALUES ($1, $2, $3, 'Fixture', 'f@example.org', 'applied', $4, $4, '{}', 1, now())`,
      [id, fast.id, `T-${id.slice(0, 8)}`, appliedAt],
    );
    await q(
      `INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor) VALUES ($1, 1, NULL, 'applied', $2, 'fixture')`,
      [id, appliedAt],
    );
    const { weeks, series } = await admin.ok('GET', `/api/dashboard/trends?programId=${fast.id}&metrics=applications`);
    expect(weeks[0]).toBe(new Date(created.getTime() - 30 * 60_000).toISOString());
    expect(series.applications[0]).toBe(1);
    // Through the week in progress, nothing later.
    expect(weeks.at(-1)).toBe(new Date(created.getTime()).toISOString());

    // A policy that makes its weeks calendar weeks counts every record again in those weeks (the two kinds of week
    // never share a history: their names order them).
    await q(
      `INSERT INTO debriefs (organizer_id, period_start, program_id, period_end, submitted_at, submitted_by, late, hours,
         conversations, one_on_ones, leaders_identified, in_person, group_debrief)
       VALUES ($1, $2::timestamptz - interval '10 minutes', $3, $2, $2, 'fixture', false, 2, 3, 0, 0, false, false)`,
      [id, appliedAt, fast.id],
    );
    await admin.ok('PATCH', `/api/programs/${fast.id}`, { policy: { debriefEvery: '7 days' } });
    expect(await weeklyRollupDrift(harness.dataSource, fast.id)).toEqual([]);
    const weekly = await admin.ok('GET', `/api/dashboard/trends?programId=${fast.id}&metrics=applications,hours`);
    expect(weekly.weeks.every((week: string) => /^\d{4}-\d{2}-\d{2}$/.test(week))).toBe(true);
    expect(weekly.series.applications.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    expect(weekly.series.hours.reduce((a: number, b: number) => a + b, 0)).toBe(2);
  });

  it("bounds debrief periods by the program's local days, from and until", async () => {
    // Tokyo's midnight is 15:00 UTC the day before: a period's name (its start, in UTC) is not its local day.
    const daily = await admin.createProgram(aFastPolicy({ debriefEvery: '1 day' }), { timezone: 'Asia/Tokyo' });
    const [row] = await q(`SELECT created_at, period_week_ms, weeks_since FROM programs WHERE id = $1`, [daily.id]);
    const schedule = { timezone: 'Asia/Tokyo', periodWeekMs: row.period_week_ms, weeksSince: row.weeks_since };
    await recordsIn(harness.dataSource, daily.id).organizer({
      local: 'Local 9',
      stage: 'applied',
      applied: new Date(row.created_at.getTime() - 6 * 86_400_000).toISOString(),
    });
    const day = (daysBefore: number) => localDayOf(row.created_at.getTime() - daysBefore * 86_400_000, 'Asia/Tokyo');
    const [from, until] = [day(4), day(2)];
    const { weeks } = await admin.ok(
      'GET',
      `/api/dashboard/trends?programId=${daily.id}&metrics=applications&from=${from}&until=${until}`,
    );
    // Periods starting on or after the first day's midnight there, and before the second's.
    const [start, end] = [startOfLocalDay(from, 'Asia/Tokyo'), startOfLocalDay(until, 'Asia/Tokyo')];
    const expected: string[] = [];
    for (let at = programWeekOf(schedule, start).start.getTime(); at < end; at += row.period_week_ms)
      if (at >= start) expected.push(new Date(at).toISOString());
    expect(expected).toHaveLength(2);
    expect(weeks).toEqual(expected);
  });

  it('keeps the weeks already begun when a change of cadence makes its periods longer, with who was at risk', async () => {
    const fast = await admin.createProgram(aFastPolicy({ debriefEvery: '10 minutes' }));
    const [{ created_at: created }] = await q(`SELECT created_at FROM programs WHERE id = $1`, [fast.id]);
    const { organizer, transitions, debrief } = recordsIn(harness.dataSource, fast.id);
    const at = (minutes: number) => new Date(created.getTime() + minutes * 60_000).toISOString();
    // Two ten-minute weeks behind it: an application in each, a debrief in the first, someone at risk in the second.
    const ann = await organizer({ local: 'Local 1', stage: 'applied', applied: at(-15) });
    const bo = await organizer({ local: 'Local 1', stage: 'applied', applied: at(-5) });
    await transitions(ann, [[null, 'applied', at(-15)]]);
    await transitions(bo, [[null, 'applied', at(-5)]]);
    const figures = { conversations: 0, oneOnOnes: 0, leaders: 0 };
    await debrief(ann, at(-12), { hours: 4, ...figures });
    await q(`UPDATE organizers SET at_risk = true WHERE id = $1`, [ann]);
    const weekNames = [at(-20), at(-10), at(0)];
    const before = await admin.ok(
      'GET',
      `/api/dashboard/trends?programId=${fast.id}&metrics=applications,hours,atRisk`,
    );
    expect(before.weeks).toEqual(weekNames);
    expect(before.series.atRisk).toEqual([0, 0, 1]);

    await admin.ok('PATCH', `/api/programs/${fast.id}`, { policy: { debriefEvery: '1 hour' } });
    const after = await admin.ok('GET', `/api/dashboard/trends?programId=${fast.id}&metrics=applications,hours,atRisk`);
    // The ten-minute weeks keep their names and figures, and who was at risk in them; the weeks from the change on
    // are an hour long, the first starting at the change.
    const [{ weeks_since: since }] = await q(`SELECT weeks_since FROM programs WHERE id = $1`, [fast.id]);
    expect(after.weeks).toEqual([...weekNames, since.toISOString()]);
    expect(after.series.applications).toEqual([1, 1, 0, 0]);
    expect(after.series.hours).toEqual([4, 0, 0, 0]);
    expect(after.series.atRisk).toEqual([0, 0, 1, 1]);
    expect(await weeklyRollupDrift(harness.dataSource, fast.id)).toEqual([]);
    // A record of an instant before the change is counted in the week it fell in then.
    await debrief(ann, at(-2), { hours: 3, ...figures });
    const later = await admin.ok('GET', `/api/dashboard/trends?programId=${fast.id}&metrics=hours`);
    expect(later.series.hours[later.weeks.indexOf(weekNames[1])]).toBe(3);
    expect(await weeklyRollupDrift(harness.dataSource, fast.id)).toEqual([]);
  });

  it('serves any chart as CSV, a row per week and a column per series', async () => {
    const csv = await admin.call(
      'GET',
      `/api/dashboard/trends.csv?programId=${program.id}&from=${W1}&until=2026-11-09&metrics=debriefsDue,onTimeRate,hours`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // As corrected by the test before: W2's debrief taken back, W3's come in late.
    expect(String(csv.body).split('\r\n')).toEqual([
      'week,debriefsDue,onTimeRate,hours',
      `${W1},1,1,10`,
      `${W2},0,,0`,
      `${W3},2,0,3`,
      '',
    ]);
    const own = await admin.call(
      'GET',
      `/api/organizers/${ana}/trends.csv?from=${W1}&until=2026-11-09&metrics=debriefsLate`,
    );
    expect(String(own.body)).toBe(`week,debriefsLate\r\n${W1},0\r\n${W2},0\r\n${W3},1\r\n`);
  });

  it("puts each program's last whole week beside the week before it, filtered by affiliate and kind", async () => {
    // Goals due before these weeks, so their plan is the whole target: one hire (made in the latest week) and six
    // conversations (had in the week before).
    const side = await admin.createProgram(
      {},
      {
        affiliate: 'Side Local 5',
        kind: 'political_organizer',
        goals: [
          { name: 'Hires', metric: 'hires', scope: 'program', target: 1, by: '2026-06-01' },
          { name: 'Conversations', metric: 'conversations', scope: 'program', target: 6, by: '2026-06-01' },
        ],
      },
    );
    const [row] = await q(`SELECT timezone, period_week_ms, weeks_since FROM programs WHERE id = $1`, [side.id]);
    const [previous, latest] = lastTwoWeeks(
      { timezone: row.timezone, periodWeekMs: row.period_week_ms, weeksSince: row.weeks_since },
      Date.now(),
    );
    const at = (week: { start: Date }, hours: number) =>
      new Date(week.start.getTime() + hours * 3_600_000).toISOString();
    const { organizer, transitions, debrief } = recordsIn(harness.dataSource, side.id);
    const cy = await organizer({
      local: 'Local 5',
      stage: 'training',
      applied: at(previous, 10),
      since: at(latest, 30),
      hired: at(latest, 30),
    });
    await transitions(cy, [
      [null, 'applied', at(previous, 10)],
      ['applied', 'training', at(latest, 30)],
    ]);
    await debrief(cy, at(previous, 100), { hours: 4, conversations: 6, oneOnOnes: 1, leaders: 0 });
    const dee = await organizer({ local: 'Local 5', stage: 'applied', applied: at(latest, 2) });
    await transitions(dee, [[null, 'applied', at(latest, 2)]]);
    // Two screened weeks before, nobody since: counted in both weeks' people per stage, not as applications.
    for (const weeksBefore of [2, 4]) {
      const earlier = at(previous, -weeksBefore * 7 * 24);
      const screened = at(previous, -weeksBefore * 7 * 24 + 1);
      await transitions(await organizer({ local: 'Local 5', stage: 'screening', applied: earlier, since: screened }), [
        [null, 'applied', earlier],
        ['applied', 'screening', screened],
      ]);
    }

    const { programs } = await admin.ok('GET', `/api/dashboard/weeks?affiliate=${encodeURIComponent('Side Local 5')}`);
    expect(programs.map((p: { programId: string }) => p.programId)).toEqual([side.id]);
    const [p] = programs;
    expect([p.previousWeek, p.week, p.timezone]).toEqual([previous.week, latest.week, row.timezone]);
    expect(p.previous).toMatchObject({
      applications: 1,
      hires: 0,
      debriefsOnTime: 1,
      conversations: 6,
      'inStage.applied': 1,
      'inStage.screening': 2,
    });
    expect(p.latest).toMatchObject({
      applications: 1,
      hires: 1,
      debriefsOnTime: 0,
      'inStage.applied': 1,
      'inStage.screening': 2,
      'inStage.training': 1,
      // Cy, hired this week, owes the political program's two ride-alongs and has had none.
      rideAlongCompliance: 0,
    });
    expect(p.previous.rideAlongCompliance).toBeNull();
    // Goals on plan at each week's end: conversations only the week before, both since the hire.
    expect([p.previous.goalsOnPlan, p.latest.goalsOnPlan]).toEqual([0.5, 1]);
    // Cy's stay in applied ended in the latest week: from hour 10 of the week before to hour 30 of this one.
    const weekHours = (latest.start.getTime() - previous.start.getTime()) / 3_600_000;
    expect(p.latest['medianHoursInStage.applied']).toBe(weekHours - 10 + 30);
    expect(p.previous['medianHoursInStage.applied']).toBeNull();
    const byKind = await admin.ok('GET', `/api/dashboard/weeks?kind=political_organizer`);
    expect(byKind.programs.map((p: { programId: string }) => p.programId)).toContain(side.id);
    expect(byKind.programs.map((p: { programId: string }) => p.programId)).not.toContain(program.id);
    const wrongKind = await admin.call('GET', `/api/dashboard/weeks?kind=choir`);
    expect(wrongKind.status).toBe(400);
    expect(JSON.stringify(wrongKind.body)).toContain('kind');

    // A program whose weeks are debrief periods (a day long here), beside the others: its last whole period.
    const daily = await admin.createProgram(aFastPolicy({ debriefEvery: '1 day' }), { affiliate: 'Daily Local 6' });
    const [days] = await q(`SELECT timezone, period_week_ms, weeks_since FROM programs WHERE id = $1`, [daily.id]);
    const [, lastDay] = lastTwoWeeks(
      { timezone: days.timezone, periodWeekMs: days.period_week_ms, weeksSince: days.weeks_since },
      Date.now(),
    );
    await recordsIn(harness.dataSource, daily.id).organizer({
      local: 'Local 6',
      stage: 'applied',
      applied: at(lastDay, 1),
    });
    const periods = await admin.ok('GET', `/api/dashboard/weeks?affiliate=${encodeURIComponent('Daily Local 6')}`);
    expect(periods.programs).toEqual([
      expect.objectContaining({ week: lastDay.week, latest: expect.objectContaining({ applications: 1 }) }),
    ]);
    // A program with no measured goal has no figure for them.
    expect(periods.programs[0].latest.goalsOnPlan).toBeNull();
  });

  it('refuses what it cannot answer, naming the field', async () => {
    const unknown = await admin.call('GET', `/api/dashboard/trends?metrics=applications,speed`);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('metrics');
    expect(JSON.stringify(unknown.body)).toContain('speed');
    const backwards = await admin.call('GET', `/api/dashboard/trends?from=2026-11-09&until=2026-11-02`);
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('from');
    // Compliance is counted from each person's records at each week's end: for one program at a time.
    const everyone = await admin.call('GET', `/api/dashboard/trends?metrics=rideAlongCompliance`);
    expect(everyone.status).toBe(400);
    expect(JSON.stringify(everyone.body)).toContain('metrics');
    const notADay = await admin.call('GET', `/api/organizers/${ana}/trends?until=soon`);
    expect(notADay.status).toBe(400);
    expect(JSON.stringify(notADay.body)).toContain('until');
    const noOne = await admin.call('GET', `/api/organizers/${randomUUID()}/trends`);
    expect(noOne.status).toBe(404);
  });
});
