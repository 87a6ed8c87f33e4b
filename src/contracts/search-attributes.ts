import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** The organizer's program id (opaque), for `ProgramId='…'` in Temporal's UI and CLI. */
export const programIdKey = defineSearchAttributeKey('ProgramId', SearchAttributeType.KEYWORD);
/** The organizer's current stage, for `OrganizerStage='active'`. */
export const organizerStageKey = defineSearchAttributeKey('OrganizerStage', SearchAttributeType.KEYWORD);

/**
 * Which path of the organizer workflow a run takes: `v2` (organizer.workflow.ts). Runs on the frozen first path
 * (organizer-v1.workflow.ts) have none, and so have runs of the current path started before the attribute existed,
 * until they continue as new (`npm run workflow-paths` counts them).
 */
export const organizerPathKey = defineSearchAttributeKey('OrganizerPath', SearchAttributeType.KEYWORD);
export const currentOrganizerPath = 'v2';

export const searchAttributeNames: string[] = [programIdKey.name, organizerStageKey.name, organizerPathKey.name];
