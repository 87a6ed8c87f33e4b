import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  Client,
  type Connection,
  isGrpcServiceError,
  ScheduleAlreadyRunning,
  ScheduleOptions,
  ServiceError,
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import {
  ApplicationFailure,
  type Payload,
  TypedSearchAttributes,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/common';
import { AppConfig } from '../../config/configuration';
import { ensureSearchAttributes } from '../../temporal/search-attributes';
import { erasedRefusal, type Actor, type Application, type OrganizerState } from '../../domain/organizer';
import type { ProgramPolicy } from '../../domain/policy';
import { refusal, takeUpProgram } from '../../domain/lifecycle';
import type { Action, ActionInputs, ActionRequest } from '../../domain/stage-machine';
import { broadcastWorkflowType, ProgramBroadcast } from '../../contracts/program-broadcast';
import {
  actionRefusedType,
  actionUpdates,
  ActionResult,
  applicationRecordedUpdate,
  type CallerStores,
  OrganizerWorkflowInput,
  organizerStateQuery,
  organizerWorkflowType,
  policyChangedSignal,
  RefusalDetails,
  termEndChangedSignal,
} from '../../contracts/organizer-workflow';
import {
  currentOrganizerPath,
  organizerPathKey,
  organizerStageKey,
  programIdKey,
} from '../../contracts/search-attributes';
import { organizerIdFor, weeklyReportRunId, weeklyReportScheduleId } from '../../contracts/ids';
import { weeklyReportWorkflowType } from '../../contracts/weekly-report';
import {
  AlreadyAppliedError,
  ConflictError,
  NotFoundError,
  RecordClosedError,
  RuleViolationError,
  UnavailableError,
} from '../common/errors';
import { ErasedPayloadError, MemberDataCodec } from '../../temporal/member-data-codec';

/**
 * An action whose result this process writes itself (docs/design.md §4): what the workflow is told, and the update's
 * id, which the note made first holds (the sweep reads that update's result if this process dies before writing it).
 */
export interface WritingCaller {
  stores: CallerStores;
  updateId: string;
}

/** What an update's message tells the workflow of a caller that writes the result itself */
const callerStoresOf = (writing: WritingCaller | undefined) => (writing ? { callerStores: writing.stores } : {});

/** The API's one door to Temporal: owns workflow IDs, the calls, their deadlines, and what their errors mean. */
@Injectable()
export class WorkflowGateway {
  private readonly logger = new Logger(WorkflowGateway.name);

  /** The search attributes a start sets, registered once (an API deployed before its worker must not fail starts). */
  private searchAttributes: Promise<unknown> | undefined;

  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
    private readonly codec: MemberDataCodec,
  ) {}

  private ensureSearchAttributes(): Promise<unknown> {
    this.searchAttributes ??= ensureSearchAttributes(
      this.client.connection as Connection,
      this.config.temporal.namespace,
    ).catch((error: unknown) => {
      this.searchAttributes = undefined;
      throw error;
    });
    return this.searchAttributes;
  }

  /**
   * Starts the organizer's workflow; answers with the recorded application (to be stored by the caller). `afterErasure`:
   * a closed run under the member's id is an erased record's, and a new run may start beside it.
   */
  async apply(input: {
    programId: string;
    policy: ProgramPolicy;
    termEnd?: string;
    programChangedAt: string;
    application: Application;
    appliedBy: Actor;
    timezone: string;
    termStart: string;
    afterErasure?: boolean;
    /** This process writes the result (and noted so): the workflow spends no activity on it. */
    writing?: WritingCaller;
  }): Promise<{ organizerId: string } & ActionResult> {
    const organizerId = organizerIdFor(input.programId, input.application.memberId);
    const args: OrganizerWorkflowInput = {
      organizerId,
      programId: input.programId,
      policy: input.policy,
      termEnd: input.termEnd,
      programChangedAt: input.programChangedAt,
      application: input.application,
      appliedBy: input.appliedBy,
      timezone: input.timezone,
      termStart: input.termStart,
    };
    await this.call(organizerId, () => this.ensureSearchAttributes());
    const result = await this.call(organizerId, () =>
      this.client.workflow.executeUpdateWithStart(applicationRecordedUpdate, {
        args: [callerStoresOf(input.writing)],
        updateId: input.writing?.updateId,
        startWorkflowOperation: new WithStartWorkflowOperation(organizerWorkflowType, {
          workflowId: organizerId,
          taskQueue: this.config.temporal.taskQueue,
          // Temporal itself refuses a second application for the same member, running or closed: no check-then-insert race.
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: input.afterErasure ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
          typedSearchAttributes: new TypedSearchAttributes([
            { key: programIdKey, value: input.programId },
            { key: organizerStageKey, value: 'applied' },
            { key: organizerPathKey, value: currentOrganizerPath },
          ]),
          args: [args],
        }),
      }),
    );
    return { organizerId, ...result };
  }

  /**
   * Sends an action as the workflow update of the same name; answers with its committed result. An update cut off
   * because the run continued as new is sent once more, to the new run; one cut off because the workflow closed is a
   * RecordClosedError. `writing`: this process writes the result (and noted so).
   */
  async act<A extends Action>(
    organizerId: string,
    action: A,
    input: ActionInputs[A],
    actor: Actor,
    writing?: WritingCaller,
  ): Promise<ActionResult> {
    const message = { input, actor, ...callerStoresOf(writing) };
    const send = () =>
      this.client.workflow.getHandle(organizerId).executeUpdate(actionUpdates[action] as never, {
        args: [message],
        updateId: writing?.updateId,
      }) as Promise<ActionResult>;
    try {
      return await this.call(organizerId, send);
    } catch (error) {
      if (!(error instanceof RecordClosedError)) throw error;
      const { status } = await this.call(organizerId, () => this.client.workflow.getHandle(organizerId).describe());
      if (status.name !== 'RUNNING') throw error;
      return this.call(organizerId, send);
    }
  }

  /**
   * Sends an action taken on a closed record (reopen): to the run still open if there is one (pay owed, mail pending),
   * else to a new run under the same id that starts from the record's last state, on the program as it is now
   * (update-with-start), once that state accepts the action (a refusal the state gives starts nothing; the roster's,
   * asked by the new run, ends that run at once, the record as it was). The state goes on with its
   * version, so the read models take the new run's writes, and its history rows go on from the last one: one person,
   * one timeline.
   */
  async actOnClosed<A extends Action>(
    organizerId: string,
    action: A,
    input: ActionInputs[A],
    actor: Actor,
    program: { policy: ProgramPolicy; termEnd?: string; changedAt: string },
    /** The record's state from the read model, for a run Temporal no longer keeps (past its retention). */
    fromReadModel: () => Promise<OrganizerState | undefined>,
    writing?: WritingCaller,
  ): Promise<ActionResult> {
    const { status, runId } = await this.call(organizerId, () =>
      this.client.workflow.getHandle(organizerId).describe(),
    ).then(
      (described) => ({ status: described.status.name, runId: described.runId }),
      (error: unknown) => {
        if (error instanceof RecordClosedError) return { status: 'FORGOTTEN', runId: undefined };
        throw error;
      },
    );
    if (status === 'RUNNING') return this.act(organizerId, action, input, actor, writing);
    if (status !== 'COMPLETED' && status !== 'FORGOTTEN')
      throw new ConflictError(`this record's last run ended ${status.toLowerCase()}: it cannot be reopened`);
    // The ended run's result, by its id: another reopen may have started a newer run since, whose result is months away.
    const endedRun = () => this.client.workflow.getHandle(organizerId, runId).result() as Promise<OrganizerState>;
    const last = status === 'COMPLETED' ? await this.call(organizerId, endedRun) : await fromReadModel();
    if (!last)
      throw new ConflictError(
        "this record's history is no longer kept, and a hire cannot be reopened from the read model alone",
      );
    const state: OrganizerState = { ...last };
    takeUpProgram(state, program);
    const refused = refusal(state, { action, input, actor } as ActionRequest, Date.now());
    if (refused)
      throw refused.code === 'invalid' ? new RuleViolationError(refused.message) : new ConflictError(refused.message);
    const args: OrganizerWorkflowInput = {
      organizerId,
      programId: last.programId,
      policy: program.policy,
      termEnd: program.termEnd,
      programChangedAt: program.changedAt,
      state,
    };
    await this.call(organizerId, () => this.ensureSearchAttributes());
    return this.call(
      organizerId,
      () =>
        this.client.workflow.executeUpdateWithStart(actionUpdates[action] as never, {
          args: [{ input, actor, ...callerStoresOf(writing) }],
          updateId: writing?.updateId,
          startWorkflowOperation: new WithStartWorkflowOperation(organizerWorkflowType, {
            workflowId: organizerId,
            taskQueue: this.config.temporal.taskQueue,
            // A run that another reopen started a moment ago takes this one's action (and refuses it by its stage).
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'ALLOW_DUPLICATE',
            typedSearchAttributes: new TypedSearchAttributes([
              { key: programIdKey, value: last.programId },
              { key: organizerStageKey, value: last.stage },
              { key: organizerPathKey, value: currentOrganizerPath },
            ]),
            args: [args],
          }),
        }) as Promise<ActionResult>,
    );
  }

  /**
   * Whether the closed run under an organizer id is an erased member's: its payloads no longer open with the key the
   * id has now (erasure destroyed the one they were sealed with). A running one never is.
   */
  async erasedRun(organizerId: string): Promise<boolean> {
    return this.call(organizerId, async () => {
      const { history } = await this.client.workflowService.getWorkflowExecutionHistory({
        namespace: this.config.temporal.namespace,
        execution: { workflowId: organizerId },
        maximumPageSize: 1,
      });
      const input = history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
      if (!input.length || (await this.client.workflow.getHandle(organizerId).describe()).status.name === 'RUNNING')
        return false;
      return this.codec.decode(input as Payload[]).then(
        () => false,
        () => true,
      );
    });
  }

  /** The organizer's state as their workflow holds it now (a change the API gave up waiting for may be in it). */
  async state(organizerId: string): Promise<OrganizerState> {
    return this.call(organizerId, () => this.client.workflow.getHandle(organizerId).query(organizerStateQuery));
  }

  /** Waits until the organizer's workflow has closed (its last change stored), within the call deadline. */
  async closed(organizerId: string): Promise<void> {
    await this.call(organizerId, () => this.client.workflow.getHandle(organizerId).result());
  }

  /**
   * Asks Temporal to delete every run of a closed organizer workflow (an erased member's). The server deletes in its
   * own time; until then the runs hold only payloads that no key opens any more.
   */
  async forget(organizerId: string): Promise<void> {
    await this.call(organizerId, async () => {
      const { namespace } = this.config.temporal;
      for await (const { runId } of this.client.workflow.list({ query: `WorkflowId = '${organizerId}'` })) {
        await this.client.workflowService
          .deleteWorkflowExecution({ namespace, workflowExecution: { workflowId: organizerId, runId } })
          .catch((error: unknown) => {
            if (!(isGrpcServiceError(error) && error.code === 5)) throw error;
          });
      }
    });
  }

  /** Tells one organizer the program's current policy and term end (for one that applied while they changed). */
  async tellOrganizer(
    organizerId: string,
    program: { policy: ProgramPolicy; termEnd: string | null; changedAt: string },
  ): Promise<void> {
    const handle = this.client.workflow.getHandle(organizerId);
    await this.call(organizerId, async () => {
      await handle.signal(policyChangedSignal, { policy: program.policy, changedAt: program.changedAt });
      await handle.signal(termEndChangedSignal, { termEnd: program.termEnd, changedAt: program.changedAt });
    });
  }

  /**
   * Starts telling every running organizer of a program about a new policy or term end (a durable workflow). The
   * result's `finished()` waits for the last signal, up to the call deadline; a broadcast still going after that
   * completes on its own.
   */
  async startBroadcast(
    programId: string,
    change: Omit<ProgramBroadcast, 'programId'>,
  ): Promise<{ finished: () => Promise<void> }> {
    const payload: ProgramBroadcast = { programId, ...change };
    const digest = createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 16);
    const handle = await this.call(`program-${programId}`, () =>
      this.client.workflow.start(broadcastWorkflowType, {
        workflowId: `program-broadcast-${programId}-${digest}`,
        taskQueue: this.config.temporal.taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [payload],
      }),
    );
    return {
      finished: async () => {
        try {
          await this.client.withDeadline(Date.now() + this.config.temporal.updateTimeoutMs, () => handle.result());
        } catch (error) {
          this.logger.warn(`broadcast to program ${programId} still running: ${(error as Error).message}`);
        }
      },
    };
  }

  /**
   * The program's weekly report: a Temporal Schedule firing every Monday at 06:00 in the program's time zone, which
   * stops a week after the term ends (so the last week is reported). Creating it again updates it.
   */
  async scheduleWeeklyReport(program: { id: string; timezone: string; termEnd: Date | null }): Promise<void> {
    const scheduleId = weeklyReportScheduleId(program.id);
    const spec = {
      calendars: [{ dayOfWeek: 'MONDAY' as const, hour: 6 }],
      timezone: program.timezone,
      ...(program.termEnd ? { endAt: new Date(program.termEnd.getTime() + 8 * 86_400_000) } : {}),
    };
    const options: ScheduleOptions = {
      scheduleId,
      spec,
      action: {
        type: 'startWorkflow',
        workflowType: weeklyReportWorkflowType,
        args: [{ programId: program.id }],
        taskQueue: this.config.temporal.taskQueue,
      },
      // A report missed while the server was down is still worth writing the same day; never two at once.
      policies: { catchupWindow: '1 day', overlap: 'SKIP' },
      state: { note: `weekly report to national for program ${program.id}` },
    };
    await this.call(scheduleId, async () => {
      try {
        await this.client.schedule.create(options);
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
        await this.client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec }));
      }
    });
  }

  /**
   * Makes the report of the week that ended at `week.end` now, as the Schedule would have (the same workflow and
   * activities); resolves once it is written. A request for a week already being made joins that run.
   */
  async runWeeklyReport(programId: string, week: { start: Date; end: Date }): Promise<void> {
    const workflowId = weeklyReportRunId(programId, week.start);
    try {
      await this.call(workflowId, async () => {
        const handle = await this.client.workflow.start(weeklyReportWorkflowType, {
          workflowId,
          taskQueue: this.config.temporal.taskQueue,
          workflowIdConflictPolicy: 'USE_EXISTING',
          args: [{ programId, asOf: week.end.toISOString() }],
        });
        await handle.result();
      });
    } catch (error) {
      // The run goes on: asked again, the request joins it.
      if (error instanceof UnavailableError)
        throw new UnavailableError('the report is still being made; ask again shortly to open it');
      throw error;
    }
  }

  async removeWeeklyReport(programId: string): Promise<void> {
    await this.call(weeklyReportScheduleId(programId), () =>
      this.client.schedule.getHandle(weeklyReportScheduleId(programId)).delete(),
    );
  }

  /** Runs a Temporal call with the configured deadline and turns its failures into the API's errors. */
  private async call<T>(workflowId: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await this.client.withDeadline(Date.now() + this.config.temporal.updateTimeoutMs, fn);
    } catch (error) {
      throw this.translate(error, workflowId);
    }
  }

  private translate(error: unknown, workflowId: string): Error {
    if (error instanceof ErasedPayloadError || (error as Error)?.cause instanceof ErasedPayloadError) {
      return new ConflictError(erasedRefusal.message);
    }
    if (error instanceof WorkflowExecutionAlreadyStartedError) return new AlreadyAppliedError();
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      if (cause instanceof ApplicationFailure && cause.type === actionRefusedType) {
        const refused = cause.details?.[0] as RefusalDetails | undefined;
        return refused?.code === 'invalid' ? new RuleViolationError(cause.message) : new ConflictError(cause.message);
      }
      // The run ended (closed, or continued as new) between accepting the update and completing it.
      if (/completed before the Update completed|aborted/i.test(cause?.message ?? '')) return new RecordClosedError();
    }
    if (error instanceof WorkflowNotFoundError) return new RecordClosedError();
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isDeadline(error)) {
      return new UnavailableError(
        "the organizer's workflow did not answer in time; the change may still be applied, check again shortly",
      );
    }
    if (error instanceof ServiceError || isGrpcServiceError(error)) {
      const code = isGrpcServiceError(error)
        ? error.code
        : isGrpcServiceError(error.cause)
          ? error.cause.code
          : undefined;
      if (code === 5) return new NotFoundError(`no workflow ${workflowId}`);
      this.logger.warn(`Temporal call for ${workflowId} failed: ${(error as Error).message}`);
      return new UnavailableError('Temporal is not available; try again shortly');
    }
    this.logger.error(`unexpected Temporal error for ${workflowId}: ${describeError(error)}`);
    return error instanceof Error ? error : new Error(String(error));
  }
}

function describeError(error: unknown): string {
  const parts: string[] = [];
  for (
    let e = error as { name?: string; message?: string; code?: unknown; cause?: unknown } | undefined;
    e && parts.length < 5;
    e = e.cause as typeof e
  ) {
    parts.push(
      `${e.name ?? typeof e}${e.code !== undefined ? ` (code ${String(e.code)})` : ''}: ${e.message ?? String(e)}`,
    );
  }
  return parts.join(' ← ');
}

function isDeadline(error: unknown): boolean {
  const e = error as { code?: number; cause?: { code?: number } };
  return e?.code === 4 || e?.cause?.code === 4;
}
