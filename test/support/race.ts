// The integrity race (issue 12): many organizers in every stage, each hit by a seeded burst of concurrent actions
// (every action of the stage machine, valid and invalid, duplicates, terminate against withdraw, debriefs against
// pause), then each read model compared with what Temporal holds, read straight from Temporal: the workflow's query
// (open) or its result (closed), and the committed update results and projection inputs in its history.
import type { Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { MemberDataCodec } from '../../src/temporal/member-data-codec';
import { localDay, rubricScores, soon } from '../../dev/hiring-walk';
import type { temporal } from '@temporalio/proto';
import { actions, type Action } from '../../src/domain/stage-machine';
import type { Stage } from '../../src/domain/stages';
import type { ApiClient, Program } from './api-client';
import type { AppHarness, HttpResult } from './app-harness';
import { aFastPolicy } from './builders';

/** The seed of this run: `RACE_SEED` to replay one, else a new one each run. Printed so a failure can be replayed. */
export function raceSeed(): number {
  const given = process.env.RACE_SEED;
  return given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
}

/** mulberry32: a small seeded generator, so a run is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Durations short enough that reminders, lapses, periods and term ends fire during and shortly after the race. */
export const racePolicy = aFastPolicy({
  stageSla: { applied: '8 seconds', screening: '8 seconds', role_play: '8 seconds' },
  offerExpiresAfter: '25 seconds',
  rideAlongWindow: '20 seconds',
  debriefEvery: '3 seconds',
  debriefGrace: '1 second',
  escalateAfter: '2 seconds',
  atRiskAfterMissed: 2,
  groupDebriefEvery: '9 seconds',
  termLength: '30 seconds',
});

export const raceStages: Stage[] = ['applied', 'screening', 'role_play', 'offered', 'training', 'ride_along', 'active'];

export interface RaceAction {
  organizerId: string;
  action: Action;
  body: Record<string, unknown>;
}

const closing: Action[] = ['reject', 'withdraw', 'terminate'];

/** A body the API accepts for `action` (the stage machine may still refuse it). */
function bodyFor(action: Action, random: () => number, program: Program, positive: boolean): Record<string, unknown> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const yes = (p: number) => positive || chance(p);
  switch (action) {
    case 'schedule-screening':
      return { at: soon(), location: pick(['hall', 'library']) };
    case 'record-screening':
      return { attended: yes(0.8), advance: yes(0.8), ...(chance(0.3) ? { notes: 'race' } : {}) };
    case 'record-role-play':
      return {
        scores: rubricScores(program.policy),
        decision: yes(0.8) ? 'offer' : 'reject',
        offer: { hoursPerWeek: 10, startDate: '2027-02-01' },
      };
    case 'respond-offer':
      return { accepted: yes(0.8) };
    case 'record-training':
      // Now and then a training the program does not list (422).
      return {
        training: !positive && chance(0.1) ? 'juggling' : pick(program.policy.requiredTrainings),
        completedAt: new Date().toISOString(),
      };
    case 'record-ride-along':
      return { date: localDay(program.timezone), staff: pick(['Jo Rivera', 'Sam Lee', 'Ana Ruiz']) };
    case 'submit-debrief':
      return {
        hours: 5,
        conversations: 8,
        oneOnOnes: 2,
        leadersIdentified: 1,
        inPerson: chance(0.5),
        group: chance(0.3),
      };
    case 'record-group-debrief':
      return { heldAt: new Date(Date.now() - 60_000).toISOString(), location: 'hall' };
    case 'set-work-plan':
      return { targets: { conversations: 10, oneOnOnes: 2 }, ...(chance(0.5) ? { notes: 'race' } : {}) };
    case 'submit-timesheet':
      return {
        periodStart: new Date(Date.now() - 60_000).toISOString(),
        entries: [{ date: new Date().toISOString().slice(0, 10), hours: 1.5, kind: 'organizing' }],
      };
    case 'approve-pay-period':
      return { periodStart: new Date(Date.now() - 60_000).toISOString() };
    case 'pause':
    case 'resume':
      return chance(0.5) ? { reason: 'race' } : {};
    case 'reject':
    case 'withdraw':
    case 'terminate':
      return { reason: 'race' };
  }
}

