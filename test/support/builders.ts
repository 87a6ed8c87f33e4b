import { randomUUID } from 'node:crypto';
import type { Actor, Application, Attestations } from '../../src/domain/organizer';
import { anApplicationFor, eligibleAttestations } from '../../dev/hiring-walk';
import { mergePolicy, PolicyPatch, policyPresets, ProgramPolicy } from '../../src/domain/policy';

/** The AFT preset without its pay policy (tests about pay give one: `aPolicy({ pay: ... })`). */
export function aPolicy(patch: PolicyPatch = {}): ProgramPolicy {
  return mergePolicy(policyPresets.member_organizer, { pay: null, ...patch });
}

/** A policy whose every duration is in seconds, for tests that run against real time. */
export function aFastPolicy(patch: PolicyPatch = {}): ProgramPolicy {
  return aPolicy({
    stageSla: { applied: '30 seconds', screening: '30 seconds', role_play: '30 seconds' },
    offerExpiresAfter: '60 seconds',
    rideAlongWindow: '120 seconds',
    debriefEvery: '4 seconds',
    debriefGrace: '2 seconds',
    escalateAfter: '3 seconds',
    groupDebriefEvery: '60 seconds',
    termLength: '600 seconds',
    ...patch,
  });
}

/** Hiring limits in seconds, with the AFT preset's debriefs (weekly, on its calendar; group ones monthly) over a year. */
export function aFastHiringPolicy(patch: PolicyPatch = {}): ProgramPolicy {
  return aFastPolicy({ debriefEvery: '7 days', groupDebriefEvery: '30 days', termLength: '365 days', ...patch });
}

/**
 * Debriefs due every 6 seconds and overdue 2 seconds later, escalated only after two minutes: an organizer's reminder
 * email comes within seconds, and no escalation follows it during a test.
 */
export function aPromptReminderPolicy(patch: PolicyPatch = {}): ProgramPolicy {
  return aFastPolicy({ debriefEvery: '6 seconds', debriefGrace: '2 seconds', escalateAfter: '120 seconds', ...patch });
}

export function attestations(overrides: Partial<Attestations> = {}): Attestations {
  return { ...eligibleAttestations, ...overrides };
}

export function anApplication(overrides: Partial<Application> = {}): Application {
  return anApplicationFor(overrides.memberId ?? `M-${randomUUID().slice(0, 8)}`, overrides);
}

export const aCoordinator: Actor = { id: '00000000-0000-4000-8000-00000000c00d', role: 'coordinator' };
export const anOrganizerActor = (id: string): Actor => ({ id, role: 'organizer' });
