import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** The organizer's program id (opaque), for `ProgramId='…'` in Temporal's UI and CLI. */
export const programIdKey = defineSearchAttributeKey('ProgramId', SearchAttributeType.KEYWORD);
/** The organizer's current stage, for `OrganizerStage='active'`. */
export const organizerStageKey = defineSearchAttributeKey('OrganizerStage', SearchAttributeType.KEYWORD);

export const searchAttributeNames: string[] = [programIdKey.name, organizerStageKey.name];
