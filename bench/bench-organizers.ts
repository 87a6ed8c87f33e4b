// Organizers for the benchmarks that need thousands of them active at once: their state is built with the domain's
// own functions (as continue-as-new carries it) and each workflow starts from it, skipping weeks of hiring steps.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { applyAction, fireDeadlines, startOrganizer } from '../src/domain/lifecycle';
import { OrganizerState, systemActor } from '../src/domain/organizer';
import { ActionRequest } from '../src/domain/stage-machine';
import { durationMs } from '../src/domain/durations';
import type { ProgramPolicy } from '../src/domain/policy';
import { OrganizerWorkflowInput, organizerWorkflowType } from '../src/contracts/organizer-workflow';
import { anApplicationFor, walkTo } from '../dev/hiring-walk';

/** An active organizer whose first debrief becomes overdue at `overdueAt`, as it stands at `now`. */
export function activeOrganizerState(
  programId: string,
  policy: ProgramPolicy,
  overdueAt: number,
  now: number,
  index: number,
): OrganizerState {
  const activeSince = overdueAt - durationMs(policy.debriefEvery) - durationMs(policy.debriefGrace);
  const at = activeSince - 60_000;
  const { state } = startOrganizer(
    {
      organizerId: randomUUID(),
      programId,
      policy,
      roster: { hasRoster: false, onRoster: false },
      application: anApplicationFor(`B-${index}`),
    },
    at,
  );
  const act = (request: Omit<ActionRequest, 'actor'>, when = at) =>
    applyAction(state, { ...request, actor: systemActor } as ActionRequest, when);
  const steps = walkTo(policy, 'active', { now: at, staff: 'bench' });
  for (const step of steps) act(step, step.action === 'record-ride-along' ? activeSince : at);
  fireDeadlines(state, now);
  return state;
}

/** Starts organizer workflows from built states, `concurrency` at a time; returns their ids. */
export async function startFromStates(
  client: Client,
  taskQueue: string,
  states: OrganizerState[],
  concurrency = 20,
): Promise<string[]> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < states.length; i = next++) {
        const state = states[i];
        const input: OrganizerWorkflowInput = {
          organizerId: state.organizerId,
          programId: state.programId,
          policy: state.policy,
          state,
        };
        await client.workflow.start(organizerWorkflowType, { workflowId: state.organizerId, taskQueue, args: [input] });
      }
    }),
  );
  return states.map((s) => s.organizerId);
}
