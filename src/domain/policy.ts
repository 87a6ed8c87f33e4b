import { dayAfter, DebriefDue, startOfLocalDay, weekdays } from './calendar';
import { durationMs, parseDuration } from './durations';
import { PayPolicy, payPolicyProblems, payPresets } from './pay';
import type { FieldProblem } from './field-problems';
import { programKinds, type ProgramKind } from './program-kinds';
import type { HiringStage } from './stages';

/** Stages with a time limit: the hiring stages, and training and ride-alongs (reminders like the hiring stages'). */
export type TimedStage = HiringStage | 'training' | 'ride_along';

export { programKinds, type FieldProblem, type ProgramKind };

/** Attestations a program may require (yes/no answers on the application). */
export const requirableAttestations = [
  'currentMember',
  'driversLicense',
  'insuredVehicle',
  'fullTerm',
  'doorKnocking',
] as const;
export type RequirableAttestation = (typeof requirableAttestations)[number];

/** Every number that drives an organizer's lifecycle. Durations are strings such as '7 days' (docs/design.md §2). */
export interface ProgramPolicy {
  hoursPerWeek: number;
  requiredAttestations: RequirableAttestation[];
  /** Time in a stage before the coordinator is reminded (national is told at twice it); training and ride_along optional. */
  stageSla: Record<HiringStage, string> & Partial<Record<'training' | 'ride_along', string>>;
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
  /** When a period's debrief is due on the program's calendar (policies in seconds keep plain intervals). */
  debriefDue?: DebriefDue;
  /** A friendly reminder this long before a debrief is due. */
  debriefNudgeBefore?: string;
  /** The criteria a role-play is scored on, each 1 to 5. */
  rolePlayRubric?: string[];
  /** Counts a debrief reports beyond the standard ones (MAPE: caucus commitments), each a whole number. */
  debriefMetrics?: string[];
  /** When the public interest form takes applications (coordinators may enter them until the term ends). */
  applicationsOpen?: { from?: string; until?: string };
  /** How long a link sent by email stays good (default 14 days); it ends sooner once its purpose is done. */
  linkExpiresAfter?: string;
  /** How long after a hiring step it may be undone (`revert-step`; default 2 days). */
  correctionWindow?: string;
  /**
   * Reminders come up to this long after their deadline, each person's at a moment of their own, so people falling due
   * together are reminded over this time (lifecycle/deadlines.ts `wakeAt`); the deadline does not move. Absent: at it.
   */
  reminderSpread?: string;
  /** What a screening's invitation tells applicants to expect and bring (the program's own words). */
  screeningNotes?: string;
  /** When, the day before a screening, the applicant is reminded (HH:MM, the program's zone; default 09:00). */
  screeningReminderAt?: string;
  /** How organizers are paid, on time sheets and debriefs (src/domain/pay.ts); absent: the program pays nothing. */
  pay?: PayPolicy;
}

/** A policy change: any subset of fields; stageSla may itself be partial; `pay: null` removes the pay policy. */
export type PolicyPatch = Partial<Omit<ProgramPolicy, 'stageSla' | 'pay'>> & {
  stageSla?: Partial<ProgramPolicy['stageSla']>;
  pay?: PayPolicy | null;
};

export const policyPresets: Record<ProgramKind, ProgramPolicy> = {
  // AFT Member Organizer Program: a year-long, part-time program with screening, training and ride-alongs.
  member_organizer: {
    hoursPerWeek: 10,
    requiredAttestations: ['currentMember', 'driversLicense', 'insuredVehicle', 'fullTerm', 'doorKnocking'],
    stageSla: {
      applied: '7 days',
      screening: '14 days',
      role_play: '7 days',
      training: '21 days',
      ride_along: '21 days',
    },
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
    debriefDue: { weekday: 'friday', time: '17:00' },
    debriefNudgeBefore: '1 day',
    rolePlayRubric: ['listening', 'agitation', 'asking for commitment', 'story of self'],
    pay: payPresets.member_organizer,
  },
  // SEIU Member Political Organizers: seasonal, mid-June through Election Day; hiring moves fast.
  political_organizer: {
    hoursPerWeek: 20,
    requiredAttestations: ['currentMember', 'fullTerm', 'doorKnocking'],
    stageSla: { applied: '3 days', screening: '5 days', role_play: '3 days', training: '7 days', ride_along: '7 days' },
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
    debriefDue: { weekday: 'sunday', time: '20:00' },
    debriefNudgeBefore: '1 day',
    rolePlayRubric: ['listening', 'agitation', 'asking for commitment', 'story of self'],
    pay: payPresets.political_organizer,
  },
  // MAPE Civic Engagement Officers: one per Local, 8 hours of lost time a month, monthly trainings and reports.
  civic_engagement: {
    hoursPerWeek: 2,
    requiredAttestations: ['currentMember', 'fullTerm'],
    stageSla: {
      applied: '14 days',
      screening: '14 days',
      role_play: '14 days',
      training: '30 days',
      ride_along: '30 days',
    },
    offerExpiresAfter: '14 days',
    requiredTrainings: ['civic engagement orientation', 'one-on-one conversations', 'precinct caucus training'],
    initialRideAlongs: 0,
    requiredRideAlongs: 1,
    rideAlongWindow: '365 days',
    debriefEvery: '1 month',
    debriefGrace: '3 days',
    escalateAfter: '7 days',
    atRiskAfterMissed: 2,
    groupDebriefEvery: '30 days',
    termLength: '365 days',
    debriefDue: { dayOfMonth: 28, time: '17:00' },
    debriefNudgeBefore: '3 days',
    rolePlayRubric: ['listening', 'relationship to the Local', 'asking for commitment'],
    debriefMetrics: ['caucus commitments'],
    pay: payPresets.civic_engagement,
  },
};

