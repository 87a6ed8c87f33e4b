// The organizer workflow's public contract. Names are durable (running workflows and recorded histories use them):
// add new messages, never rename.
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, Application, OrganizerState } from '../domain/organizer';
import type { ActionInputs } from '../domain/stage-machine';
import type { ProgramPolicy } from '../domain/policy';
import type { Projection } from '../domain/snapshot';
import { methodNameOf } from '../domain/lifecycle/by-action';
import { actions, type Action, type Refusal } from '../domain/stage-machine';
import type { Stage } from '../domain/stages';

export const organizerWorkflowType = 'organizerWorkflow';

/** Debrief periods one run covers before it continues as new (a quarter), so no run's history grows large. */
export const defaultPeriodsPerRun = 13;

export interface OrganizerWorkflowInput {
  organizerId: string;
  programId: string;
  policy: ProgramPolicy;
  termEnd?: string;
  /** The application, on the first run only. */
  application?: Application;
  /** Who entered the application, on the first run only. */
  appliedBy?: Actor;
  /** The program's time zone and term start, on the first run only (calendar deadlines). */
  timezone?: string;
  termStart?: string;
  /** The whole state, when continuing as new. */
  state?: OrganizerState;
  /** Debrief periods per run before continuing as new (default 13); tests lower it. */
  periodsPerRun?: number;
  /** When the program last changed, as of `policy` and `termEnd` (older broadcasts are ignored). */
  programChangedAt?: string;
  /** Notifications the previous run was still emailing when it continued as new. */
  pendingDeliveries?: string[];
}

/**
 * A caller that writes an update's result itself (docs/design.md §4): it noted an intent first (unstored_writes), so
 * the sweep writes the result if the caller dies before it does; `storedVersion` is the row's version it read, every
 * change up to which is stored. The workflow then spends no activity on the change.
 */
export interface CallerStores {
  storedVersion: number;
  /**
   * Until when (epoch ms, the caller's clock) it waits for the answer: the note's time plus the update timeout. An
   * update applied later is the workflow's to write, and the sweep leaves notes alone until after it.
   */
  writeBy: number;
}

/** How far the API's clock and the server's may differ: the workflow and the sweep each allow this much. */
export const callerClockMarginMs = 1_000;

export interface ActionMessage<A extends Action> {
  input: ActionInputs[A];
  actor: Actor;
  callerStores?: CallerStores;
}

export interface ActionResult {
  stage: Stage;
  version: number;
  /**
   * The organizer's row as of this result and every change not yet known to be stored: the caller writes it before
   * answering (it is delivered only once the change is committed). Absent from runs on the old path, which projected
   * inside the workflow task.
   */
  projection?: Projection;
}

/** The failure type of an action the rules refuse; its details say why (`code`) and in which stage. */
export const actionRefusedType = 'ActionRefused';

export interface RefusalDetails {
  code: Refusal['code'];
  stage: Stage;
}

/** The failure a refused action carries back to the caller. */
export function refusalFailure(refused: Refusal, state: OrganizerState): ApplicationFailure {
  const details: RefusalDetails = { code: refused.code, stage: state.stage };
  return ApplicationFailure.create({
    type: actionRefusedType,
    message: refused.message,
    nonRetryable: true,
    details: [details],
  });
}

/** One update per action; its validator refuses what the stage machine refuses, its result comes after the projection. */
export const actionUpdates = Object.fromEntries(
  actions.map((action) => [action, defineUpdate(methodNameOf(action))]),
) as { [A in Action]: UpdateDefinition<ActionResult, [ActionMessage<A>]> };

/** Answers once the application is recorded, with its projection; `callerStores` as for an action. */
export const applicationRecordedUpdate = defineUpdate<ActionResult, [{ callerStores?: CallerStores }]>(
  'applicationRecorded',
);

/** The program's policy changed (at `changedAt`; an older change than the one held is ignored); new deadlines follow it. */
export const policyChangedSignal = defineSignal<[{ policy: ProgramPolicy; changedAt?: string }]>('policyChanged');

/** The program's term end changed (null: no fixed end, the policy's termLength applies). */
export const termEndChangedSignal = defineSignal<[{ termEnd: string | null; changedAt?: string }]>('termEndChanged');

/** The organizer's whole live state. */
export const organizerStateQuery = defineQuery<OrganizerState>('organizerState');

/**
 * What a write would store now: the row and every change not yet known to be stored (null: nothing is waiting). Asked
 * by the reconcile pass of a row quiet for an hour, never by the sweep: a query answers the worker's memory.
 */
export const unstoredProjectionQuery = defineQuery<Projection | null>('unstoredProjection');
