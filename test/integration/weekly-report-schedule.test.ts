// The weekly report's Temporal Schedule on the dev server: created with the program, stopped after its term, and
// when it fires the week's row is written and mailed to the program's national contact.
import { lastWholeWeek, localDayOf } from '../../src/domain/calendar';
import { weeklyReportScheduleId } from '../../src/contracts/ids';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { recordsIn } from '../support/week-fixture';

describe('weekly report schedule (dev server)', () => {
  let harness: AppHarness;
  let admin: ApiClient;

  beforeAll(async () => {
    harness = await AppHarness.start({}, { mail: true });
    admin = new ApiClient(harness);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** Someone hired into the program now: a record of the week in progress, after any week a report is made of. */
  const hireThisWeek = (programId: string) => {
    const now = new Date().toISOString();
    return recordsIn(harness.dataSource, programId).organizer({
      local: 'Local 9',
      stage: 'training',
      applied: now,
      hired: now,
    });
  };

  it('is created with the program, follows its term end, and writes and mails the report when it fires', async () => {
    const program = await admin.createProgram(
      {},
      {
        timezone: 'America/Chicago',
        termEnd: '2027-11-02',
        nationalContactEmail: 'National@Example.org',
        goals: [{ name: 'Hires', metric: 'hires', scope: 'program', target: 12 }],
      },
    );
    expect(program).toMatchObject({ nationalContactEmail: 'national@example.org' });
    const handle = harness.temporal.schedule.getHandle(weeklyReportScheduleId(program.id));
    const described = await handle.describe();
    expect(described.spec.timezone).toBe('America/Chicago');
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({
        dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }],
        hour: [{ start: 6, end: 6, step: 1 }],
      }),
    ]);
    // The term ends at the end of 2 November in Chicago (05:00Z on the 3rd); the schedule stops eight days later.
    expect(described.spec.endAt).toEqual(new Date('2027-11-11T05:00:00.000Z'));
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'weeklyReportWorkflow',
      args: [{ programId: program.id }],
    });
    expect(described.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 86_400_000 });

    await admin.ok('PATCH', `/api/programs/${program.id}`, { termEnd: '2027-12-01' });
    expect((await handle.describe()).spec.endAt).toEqual(new Date('2027-12-10T06:00:00.000Z'));

    // A hire this week, after the week the Schedule reports: not in its goals (they stand as of that week's end).
    await hireThisWeek(program.id);
    await handle.trigger();
    const reports = await eventually('the report row', async () => {
      const list = await admin.ok('GET', `/api/programs/${program.id}/reports`);
      return list.total > 0 && list;
    });
    const week = lastWholeWeek(Date.now(), 'America/Chicago');
    const weekOf = localDayOf(week.start.getTime(), 'America/Chicago');
    expect(reports.items).toEqual([
      {
        weekOf,
        weekStart: week.start.toISOString(),
        weekEnd: week.end.toISOString(),
        submitted: [],
        missing: [],
        totals: { debriefs: 0, hours: 0, conversations: 0, oneOnOnes: 0, leadersIdentified: 0 },
        // Each goal's progress when the report ran.
        goals: [expect.objectContaining({ goal: 'Hires', metric: 'hires', target: 12, actual: 0, onTrack: false })],
        createdAt: expect.any(String),
      },
    ]);
    const { name } = await admin.ok('GET', `/api/programs/${program.id}`);
    const mail = await eventually('the report email', async () =>
      harness.mail.messages.find((m) => m.subject === `Weekly report: ${name}`),
    );
    expect(mail.text).toContain('No debrief fell overdue this week.');
    expect(mail.text).toMatch(/Goals: Hires: 0 of 12, 0 at this pace by 2027-12-01; behind by 12/);
    // Text and HTML, in the program's name, with its List-Id.
    expect(mail.html).toContain('<p>No debrief fell overdue this week.</p>');
    expect(mail.from?.value[0].name).toBe(name);
    expect(mail.headers.get('list')).toMatchObject({ id: { id: expect.stringContaining(program.id) } });
    // The email links to the report's page, which reads it by its week.
    expect(mail.text).toContain(`${harness.config.publicUrl}/#/program/${program.id}/report/${weekOf}`);
    expect(await admin.ok('GET', `/api/programs/${program.id}/reports/${weekOf}`)).toEqual(reports.items[0]);
  });

  it("makes a past week's report on request, once per week whatever is asked, and no week still running", async () => {
    const program = await admin.createProgram(
      {},
      {
        timezone: 'America/Chicago',
        nationalContactEmail: 'n@example.org',
        goals: [{ name: 'Hires', metric: 'hires', scope: 'program', target: 12 }],
      },
    );
    const twoWeeksAgo = localDayOf(Date.now() - 14 * 86_400_000, 'America/Chicago');
    const week = lastWholeWeek(Date.now() - 7 * 86_400_000, 'America/Chicago');
    const weekOf = localDayOf(week.start.getTime(), 'America/Chicago');
    expect((await admin.call('GET', `/api/programs/${program.id}/reports/${weekOf}`)).status).toBe(404);
    // Made today, the program has no week behind it yet.
    const tooEarly = await admin.call('POST', `/api/programs/${program.id}/reports`, { weekOf: twoWeeksAgo });
    expect([tooEarly.status, JSON.stringify(tooEarly.body)]).toEqual([400, expect.stringContaining('program began')]);
    await harness.dataSource.query(`UPDATE programs SET created_at = now() - interval '30 days' WHERE id = $1`, [
      program.id,
    ]);
    // A hire this week: after the reported week, so not in its goals.
    await hireThisWeek(program.id);
    const made = await admin.ok('POST', `/api/programs/${program.id}/reports`, { weekOf: twoWeeksAgo }, [201]);
    expect(made).toMatchObject({ weekOf, weekStart: week.start.toISOString(), weekEnd: week.end.toISOString() });
    const hires = (goals: { metric: string; actual: number }[]) => goals.find((g) => g.metric === 'hires')?.actual;
    expect(hires(made.goals)).toBe(0);
    expect(hires((await admin.ok('GET', `/api/programs/${program.id}/goals`)).items)).toBe(1);
    // Asked again (by another day of the week): the report as it was made and sent; still one row, one email.
    const again = await admin.ok('POST', `/api/programs/${program.id}/reports`, { weekOf }, [201]);
    expect(again).toEqual(made);
    expect((await admin.ok('GET', `/api/programs/${program.id}/reports`)).total).toBe(1);
    const { name } = await admin.ok('GET', `/api/programs/${program.id}`);
    await eventually('the report email', async () =>
      harness.mail.messages.some((m) => m.subject === `Weekly report: ${name}`),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(harness.mail.messages.filter((m) => m.subject === `Weekly report: ${name}`)).toHaveLength(1);

    const thisWeek = await admin.call('POST', `/api/programs/${program.id}/reports`, {
      weekOf: localDayOf(Date.now(), 'America/Chicago'),
    });
    expect(thisWeek.status).toBe(400);
    expect(JSON.stringify(thisWeek.body)).toContain('weekOf');
    expect((await admin.call('GET', `/api/programs/${program.id}/reports/not-a-day`)).status).toBe(404);
  });

  it('reports a week whose time zone changed within it as one week, found by its Monday', async () => {
    const program = await admin.createProgram({}, { timezone: 'America/Chicago' });
    const week = lastWholeWeek(Date.now() - 7 * 86_400_000, 'America/Chicago');
    const monday = localDayOf(week.start.getTime(), 'America/Chicago');
    // The program moved to New York on that week's Wednesday (the change made the era; here it is dated back).
    const changed = new Date(week.start.getTime() + 2 * 86_400_000);
    await harness.dataSource.query(`UPDATE programs SET timezone = 'America/New_York' WHERE id = $1`, [program.id]);
    await harness.dataSource.query(
      `UPDATE program_week_eras SET since = now() - interval '30 days', until = $2 WHERE program_id = $1`,
      [program.id, changed],
    );
    await harness.dataSource.query(
      `UPDATE programs SET weeks_since = $2, created_at = now() - interval '30 days' WHERE id = $1`,
      [program.id, changed],
    );
    const made = await admin.ok('POST', `/api/programs/${program.id}/reports`, { weekOf: monday }, [201]);
    // From Monday in Chicago to Monday in New York, an hour sooner.
    expect(made).toMatchObject({
      weekOf: monday,
      weekStart: week.start.toISOString(),
      weekEnd: new Date(week.end.getTime() - 3_600_000).toISOString(),
    });
    const thursday = localDayOf(week.start.getTime() + 3 * 86_400_000, 'America/New_York');
    expect(await admin.ok('GET', `/api/programs/${program.id}/reports/${thursday}`)).toEqual(made);
    expect((await admin.ok('GET', `/api/programs/${program.id}/reports`)).items).toEqual([made]);
  });
});
