import { parseDuration } from './durations';
import type { HiringStage } from './stages';

export const programKinds = ['member_organizer', 'political_organizer', 'civic_engagement'] as const;
export type ProgramKind = (typeof programKinds)[number];

/** Attestations a program may require (yes/no answers on the application). */
export const requirableAttestations = [
  'currentMember',
  'driversLicense',
  'insuredVehicle',
  'fullTerm',
  'doorKnocking',
] as const;
export type RequirableAttestation = (typeof requirableAttestations)[number];

/** Every number that drives an organizer's lifecycle. Durations are strings such as '7 days' (DESIGN.md §2). */
export interface ProgramPolicy {
  hoursPerWeek: number;
  requiredAttestations: RequirableAttestation[];
  stageSla: Record<HiringStage, string>;
  offerExpiresAfter: string;
  requiredTrainings: string[];
  initialRideAlongs: number;
  requiredRideAlongs: number;
  rideAlongWindow: string;
  debriefEvery: string;
  debriefGrace: string;
  escalateAfter: string;
  atRiskAfterMissed: number;
  groupDebriefEvery: string;
  termLength: string;
}

/** A policy change: any subset of fields; stageSla may itself be partial. */
export type PolicyPatch = Partial<Omit<ProgramPolicy, 'stageSla'>> & { stageSla?: Partial<ProgramPolicy['stageSla']> };

export const policyPresets: Record<ProgramKind, ProgramPolicy> = {
  // AFT Member Organizer Program: a year-long, part-time program with screening, training and ride-alongs.
  member_organizer: {
    hoursPerWeek: 10,
    requiredAttestations: ['currentMember', 'driversLicense', 'insuredVehicle', 'fullTerm', 'doorKnocking'],
    stageSla: { applied: '7 days', screening: '14 days', role_play: '7 days' },
    offerExpiresAfter: '7 days',
    requiredTrainings: ['orientation', 'one-on-one conversations', 'data and reporting'],
    initialRideAlongs: 1,
    requiredRideAlongs: 3,
    rideAlongWindow: '365 days',
    debriefEvery: '7 days',
    debriefGrace: '1 day',
    escalateAfter: '2 days',
    atRiskAfterMissed: 2,
    groupDebriefEvery: '30 days',
    termLength: '365 days',
  },
  // SEIU Member Political Organizers: seasonal, mid-June through Election Day; hiring moves fast.
  political_organizer: {
    hoursPerWeek: 20,
    requiredAttestations: ['currentMember', 'fullTerm', 'doorKnocking'],
    stageSla: { applied: '3 days', screening: '5 days', role_play: '3 days' },
    offerExpiresAfter: '3 days',
    requiredTrainings: ['orientation', 'voter contact', 'data and reporting'],
    initialRideAlongs: 1,
    requiredRideAlongs: 2,
    rideAlongWindow: '60 days',
    debriefEvery: '7 days',
    debriefGrace: '1 day',
    escalateAfter: '1 day',
    atRiskAfterMissed: 2,
    groupDebriefEvery: '14 days',
    termLength: '150 days',
  },
  // MAPE Civic Engagement Officers: one per Local, 8 hours of lost time a month, monthly trainings and reports.
  civic_engagement: {
    hoursPerWeek: 2,
    requiredAttestations: ['currentMember', 'fullTerm'],
    stageSla: { applied: '14 days', screening: '14 days', role_play: '14 days' },
    offerExpiresAfter: '14 days',
    requiredTrainings: ['civic engagement orientation', 'one-on-one conversations', 'precinct caucus training'],
    initialRideAlongs: 0,
    requiredRideAlongs: 1,
    rideAlongWindow: '365 days',
    debriefEvery: '30 days',
    debriefGrace: '3 days',
    escalateAfter: '7 days',
    atRiskAfterMissed: 2,
    groupDebriefEvery: '30 days',
    termLength: '365 days',
  },
};

export function mergePolicy(base: ProgramPolicy, patch: PolicyPatch | undefined): ProgramPolicy {
  if (!patch) return base;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...base, ...defined, stageSla: { ...base.stageSla, ...(patch.stageSla ?? {}) } } as ProgramPolicy;
}

const durationFields = [
  'offerExpiresAfter',
  'rideAlongWindow',
  'debriefEvery',
  'debriefGrace',
  'escalateAfter',
  'groupDebriefEvery',
  'termLength',
] as const;
const minDurationMs = 1_000;
const maxDurationMs = 5 * 366 * 86_400_000;

export interface FieldProblem {
  field: string;
  reason: string;
}

function checkDuration(field: string, value: unknown, problems: FieldProblem[]): void {
  const ms = parseDuration(value);
  if (ms === undefined) problems.push({ field, reason: `must be a duration such as '7 days' or '36 hours'` });
  else if (ms < minDurationMs)
    problems.push({ field, reason: 'must be at least 1 second (a shorter one would fire at once)' });
  else if (ms > maxDurationMs) problems.push({ field, reason: 'must be at most 5 years' });
}

function checkInteger(field: string, value: unknown, min: number, max: number, problems: FieldProblem[]): void {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    problems.push({ field, reason: `must be a whole number from ${min} to ${max}` });
  }
}

/** Everything wrong with a complete policy, each naming its field (`policy.stageSla.applied`). */
export function policyProblems(policy: ProgramPolicy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string) => `policy.${field}`;
  if (typeof policy.hoursPerWeek !== 'number' || !(policy.hoursPerWeek >= 0 && policy.hoursPerWeek <= 80)) {
    problems.push({ field: at('hoursPerWeek'), reason: 'must be a number of hours from 0 to 80' });
  }
  if (
    !Array.isArray(policy.requiredAttestations) ||
    policy.requiredAttestations.some((a) => !(requirableAttestations as readonly string[]).includes(a))
  ) {
    problems.push({ field: at('requiredAttestations'), reason: `must list only ${requirableAttestations.join(', ')}` });
  }
  const sla = policy.stageSla as Record<string, unknown> | undefined;
  if (!sla || typeof sla !== 'object')
    problems.push({ field: at('stageSla'), reason: 'must give applied, screening and role_play' });
  else
    for (const stage of ['applied', 'screening', 'role_play'])
      checkDuration(at(`stageSla.${stage}`), sla[stage], problems);
  for (const field of durationFields) checkDuration(at(field), policy[field], problems);
  const trainings = policy.requiredTrainings;
  if (
    !Array.isArray(trainings) ||
    trainings.length < 1 ||
    trainings.length > 20 ||
    trainings.some((t) => typeof t !== 'string' || t.trim() !== t || t === '' || t.length > 100) ||
    new Set(trainings.map((t) => String(t).toLowerCase())).size !== trainings.length
  ) {
    problems.push({
      field: at('requiredTrainings'),
      reason: 'must be 1 to 20 names of 1 to 100 characters, distinct (ignoring case), without surrounding spaces',
    });
  }
  checkInteger(at('initialRideAlongs'), policy.initialRideAlongs, 0, 50, problems);
  checkInteger(at('requiredRideAlongs'), policy.requiredRideAlongs, 0, 50, problems);
  if (
    Number.isInteger(policy.initialRideAlongs) &&
    Number.isInteger(policy.requiredRideAlongs) &&
    policy.initialRideAlongs > policy.requiredRideAlongs
  ) {
    problems.push({ field: at('initialRideAlongs'), reason: 'cannot exceed requiredRideAlongs' });
  }
  checkInteger(at('atRiskAfterMissed'), policy.atRiskAfterMissed, 1, 52, problems);
  return problems;
}
