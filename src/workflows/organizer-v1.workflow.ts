// The organizer workflow as runs started before `committed-projections` execute it: projections as local activities
// inside update handlers and the main loop. Frozen: it exists only so that those runs (and the histories recorded from
// them in test/replay) replay unchanged. Retire it once no run started before that patch is open: deprecate the patch
// in organizer.workflow.ts, then delete this file and the histories recorded before it.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  changePolicy,
  changeTermEnd,
  fireDeadlines,
  isCurrentChange,
  nextDeadline,
  startOrganizer,
  takeAction,
} from '../domain/lifecycle';
import { Changes, mergeChanges, noChanges, OrganizerState } from '../domain/organizer';
import { snapshotOf } from '../domain/snapshot';
import { Action, actions } from '../domain/stage-machine';
import { isClosed } from '../domain/stages';
import {
  actionUpdates,
  ActionMessage,
  ActionResult,
  applicationRecordedUpdate,
  OrganizerWorkflowInput,
  defaultPeriodsPerRun,
  policyChangedSignal,
  refusalFailure,
  termEndChangedSignal,
} from '../contracts/organizer-workflow';
import { organizerStageKey, programIdKey } from '../contracts/search-attributes';
import {
  actionRequest,
  answerStateQuery,
  logApplied,
  localActivities as local,
  nextRunInput,
  outsideActivities,
  startInput,
  validateAction,
} from './organizer-handlers';

// This path runs projections as local activities (`local.projectOrganizer`): the update that waits for them answers
// sooner, and they retry until the database is back (read-your-writes: an action's answer means its rows are committed).
const { checkRoster, deliverNotifications } = outsideActivities;

/** Changes made to this path while it was current; each keeps the older path for the runs recorded before it. */
const patches = {
  deliverOnlyWhenMailing: 'deliver-only-when-mailing',
  rosterCheckLocal: 'roster-check-local',
  mailDoesNotHoldTimers: 'mail-does-not-hold-timers',
  recordedAfterCommit: 'recorded-after-commit',
  policyChangeMovesOn: 'policy-change-moves-on',
  actionsProjectSignalChanges: 'actions-project-signal-changes',
} as const;

