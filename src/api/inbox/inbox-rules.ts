// The to-dos' kinds, their titles and the rule behind each (the words are the catalog's, shared with the emails).
import type { ProgramPolicy } from '../../domain/policy';
import type { RuleTopic } from '../../domain/rule-topics';
import { ruleInWords } from '../../words/rules';
import { say } from '../../words/say';
import type { Action } from '../../domain/stage-machine';
import type { Stage } from '../../domain/stages';

/** The kinds of to-do (each one's title is the catalog's `today.<kind>`). */
export const inboxKinds = [
  'screening_to_record',
  'offer_expiring',
  'debrief_overdue',
  'debrief_due',
  'organizer_at_risk',
  'group_debrief_missing',
  'ride_alongs_behind',
  'stage_stalled',
  'screening_cant_come',
] as const;
export type InboxKind = (typeof inboxKinds)[number];

/**
 * The kinds that are late by nature (a debrief past its grace, someone at risk, a missed group debrief, a stage past
 * its limit). The others are due at their time and only then: a debrief due (its grace still running), a screening
 * to record once held, an offer before it lapses, ride-alongs behind pace within their window.
 */
export const lateKinds: readonly InboxKind[] = [
  'debrief_overdue',
  'organizer_at_risk',
  'group_debrief_missing',
  'stage_stalled',
];

/** The action that clears a stalled stage: the step the stage waits for. */
export const stageStep: Partial<Record<Stage, Action>> = {
  applied: 'schedule-screening',
  screening: 'record-screening',
  role_play: 'record-role-play',
  offered: 'respond-offer',
  training: 'record-training',
  ride_along: 'record-ride-along',
};

const topics: Record<InboxKind, RuleTopic> = {
  screening_to_record: 'screening',
  offer_expiring: 'offer',
  debrief_overdue: 'debrief',
  debrief_due: 'debrief',
  organizer_at_risk: 'at_risk',
  group_debrief_missing: 'group_debrief',
  ride_alongs_behind: 'ride_alongs',
  stage_stalled: 'stage_limit',
  screening_cant_come: 'screening',
};

export function inboxRule(kind: InboxKind, policy: ProgramPolicy, timezone: string, stage?: Stage): string {
  return ruleInWords(topics[kind], policy, timezone, stage);
}

export const inboxTitle = (kind: InboxKind): string => say(`today.${kind}`);
