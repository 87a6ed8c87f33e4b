// What Temporal holds, read straight from it, against what the product says: each read model (the workflow's query
// while open, its result once closed) and each 200 answer (the update results and projection inputs committed in its
// history). The integrity race and the reconcile pass end on these.
import type { Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { MemberDataCodec } from '../../src/temporal/member-data-codec';
import type { AppHarness } from './app-harness';
import type { RaceOutcome } from './race';

/** What the comparison looks at, in the same shape from both sides. */
interface Facts {
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
async function temporalFacts(client: Client, organizerId: string): Promise<Facts> {
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
async function readModelFacts(harness: AppHarness, organizerId: string): Promise<Facts> {
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
async function committedStates(
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
  // Every run under the id: the current one and those it continued from (read at once), and the earlier runs of a
  // record reopened after its run ended (listed: the list may lag a moment, the chain does not).
  const runIds = new Set<string>();
  for await (const run of client.workflow.list({ query: `WorkflowId = '${organizerId}'` })) runIds.add(run.runId);
  const pending = [(await client.workflow.getHandle(organizerId).describe()).runId];
  const read = new Set<string>();
  for (let runId = pending.pop() ?? [...runIds].find((id) => !read.has(id)); runId;) {
    read.add(runId);
    const history: temporal.api.history.v1.IHistory = await client.workflow
      .getHandle(organizerId, runId)
      .fetchHistory();
    for (const event of history.events ?? []) {
      const continued = event.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
      if (continued && !read.has(continued)) pending.push(continued);
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
    runId = pending.pop() ?? [...runIds].find((id) => !read.has(id));
  }
  return committed;
}

/** Differences between the read model and Temporal, one line per organizer that differs. */
export async function differences(harness: AppHarness, organizerIds: string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const id of organizerIds) {
    // A worker just restarted may leave a query unanswered for a while (its dead sticky queue, a deadline): that
    // organizer counts as differing, with the reason, until the wait ends.
    const facts = await Promise.all([temporalFacts(harness.temporal, id), readModelFacts(harness, id)]).catch(
      (error: Error) => `${id}: unreadable: ${String(error.cause ?? error)}`,
    );
    if (typeof facts === 'string') {
      lines.push(facts);
      continue;
    }
    const [truth, read] = facts;
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
