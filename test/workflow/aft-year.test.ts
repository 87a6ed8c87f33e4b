// A whole AFT Member Organizer year on the time-skipping server, on the program's calendar: debriefs due Fridays at
// 17:00 in Chicago across both daylight-saving changes, owed from the offer's start date; hiring, training,
// ride-alongs, on-time, late and missed debriefs, nudges, a pause, a policy change, and completion at term end. Every
// due time is checked with Intl (independently of the calendar code) and every reminder's instant is computed here.
import { announcementKinds } from '../../src/domain/organizer';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { localDay, rubricScores, walkStages } from '../../dev/hiring-walk';
import {
  type ActionResult,
  actionUpdates,
  applicationRecordedUpdate,
  organizerStateQuery,
  policyChangedSignal,
} from '../../src/contracts/organizer-workflow';
import type { OrganizerState } from '../../src/domain/organizer';
import type { ActionInputs } from '../../src/domain/stage-machine';
import { aCoordinator, aPolicy } from '../support/builders';
import { runChain, saveHistories } from '../support/histories';
import { weekdayAndTime } from '../support/wall-clock';
import {
  aRecordingWorker,
  startOrganizerWorkflow,
  timeSkippingEnvironment,
  workflowBundle,
} from '../support/workflow-harness';

const hour = 3_600_000;
const day = 24 * hour;
const iso = (ms: number) => new Date(ms).toISOString();
const zone = 'America/Chicago';

/** The local weekday and time of an instant in Chicago, read with Intl. */
const chicago = (instant: number) => weekdayAndTime(instant, zone);

