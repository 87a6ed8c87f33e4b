// A whole AFT Member Organizer year on the time-skipping server: hiring, training, ride-alongs, 52 weekly debrief
// periods with late and missed debriefs, a pause, a policy change, and completion at term end.
import { randomUUID } from 'node:crypto';
import { walkStages } from '../../dev/hiring-walk';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  actionUpdates,
  applicationRecordedUpdate,
  organizerStateQuery,
  policyChangedSignal,
} from '../../src/contracts/organizer-workflow';
import type { ActionInputs } from '../../src/domain/organizer';
import { aCoordinator, aPolicy } from '../support/builders';
import { runChain, saveHistories } from '../support/histories';
import {
  aWorker,
  RecordingActivities,
  startOrganizerWorkflow,
  timeSkippingEnvironment,
  uniqueTaskQueue,
  workflowBundle,
} from '../support/workflow-harness';

const hour = 3_600_000;
const day = 24 * hour;
const iso = (ms: number) => new Date(ms).toISOString();

describe('an AFT organizer year (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('runs from application to completion with the exact reminders and counters', async () => {
    const wallStart = Date.now();
    const taskQueue = uniqueTaskQueue('year');
    const activities = new RecordingActivities();
    const worker = await aWorker(env, taskQueue, activities);
    const organizerId = randomUUID();
    const policy = aPolicy();
    const now = async () => Number(await env.currentTimeMs());
    const sleepUntil = async (instant: number) => {
      const wait = instant - (await now());
      if (wait > 0) await env.sleep(wait);
    };

    await worker.runUntil(async () => {
      const handle = await startOrganizerWorkflow(env, taskQueue, policy, organizerId);
      const firstRunId = handle.firstExecutionRunId;
      const act = <A extends keyof ActionInputs>(action: A, input: ActionInputs[A]) =>
        handle.executeUpdate(actionUpdates[action] as never, { args: [{ input, actor: aCoordinator }] }) as Promise<{
          stage: string;
        }>;
      await handle.executeUpdate(applicationRecordedUpdate);
      const appliedAt = Date.parse((await handle.query(organizerStateQuery)).appliedAt);

      // Hiring: 2 days applied, 10 in screening, 8 in role-play (one past its 7-day SLA), 2 to accept the offer.
      await sleepUntil(appliedAt + 2 * day);
      await act('schedule-screening', { at: iso(appliedAt + 5 * day), location: 'Local 1 hall' });
      await sleepUntil(appliedAt + 12 * day);
      await act('record-screening', { attended: true, advance: true });
      const rolePlayAt = Date.parse((await handle.query(organizerStateQuery)).stageEnteredAt);
      await sleepUntil(rolePlayAt + 8 * day);
      await act('record-role-play', {
        scores: { listening: 4, story: 5 },
        decision: 'offer',
        offer: { hoursPerWeek: 10, startDate: '2027-01-01' },
      });
      await env.sleep(2 * day);
      await act('respond-offer', { accepted: true });
      for (const training of policy.requiredTrainings) {
        await env.sleep(day);
        await act('record-training', { training, completedAt: iso(await now()) });
      }
      await env.sleep(5 * day);
      expect(
        (await act('record-ride-along', { date: iso(await now()).slice(0, 10), staff: 'National organizer' })).stage,
      ).toBe('active');
      const A = Date.parse((await handle.query(organizerStateQuery)).activeSince!);

      // The year, as a timeline of offsets from activation. Weeks end at 7k days; from week 20 on, 23 hours later
      // (a 23-hour pause in week 20, short enough that 52 weeks still fit in the term). Weeks 5 and 6 are missed then
      // caught up late, week 10 is late, week 40 never comes; a policy change at day 200 (2-day grace, 3-day
      // escalation) applies from the next period.
      // The pause lasts 23 hours plus the few real milliseconds between the two updates (time only skips in sleeps),
      // so later periods start a hair off whole hours. On-time debriefs name no period (the one due now is taken);
      // late ones, all before the pause, name theirs.
      const weekEnd = (k: number) => 7 * k * day + (k < 20 ? 0 : 23 * hour);
      const groupWeeks = new Set([2, 8, 14, 18, 22, 26, 30, 35, 39, 43, 48]);
      const debrief =
        (k: number, late = false) =>
        () =>
          act('submit-debrief', {
            ...(late ? { periodStart: iso(A + (k - 1) * 7 * day) } : {}),
            hours: 9,
            conversations: 14,
            oneOnOnes: 3,
            leadersIdentified: 1,
            inPerson: groupWeeks.has(k),
            group: groupWeeks.has(k),
          });
      const timeline: [number, () => Promise<unknown>][] = [
        [44 * day, debrief(5, true)],
        [46 * day, debrief(6, true)],
        [72 * day, debrief(10, true)],
        [100 * day, () => act('record-ride-along', { date: iso(A + 100 * day).slice(0, 10), staff: 'Jo Rivera' })],
        [135 * day, () => act('pause', { reason: 'family emergency' })],
        [135 * day + 23 * hour, () => act('resume', {})],
        [200 * day, () => act('record-ride-along', { date: iso(A + 200 * day).slice(0, 10), staff: 'Jo Rivera' })],
        [
          200 * day + hour,
          () =>
            handle.signal(policyChangedSignal, {
              policy: aPolicy({ debriefGrace: '2 days', escalateAfter: '3 days' }),
            }),
        ],
        [364 * day, debrief(52)],
      ];
      for (let k = 1; k <= 51; k++) if (![5, 6, 10, 40].includes(k)) timeline.push([weekEnd(k) + 2 * hour, debrief(k)]);
      timeline.sort((a, b) => a[0] - b[0]);
      for (const [offset, step] of timeline) {
        await sleepUntil(A + offset);
        await step();
      }
      await sleepUntil(A + 365 * day + hour);
      const final = await handle.result();

      const week40 = Date.parse(final.periods[39].start);
      expect(Math.abs(week40 - (A + 273 * day + 23 * hour))).toBeLessThan(1_000);
      expect(activities.notifications.map((n) => [n.kind, n.recipientRole, n.createdAt])).toEqual([
        ['stage_stalled', 'coordinator', iso(rolePlayAt + 7 * day)],
        ['debrief_overdue', 'organizer', iso(A + 36 * day)],
        ['debrief_escalated', 'coordinator', iso(A + 38 * day)],
        ['debrief_overdue', 'organizer', iso(A + 43 * day)],
        ['organizer_at_risk', 'national', iso(A + 43 * day)],
        ['debrief_escalated', 'coordinator', iso(A + 45 * day)],
        ['debrief_overdue', 'organizer', iso(A + 71 * day)],
        ['group_debrief_missing', 'coordinator', iso(A + 90 * day)],
        // After the policy change: 7-day week + 2-day grace, then 3 days to escalation.
        ['debrief_overdue', 'organizer', iso(week40 + 9 * day)],
        ['debrief_escalated', 'coordinator', iso(week40 + 12 * day)],
      ]);
      expect(final.stage).toBe('completed');
      expect(final.periods).toHaveLength(52);
      expect(final.totals).toEqual({
        debriefs: 51,
        lateDebriefs: 3,
        missedPeriods: 4,
        hours: 51 * 9,
        conversations: 51 * 14,
        oneOnOnes: 51 * 3,
        leadersIdentified: 51,
        groupDebriefs: 11,
      });
      // Closed: nothing is overdue any more (the missed week stays in the totals).
      expect(activities.latest).toMatchObject({
        stage: 'completed',
        overdueDebriefs: 0,
        pendingDebriefPeriods: [],
        atRisk: false,
        rideAlongCount: 3,
        endsAt: iso(A + 365 * day),
      });
      expect(Date.parse(final.periods[51].end)).toBeLessThanOrEqual(A + 365 * day);
      expect(activities.transitions.map((t) => t.to)).toEqual([...walkStages, 'completed']);
      expect(activities.transitions.at(-1)).toMatchObject({
        actor: 'system',
        at: iso(A + 365 * day),
        reason: 'term ended',
      });
      // Every notification was resolved: by the change that answered it, or (week 40's) when the term closed.
      const resolved = new Set(activities.projections.flatMap((p) => p.changes.resolutions.map((r) => r.id)));
      expect(activities.notifications.filter((n) => !resolved.has(n.id)).map((n) => n.kind)).toEqual([]);

      const runs = await runChain(env.client, organizerId, firstRunId);
      const eventsPerRun = runs.map((r) => r.history.events!.length);
      process.stdout.write(
        `[aft-year] ${runs.length} runs, events per run ${eventsPerRun.join(', ')} (total ${eventsPerRun.reduce((a, b) => a + b)}), wall ${Date.now() - wallStart} ms\n`,
      );
      expect(runs.length).toBeGreaterThanOrEqual(2);
      for (const events of eventsPerRun) expect(events).toBeLessThan(10_000);
      saveHistories('aft-year-3', runs);
      for (const run of runs)
        await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, run.history, organizerId);
    });
  }, 180_000);
});
