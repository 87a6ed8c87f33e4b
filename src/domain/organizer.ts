// Shapes of an organizer's process: its application, the inputs of each action, its durable state and the records a
// change produces for the read models. JSON-plain (no Map, Set, Date or class), so they travel through Temporal.
import type { MemberLanguage } from './languages';
import type { Said } from './words/said';
import type { ProductActorId } from './actors';
import type { PayFigures, Timesheet } from './pay';
import type { ProgramPolicy, RequirableAttestation, TimedStage } from './policy';
import type { Role } from './roles';
import type { Stage } from './stages';

export type Attestations = Record<RequirableAttestation, boolean> & {
  /** Hours a week the applicant commits to; must reach the policy's hoursPerWeek. */
  weeklyHours: number;
  /** A current steward or officer: flagged (the program looks for new leaders), never refused. */
  currentLeader: boolean;
};

/** A member number as compared and stored: no surrounding white space, capitals (`sec-u1 ` is `SEC-U1`). */
export function normalizedMemberId(memberId: string): string {
  return memberId.trim().toUpperCase();
}

/** One reason an application is not eligible: an answer that fails, too few hours, or the roster. */
export type EligibilityProblem =
  | { answer: RequirableAttestation }
  | { hours: number; asked: number }
  | { roster: 'absent' }
  | { roster: 'inactive'; status: string };

export interface Application {
  memberId: string;
  name: string;
  email: string;
  phone?: string;
  local?: string;
  attestations: Attestations;
  /** The language they read (absent: English). */
  preferredLanguage?: MemberLanguage;
  /** The languages they speak (ISO 639-1 codes). */
  languages?: string[];
}

/** What the roster says about an applicant; `hasRoster: false` when the program keeps none. */
export interface RosterStatus {
  hasRoster: boolean;
  onRoster: boolean;
  status?: string;
}

/** Who did something: a user, or the system for timers. */
export interface Actor {
  id: string;
  role: Role | 'system';
}
export const systemActor: Actor = { id: 'system' satisfies ProductActorId, role: 'system' };

/**
 * The reason an erasure withdraws an open record with (docs/design.md §4): its run then ends at once, owing no pay.
 */
export const erasedReason = 'erased';
/** What every change to an erased member's record is refused with. */
export const erasedRefusal: Refusal = {
  code: 'conflict',
  message: "the member's data was erased; their record can no longer change",
};

/** Why an action is refused: `stage` → 409 naming the stage, `conflict` → 409, `invalid` → 422. */
export interface Refusal {
  code: 'stage' | 'conflict' | 'invalid';
  message: string;
}

export const notificationKinds = [
  'stage_stalled',
  'stage_stalled_escalated',
  'offer_expiring',
  'debrief_overdue',
  'debrief_escalated',
  'organizer_at_risk',
  'group_debrief_missing',
  'ride_alongs_behind',
  'debrief_due_soon',
  'timesheet_missing',
  'pay_approval_waiting',
  'screening_invitation',
  'screening_reminder',
  'screening_cancelled',
  'screening_cant_come',
] as const;
/** Messages that ask nothing of anyone (a screening's invitation, its reminder): sent, kept, never open. */
export const announcementKinds: readonly NotificationKind[] = [
  'screening_invitation',
  'screening_reminder',
  'screening_cancelled',
];
export type NotificationKind = (typeof notificationKinds)[number];
export type RecipientRole = 'organizer' | 'coordinator' | 'national';

/**
 * One debrief period: from `start` to `end`, when its debrief is due; overdue `debriefGrace` after, escalated
 * `escalateAfter` after that; nudged `debriefNudgeBefore` the due time (calendar rules). Pay periods will use these.
 */
export interface DebriefPeriod {
  start: string;
  end: string;
  overdueAt: string;
  escalateAt: string;
  /** When the friendly reminder goes out (calendar rules only). */
  nudgeAt?: string;
  nudged?: boolean;
  submittedAt?: string;
  overdue: boolean;
  escalated: boolean;
}

/**
 * The rules an organizer's process follows. 1: the first ones (plain-interval periods, one ride-along check at half the
 * window). 2: calendar deadlines, nudges, training and ride-along limits, the rolling ride-along window, at-risk
 * cleared only when nothing is overdue, the program's rubric. 3: a stage's time limit follows the policy in force
 * (a changed limit reaches people already in the stage, counted from when they entered it), a screening's counts
 * from the screening's time, and pay periods move with the debrief periods after a pause on an interval cadence. 4: the
 * ride-along window counts the program's local days (under earlier rules, UTC's: of an evening in the Americas, a
 * ride-along on the day of hire fell before it). 5: a screening invites the applicant (a calendar event, an answer by
 * link, a reminder the day before) and is cancelled when they leave. Runs recorded under earlier rules keep them.
 */