describe('an AFT organizer year on the calendar (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('runs from application to completion with debriefs due Fridays 17:00 Chicago, and the exact reminders', async () => {
    const wallStart = Date.now();
    const { taskQueue, activities, worker } = await aRecordingWorker(env, 'year');
    const organizerId = randomUUID();
    const policy = aPolicy();
    const now = async () => Number(await env.currentTimeMs());
    const sleepUntil = async (instant: number) => {
      const wait = instant - (await now());
      if (wait > 0) await env.sleep(wait);
    };

    await worker.runUntil(async () => {
      const handle = await startOrganizerWorkflow(env, taskQueue, policy, organizerId, { timezone: zone });
      const firstRunId = handle.firstExecutionRunId;
      const state = () => handle.query(organizerStateQuery) as Promise<OrganizerState>;
      // As the API sends them: the caller writes each answer's projection itself (here, into the same fakes).
      const callerStores = async () => ({
        storedVersion: activities.latest?.version ?? 0,
        writeBy: (await now()) + day,
      });
      const stored = async (result: ActionResult) => {
        if (result.projection) await activities.projectOrganizer(result.projection);
        return result;
      };
      // The read model keeps one row per notification and per transition, whichever write brings it first; a write
      // that brings one again brings the same.
      const once = <T>(records: T[], key: (record: T) => unknown): T[] => {
        const kept = new Map<unknown, T>();
        for (const record of records)
          if (kept.has(key(record))) expect(record).toEqual(kept.get(key(record)));
          else kept.set(key(record), record);
        return [...kept.values()];
      };
      const notifications = () => once(activities.notifications, (n) => n.id);
      const transitions = () => once(activities.transitions, (t) => t.seq);
      const act = async <A extends keyof ActionInputs>(action: A, input: ActionInputs[A]) =>
        stored(
          await handle.executeUpdate(actionUpdates[action] as never, {
            args: [{ input, actor: aCoordinator, callerStores: await callerStores() }],
          }),
        );
      await stored(
        await handle.executeUpdate(applicationRecordedUpdate, { args: [{ callerStores: await callerStores() }] }),
      );
      const appliedAt = Date.parse((await state()).appliedAt);

      // Hiring: 2 days applied, 10 in screening, 8 in role-play (one past its 7-day SLA), 2 to accept an offer that
      // starts twenty days on (ten days after activation): debriefs are owed from that day.
      await sleepUntil(appliedAt + 2 * day);
      await act('schedule-screening', { at: iso(appliedAt + 5 * day), location: 'Local 1 hall' });
      await sleepUntil(appliedAt + 12 * day);
      await act('record-screening', { attended: true, advance: true });
      const rolePlayAt = Date.parse((await state()).stageEnteredAt);
      await sleepUntil(rolePlayAt + 8 * day);
      const startDate = localDay(zone, (await now()) + 20 * day);
      await act('record-role-play', {
        scores: rubricScores(policy),
        decision: 'offer',
        offer: { hoursPerWeek: 10, startDate },
      });
      await env.sleep(2 * day);
      await act('respond-offer', { accepted: true });
      for (const training of policy.requiredTrainings) {
        await env.sleep(day);
        await act('record-training', { training, completedAt: iso(await now()) });
      }
      await env.sleep(5 * day);
      const activated = await act('record-ride-along', {
        date: localDay(zone, await now()),
        staff: 'National organizer',
      });
      expect(activated.stage).toBe('active');
      const A = Date.parse((await state()).activeSince!);

      // The weeks, one at a time, as the calendar opens them: weeks 5 and 6 are missed, then both caught up late (the
      // organizer stays at risk until the second is in); week 10 is late; week 40 never comes; week 20 has a 23-hour
      // pause; a policy change in week 29 (2-day grace, 3-day escalation) applies to the periods opened after it.
      const missed = new Set([5, 6, 40]);
      const late = new Set([10]);
      const atRiskAfterFirstCatchUp: boolean[] = [];
      const debrief = (periodStart: string) =>
        act('submit-debrief', {
          periodStart,
          hours: 9,
          conversations: 14,
          oneOnOnes: 3,
          leadersIdentified: 1,
          inPerson: true,
          group: true,
        });
      let policyChangedAt: number | undefined;
      for (let week = 1; ; week++) {
        const current = await state();
        if (current.stage !== 'active') break;
        const period = current.periods[week - 1];
        if (!period) {
          await sleepUntil(Date.parse(current.periods.at(-1)!.end) + hour);
          week -= 1;
          if ((await state()).periods.length === current.periods.length) break; // the term ends before another fits
          continue;
        }
        const end = Date.parse(period.end);
        if (week === 20) {
          await sleepUntil(Date.parse(period.start) + hour);
          await act('pause', { reason: 'family emergency' });
          await env.sleep(23 * hour);
          await act('resume', {});
        }
        if (week === 29 && !policyChangedAt) {
          await sleepUntil(Date.parse(period.start) + hour);
          policyChangedAt = await now();
          await handle.signal(policyChangedSignal, {
            policy: aPolicy({ debriefGrace: '2 days', escalateAfter: '3 days' }),
          });
        }
        if (week === 7) {
          // Catching up on weeks 5 and 6, late: once week 6 is overdue too (and the organizer at risk).
          await sleepUntil(Date.parse(current.periods[5].overdueAt) + hour);
          const periods = (await state()).periods;
          await debrief(periods[4].start);
          atRiskAfterFirstCatchUp.push((await state()).atRisk);
          await debrief(periods[5].start);
          atRiskAfterFirstCatchUp.push((await state()).atRisk);
        }
        if (missed.has(week)) continue;
        if (late.has(week)) {
          await sleepUntil(Date.parse(period.overdueAt) + hour);
          await debrief(period.start);
        } else {
          // On time: the day before it is due, before the nudge (a day before the due time) goes out.
          await sleepUntil(end - 30 * hour);
          await debrief(period.start);
        }
        if (week === 14 || week === 33) {
          await act('record-ride-along', { date: localDay(zone, await now()), staff: 'Jo Rivera' });
        }
      }
      await sleepUntil(Date.parse((await state()).endsAt ?? iso(A + 366 * day)) + hour);
      const final = (await handle.result()) as OrganizerState;

      // The calendar: the first period starts on the offer's start day (local midnight) and closes the first Friday
      // 17:00 at least half a week later; each period ends on a Friday at 17:00 Chicago, winter and summer alike.
      const periods = final.periods;
      expect(periods.length).toBeGreaterThanOrEqual(44);
      expect(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(periods[0].start))).toBe(startDate);
      expect(chicago(Date.parse(periods[0].start))).toMatch(/00:00$/);
      expect(Date.parse(periods[0].end) - Date.parse(periods[0].start)).toBeGreaterThanOrEqual(3.5 * day);
      for (const [i, period] of periods.entries()) {
        expect({ i, due: chicago(Date.parse(period.end)) }).toEqual({ i, due: 'Friday 17:00' });
        if (i > 0) expect(period.start).toBe(periods[i - 1].end);
      }
      // Both daylight-saving changes lie within the year: Friday 17:00 is 23:00Z in winter and 22:00Z in summer.
      const utcHours = new Set(periods.map((p) => new Date(p.end).getUTCHours()));
      expect([...utcHours].sort()).toEqual([22, 23]);

      // Every reminder, at the instant the rules give it, from each period's due time (checked above) and when its
      // debrief came: a nudge a day before the due time, overdue a grace after it (1 day, 2 after the policy change),
      // escalated an escalation after that (2 days, then 3), unless the debrief came first; at risk with the second
      // overdue period in a row (week 6).
      const expected: [string, string, string][] = [['stage_stalled', 'coordinator', iso(rolePlayAt + 7 * day)]];
      for (const [i, period] of periods.entries()) {
        const end = Date.parse(period.end);
        const changed = policyChangedAt !== undefined && Date.parse(period.start) >= policyChangedAt;
        const overdueAt = end + (changed ? 2 : 1) * day;
        const escalateAt = overdueAt + (changed ? 3 : 2) * day;
        const came = period.submittedAt ? Date.parse(period.submittedAt) : Infinity;
        if (came > end - day) expected.push(['debrief_due_soon', 'organizer', iso(end - day)]);
        if (came > overdueAt) expected.push(['debrief_overdue', 'organizer', iso(overdueAt)]);
        if (came > overdueAt && i === 5) expected.push(['organizer_at_risk', 'national', iso(overdueAt)]);
        if (came > escalateAt) expected.push(['debrief_escalated', 'coordinator', iso(escalateAt)]);
      }
      const byTime = (a: [string, string, string], b: [string, string, string]) =>
        a[2].localeCompare(b[2]) || a[0].localeCompare(b[0]);
      // The screening's messages ask nothing: an invitation to the applicant and the coordinator, a reminder the day before.
      const asked = notifications().filter((n) => !announcementKinds.includes(n.kind));
      expect(
        notifications()
          .filter((n) => announcementKinds.includes(n.kind))
          .map((n) => [n.kind, n.recipientRole]),
      ).toEqual([
        ['screening_invitation', 'organizer'],
        ['screening_invitation', 'coordinator'],
        ['screening_reminder', 'organizer'],
      ]);
      expect(asked.map((n): [string, string, string] => [n.kind, n.recipientRole, n.createdAt]).sort(byTime)).toEqual(
        expected.sort(byTime),
      );
      // The missed and late weeks are the ones that raised reminders: 5, 6, 10 and 40.
      expect([
        ...new Set(
          notifications()
            .filter((n) => n.kind === 'debrief_overdue')
            .map((n) => periods.findIndex((p) => n.id.endsWith(p.start)) + 1),
        ),
      ]).toEqual([5, 6, 10, 40]);
      // At risk stays while week 6 is still overdue after week 5 came in; it clears with week 6.
      expect(atRiskAfterFirstCatchUp).toEqual([true, false]);

      expect(final.stage).toBe('completed');
      expect(final.totals).toMatchObject({ debriefs: periods.length - 1, lateDebriefs: 3, missedPeriods: 4 });
      expect(activities.latest).toMatchObject({
        stage: 'completed',
        overdueDebriefs: 0,
        pendingDebriefPeriods: [],
        atRisk: false,
        rideAlongCount: 3,
      });
      expect(transitions().map((t) => t.to)).toEqual([...walkStages, 'completed']);
      expect(transitions().at(-1)).toMatchObject({ actor: 'system', reason: 'term ended' });
      const resolved = new Set(activities.projections.flatMap((p) => p.changes.resolutions.map((r) => r.id)));
      expect(
        notifications()
          .filter((n) => !resolved.has(n.id))
          .map((n) => n.kind),
      ).toEqual([]);

      const runs = await runChain(env.client, organizerId, firstRunId);
      const eventsPerRun = runs.map((r) => r.history.events!.length);
      process.stdout.write(
        `[aft-year] ${periods.length} periods, ${runs.length} runs, events per run ${eventsPerRun.join(', ')} (total ${eventsPerRun.reduce((a, b) => a + b)}), wall ${Date.now() - wallStart} ms\n`,
      );
      expect(runs.length).toBeGreaterThanOrEqual(2);
      for (const events of eventsPerRun) expect(events).toBeLessThan(10_000);
      saveHistories('aft-year-8', runs);
      for (const run of runs)
        await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, run.history, organizerId);
    });
  }, 240_000);
});
