// Demo data for `npm start` on an empty data folder: three programs modelled on the seed documents, applicants at
// every stage, and organizers who keep debriefing (most on time, some late, one at a time who has stopped), all
// through the HTTP API and the real workflows. A demo week lasts two minutes and a term two hours: the pages move while
// you watch, and a program opened a day later still looks like one people run.
import { createHash } from 'node:crypto';
import type { PolicyPatch, ProgramKind } from '../../src/domain/policy';
import type { Stage } from '../../src/domain/stages';

export const demoWeek = '2 minutes';
export const demoWeekMs = 120_000;

/** Durations of a demo program: each real-world week is two minutes, so a year's term is two hours. */
export const demoPolicy: PolicyPatch = {
  stageSla: { applied: '10 minutes', screening: '15 minutes', role_play: '10 minutes' },
  offerExpiresAfter: '20 minutes',
  rideAlongWindow: '2 hours',
  debriefEvery: demoWeek,
  debriefGrace: '30 seconds',
  escalateAfter: '1 minute',
  groupDebriefEvery: '8 minutes',
  termLength: '2 hours',
};

/**
 * The demo's first twelve weeks, lived twelve times faster (ten seconds a week) so that a fresh demo has a season of
 * history behind it within two minutes; then `demoPolicy`'s pace takes over (a policy change, as a program would make).
 */
export const demoHistory = {
  weeks: 12,
  weekMs: 10_000,
  policy: {
    ...demoPolicy,
    debriefEvery: '10 seconds',
    // Longer than the demo's pulse (5 s), so most debriefs are on time, as at the usual pace.
    debriefGrace: '8 seconds',
    escalateAfter: '10 seconds',
    groupDebriefEvery: '40 seconds',
  } satisfies PolicyPatch,
  /** What changes back when the history is lived. */
  pace: {
    debriefEvery: demoPolicy.debriefEvery,
    debriefGrace: demoPolicy.debriefGrace,
    escalateAfter: demoPolicy.escalateAfter,
    groupDebriefEvery: demoPolicy.groupDebriefEvery,
  } satisfies PolicyPatch,
};

export interface DemoProgram {
  name: string;
  affiliate: string;
  kind: ProgramKind;
  timezone: string;
  /** Typed goals (docs/design.md §3b), so the program page shows progress from the demo's own life. */
  goals: { name: string; metric: string; scope: 'program' | 'organizer_week' | 'local'; target: number }[];
  locals: string[];
  /** How many applicants end up in each stage. */
  stages: Partial<Record<Stage, number>>;
}

export const demoPrograms: DemoProgram[] = [
  {
    name: 'Member Organizer Program (demo)',
    affiliate: 'AFT Local 1',
    kind: 'member_organizer',
    timezone: 'America/Chicago',
    goals: [
      { name: 'Organizers hired', metric: 'hires', scope: 'program', target: 12 },
      { name: 'One-on-ones a week', metric: 'one_on_ones', scope: 'organizer_week', target: 3 },
    ],
    locals: ['AFT Local 1'],
    stages: {
      applied: 2,
      screening: 2,
      role_play: 1,
      offered: 1,
      training: 1,
      ride_along: 1,
      active: 6,
      not_selected: 1,
      withdrawn: 1,
      terminated: 1,
      ineligible: 1,
    },
  },
  {
    name: 'Member Political Organizers (demo)',
    affiliate: 'SEIU Minnesota State Council',
    kind: 'political_organizer',
    timezone: 'America/Chicago',
    goals: [{ name: 'Voter conversations', metric: 'conversations', scope: 'program', target: 3000 }],
    locals: ['SEIU Local 26', 'SEIU Local 284', 'SEIU Healthcare MN'],
    stages: {
      applied: 3,
      screening: 1,
      role_play: 1,
      offered: 1,
      training: 2,
      active: 5,
      declined: 1,
      not_selected: 1,
    },
  },
  {
    name: 'Civic Engagement Officers (demo)',
    affiliate: 'MAPE',
    kind: 'civic_engagement',
    timezone: 'America/Chicago',
    goals: [
      { name: 'Caucus commitments', metric: 'caucus commitments', scope: 'local', target: 8 },
      { name: 'Leaders identified', metric: 'leaders_identified', scope: 'program', target: 40 },
    ],
    locals: ['MAPE Local 601', 'MAPE Local 1201', 'MAPE Local 2301', 'MAPE Local 1001', 'MAPE Local 402'],
    stages: { applied: 2, screening: 1, offered: 1, training: 1, active: 5, withdrawn: 1, ineligible: 1 },
  },
];

const firstNames = [
  'Rosa',
  'Sam',
  'Aisha',
  'Tomás',
  'Mei',
  'Jordan',
  'Fatima',
  'Luis',
  'Grace',
  'Kwame',
  'Hannah',
  'Diego',
  'Priya',
  'Marcus',
  'Lena',
  'Omar',
  'Beatriz',
  'Chen',
  'Nadia',
  'Eli',
  'Ruth',
  'Andre',
  'Ximena',
  'Tariq',
  'June',
  'Viktor',
  'Amara',
  'Paolo',
  'Ines',
  'Dev',
];
const lastNames = [
  'Díaz',
  'Okafor',
  'Rahman',
  'Nguyen',
  'Johansson',
  'Baker',
  'Haddad',
  'Ortiz',
  'Kim',
  'Mensah',
  'Schultz',
  'Alvarez',
  'Patel',
  'Reed',
  'Novak',
  'Farah',
  'Costa',
  'Li',
  'Petrov',
  'Brooks',
];

/** A number in [0, 1) fixed by the key, so the demo looks the same on every fresh start. */
export function chance(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

export function demoPerson(program: number, index: number): { name: string; memberId: string } {
  const first = firstNames[(program * 7 + index * 3) % firstNames.length];
  const last = lastNames[(program * 5 + index * 7) % lastNames.length];
  return { name: `${first} ${last}`, memberId: `D${program + 1}-${String(1000 + index)}` };
}