/**
 * One organizer's burst, in the order a client would send it: seven in ten of its actions walk the organizer on from its stage as a
 * coordinator would (the step the stage expects next; once active, debriefs, pauses, resumes and ride-alongs), the
 * rest is any action at all, with any body. Closers also get withdraw and terminate, twice each, to race.
 */
function burstFor(
  random: () => number,
  program: Program,
  organizerId: string,
  from: Stage,
  count: number,
  closers: boolean,
): RaceAction[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const walk: Action[] = ['schedule-screening', 'record-screening', 'record-role-play', 'respond-offer'];
  const steps: Action[] = [...walk.slice(Math.min(raceStages.indexOf(from), walk.length))];
  if (raceStages.indexOf(from) <= raceStages.indexOf('training'))
    steps.push(...program.policy.requiredTrainings.map((): Action => 'record-training'));
  if (raceStages.indexOf(from) <= raceStages.indexOf('ride_along')) steps.push('record-ride-along');
  const anyAction = actions.filter((a) => closers || !closing.includes(a));
  const burst: RaceAction[] = [];
  let trainings = 0;
  for (let i = 0; i < count; i++) {
    if (random() < 0.7) {
      const action = steps.shift() ?? pick<Action>(['submit-debrief', 'pause', 'resume', 'record-ride-along']);
      const body = bodyFor(action, random, program, true);
      if (action === 'record-training')
        body.training = program.policy.requiredTrainings[trainings++ % program.policy.requiredTrainings.length];
      burst.push({ organizerId, action, body });
    } else {
      const action = pick(anyAction);
      burst.push({ organizerId, action, body: bodyFor(action, random, program, false) });
    }
  }
  if (closers)
    for (const action of ['withdraw', 'terminate', 'withdraw', 'terminate'] as const)
      burst.splice(Math.floor(random() * burst.length), 0, { organizerId, action, body: { reason: 'race' } });
  return burst;
}

/** Bursts of 20–50 actions for each organizer (three in ten of them closers), interleaved at random across organizers. */
export function raceActions(
  random: () => number,
  program: Program,
  organizers: { id: string; stage: Stage }[],
): RaceAction[] {
  const bursts = organizers.map(({ id, stage }) =>
    burstFor(random, program, id, stage, 20 + Math.floor(random() * 31), random() < 0.3),
  );
  const all: RaceAction[] = [];
  while (bursts.some((b) => b.length)) {
    const open = bursts.filter((b) => b.length);
    all.push(open[Math.floor(random() * open.length)].shift()!);
  }
  return all;
}

/** Organizers spread over every open stage, walked there over HTTP. */
export async function organizersInEveryStage(
  admin: ApiClient,
  program: Program,
  perStage: number,
): Promise<{ id: string; stage: Stage }[]> {
  const organizers: { id: string; stage: Stage }[] = [];
  for (const stage of raceStages) {
    const walked = await Promise.all(
      Array.from({ length: perStage }, async () => {
        const { status, body } = await admin.apply(program.id);
        if (status !== 201) throw new Error(`application answered ${status}: ${JSON.stringify(body)}`);
        await admin.advanceTo(program, body.id, stage as Parameters<ApiClient['advanceTo']>[2]);
        return { id: body.id as string, stage };
      }),
    );
    organizers.push(...walked);
  }
  return organizers;
}

export interface RaceOutcome extends RaceAction {
  response: HttpResult;
}

/**
 * Sends the whole burst at once. A request whose connection failed before any answer came (the test process, client
 * and server on one event loop, can run out of breath under a full parallel run: ECONNRESET, up to 7% of 1,300 when a
 * Chromium suite ran beside it) is sent once more a moment later, as a client would; the race's rules hold whatever
 * the first one did, since a repeated action is just one more in the race. One that fails again gets status 0 and the
 * socket error: no answer of the API's, so callers count these apart and keep them few.
 */
