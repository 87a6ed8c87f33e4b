import type { Client } from '@temporalio/client';
import { organizerWorkflowType } from '../contracts/organizer-workflow';
import { currentOrganizerPath, organizerPathKey, programIdKey } from '../contracts/search-attributes';

export interface OpenRunsByPath {
  /** Open runs that say they take the current path (organizer.workflow.ts). */
  current: number;
  /**
   * Open runs that say nothing: on the frozen first path (organizer-v1.workflow.ts), or on the current one but started
   * before the attribute and not yet continued as new. The first path may go once this is 0.
   */
  unmarked: number;
}

/** The open organizer runs (of one program, if given), counted by the path they take (Temporal's visibility). */
export async function openRunsByPath(client: Client, programId?: string): Promise<OpenRunsByPath> {
  if (programId !== undefined && !/^[0-9a-f-]{36}$/i.test(programId)) throw new Error('a program id is a UUID');
  const ofProgram = programId ? ` AND ${programIdKey.name} = '${programId}'` : '';
  const open = `WorkflowType = '${organizerWorkflowType}' AND ExecutionStatus = 'Running'${ofProgram}`;
  const [current, unmarked] = await Promise.all([
    client.workflow.count(`${open} AND ${organizerPathKey.name} = '${currentOrganizerPath}'`),
    client.workflow.count(`${open} AND ${organizerPathKey.name} IS NULL`),
  ]);
  return { current: current.count, unmarked: unmarked.count };
}
