// One organizer's whole life in a program. The rules live in ../domain (pure); this file gives them durability:
// updates for people's actions, timers for deadlines, activities for the read models and email.
//
// Only committed state reaches the read models. Workflow code can run in a task the server later throws away (a
// failed or superseded task, a dropped speculative update task), so nothing here writes from inside a task:
// - an update's result, which Temporal delivers only once the task that produced it is committed, carries the new row
//   and every change not yet known to be stored; the API writes it before answering (read-your-writes);
// - a regular activity, which exists only once the task that scheduled it is committed, writes the same in version
//   order for the changes no caller writes (timers, program changes; every change of a caller that does not say it
//   writes, `callerStores`), and everything waiting before the run ends;
// - a caller that went away before writing left a note under its update's id; the worker's sweep reads that update's
//   result from Temporal and writes it (after an hour without a write, the daily reconcile pass asks
//   `unstoredProjection`).
// Every write is idempotent (deterministic row keys) and version-guarded, so the second to land changes nothing.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { OrganizerActivities } from '../contracts/activities';
import {
  changePolicy,
  changeTermEnd,
  fireDeadlines,
  isCurrentChange,
  nextDeadline,
  owesPay,
  startOrganizer,
  takeAction,
  wakeAt,
} from '../domain/lifecycle';
import { Changes, noChanges, OrganizerState } from '../domain/organizer';
import { Action, actions } from '../domain/stage-machine';
import { isClosed } from '../domain/stages';
import { Deliveries } from './deliveries';
import {
  actionUpdates,
  ActionMessage,
  ActionResult,
  applicationRecordedUpdate,
  callerClockMarginMs,
  CallerStores,
  defaultPeriodsPerRun,
  OrganizerWorkflowInput,
  policyChangedSignal,
  refusalFailure,
  termEndChangedSignal,
  unstoredProjectionQuery,
} from '../contracts/organizer-workflow';
import {
  actionRequest,
  answerStateQuery,
  logApplied,
  localActivities,
  nextRunInput,
  outsideActivities,
  startInput,
  validateAction,
} from './organizer-handlers';
import { organizerWorkflowV1 } from './organizer-v1.workflow';
import { ProjectionQueue } from './projection-queue';
import {
  currentOrganizerPath,
  organizerPathKey,
  organizerStageKey,
  programIdKey,
} from '../contracts/search-attributes';

/**
 * Changes to code that running workflows had already executed. Each keeps the old path for the runs that started
 * before it, and says when that path can go.
 */
export const patches = {
  /** organizer-v1.workflow.ts: runs started before it. Retire when none is open: deprecatePatch, then remove both. */
  committedProjections: 'committed-projections',
  /**
   * The second rules (calendar deadlines and the rest, see currentRules): runs started between this patch and the
   * third-rules one follow them, and a run that began on the first takes them up when it continues as new. Retire
   * when no run on the first rules is open.
   */
  secondRules: 'second-rules',
  /**
   * The third rules (stage limits that follow the policy, see currentRules): new organizers start on them; a run on
   * earlier rules takes them up when it continues as new. Retire when no run on earlier rules is open.
   */
  thirdRules: 'third-rules',
  /**
   * Each run says it takes this path (the OrganizerPath search attribute) where its start did not: a run continued from
   * the first path or from one started before the attribute. Retire with committedProjections.
   */
  organizerPath: 'organizer-path',
  /**
   * The fourth rules (ride-along windows in the program's local days, see currentRules): new organizers start on
   * them; a run on earlier rules takes them up when it continues as new. Retire when no run on earlier rules is open.
   */
  fourthRules: 'fourth-rules',
  /**
   * The fifth rules (a screening's invitation, answer and reminder, see currentRules): new organizers start on them; a
   * run on earlier rules takes them up when it continues as new. Retire when no run on earlier rules is open.
   */
  fifthRules: 'fifth-rules',
  /**
   * Callers that store an update's result themselves (message.callerStores) are trusted to, so the change costs no
   * activity; runs started before keep projecting every change. Retire when no run started before it is open.
   */
  callerStores: 'caller-stores',
  /**
   * The workflow's own commands (its write of the read models, its deadline timers) wait until every action of the
   * task has answered: where they fall among the answers then no longer depends on how the SDK batched the task's
   * jobs, which differed between a live task and its replay. Retire when no run started before it is open.
   */
  afterAnswers: 'after-answers',
} as const;

const { projectOrganizer } = proxyActivities<OrganizerActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 ms', backoffCoefficient: 2, maximumInterval: '20 seconds' },
});
const { deliverNotifications } = outsideActivities;
// A read with no side effect, so it may run inside the task: no round trip through the server.
const { checkRoster } = localActivities;