export const currentRules = 5;

export interface OrganizerState {
  /** The rules this organizer follows (absent: 1); see currentRules. */
  rules?: number;
  organizerId: string;
  programId: string;
  memberId: string;
  name: string;
  email: string;
  phone?: string;
  local?: string;
  /** The language they read, and the ones they speak (absent in runs before: English, none said). */
  preferredLanguage?: MemberLanguage;
  languages?: string[];
  stage: Stage;
  stageEnteredAt: string;
  appliedAt: string;
  /** Bumped by every change; the read models keep the highest version they have seen. */
  version: number;
  /** Number of stage transitions recorded (history rows). */
  seq: number;
  flags: string[];
  ineligibleReasons: string[];
  /** The application's answers, checked again when an ineligible application is reopened (absent in runs before). */
  attestations?: Attestations;
  /** Why it is ineligible, each failing answer or roster fact (absent in runs before: `ineligibleReasons` only). */
  ineligibility?: EligibilityProblem[];
  /** The open stage a closed record left: reopening a withdrawal goes back to it (absent in runs before). */
  closedFrom?: Stage;
  /** The last hiring step, to undo (`revert-step`) until any other action is taken. */
  lastStep?: LastStep;
  /** Closed by the member's erasure: nothing may change it again. */
  erased?: boolean;
  policy: ProgramPolicy;
  /** The program's fixed term end, if it has one. */
  termEnd?: string;
  /** The program's term start and time zone (calendar rules; absent in runs recorded before). */
  termStart?: string;
  timezone?: string;
  /** The accepted offer's start date (YYYY-MM-DD): debriefs are owed from it at the earliest. */
  offerStart?: string;
  /** When the program last changed, as of the policy and term end held here: an older broadcast changes nothing. */
  programChangedAt?: string;
  paused: boolean;
  pausedAt?: string;
  atRisk: boolean;
  missedStreak: number;
  noShows: number;
  screening?: Screening;
  rolePlay?: { scores: Record<string, number>; decision: 'offer' | 'reject'; scoredBy?: string; scoredAt?: string };
  offer?: {
    hoursPerWeek: number;
    startDate: string;
    stipend?: number;
    offeredAt: string;
    remindAt: string;
    expiresAt: string;
    reminded: boolean;
  };
  /** The current hiring stage's reminder and escalation instants. */
  sla?: { stage: TimedStage; remindAt: string; escalateAt: string; reminded: boolean; escalated: boolean };
  hiredAt?: string;
  activeSince?: string;
  /** When this organizer's term ends (set on activation). */
  endsAt?: string;
  trainings: { training: string; completedAt: string }[];
  rideAlongs: { key: string; date: string }[];
  rideAlongCheck?: { at: string; done: boolean };
  periods: DebriefPeriod[];
  groupPeriod?: { start: string; end: string; met: boolean };
  /** Group sessions already recorded for this organizer (a session counts once). */
  groupSessions?: string[];
  /** Pay periods not yet approved, and what pay needs from the past (absent: the program pays nothing). */
  pay?: PayBook;
  /** Notifications still waiting to be resolved (by the change that answers them). */
  openNotifications: { id: string; kind: NotificationKind; key: string }[];
  totals: {
    debriefs: number;
    lateDebriefs: number;
    missedPeriods: number;
    hours: number;
    conversations: number;
    oneOnOnes: number;
    leadersIdentified: number;
    groupDebriefs: number;
  };
}

/** A screening as scheduled, and (fifth rules) its invitation: the calendar event, its reminder and the answer. */
export interface Screening {
  at: string;
  location: string;
  /** The group session it is part of, when it is one. */
  sessionId?: string;
  /** The calendar event's UID: one per person and screening, kept when it moves. */
  uid?: string;
  /** The event's SEQUENCE: raised by every move, so calendars take the newest. */
  sequence?: number;
  /** The reminder the day before, and whether it went (absent: too late for one). */
  remindAt?: string;
  reminded?: boolean;
  /** The applicant's answer by their link; a move asks again. */
  rsvp?: { coming: boolean; note?: string; at: string };
}

/** What a hiring step changes besides the stage, as it was before the step: all an undo puts back. */
export const stepFields = [
  'noShows',
  'screening',
  'rolePlay',
  'offer',
  'offerStart',
  'hiredAt',
  'rideAlongCheck',
] as const;
/** The records a step may add (a training, a ride-along): an undo takes back what is not in the copy. */
export const stepRecords = ['trainings', 'rideAlongs'] as const;
/** The records are absent from steps recorded before they could be undone. */
export type StepFields = Pick<OrganizerState, (typeof stepFields)[number]> &
  Partial<Pick<OrganizerState, (typeof stepRecords)[number]>>;

