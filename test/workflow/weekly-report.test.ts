// Four simulated weeks on the time-skipping server with the real activities and PostgreSQL: two organizers debrief
// (one misses every other week), and each Monday the report workflow writes that week's row.
import { durationMs } from '../../src/domain/durations';
import { randomUUID } from 'node:crypto';
import { anApplicationFor } from '../../dev/hiring-walk';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { workerActivities } from '../../src/activities/activities.module';
import { loadConfig } from '../../src/config/configuration';
import { WorkerModule } from '../../src/worker/worker.module';
import { weeklyReportWorkflowType } from '../../src/contracts/weekly-report';
import { lastWholeWeek } from '../../src/domain/calendar';
import { aPolicy } from '../support/builders';
import { OrganizerRepository } from '../../src/repositories/organizer.repository';
import { applyDirectly, driveToActive, StartedOrganizer } from '../support/organizer-flow';
import { timeSkippingEnvironment, uniqueTaskQueue, workflowBundle } from '../support/workflow-harness';

const hour = 3_600_000;
const day = 24 * hour;

describe('weekly report to national (time-skipping, real activities)', () => {
  let env: TestWorkflowEnvironment;
  let context: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
    context = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(loadConfig({ ...process.env, TEMPORAL_ADDRESS: env.address })),
      { logger: false },
    );
    dataSource = context.get(DataSource);
  });

  afterAll(async () => {
    await context?.close();
    await env?.teardown();
  });

  it('writes one row per week with who debriefed, who did not, and the totals', async () => {
    const taskQueue = uniqueTaskQueue('report');
    const activities = workerActivities(context);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const programId = randomUUID();
    const policy = aPolicy();
    await dataSource.query(
      `INSERT INTO programs (id, name, affiliate, kind, timezone, term_start, goals, policy) VALUES ($1, 'Report test', 'AFT Local 1', 'member_organizer', 'UTC', now(), '{}', $2)`,
      [programId, JSON.stringify(policy)],
    );

    await worker.runUntil(async () => {
      const now = async () => Number(await env.currentTimeMs());
      const sleepUntil = async (instant: number) => {
        const wait = instant - (await now());
        if (wait > 0) await env.sleep(wait);
      };
      const organizers: StartedOrganizer[] = [];
      for (const name of ['Ana Reyes', 'Ben Cho']) {
        const organizer = await applyDirectly(
          env.client,
          taskQueue,
          policy,
          {
            programId,
            application: anApplicationFor(randomUUID().slice(0, 8), { name }),
          },
          (p) => new OrganizerRepository(dataSource).project(p),
        );
        await driveToActive(organizer, policy);
        organizers.push(organizer);
      }
      const [ana, ben] = organizers;
      const rows = await dataSource.query('SELECT id, active_since FROM organizers WHERE program_id = $1', [programId]);
      const activeSince = (o: StartedOrganizer) =>
        new Date(rows.find((r: { id: string }) => r.id === o.organizerId).active_since).getTime();

      const expected: { week: number; weekStart: string; benMissing: boolean; benLate: boolean }[] = [];
      // When each debrief Ben skips falls overdue: a report names it in the week that happens.
      const benOverdue: number[] = [];
      for (let week = 1; week <= 4; week++) {
        // Each debrief comes two hours after its week's period ends; Ben skips weeks 2 and 4.
        for (const organizer of week % 2 === 0 ? [ana] : [ana, ben]) {
          const start = activeSince(organizer) + (week - 1) * 7 * day;
          if (organizer === ana && week % 2 === 0)
            benOverdue.push(activeSince(ben) + week * 7 * day + durationMs(policy.debriefGrace));
          await sleepUntil(start + 7 * day + 2 * hour);
          await organizer.act('submit-debrief', {
            periodStart: new Date(start).toISOString(),
            hours: organizer === ana ? 10 : 6,
            conversations: 20,
            oneOnOnes: 3,
            leadersIdentified: 1,
            inPerson: true,
            group: false,
          });
        }
        // The report runs the Monday 06:00 after the week in which this period ended.
        const periodEnd = activeSince(ana) + week * 7 * day;
        const reportedWeek = lastWholeWeek(periodEnd + 7 * day, 'UTC');
        await sleepUntil(reportedWeek.end.getTime() + 6 * hour);
        const summary = await env.client.workflow.execute(weeklyReportWorkflowType, {
          taskQueue,
          workflowId: `report-${programId}-${week}`,
          args: [{ programId }],
        });
        const late = benOverdue.filter((at) => at >= reportedWeek.start.getTime() && at < reportedWeek.end.getTime());
        expect(summary).toMatchObject({
          weekStart: reportedWeek.start.toISOString(),
          submitted: week % 2 === 0 ? 1 : 2,
          missing: late.length,
        });
        expected.push({
          week,
          weekStart: reportedWeek.start.toISOString(),
          benMissing: week % 2 === 0,
          benLate: late.length > 0,
        });
      }

      const reports = await dataSource.query(
        'SELECT week_start, submitted, missing, totals FROM weekly_reports WHERE program_id = $1 ORDER BY week_start',
        [programId],
      );
      expect(reports).toHaveLength(4);
      expect(expected.filter((e) => e.benLate).length).toBeGreaterThan(0);
      reports.forEach(
        (
          report: { week_start: Date; submitted: { name: string }[]; missing: { name: string }[]; totals: unknown },
          i: number,
        ) => {
          const { weekStart, benMissing, benLate } = expected[i];
          expect(report.week_start.toISOString()).toBe(weekStart);
          expect(report.submitted.map((s) => s.name)).toEqual(benMissing ? ['Ana Reyes'] : ['Ana Reyes', 'Ben Cho']);
          expect(report.missing.map((m) => m.name)).toEqual(benLate ? ['Ben Cho'] : []);
          expect(report.totals).toEqual(
            benMissing
              ? { debriefs: 1, hours: 10, conversations: 20, oneOnOnes: 3, leadersIdentified: 1 }
              : { debriefs: 2, hours: 16, conversations: 40, oneOnOnes: 6, leadersIdentified: 2 },
          );
        },
      );
    });
  }, 120_000);
});
