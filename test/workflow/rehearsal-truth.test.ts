// Proof that a rehearsal tells the truth (issue 32): a small season (6 organizers, 3 habits, 10 weeks, one pause)
// played by the rehearsal, then lived by the real organizer workflows on the time-skipping server with the very
// actions the rehearsal took, at the same instants; every figure of every period, counted the same way from each
// side's records, is equal.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { actionUpdates, organizerStateQuery, organizerWorkflowType } from '../../src/contracts/organizer-workflow';
import { eligibleAttestations, anApplicationFor } from '../../src/domain/hiring-walk';
import type { OrganizerState } from '../../src/domain/organizer';
import { payPresets } from '../../src/domain/pay';
import {
  countSeason,
  playSeason,
  seasonPeriods,
  type Habit,
  type Happened,
  typicalHabit,
  type SeasonInput,
} from '../../src/domain/rehearsal/season';
import { aPolicy } from '../support/builders';
import { aRecordingWorker, RecordingActivities, timeSkippingEnvironment } from '../support/workflow-harness';

const hour = 3_600_000;
const day = 24 * hour;

const habit = (patch: Partial<Habit>): Habit => ({
  ...typicalHabit,
  onTime: 1,
  late: 0,
  missing: 0,
  lateBy: { from: '6 hours', to: '2 days' },
  hoursPerPeriod: { from: 6, to: 10 },
  timesheetOnTime: 1,
  pauses: { share: 0, for: { from: '1 week', to: '2 weeks' } },
  quits: 0,
  ...patch,
});

describe('a rehearsal against the real workflows', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let taskQueue: string;
  let activities: RecordingActivities;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
    ({ worker, taskQueue, activities } = await aRecordingWorker(env, 'rehearsal'));
  }, 120_000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('counts the same figures, period by period, as the workflows living the same season', async () => {
    await worker.runUntil(async () => {
      const now = async () => Number(await env.currentTimeMs());
      const sleepUntil = async (instant: number) => {
        const wait = instant - (await now());
        if (wait > 0) await env.sleep(wait);
      };
      const from = Math.ceil((await now()) / hour) * hour + hour;
      const input: SeasonInput = {
        programId: 'program-rehearsed',
        policy: aPolicy({ pay: payPresets.member_organizer }),
        timezone: 'America/Chicago',
        termStart: new Date(from - day).toISOString(),
        from,
        until: from + 10 * 7 * day,
        seed: 20261206,
        cohorts: [
          { count: 2, startsAt: from, stage: 'active', habit: habit({}) },
          {
            count: 2,
            startsAt: from,
            stage: 'active',
            habit: habit({
              onTime: 0.5,
              late: 0.5,
              timesheetOnTime: 0.5,
              pauses: { share: 1, for: { from: '1 week', to: '2 weeks' } },
            }),
          },
          { count: 2, startsAt: from, stage: 'active', habit: habit({ onTime: 0.3, late: 0.2, missing: 0.5 }) },
        ],
      };
      const played = playSeason(input);
      expect(played.flatMap((p) => p.taken).filter((t) => t.request.action === 'pause').length).toBeGreaterThan(0);

      await sleepUntil(from);
      const handles = played.map(({ cohort, index }) => {
        const organizerId = `rehearsal-${cohort}-${index}`;
        return env.client.workflow.start(organizerWorkflowType, {
          taskQueue,
          workflowId: `${organizerId}-${from}`,
          args: [
            {
              organizerId,
              programId: input.programId,
              policy: input.policy,
              application: anApplicationFor(organizerId, {
                attestations: { ...eligibleAttestations, weeklyHours: input.policy.hoursPerWeek },
              }),
              timezone: input.timezone,
              termStart: input.termStart,
            },
          ],
        });
      });
      const started = await Promise.all(handles);

      // The actions the rehearsal took, everyone's in time order, and each period's last instant (for who is at risk).
      const periods = seasonPeriods(input, input.until);
      type Step = { at: number; person: number; take?: (typeof played)[number]['taken'][number] };
      const steps: Step[] = [
        ...played.flatMap((p, person) => p.taken.map((take) => ({ at: take.at, person, take }))),
        ...periods.flatMap((p) => played.map((_, person) => ({ at: p.end - 1, person }))),
      ].sort((a, b) => a.at - b.at);
      const atRisk: Happened['atRisk'][] = played.map(() => []);
      // The server's clock runs on while the test starts the runs: each hire is some milliseconds after the season's
      // start, and so the first debrief and pay period with it (the later ones follow the program's calendar).
      const hiredAt = new Map<number, string>();
      const asLived = async (person: number, given: object) => {
        const periodStart = (given as { periodStart?: string }).periodStart;
        if (!periodStart || periodStart !== played[person].state.activeSince) return given;
        if (!hiredAt.has(person))
          hiredAt.set(person, (await started[person].query(organizerStateQuery)).activeSince ?? periodStart);
        return { ...given, periodStart: hiredAt.get(person) };
      };
      for (const step of steps) {
        await sleepUntil(step.at);
        const handle = started[step.person];
        if (step.take) {
          const { action, input: given, actor } = step.take.request;
          await handle.executeUpdate(actionUpdates[action] as never, {
            args: [{ input: await asLived(step.person, given), actor }],
          });
        } else {
          const state = await handle.query(organizerStateQuery);
          atRisk[step.person].push({ at: step.at, atRisk: state.atRisk });
        }
      }
      const states: OrganizerState[] = await Promise.all(started.map((h) => h.query(organizerStateQuery)));

      const lived = played.map(({ cohort, index }, person) => {
        const organizerId = `rehearsal-${cohort}-${index}`;
        const notifications = new Map(
          activities.notifications.filter((n) => n.organizerId === organizerId).map((n) => [n.id, n]),
        );
        const payable = new Map(
          activities.projections
            .filter((projection) => projection.organizer.id === organizerId)
            .flatMap((projection) => projection.changes.payPeriods)
            .filter((p) => p.status === 'payable' && p.figures)
            .map((p) => [p.periodStart, p]),
        );
        return {
          cohort,
          index,
          state: states[person],
          happened: {
            notifications: [...notifications.values()].map((n) => ({
              at: Date.parse(n.createdAt),
              kind: n.kind,
              staff: n.recipientRole !== 'organizer',
            })),
            atRisk: atRisk[person],
            payable: [...payable.values()].map((p) => ({
              at: Date.parse(p.approvedAt!),
              minor: p.figures!.amountMinor + p.figures!.allowancesMinor,
            })),
          },
        };
      });
      const rehearsed = countSeason(input, played);
      expect(rehearsed.totals.debriefsDue).toBeGreaterThan(50);
      expect(rehearsed.totals.overdueReminders).toBeGreaterThan(0);
      expect(rehearsed.totals.payablePeriods).toBeGreaterThan(0);
      console.log(`[rehearsal-truth] ${JSON.stringify(rehearsed.totals)}`);
      expect(countSeason(input, lived)).toEqual(rehearsed);
      for (const handle of started) await handle.terminate('the rehearsal is over');
    });
  }, 300_000);
});