export interface LastStep {
  /** The action (one whose definition is `revertible`). */
  action: string;
  at: string;
  by: string;
  from: Stage;
  to: Stage;
  before: StepFields;
}

export interface TransitionRecord {
  seq: number;
  from: Stage | null;
  to: Stage;
  at: string;
  actor: string;
  reason?: string;
}

export interface NotificationRecord {
  id: string;
  organizerId: string;
  programId: string;
  kind: NotificationKind;
  recipientRole: RecipientRole;
  createdAt: string;
  /** What happened, as the catalog says it (src/domain/words): rendered for the read model and each email. */
  said?: Said;
  /** What happened as a sentence, kept by runs before `said` (their notifications still pending carry it). */
  summary?: string;
  /** By when what it asks for is due, where that is not when it was raised (the ride-along window's close). */
  dueAt?: string;
}

export interface ResolutionRecord {
  id: string;
  resolvedAt: string;
  resolvedBy: string;
}

/** What an organizer reports of a period in a debrief. */
export interface DebriefReport {
  hours: number;
  conversations: number;
  oneOnOnes: number;
  leadersIdentified: number;
  inPerson: boolean;
  group: boolean;
  notes?: string;
  /** The program's own counts (policy.debriefMetrics), by name. */
  metrics?: Record<string, number>;
}

/** A submitted debrief: what the organizer reported, for which period, when, and whether it came late. */
export type DebriefRecord = DebriefReport & {
  periodStart: string;
  periodEnd: string;
  submittedAt: string;
  submittedBy: string;
  late: boolean;
};

export interface TrainingRecord {
  training: string;
  completedAt: string;
  recordedBy: string;
  /** Taken back by `revert-step`: the read model drops it. */
  undone?: true;
}

export interface RideAlongRecord {
  key: string;
  date: string;
  staff: string;
  notes?: string;
  recordedBy: string;
  /** Taken back by `revert-step`: the read model drops it. */
  undone?: true;
}

/** A period's work plan as set (again: the one with the higher version stands). */
export interface WorkPlanRecord {
  periodStart: string;
  targets: Record<string, number>;
  notes?: string;
  setBy: string;
  setAt: string;
  version: number;
}

/** A pay period not yet approved: the debrief periods it owes, its time sheet once in, its reminders. */
export interface OpenPayPeriod {
  start: string;
  end: string;
  /** Starts of the debrief periods it overlaps: each needs its debrief before it is payable. */
  debriefs: string[];
  /** When a missing time sheet reminds the organizer. */
  dueAt: string;
  timesheet?: Timesheet;
  reminded: boolean;
  approvalReminded?: boolean;
}

export interface PayBook {
  periods: OpenPayPeriod[];
  /** Where the pay calendar stands: the end of the latest pay period opened. */
  calendarEnd?: string;
  /** Starts of the approved pay periods (they live in the read models; a time sheet for one is refused). */
  settled: string[];
  /** Quarter hours already paid per week (`week:<monday>`) and month (`month:<YYYY-MM>`), for the caps. */
  capsUsed: Record<string, number>;
  /** Once the record closed: when its open pay periods stop waiting. */
  settleBy?: string;
}

/** A pay period as the read models hold it (the workflow writes open, submitted and payable; vouchers the rest). */
export interface PayPeriodRecord {
  periodStart: string;
  periodEnd: string;
  status: 'open' | 'submitted' | 'payable';
  debriefStarts: string[];
  /** When a missing time sheet is due (the organizer is reminded then), as the workflow set it. */
  dueAt: string;
  timesheet?: Timesheet;
  figures?: PayFigures;
  currency: string;
  approvedBy?: string;
  approvedAt?: string;
  version: number;
}

/** Everything a change produced for the read models; rows carry deterministic keys, so re-applying adds nothing. */
export interface Changes {
  transitions: TransitionRecord[];
  notifications: NotificationRecord[];
  resolutions: ResolutionRecord[];
  debriefs: DebriefRecord[];
  trainings: TrainingRecord[];
  rideAlongs: RideAlongRecord[];
  workPlans: WorkPlanRecord[];
  payPeriods: PayPeriodRecord[];
}

export function noChanges(): Changes {
  return {
    transitions: [],
    notifications: [],
    resolutions: [],
    debriefs: [],
    trainings: [],
    rideAlongs: [],
    workPlans: [],
    payPeriods: [],
  };
}

/** Appends `more` to `into` (record by record, oldest first) and returns `into`. */
export function mergeChanges(into: Changes, more: Changes): Changes {
  // Changes kept by runs recorded before a kind of record existed lack its list.
  for (const key of Object.keys(into) as (keyof Changes)[]) (into[key] as unknown[]).push(...(more[key] ?? []));
  return into;
}

export function isEmpty(changes: Changes): boolean {
  return Object.values(changes).every((records: unknown[]) => records.length === 0);
}
