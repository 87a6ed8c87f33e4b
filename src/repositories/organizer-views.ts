// The organizer's read views (what lists, the detail and Today show) and the row mappers that make them.
import type { OfferInWords } from '../words/offer';
import type {
  DebriefRecord,
  NotificationKind,
  RecipientRole,
  RideAlongRecord,
  TrainingRecord,
  WorkPlanRecord,
} from '../domain/organizer';
import type { PayPolicy } from '../domain/pay';
import type { ProgramPolicy } from '../domain/policy';
import type { OrganizerSnapshot } from '../domain/snapshot';
import type { Stage } from '../domain/stages';
import { iso } from './organizer-row';
import type { PayPeriodView } from './pay.repository';

type Row = Record<string, any>;

/** An organizer as lists show it (the API's list item). */
export interface OrganizerSummary {
  id: string;
  programId: string;
  memberId: string;
  name: string;
  email: string;
  stage: Stage;
  stageEnteredAt: string;
  paused: boolean;
  atRisk: boolean;
  overdueDebriefs: number;
  version: number;
}

export interface NotificationView {
  id: string;
  organizerId: string;
  programId: string;
  kind: NotificationKind;
  recipientRole: RecipientRole;
  summary: string;
  createdAt: string;
  resolvedAt?: string;
  resolvedBy?: string;
  /** On a person's record: the rule that raised it, in the words of the program's policy now. */
  rule?: string;
}

/** An organizer with everything its page shows (the API's organizer detail). */
export interface OrganizerDetail extends OrganizerSummary {
  phone: string | null;
  local: string | null;
  /** The language they read, and the ones they speak. */
  preferredLanguage: string;
  languages: string[];
  appliedAt: string;
  hiredAt: string | null;
  activeSince: string | null;
  endsAt: string | null;
  /** When the member was erased (the record keeps only figures then). */
  erasedAt?: string;
  nextDebriefDueAt?: string;
  /** Until when the last hiring step may be undone, if one may be. */
  undoUntil?: string;
  flags: string[];
  ineligibleReasons: string[];
  ineligibleInWords: string[];
  screening: NonNullable<OrganizerSnapshot['screening']> | null;
  offer: (NonNullable<OrganizerSnapshot['offer']> & OfferInWords & { currency: string; stipendMinor?: number }) | null;
  rolePlay: (NonNullable<OrganizerSnapshot['rolePlay']> & { scoredByInWords?: string }) | null;
  /** The program's time zone: every due time above is an instant, shown in this zone. */
  timezone: string;
  /** The program's pay policy (what a time sheet takes: kinds of work, mileage, allowances), or null. */
  pay: PayPolicy | null;
  /** The program's whole policy (what the record's forms offer); not part of the API's answer. */
  policy: ProgramPolicy;
  rideAlongCount: number;
  totals: OrganizerSnapshot['totals'];
  pendingDebriefPeriods: OrganizerSnapshot['pendingDebriefPeriods'];
  history: {
    seq: number;
    from: Stage | null;
    to: Stage;
    at: string;
    actor: string;
    actorName?: string;
    actorInWords: string;
    reason?: string;
  }[];
  debriefs: (Omit<DebriefRecord, 'notes'> & { notes?: string })[];
  /** The work plans set, newest period first (each beside its period's debrief on the page). */
  workPlans: Omit<WorkPlanRecord, 'version'>[];
  /** Pay periods, newest first (open ones take a time sheet; approved ones are payable, then vouchered). */
  payPeriods: PayPeriodView[];
  trainings: TrainingRecord[];
  rideAlongs: Omit<RideAlongRecord, 'key'>[];
  notifications: NotificationView[];
}

/** What a coordinator's to-do about an organizer needs to know of it. */
export interface ToDoPerson {
  id: string;
  name: string;
  programId: string;
  stage: Stage;
  hiredAt: Date | null;
  screening: { at: string } | null;
  offer: { expiresAt?: string } | null;
  pendingDebriefPeriods: { start: string; end: string; overdue: boolean }[];
}

/** A reminder the workflow raised and no one has resolved, with the organizer it is about. */
export interface OpenReminder extends Pick<ToDoPerson, 'id' | 'name' | 'programId' | 'stage' | 'hiredAt'> {
  notificationId: string;
  kind: string;
  createdAt: Date;
  /** By when it is due, as the workflow set it (null: when it was raised). */
  dueAt: Date | null;
}

export const isoOrNull = (value: string | Date | null) => (value ? iso(value) : null);

/** An organizer row (snake_case, as PostgreSQL returns it) as lists show it. */
export function summaryOf(o: Row): OrganizerSummary {
  return {
    id: o.id,
    programId: o.program_id,
    memberId: o.member_id,
    name: o.name,
    email: o.email,
    stage: o.stage,
    stageEnteredAt: iso(o.stage_entered_at),
    paused: o.paused,
    atRisk: o.at_risk,
    overdueDebriefs: o.overdue_debriefs,
    version: o.version,
  };
}

export function notificationOf(n: Row): NotificationView {
  return {
    id: n.id,
    organizerId: n.organizer_id,
    programId: n.program_id,
    kind: n.kind,
    recipientRole: n.recipient_role,
    summary: n.summary,
    createdAt: iso(n.created_at),
    ...(n.resolved_at ? { resolvedAt: iso(n.resolved_at) } : {}),
    ...(n.resolved_by ? { resolvedBy: n.resolved_by } : {}),
  };
}