export async function organizerWorkflow(input: OrganizerWorkflowInput): Promise<OrganizerState> {
  // Decided once, at the start of a run: a run that began on the old path keeps it until it ends or continues as new.
  if (!patched(patches.committedProjections)) return organizerWorkflowV1(input);
  if (
    patched(patches.organizerPath) &&
    workflowInfo().typedSearchAttributes.get(organizerPathKey) !== currentOrganizerPath
  )
    upsertSearchAttributes([{ key: organizerPathKey, value: currentOrganizerPath }]);

  // A run recorded before the third rules asks for the second's marker only (replay): the checks go newest first.
  // Literal numbers: a later rules version comes with a patch of its own, never by raising currentRules here.
  const rules = patched(patches.fifthRules)
    ? 5
    : patched(patches.fourthRules)
      ? 4
      : patched(patches.thirdRules)
        ? 3
        : patched(patches.secondRules)
          ? 2
          : undefined;
  const callersStore = patched(patches.callerStores);
  const afterAnswers = patched(patches.afterAnswers);
  /**
   * Whether the workflow's own commands may go out now (patches.afterAnswers). Waited for with `if (!allAnswered())`
   * only: an await where the old runs had none would move their commands too.
   */
  const allAnswered = () => !afterAnswers || allHandlersFinished();
  let state: OrganizerState | undefined = input.state;
  if (state && rules && (state.rules ?? 1) < rules) state.rules = rules;
  const periodsAtRunStart = state?.periods.length ?? 0;
  /** The program as of its latest change; a change that comes before the application is recorded goes into it. */
  let program = { policy: input.policy, termEnd: input.termEnd, changedAt: input.programChangedAt };
  const unstored = new ProjectionQueue();
  const deliveries = new Deliveries(input.organizerId, deliverNotifications, input.pendingDeliveries);

  /** How many times the state may have changed: every handler and the deadline loop report here, via `changed`. */
  let stateChanges = 0;
  /** The next deadline as of `stateChanges`: walking the program's calendar is kept to once per change of state. */
  let upcoming = { deadline: undefined as number | undefined, asOf: -1 };
  const nextDeadlineNow = (): number | undefined => {
    if (upcoming.asOf !== stateChanges) upcoming = { deadline: nextDeadline(state!), asOf: stateChanges };
    return upcoming.deadline;
  };

  /**
   * Called after anything that may have changed the state; queues a change for the read models (a change that moved
   * the stage is mirrored into search attributes).
   */
  function changed(versionBefore: number, changes: Changes): void {
    stateChanges += 1;
    if (state!.version === versionBefore) return;
    unstored.add(state!.version, changes);
    if (changes.transitions.length) {
      upsertSearchAttributes([
        { key: programIdKey, value: state!.programId },
        { key: organizerStageKey, value: state!.stage },
      ]);
    }
  }

  /** Every change up to the version the caller read is stored: later answers need not carry them again. */
  const prune = (callerStores: CallerStores | undefined) => {
    if (callersStore && callerStores) unstored.storedByCaller(callerStores.storedVersion);
  };
  const answer = (callerStores: CallerStores | undefined): ActionResult => {
    // A caller is trusted to write only while it still waits for this answer; later (its call timed out, its note may
    // be swept already) the change is the workflow's own to write.
    if (callersStore && callerStores && Date.now() < callerStores.writeBy - callerClockMarginMs)
      unstored.handedToCaller(state!.version);
    return { stage: state!.stage, version: state!.version, projection: unstored.projectionOf(state!) };
  };

  answerStateQuery(() => state);
  setHandler(unstoredProjectionQuery, () => (state && unstored.waiting ? unstored.projectionOf(state) : null));

  setHandler(applicationRecordedUpdate, async (message) => {
    await condition(() => state !== undefined);
    prune(message?.callerStores);
    return answer(message?.callerStores);
  });

  for (const action of actions) {
    setHandler(
      actionUpdates[action] as UpdateDefinition<ActionResult, [ActionMessage<Action>]>,
      async (message) => {
        // Only an action sent while the application is being recorded waits, and a reopen asks the roster; any other
        // runs right after its validator, in the same activation, so the two see the same state (takeAction checks
        // again in any case).
        if (!state) await condition(() => state !== undefined);
        const current = state!;
        const request = actionRequest(action, message);
        // An ineligible application reopened is checked against the roster as it is now (asked here, never sent).
        if (request.action === 'reopen' && current.stage === 'ineligible')
          request.input = {
            ...request.input,
            roster: await checkRoster({ programId: current.programId, memberId: current.memberId }),
          };
        prune(message.callerStores);
        const versionBefore = current.version;
        const { changes, refused } = takeAction(current, request, Date.now());
        changed(versionBefore, changes);
        if (refused) throw refusalFailure(refused, current);
        logApplied(action, current);
        return answer(message.callerStores);
      },
      { validator: (message) => validateAction(state, actionRequest(action, message)) },
    );
  }

  setHandler(policyChangedSignal, ({ policy, changedAt }) => {
    if (!state) {
      if (isCurrentChange(changedAt, program.changedAt))
        program = { ...program, policy, changedAt: changedAt ?? program.changedAt };
      return;
    }
    const versionBefore = state.version;
    changed(versionBefore, changePolicy(state, policy, Date.now(), changedAt));
  });

  setHandler(termEndChangedSignal, ({ termEnd, changedAt }) => {
    if (!state) {
      if (isCurrentChange(changedAt, program.changedAt))
        program = { ...program, termEnd: termEnd ?? undefined, changedAt: changedAt ?? program.changedAt };
      return;
    }
    const versionBefore = state.version;
    changeTermEnd(state, termEnd ?? undefined, changedAt);
    changed(versionBefore, noChanges());
  });

  if (!state) {
    const application = input.application!;
    const roster = await checkRoster({ programId: input.programId, memberId: application.memberId });
    const started = startOrganizer(
      {
        ...startInput(input, program, roster),
        appliedBy: input.appliedBy,
        rules,
        termStart: input.termStart,
        timezone: input.timezone,
      },
      Date.now(),
    );
    state = started.state;
    changed(0, started.changes);
  }
  const current = state;

  /** Before the run ends, every change is stored by the workflow itself, whoever else was to write it. */
  let flushing = false;
  /**
   * Stores the changes no caller writes (timers, program changes), and at the end all that wait, in the read models,
   * oldest first, one activity at a time; then emails what they raised.
   */
  async function storeInOrder(): Promise<never> {
    for (;;) {
      await condition(() => (unstored.ownWriteNeeded || (flushing && unstored.waiting)) && allAnswered());
      const projection = unstored.projectionOf(current);
      const notify = unstored.emails();
      const { deliver } = await projectOrganizer({ ...projection, notify });
      // Before they leave the queue: a run must not see nothing waiting while their email has not started.
      if (deliver && !allAnswered()) await condition(allAnswered);
      unstored.stored(projection.organizer.version, notify);
      if (deliver) deliveries.send(notify);
    }
  }
  void storeInOrder();

  // A closed record's run goes on while it has a pay period open (time sheets and approvals come after the term), and
  // again if it is reopened before the run ends.
  const settled = () => isClosed(current.stage) && !owesPay(current);
  for (;;) {
    while (!settled()) {
      // Its timer is set, and cancelled, and what it fires changed, only once every action of the task has answered.
      if (!allAnswered()) await condition(allAnswered);
      const deadline = nextDeadlineNow();
      await condition(
        () => (settled() || nextDeadlineNow() !== deadline) && allAnswered(),
        // A run recorded before reminderSpread existed has none in its policy: its timers are as they were.
        deadline === undefined ? undefined : Math.max(wakeAt(current, deadline) - Date.now(), 1),
      );
      if (!allAnswered()) await condition(allAnswered);
      const versionBefore = current.version;
      changed(versionBefore, fireDeadlines(current, Date.now()));

      const periodsThisRun = current.periods.length - periodsAtRunStart;
      if (
        !settled() &&
        (workflowInfo().continueAsNewSuggested || periodsThisRun >= (input.periodsPerRun ?? defaultPeriodsPerRun))
      ) {
        // Every change is stored first: no projection is left running for a run that has ended. An update accepted
        // after this would be cut off by the continue-as-new; from here to it nothing awaits.
        flushing = true;
        await condition(() => allHandlersFinished() && !unstored.waiting);
        return continueAsNew<typeof organizerWorkflow>({ ...nextRunInput(input, current), ...deliveries.carried() });
      }
    }
    // A closed record ends once every change is stored; it still sends what it raised, within a day (mail still
    // failing after that is logged, not awaited). Reopened meanwhile, it goes on.
    flushing = true;
    await condition(() => allHandlersFinished() && !unstored.waiting);
    if (!deliveries.idle) await condition(() => (deliveries.idle || !settled()) && allAnswered(), '1 day');
    if (!allAnswered()) await condition(allAnswered);
    if (settled()) return current;
    flushing = false;
  }
}
