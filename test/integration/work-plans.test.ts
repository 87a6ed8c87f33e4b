// Weekly work plans over HTTP: the organizer (with their own token) or a coordinator sets the plan of the period
// running now, sets it again to change it; the person's record shows it beside what the debrief then reported; a
// plan for a reported period, or for a count the program does not keep, is refused and changes nothing.
import { localDateTime } from '../../src/domain/calendar';
import { ApiClient, footprint, Program } from '../support/api-client';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { ReportActivitiesService } from '../../src/activities/report.activities';
import type { Mailer } from '../../src/mail/mailer';
import { WeeklyReportRepository } from '../../src/repositories/weekly-report.repository';
import { GoalProgressRepository } from '../../src/repositories/goal-progress.repository';
import { ProgramRepository } from '../../src/repositories/program.repository';
import { AuditRepository } from '../../src/repositories/audit.repository';

describe('weekly work plans', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram(
      aFastPolicy({ debriefEvery: '120 seconds', debriefMetrics: ['caucus commitments'] }),
    ));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('sets, changes and shows a plan beside its debrief; refuses one it cannot take', async () => {
    const coordinator = admin.as((await admin.createUser('coordinator', { programIds: [program.id] })).token);
    const { body } = await admin.apply(program.id);
    const active = await coordinator.hireToActive(program, body.id);
    const self = admin.as((await admin.createUser('organizer', { organizerId: body.id })).token);
    const periodStart: string = active.pendingDebriefPeriods[0].start;

    const mine = await self.ok('POST', `/api/organizers/${body.id}/set-work-plan`, {
      targets: { conversations: 10, oneOnOnes: 2 },
      notes: 'Lincoln Elementary: 3rd floor',
    });
    expect(mine.workPlans).toEqual([
      expect.objectContaining({ periodStart, targets: { conversations: 10, oneOnOnes: 2 }, setBy: expect.any(String) }),
    ]);
    const changed = await coordinator.ok('POST', `/api/organizers/${body.id}/set-work-plan`, {
      periodStart,
      targets: { conversations: 12, 'caucus commitments': 3 },
    });
    expect(changed.workPlans).toHaveLength(1);
    expect(changed.workPlans[0]).toMatchObject({
      periodStart,
      targets: { conversations: 12, 'caucus commitments': 3 },
    });
    expect(changed.workPlans[0].notes).toBeUndefined();
    expect(changed.allowedActions).toContain('set-work-plan');

    const unknown = await coordinator.call('POST', `/api/organizers/${body.id}/set-work-plan`, {
      targets: { doors: 40 },
    });
    expect(unknown.status).toBe(422);
    await self.ok('POST', `/api/organizers/${body.id}/submit-debrief`, {
      periodStart,
      hours: 8,
      conversations: 9,
      oneOnOnes: 2,
      leadersIdentified: 0,
      inPerson: true,
      group: false,
      metrics: { 'caucus commitments': 4 },
    });
    const before = await footprint(harness, body.id);
    const late = await coordinator.call('POST', `/api/organizers/${body.id}/set-work-plan`, {
      periodStart,
      targets: { conversations: 1 },
    });
    expect([late.status, late.body.message]).toEqual([
      409,
      `the debrief for the period starting ${localDateTime(Date.parse(periodStart), program.timezone)} is in; a plan is set before it`,
    ]);
    expect(await footprint(harness, body.id)).toEqual(before);
    const detail = await coordinator.ok('GET', `/api/organizers/${body.id}`);
    expect(detail.workPlans[0].targets).toEqual({ conversations: 12, 'caucus commitments': 3 });
    expect(detail.debriefs[0]).toMatchObject({ periodStart, conversations: 9, metrics: { 'caucus commitments': 4 } });
    // The week's report shows the plan against what was reported. This program's weeks are its two-minute periods, and
    // a debrief counts in the week its period ended in: written as of a period after that, that week is the one reported.
    const reports = new ReportActivitiesService(
      new WeeklyReportRepository(harness.dataSource),
      {} as Mailer,
      new GoalProgressRepository(harness.dataSource),
      new ProgramRepository(harness.dataSource, new AuditRepository(harness.dataSource)),
      harness.config,
    );
    await reports.writeWeeklyReport({
      programId: program.id,
      asOf: new Date(Date.parse(active.pendingDebriefPeriods[0].end) + 120_000).toISOString(),
    });
    const [report] = (await coordinator.ok('GET', `/api/programs/${program.id}/reports`)).items;
    expect(report.submitted).toEqual([
      expect.objectContaining({
        organizerId: body.id,
        plan: [
          { target: 'conversations', planned: 12, reported: 9 },
          { target: 'caucus commitments', planned: 3, reported: 4 },
        ],
      }),
    ]);
    const bad = await coordinator.call('POST', `/api/organizers/${body.id}/set-work-plan`, {
      targets: { conversations: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].field).toBe('targets');
  });
});