export function mergePolicy(base: ProgramPolicy, patch: PolicyPatch | undefined): ProgramPolicy {
  if (!patch) return base;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const merged = { ...base, ...defined, stageSla: { ...base.stageSla, ...(patch.stageSla ?? {}) } } as ProgramPolicy;
  if (patch.pay === null) delete merged.pay;
  return merged;
}

const durationFields = [
  'offerExpiresAfter',
  'debriefNudgeBefore',
  'linkExpiresAfter',
  'correctionWindow',
  'reminderSpread',
  'rideAlongWindow',
  'debriefEvery',
  'debriefGrace',
  'escalateAfter',
  'groupDebriefEvery',
  'termLength',
] as const;
/** Duration fields a policy may leave out (each has a default, or none means none). */
const optionalDurations: readonly string[] = [
  'debriefNudgeBefore',
  'linkExpiresAfter',
  'correctionWindow',
  'reminderSpread',
];
const minDurationMs = 1_000;
const maxDurationMs = 5 * 366 * 86_400_000;

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

/**
 * The public form's window as instants. A bare day (YYYY-MM-DD) is the program's local day, as term dates are: `from`
 * opens at its start, `until` closes at its end (24:00 local); a date-time is the instant it names.
 */
export function applicationWindow(
  open: { from?: string; until?: string } | undefined,
  timeZone: string,
): { opensAt?: number; closesAt?: number } {
  const bareDay = /^\d{4}-\d{2}-\d{2}$/;
  const at = (value: string, edge: 'start' | 'end') =>
    bareDay.test(value) ? startOfLocalDay(edge === 'start' ? value : dayAfter(value), timeZone) : Date.parse(value);
  return {
    ...(open?.from ? { opensAt: at(open.from, 'start') } : {}),
    ...(open?.until ? { closesAt: at(open.until, 'end') } : {}),
  };
}

// Whether a window closes before it opens; a bare day is a whole day in any zone, so UTC's days judge it.
function windowEmpty(open: { from?: string; until?: string }): boolean {
  const { opensAt, closesAt } = applicationWindow(open, 'UTC');
  return opensAt! >= closesAt!;
}

/** Whether a cadence is counted in months on the calendar ('1 month'), rather than in weeks. */
export function isMonthly(debriefEvery: string): boolean {
  return /^\s*\d+\s*months?\s*$/i.test(debriefEvery);
}

/** A reminder spread over no more than the grace period, and ending before the nudge it could otherwise overtake. */
function reminderSpreadProblems(policy: ProgramPolicy, field: string): FieldProblem[] {
  const spread = parseDuration(policy.reminderSpread);
  if (spread === undefined) return [];
  const grace = parseDuration(policy.debriefGrace);
  if (grace !== undefined && spread > grace) return [{ field, reason: 'must be at most debriefGrace' }];
  const nudge = parseDuration(policy.debriefNudgeBefore);
  if (nudge !== undefined && spread >= nudge) return [{ field, reason: 'must be shorter than debriefNudgeBefore' }];
  return [];
}

function debriefDueProblems(policy: ProgramPolicy, field: string): FieldProblem[] {
  const due = policy.debriefDue as Record<string, unknown> | undefined;
  const monthly = typeof policy.debriefEvery === 'string' && isMonthly(policy.debriefEvery);
  // A cadence shorter than a day (a test's seconds) keeps plain intervals: no due time applies.
  if ((parseDuration(policy.debriefEvery) ?? 0) < 86_400_000) return [];
  if (due === undefined)
    return monthly ? [{ field, reason: 'must give { dayOfMonth, time } for a monthly cadence' }] : [];
  const time = typeof due.time === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(due.time);
  if (typeof due !== 'object' || due === null || !time)
    return [
      {
        field,
        reason:
          "must be { weekday, time } or { dayOfMonth, time } with time as HH:MM, such as { weekday: 'friday', time: '17:00' }",
      },
    ];
  if (monthly) {
    const day = due.dayOfMonth;
    return Number.isInteger(day) && (day as number) >= 1 && (day as number) <= 31 && !('weekday' in due)
      ? []
      : [{ field, reason: 'must be { dayOfMonth: 1 to 31, time } for a monthly cadence' }];
  }
  return (weekdays as readonly unknown[]).includes(due.weekday) && !('dayOfMonth' in due)
    ? []
    : [{ field, reason: `must be { weekday: ${weekdays.join(' | ')}, time } for a weekly cadence` }];
}

