import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ensureSearchAttributes } from '../../src/temporal/search-attributes';
import { sharedWorkflowModules } from '../../src/worker/workflow-bundle';
import type { OrganizerActivities, ProjectionInput, ProjectionResult } from '../../src/contracts/activities';
import type { Changes, NotificationRecord, RosterStatus, TransitionRecord } from '../../src/domain/organizer';
import type { ProgramPolicy } from '../../src/domain/policy';
import { OrganizerWorkflowInput, organizerWorkflowType } from '../../src/contracts/organizer-workflow';
import { anApplication } from './builders';

let runtimeInstalled = false;
/** Every line the SDK logged in this Jest worker (tests check that no secret reaches the logs). */
export const sdkLogLines: string[] = [];

/** The SDK's logs at WARN, once per Jest worker (Runtime.install may only run before any connection). */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry) => {
      const line = `${entry.level} ${entry.message} ${JSON.stringify(entry.meta ?? {}, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`;
      sdkLogLines.push(line);
      if (entry.level === 'WARN' || entry.level === 'ERROR') process.stderr.write(line + '\n');
    }),
  });
}

/** The time-skipping test server (one per suite: it has one clock), from the path the global setup provisioned. */
export async function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  const env = await TestWorkflowEnvironment.createTimeSkipping(
    path ? { server: { executable: { type: 'existing-path', path } } } : {},
  );
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/** The dev server the global setup started (real time). */
export async function devServerEnvironment(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The workflow code bundled from source, once per suite. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('../../src/workflows'),
    preloadModules: sharedWorkflowModules,
    logger: new DefaultLogger('WARN'),
  });
  return bundle;
}

export function uniqueTaskQueue(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

/** Activity fakes that record every call (workflow tests only; everything else uses the real activities). */
export class RecordingActivities implements OrganizerActivities {
  roster: RosterStatus = { hasRoster: false, onRoster: false };
  readonly projections: ProjectionInput[] = [];
  readonly deliveries: string[][] = [];

  checkRoster = async (): Promise<RosterStatus> => this.roster;
  /** Whether the fake says email is configured (so deliveries are scheduled). */
  mailing = true;
  projectOrganizer = async (input: ProjectionInput): Promise<ProjectionResult> => {
    this.projections.push(structuredClone(input));
    return { deliver: this.mailing && input.changes.notifications.length > 0 };
  };
  deliverNotifications = async ({ notificationIds }: { notificationIds: string[] }): Promise<void> => {
    this.deliveries.push(notificationIds);
  };

  /** Every record of one kind, in the order the projections carried them. */
  all<K extends keyof Changes>(key: K): Changes[K] {
    return this.projections.flatMap((p) => p.changes[key] as unknown[]) as Changes[K];
  }

  get notifications(): NotificationRecord[] {
    return this.all('notifications');
  }

  get transitions(): TransitionRecord[] {
    return this.all('transitions');
  }

  get latest(): ProjectionInput['organizer'] | undefined {
    return this.projections.reduce<ProjectionInput['organizer'] | undefined>(
      (a, p) => (!a || p.organizer.version > a.version ? p.organizer : a),
      undefined,
    );
  }
}

/** Starts an organizer's workflow on its application, as the API does (the roster lookup is the worker's). */
export function startOrganizerWorkflow(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  policy: ProgramPolicy,
  organizerId: string = randomUUID(),
  extra: Partial<OrganizerWorkflowInput> = {},
) {
  return env.client.workflow.start(organizerWorkflowType, {
    taskQueue,
    workflowId: organizerId,
    args: [{ organizerId, programId: randomUUID(), policy, application: anApplication(), ...extra }],
  });
}

/** A worker of the organizer workflow from source on `taskQueue`, with these activities. */
export async function aWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  activities: OrganizerActivities,
): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
}

/** A worker with activity fakes that record every call, on a task queue of its own named after `name`. */
export async function aRecordingWorker(
  env: TestWorkflowEnvironment,
  name: string,
): Promise<{ taskQueue: string; activities: RecordingActivities; worker: Worker }> {
  const taskQueue = uniqueTaskQueue(name);
  const activities = new RecordingActivities();
  return { taskQueue, activities, worker: await aWorker(env, taskQueue, activities) };
}