export async function organizerWorkflowV1(input: OrganizerWorkflowInput): Promise<OrganizerState> {
  let state: OrganizerState | undefined = input.state;
  const periodsAtRunStart = state?.periods.length ?? 0;
  /** The highest version whose projection has been started; anything newer still needs one. */
  let projectedVersion = state?.version ?? 0;
  /** The highest version whose projection is committed. */
  let committedVersion = state?.version ?? 0;
  /** Deliveries under way, with the notifications each carries (handed to the next run if it continues as new). */
  const deliveries = new Map<Promise<void>, string[]>();
  /** Changes made by signals, which cannot wait for a projection: the next projection carries them. */
  let unprojected = noChanges();
  const withUnprojected = (changes: Changes): Changes => {
    const all = mergeChanges(unprojected, changes);
    unprojected = noChanges();
    return all;
  };

  // Projections run one at a time, in version order, so a later change never lands before an earlier one (a
  // notification's resolution before its creation, say). Each takes its snapshot when it is requested.
  let projections: Promise<void> = Promise.resolve();

  async function project(changes: Changes): Promise<void> {
    const current = state!;
    const organizer = snapshotOf(current);
    projectedVersion = Math.max(projectedVersion, current.version);
    const projected = projections.then(() => local.projectOrganizer({ organizer, changes }));
    projections = projected.then(() => undefined).catch(() => undefined);
    const result = await projected;
    committedVersion = Math.max(committedVersion, organizer.version);
    if (changes.transitions.length) {
      upsertSearchAttributes([
        { key: programIdKey, value: current.programId },
        { key: organizerStageKey, value: current.stage },
      ]);
    }
    // Runs recorded before the projection said whether email is on scheduled a delivery for every notification.
    const needsDelivery =
      changes.notifications.length > 0 && (patched(patches.deliverOnlyWhenMailing) ? result?.deliver === true : true);
    if (needsDelivery) deliver(changes.notifications.map((n) => n.id));
  }

  function deliver(notificationIds: string[]): void {
    const delivery = deliverNotifications({ notificationIds }).catch((error: unknown) => {
      log.error('notification delivery failed', {
        organizerId: input.organizerId,
        notificationIds,
        error: String(error),
      });
    });
    deliveries.set(delivery, notificationIds);
    void delivery.finally(() => deliveries.delete(delivery));
  }

  /**
   * Waits until no update handler is running (and, for runs recorded before mail stopped holding the timers, no
   * delivery). An update accepted during a wait would otherwise be cut off by the continue-as-new or completion that
   * follows, so the check repeats; from there to the caller's next command nothing awaits, so no handler slips in.
   */
  async function quiesce(): Promise<void> {
    const mailHolds = !patched(patches.mailDoesNotHoldTimers);
    while (!allHandlersFinished() || (mailHolds && deliveries.size > 0)) {
      await condition(allHandlersFinished);
      if (mailHolds) await Promise.all(deliveries.keys());
    }
  }

  answerStateQuery(() => state);

  setHandler(applicationRecordedUpdate, async () => {
    // Runs recorded before answered once the first projection had started rather than committed.
    const afterCommit = patched(patches.recordedAfterCommit);
    await condition(() => state !== undefined && (afterCommit ? committedVersion : projectedVersion) >= 1);
    return { stage: state!.stage, version: state!.version };
  });

  function handleAction<A extends Action>(action: A): void {
    const update = actionUpdates[action] as UpdateDefinition<ActionResult, [ActionMessage<A>]>;
    setHandler(
      update,
      async (message: ActionMessage<A>): Promise<ActionResult> => {
        await condition(() => state !== undefined);
        const current = state!;
        const versionBefore = current.version;
        const { changes, refused } = takeAction(current, actionRequest(action, message), Date.now());
        // A refused action still projects what signals changed before it; runs recorded before left that to the loop.
        const signalChangesWaiting = current.version > projectedVersion && patched(patches.actionsProjectSignalChanges);
        if (current.version !== versionBefore || signalChangesWaiting) await project(withUnprojected(changes));
        if (refused) throw refusalFailure(refused, current);
        logApplied(action, current);
        return { stage: current.stage, version: current.version };
      },
      {
        validator: (message: ActionMessage<A>) => {
          // This path ends when its record closes, so it takes no action that opens a closed record again.
          if ((action === 'reopen' || action === 'revert-step') && state)
            throw refusalFailure(
              { code: 'conflict', message: `${action} is not possible on this record's run` },
              state,
            );
          validateAction(state, actionRequest(action, message));
        },
      },
    );
  }
  for (const action of actions) handleAction(action);

  // Before the application is recorded the state does not exist yet: a change then goes into what it starts from.
  setHandler(policyChangedSignal, ({ policy, changedAt }) => {
    if (state)
      mergeChanges(
        unprojected,
        changePolicy(state, policy, Date.now(), changedAt, { moveOn: patched(patches.policyChangeMovesOn) }),
      );
    else if (isCurrentChange(changedAt, input.programChangedAt))
      [input.policy, input.programChangedAt] = [policy, changedAt ?? input.programChangedAt];
  });

  setHandler(termEndChangedSignal, ({ termEnd, changedAt }) => {
    if (state) changeTermEnd(state, termEnd ?? undefined, changedAt);
    else if (isCurrentChange(changedAt, input.programChangedAt))
      [input.termEnd, input.programChangedAt] = [termEnd ?? undefined, changedAt ?? input.programChangedAt];
  });

  // Reminders still being emailed when the previous run continued as new.
  if (input.pendingDeliveries?.length) deliver(input.pendingDeliveries);

  if (!state) {
    const application = input.application!;
    // The roster lookup became a local activity (no round trip through the server); runs recorded before keep theirs.
    const rosterQuery = { programId: input.programId, memberId: application.memberId };
    const roster = patched(patches.rosterCheckLocal)
      ? await local.checkRoster(rosterQuery)
      : await checkRoster(rosterQuery);
    const program = { policy: input.policy, termEnd: input.termEnd, changedAt: input.programChangedAt };
    const started = startOrganizer(startInput(input, program, roster), Date.now());
    state = started.state;
    await project(started.changes);
  }
  const current = state;

  while (!isClosed(current.stage)) {
    const deadline = nextDeadline(current);
    await condition(
      () => nextDeadline(current) !== deadline || current.version > projectedVersion,
      deadline === undefined ? undefined : Math.max(deadline - Date.now(), 1),
    );
    const versionBefore = current.version;
    const changes = fireDeadlines(current, Date.now());
    if (current.version !== versionBefore || current.version > projectedVersion)
      await project(withUnprojected(changes));

    const periodsThisRun = current.periods.length - periodsAtRunStart;
    const periodsPerRun = input.periodsPerRun ?? defaultPeriodsPerRun;
    if (!isClosed(current.stage) && (workflowInfo().continueAsNewSuggested || periodsThisRun >= periodsPerRun)) {
      await quiesce();
      return continueAsNew<typeof organizerWorkflowV1>({
        ...nextRunInput(input, current),
        ...(deliveries.size ? { pendingDeliveries: [...deliveries.values()].flat() } : {}),
      });
    }
  }
  await quiesce();
  // A closed record still sends what it raised, within a day; mail still failing after that is logged, not awaited.
  if (patched(patches.mailDoesNotHoldTimers) && deliveries.size) await condition(() => deliveries.size === 0, '1 day');
  return current;
}