export function fire(admin: ApiClient, burst: RaceAction[]): Promise<RaceOutcome[]> {
  const send = async (a: RaceAction, attempt = 1): Promise<RaceOutcome> => {
    try {
      return { ...a, response: await admin.act(a.organizerId, a.action, a.body) };
    } catch (error) {
      if (attempt === 1) {
        await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));
        return send(a, 2);
      }
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      return { ...a, response: { status: 0, body: { transport: cause }, headers: new Headers() } };
    }
  };
  return Promise.all(burst.map((a) => send(a)));
}

/** The answers that never came (status 0): at most one in a hundred may be missing, and each is printed. */
export function fewTransportFailures(outcomes: RaceOutcome[], label: string): string[] {
  const failed = outcomes.filter((o) => o.response.status === 0);
  for (const o of failed)
    process.stdout.write(`[${label}] no answer (connection): ${o.action} ${JSON.stringify(o.response.body)}\n`);
  return failed.length > outcomes.length / 100
    ? failed.map((o) => `${o.action}: ${JSON.stringify(o.response.body)}`)
    : [];
}

export function tally(outcomes: RaceOutcome[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { response } of outcomes) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}

/** What the comparison looks at, in the same shape from both sides. */
export interface Facts {
  stage: string;
  version: number;
  paused: boolean;
  trainings: string[];
  rideAlongs: string[];
  debriefs: string[];
  openNotifications: string[];
}

interface WorkflowState {
  stage: string;
  version: number;
  paused: boolean;
  trainings: { training: string }[];
  rideAlongs: { key: string }[];
  periods: { start: string; submittedAt?: string }[];
  openNotifications: { id: string }[];
}

const sorted = (items: string[]) => [...items].sort();
const isoOf = (value: string | Date) => new Date(value).toISOString();

/** The organizer as Temporal holds it: the live state by query, or the closed workflow's result. */
export async function temporalFacts(client: Client, organizerId: string): Promise<Facts> {
  const handle = client.workflow.getHandle(organizerId);
  const { status } = await handle.describe();
  const state: WorkflowState = status.name === 'RUNNING' ? await queryState(handle) : await handle.result();
  return {
    stage: state.stage,
    version: state.version,
    paused: state.paused,
    trainings: sorted(state.trainings.map((t) => t.training)),
    rideAlongs: sorted(state.rideAlongs.map((r) => r.key)),
    debriefs: sorted(state.periods.filter((p) => p.submittedAt).map((p) => isoOf(p.start))),
    openNotifications: sorted(state.openNotifications.map((n) => n.id)),
  };
}

/**
 * The running workflow's state. A query refused for a passing reason is asked again (for up to 30 s): under a race the
 * server fails a task whose commands arrive while new events do and schedules it again at once, and just after a
 * fault the worker's pollers may not have reached the server yet (both FAILED_PRECONDITION). A worker that stays
 * away still fails the test.
 */
