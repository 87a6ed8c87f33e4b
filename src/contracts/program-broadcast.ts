import type { ProgramPolicy } from '../domain/policy';

export const broadcastWorkflowType = 'programBroadcastWorkflow';

/** A change to a program that every running organizer of it must hear (a policy, a term end, or both). */
export interface ProgramBroadcast {
  programId: string;
  policy?: ProgramPolicy;
  /** null: the program no longer has a fixed term end. */
  termEnd?: string | null;
  /** When the program changed: organizers ignore a change older than the one they hold. */
  changedAt?: string;
}