/** An optional list of names (rubric criteria, debrief metrics): 1 to `max`, 1–50 characters, distinct, trimmed. */
function namesProblems(field: string, names: unknown, max: number): FieldProblem[] {
  if (names === undefined) return [];
  const ok =
    Array.isArray(names) &&
    names.length >= 1 &&
    names.length <= max &&
    names.every((n) => typeof n === 'string' && n.trim() === n && n !== '' && n.length <= 50) &&
    new Set(names.map((n) => String(n).toLowerCase())).size === names.length;
  return ok
    ? []
    : [{ field, reason: `must be 1 to ${max} names of 1 to 50 characters, distinct, without surrounding spaces` }];
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
  for (const field of durationFields) {
    if (optionalDurations.includes(field) && policy[field] === undefined) continue;
    checkDuration(at(field), policy[field], problems);
  }
  for (const stage of ['training', 'ride_along'] as const) {
    if (sla && typeof sla === 'object' && sla[stage] !== undefined)
      checkDuration(at(`stageSla.${stage}`), sla[stage], problems);
  }
  problems.push(...debriefDueProblems(policy, at('debriefDue')));
  problems.push(...reminderSpreadProblems(policy, at('reminderSpread')));
  if (policy.rolePlayRubric !== undefined) {
    const rubric = policy.rolePlayRubric;
    if (
      !Array.isArray(rubric) ||
      rubric.length < 1 ||
      rubric.length > 20 ||
      rubric.some((c) => typeof c !== 'string' || c.trim() !== c || c === '' || c.length > 50) ||
      new Set(rubric.map((c) => String(c).toLowerCase())).size !== rubric.length
    ) {
      problems.push({
        field: at('rolePlayRubric'),
        reason: 'must be 1 to 20 criteria of 1 to 50 characters, distinct, without surrounding spaces',
      });
    }
  }
  problems.push(...namesProblems(at('debriefMetrics'), policy.debriefMetrics, 10));
  const notes = policy.screeningNotes;
  if (notes !== undefined && (typeof notes !== 'string' || notes.trim() === '' || notes.length > 2000))
    problems.push({ field: at('screeningNotes'), reason: 'must be a text of 1 to 2000 characters' });
  const remindAt = policy.screeningReminderAt;
  if (remindAt !== undefined && (typeof remindAt !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(remindAt)))
    problems.push({ field: at('screeningReminderAt'), reason: "must be a time as HH:MM, such as '09:00'" });
  const open = policy.applicationsOpen;
  if (open !== undefined) {
    const bad = (v: unknown) => v !== undefined && (typeof v !== 'string' || Number.isNaN(Date.parse(v)));
    if (typeof open !== 'object' || open === null || bad(open.from) || bad(open.until)) {
      problems.push({ field: at('applicationsOpen'), reason: 'must be { from?, until? } with ISO-8601 dates' });
    } else if (open.from && open.until && windowEmpty(open)) {
      problems.push({ field: at('applicationsOpen.until'), reason: 'must come after from' });
    }
  }
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
  problems.push(...payPolicyProblems(policy.pay, at('pay')));
  return problems;
}

/**
 * How long someone may stay in `stage` before the coordinator is reminded: the hiring stages' limits, and under the
 * second rules training and ride-alongs too (21 days unless the policy says). Undefined: the stage has none.
 */
export function stageTimeLimit(policy: ProgramPolicy, stage: string, secondRules: boolean): string | undefined {
  if (stage === 'applied' || stage === 'screening' || stage === 'role_play') return policy.stageSla[stage];
  if (secondRules && (stage === 'training' || stage === 'ride_along')) return policy.stageSla[stage] ?? '21 days';
  return undefined;
}

/**
 * Whether debriefs fall due on the calendar (a weekday or day of the month at a local time, `debriefDue`) rather than
 * every `debriefEvery` from activation: cadences of a day or more, under the second rules.
 */
export function debriefsOnCalendar(policy: ProgramPolicy): boolean {
  return durationMs(policy.debriefEvery) >= 86_400_000;
}

/** How long after a hiring step it may be undone under the policy. */
export function screeningReminderAt(policy: ProgramPolicy): string {
  return policy.screeningReminderAt ?? '09:00';
}

export function correctionWindow(policy: ProgramPolicy): string {
  return policy.correctionWindow ?? '2 days';
}

/** How long a link sent by email stays good under the policy. */
export function linkLifetime(policy: ProgramPolicy): string {
  return policy.linkExpiresAfter ?? '14 days';
}
