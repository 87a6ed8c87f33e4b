// The pipeline dashboard against a fixture of known organizers, with every figure worked out by hand below.
import { unreadable } from '../support/unreadable';
import { randomUUID } from 'node:crypto';
import { ApiClient, Program } from '../support/api-client';
import { AppHarness } from '../support/app-harness';

const day = 86_400_000;

describe('pipeline dashboard', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let mop: Program; // the fixture below
  let quiet: Program; // a program with no organizers at all
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * day);

  async function organizer(
    programId: string,
    stage: string,
    o: { daysInStage: number; hired?: boolean; atRisk?: boolean; overdue?: number; rideAlongs?: number },
  ) {
    const id = randomUUID();
    await harness.dataSource.query(
      `INSERT INTO organizers (id, program_id, member_id, name, email, stage, stage_entered_at, applied_at, hired_at, at_risk, overdue_debriefs,
         ride_along_count, totals, version, projected_at)
       VALUES ($1, $2, $3, 'Fixture', 'f@example.org', $4, $5, $6, $7, $8, $9, $10, '{}', 1, now())`,
      [
        id,
        programId,
        `F-${id.slice(0, 8)}`,
        stage,
        ago(o.daysInStage),
        ago(60),
        o.hired ? ago(30) : null,
        o.atRisk ?? false,
        o.overdue ?? 0,
        o.rideAlongs ?? 0,
      ],
    );
    return id;
  }

  async function debrief(
    programId: string,
    organizerId: string,
    endedDaysAgo: number,
    d: { hours: number; conversations: number; group?: boolean; late?: boolean },
  ) {
    await harness.dataSource.query(
      `INSERT INTO debriefs (organizer_id, period_start, program_id, period_end, submitted_at, submitted_by, late, hours, conversations, one_on_ones,
         leaders_identified, in_person, group_debrief)
       VALUES ($1, $2, $3, $4, $4, 'fixture', $5, $6, $7, 2, 1, $8, $8)`,
      [
        organizerId,
        ago(endedDaysAgo + 7),
        programId,
        ago(endedDaysAgo),
        d.late ?? false,
        d.hours,
        d.conversations,
        d.group ?? false,
      ],
    );
  }

  /** Ride-along rows on local days `daysAgo` (negative: in the future). */
  async function rideAlongs(organizerId: string, ...daysAgo: number[]) {
    for (const [i, d] of daysAgo.entries()) {
      const date = ago(d).toISOString().slice(0, 10);
      await harness.dataSource.query(
        `INSERT INTO ride_alongs (organizer_id, key, date, staff, recorded_by) VALUES ($1, $2, $3, 'Jo', 'fixture')`,
        [organizerId, `${date}|jo ${i}`, date],
      );
    }
  }

  beforeAll(async () => {
    harness = await AppHarness.start({}, { worker: false });
    admin = new ApiClient(harness);
    mop = await admin.createProgram({ requiredRideAlongs: 3 }, { name: 'AAA Fixture MOP' });
    quiet = await admin.createProgram({}, { name: 'AAB Fixture quiet' });
    const id = mop.id;
    await organizer(id, 'applied', { daysInStage: 1 });
    await organizer(id, 'applied', { daysInStage: 3 });
    await organizer(id, 'screening', { daysInStage: 10 });
    await organizer(id, 'offered', { daysInStage: 2 });
    await organizer(id, 'training', { daysInStage: 4, hired: true });
    await organizer(id, 'ride_along', { daysInStage: 6, hired: true, rideAlongs: 0 });
    const a1 = await organizer(id, 'active', { daysInStage: 20, hired: true, rideAlongs: 3 });
    const a2 = await organizer(id, 'active', { daysInStage: 10, hired: true, atRisk: true, overdue: 2, rideAlongs: 1 });
    const a3 = await organizer(id, 'active', { daysInStage: 30, hired: true, overdue: 1, rideAlongs: 4 });
    // Ride-alongs in the rolling window after hire (30 days ago) count; one before hire and one in the future do not.
    await rideAlongs(a1, 20, 15, 10);
    await rideAlongs(a2, 5, 40, -300);
    await rideAlongs(a3, 25, 12, 2, 45);
    await organizer(id, 'completed', { daysInStage: 5, hired: true });
    await organizer(id, 'not_selected', { daysInStage: 8 });
    await organizer(id, 'withdrawn', { daysInStage: 9 });
    await organizer(id, 'ineligible', { daysInStage: 12 });
    // Activity: three debriefs end inside the default 28-day window, one ended before it.
    await debrief(id, a1, 3, { hours: 10, conversations: 20, group: true });
    await debrief(id, a1, 10, { hours: 7.5, conversations: 11, late: true });
    await debrief(id, a2, 3, { hours: 4, conversations: 5 });
    await debrief(id, a2, 40, { hours: 100, conversations: 100 });
    await harness.dataSource.query(
      `INSERT INTO notifications (id, organizer_id, program_id, kind, recipient_role, created_at, summary)
       VALUES ($1, $2, $3, 'group_debrief_missing', 'coordinator', $4, 'fixture'), ($5, $2, $3, 'group_debrief_missing', 'coordinator', $6, 'fixture')`,
      [`fixture-${randomUUID()}`, a2, id, ago(5), `fixture-${randomUUID()}`, ago(45)],
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('computes each figure as worked out by hand', async () => {
    const pipeline = await admin.ok('GET', `/api/dashboard/pipeline?programId=${mop.id}`);
    expect(pipeline.programs).toHaveLength(1);
    const [p] = pipeline.programs;
    expect(p.stages).toEqual({
      applied: 2,
      screening: 1,
      role_play: 0,
      offered: 1,
      training: 1,
      ride_along: 1,
      active: 3,
      completed: 1,
      withdrawn: 1,
      terminated: 0,
      not_selected: 1,
      declined: 0,
      ineligible: 1,
    });
    expect(p.applications).toBe(13);
    expect(p.hired).toBe(6); // training, ride_along, three active, completed
    expect(p.conversion).toBe(0.4615); // 6 / 13
    expect(p.overdueDebriefs).toBe(3); // 2 + 1
    expect(p.atRisk).toBe(1);
    expect(p.medianDaysInStage).toEqual({
      applied: 2,
      screening: 10,
      role_play: null,
      offered: 2,
      training: 4,
      ride_along: 6,
      active: 20,
    });
    // And in hours, for waits the page shows in hours (under two days) or minutes.
    expect(p.medianHoursInStage).toEqual({
      applied: 48,
      screening: 240,
      role_play: null,
      offered: 48,
      training: 96,
      ride_along: 144,
      active: 480,
    });
    // meetingRequirement: 3 and 4 of the 3 required (the projected count). Over the window: a1 and a3 have 3 each after
    // hire (meeting); training and ride_along have none, behind an even pace (3 × 30/365) and forecast to miss; a2 has
    // one in 30 days, ahead of the even pace and on course for 12 by the window's close.
    expect(p.rideAlongs).toEqual({ active: 3, meetingRequirement: 2, meeting: 2, behind: 2, forecastMissing: 2 });
    expect(p.groupDebriefsMissing).toBe(1); // the one 45 days ago is outside the window
    expect(p.activity).toEqual({
      debriefs: 3,
      lateDebriefs: 1,
      hours: 21.5,
      conversations: 36,
      oneOnOnes: 6,
      leadersIdentified: 3,
      groupDebriefs: 1,
    });
  });

  it('adds programs up into totals, showing every stage of a program with no organizers as zero', async () => {
    const pipeline = await admin.ok('GET', '/api/dashboard/pipeline');
    const quietFigures = pipeline.programs.find((p: { programId: string }) => p.programId === quiet.id);
    expect(Object.values(quietFigures.stages)).toEqual(Array(13).fill(0));
    expect(quietFigures).toMatchObject({
      applications: 0,
      hired: 0,
      conversion: 0,
      medianDaysInStage: expect.objectContaining({ applied: null }),
    });
    const sum = (key: string) =>
      pipeline.programs.reduce((total: number, p: Record<string, number>) => total + p[key], 0);
    expect(pipeline.totals).toMatchObject({
      applications: sum('applications'),
      hired: sum('hired'),
      overdueDebriefs: sum('overdueDebriefs'),
      atRisk: sum('atRisk'),
    });
    expect(pipeline.totals.stages.active).toBe(
      pipeline.programs.reduce((t: number, p: { stages: { active: number } }) => t + p.stages.active, 0),
    );
  });

  it('shows a coordinator only their programs, and refuses another program', async () => {
    const coordinator = admin.as((await admin.createUser('coordinator', { programIds: [quiet.id] })).token);
    const pipeline = await coordinator.ok('GET', '/api/dashboard/pipeline');
    expect(pipeline.programs.map((p: { programId: string }) => p.programId)).toEqual([quiet.id]);
    expect((await coordinator.call('GET', `/api/dashboard/pipeline?programId=${mop.id}`)).status).toBe(403);
  });

  it('serves the same figures as CSV, one row per program and stage', async () => {
    const csv = await admin.call('GET', `/api/dashboard/pipeline.csv?programId=${mop.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe(
      'program,affiliate,stage,count,medianDaysInStage,medianHoursInStage,applications,hired,conversion,overdueDebriefs,atRisk,rideAlongsMeeting,rideAlongsBehind,rideAlongsForecastMissing,debriefs,lateDebriefs,hours,conversations,oneOnOnes,leadersIdentified,groupDebriefs',
    );
    expect(lines).toHaveLength(1 + 13);
    expect(lines).toContain('AAA Fixture MOP,AFT Local 1,active,3,20,480,13,6,0.4615,3,1,2,2,2,3,1,21.5,36,6,3,1');
    expect(lines).toContain('AAA Fixture MOP,AFT Local 1,terminated,0,,,13,6,0.4615,3,1,2,2,2,3,1,21.5,36,6,3,1');
    expect(unreadable(String(csv.body))).toEqual([]);
  });

  it('refuses a window that ends before it starts', async () => {
    const response = await admin.call('GET', '/api/dashboard/pipeline?from=2027-02-01&to=2027-01-01');
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'from must not be after to',
      problems: [{ field: 'from', reason: 'must not be after to' }],
    });
    const invalid = await admin.call('GET', '/api/dashboard/pipeline?from=2027-02-30');
    expect(invalid.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'from must be a day such as 2027-03-01',
      problems: [{ field: 'from', reason: 'must be a day such as 2027-03-01' }],
    });
  });
});
