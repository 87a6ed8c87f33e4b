// The product's words, from the API (GET /api/stages): stage names, which are open, action names, where each is
// accepted and its fields, what applicants attest to. The page keeps no copy of its own.
import type { FormFieldDto, StagesDto } from './api-types';
import { get } from './api';

export interface Vocabulary {
  stageLabel: (stage: string) => string;
  openStages: string[];
  closedStages: string[];
  actionLabel: (action: string) => string;
  /** The stages that accept an action. */
  acceptedIn: (action: string) => string[];
  /** An action's fields as they stand for any record (an organizer's detail has them filled in for that record). */
  actionFields: (action: string) => FormFieldDto[];
  attestationLabel: (name: string) => string;
  /** What a goal can count and whose progress it measures, in words. */
  goalMetrics: { name: string; label: string }[];
  goalScopes: { name: string; label: string }[];
}

let loaded: Vocabulary | undefined;

export async function loadVocabulary(): Promise<Vocabulary> {
  if (loaded) return loaded;
  const stages = await get<StagesDto>('/api/stages');
  const stageLabels = new Map(stages.items.map((s) => [s.name as string, s.label]));
  const actions = new Map(stages.actionLabels.map((a) => [a.name as string, a]));
  const attestations = new Map(stages.attestations.map((a) => [a.name, a.label]));
  const words: Vocabulary = {
    stageLabel: (stage) => stageLabels.get(stage) ?? stage,
    openStages: stages.items.filter((s) => s.open).map((s) => s.name),
    closedStages: stages.items.filter((s) => !s.open).map((s) => s.name),
    actionLabel: (action) => actions.get(action)?.label ?? action,
    acceptedIn: (action) => (actions.get(action)?.stages ?? []) as string[],
    actionFields: (action) => actions.get(action)?.form.fields ?? [],
    attestationLabel: (name) => attestations.get(name) ?? name,
    goalMetrics: stages.goalMetrics,
    goalScopes: stages.goalScopes,
  };
  loaded = words;
  return words;
}

export function vocabulary(): Vocabulary {
  if (!loaded) throw new Error('the vocabulary is loaded at sign-in');
  return loaded;
}