async function queryState(handle: ReturnType<Client['workflow']['getHandle']>): Promise<WorkflowState> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handle.query<WorkflowState>('organizerState');
    } catch (error) {
      const passing = /Workflow Task in failed state|no poller seen/.test(String((error as Error).cause ?? error));
      if (attempt >= 150 || !passing) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The organizer as the read models hold it. */
export async function readModelFacts(harness: AppHarness, organizerId: string): Promise<Facts> {
  const q = (sql: string) => harness.dataSource.query(sql, [organizerId]);
  const [row] = await q('SELECT stage, version, paused FROM organizers WHERE id = $1');
  const trainings = await q('SELECT training FROM trainings WHERE organizer_id = $1');
  const rideAlongs = await q('SELECT key FROM ride_alongs WHERE organizer_id = $1');
  const debriefs = await q('SELECT period_start FROM debriefs WHERE organizer_id = $1');
  const open = await q('SELECT id FROM notifications WHERE organizer_id = $1 AND resolved_at IS NULL');
  return {
    stage: row?.stage,
    version: row?.version,
    paused: row?.paused,
    trainings: sorted(trainings.map((t: { training: string }) => t.training)),
    rideAlongs: sorted(rideAlongs.map((r: { key: string }) => r.key)),
    debriefs: sorted(debriefs.map((d: { period_start: Date }) => isoOf(d.period_start))),
    openNotifications: sorted(open.map((n: { id: string }) => n.id)),
  };
}

/**
 * Every state Temporal committed for an organizer, by version: the results of its completed updates and the
 * organizer snapshots its scheduled projection activities carried, across all its runs (read from history).
 */
export async function committedStates(
  client: Client,
  organizerId: string,
  codec: PayloadCodec,
): Promise<Map<number, { stage: string; paused?: boolean }>> {
  const committed = new Map<number, { stage: string; paused?: boolean }>();
  // History holds payloads as Temporal stores them (encrypted): decoded with the codec, then read as JSON.
  const decode = async (payload: temporal.api.common.v1.IPayload | null | undefined): Promise<any> => {
    if (!payload?.data) return undefined;
    const [plain] = await codec.decode([payload as Payload]);
    return plain.data ? JSON.parse(Buffer.from(plain.data).toString('utf8')) : undefined;
  };
  let runId: string | undefined = (await client.workflow.getHandle(organizerId).describe()).runId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await client.workflow
      .getHandle(organizerId, runId)
      .fetchHistory();
    runId = undefined;
    for (const event of history.events ?? []) {
      const started = event.workflowExecutionStartedEventAttributes;
      if (started?.continuedExecutionRunId) runId = started.continuedExecutionRunId;
      const success = event.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success;
      const result = success ? await decode(success.payloads?.[0]) : undefined;
      if (result?.version !== undefined)
        committed.set(result.version, {
          stage: result.stage,
          ...(result.projection ? { paused: result.projection.organizer.paused } : {}),
        });
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType?.name === 'projectOrganizer') {
        const { organizer } = await decode(scheduled.input?.payloads?.[0]);
        committed.set(organizer.version, { stage: organizer.stage, paused: organizer.paused });
      }
    }
  }
  return committed;
}

/** Differences between the read model and Temporal, one line per organizer that differs. */
export async function differences(harness: AppHarness, organizerIds: string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const id of organizerIds) {
    const [truth, read] = await Promise.all([temporalFacts(harness.temporal, id), readModelFacts(harness, id)]);
    if (JSON.stringify(truth) !== JSON.stringify(read))
      lines.push(`${id}: temporal ${JSON.stringify(truth)} read model ${JSON.stringify(read)}`);
  }
  return lines;
}

/** Waits until no organizer differs (timers still firing may need a projection or two), then returns what still does. */
export async function convergedDifferences(
  harness: AppHarness,
  organizerIds: string[],
  timeoutMs = 60_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let remaining = organizerIds;
  let lines: string[] = [];
  while (remaining.length && Date.now() < deadline) {
    lines = await differences(harness, remaining);
    remaining = lines.map((line) => line.slice(0, line.indexOf(':')));
    if (remaining.length) await new Promise((r) => setTimeout(r, 500));
  }
  return remaining.length ? lines : [];
}

/** The 200 answers whose body reports a state (version, stage, paused) that Temporal never committed. */
export async function uncommittedAnswers(harness: AppHarness, outcomes: RaceOutcome[]): Promise<string[]> {
  const client = harness.temporal;
  const codec = harness.app.get(MemberDataCodec);
  const byOrganizer = new Map<string, RaceOutcome[]>();
  for (const outcome of outcomes)
    if (outcome.response.status === 200)
      byOrganizer.set(outcome.organizerId, [...(byOrganizer.get(outcome.organizerId) ?? []), outcome]);
  const lines: string[] = [];
  for (const [organizerId, answered] of byOrganizer) {
    const committed = await committedStates(client, organizerId, codec);
    for (const { action, response } of answered) {
      const { version, stage, paused } = response.body;
      const state = committed.get(version);
      if (!state || state.stage !== stage || (state.paused !== undefined && state.paused !== paused)) {
        lines.push(
          `${organizerId} ${action}: answered version ${version} ${stage}${paused ? ' paused' : ''}, committed ${state ? JSON.stringify(state) : 'nothing'} at that version`,
        );
      }
    }
  }
  return lines;
}
