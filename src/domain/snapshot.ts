import { nextDebriefDueAt, overdueDebriefs, undoUntil } from './lifecycle';
import type { Changes, EligibilityProblem, OrganizerState } from './organizer';
import { isClosed, Stage } from './stages';
import { defaultLanguage, type MemberLanguage } from './languages';

/** The organizer's row in the read model: what lists, filters and the dashboard need, at one version. */
export interface OrganizerSnapshot {
  id: string;
  programId: string;
  memberId: string;
  name: string;
  email: string;
  phone: string | null;
  local: string | null;
  preferredLanguage: MemberLanguage;
  languages: string[];
  stage: Stage;
  stageEnteredAt: string;
  appliedAt: string;
  hiredAt: string | null;
  activeSince: string | null;
  endsAt: string | null;
  paused: boolean;
  atRisk: boolean;
  overdueDebriefs: number;
  nextDebriefDueAt: string | null;
  /** When the coordinator is reminded that the person is still in their stage, as the workflow set it (none: no limit). */
  stageDueAt: string | null;
  /** Until when the last hiring step may be undone (`revert-step`); null: there is none to undo. */
  undoUntil: string | null;
  flags: string[];
  ineligibleReasons: string[];
  /** Why it is ineligible, each failing answer or roster fact, for words (none known for runs before). */
  ineligibility: EligibilityProblem[];
  screening: OrganizerState['screening'] | null;
  offer: { hoursPerWeek: number; startDate: string; stipend?: number; expiresAt: string } | null;
  /** The role-play's scores against the program's rubric, the decision, and who scored it when. */
  rolePlay: {
    scores: Record<string, number>;
    decision: 'offer' | 'reject';
    scoredBy?: string;
    scoredAt?: string;
  } | null;
  rideAlongCount: number;
  totals: OrganizerState['totals'];
  /**
   * Periods started and not yet reported, so a client can name one in a debrief; with the deadlines the workflow set
   * (overdue, then escalated to the coordinator; rows stored before the escalation was kept lack it).
   */
  pendingDebriefPeriods: { start: string; end: string; overdueAt: string; escalateAt?: string; overdue: boolean }[];
  version: number;
}

/** What a projection writes: the organizer's row at one version and the records of the changes that led there. */
export interface Projection {
  organizer: OrganizerSnapshot;
  changes: Changes;
}

/** A copy (not a view) of the state's projected fields, so later changes to the state cannot leak into it. */
export function snapshotOf(state: OrganizerState): OrganizerSnapshot {
  const { offer } = state;
  return {
    id: state.organizerId,
    programId: state.programId,
    memberId: state.memberId,
    name: state.name,
    email: state.email,
    phone: state.phone ?? null,
    local: state.local ?? null,
    preferredLanguage: state.preferredLanguage ?? defaultLanguage,
    languages: state.languages ?? [],
    stage: state.stage,
    stageEnteredAt: state.stageEnteredAt,
    appliedAt: state.appliedAt,
    hiredAt: state.hiredAt ?? null,
    activeSince: state.activeSince ?? null,
    endsAt: state.endsAt ?? null,
    paused: state.paused,
    atRisk: state.atRisk,
    overdueDebriefs: overdueDebriefs(state),
    nextDebriefDueAt: nextDebriefDueAt(state) ?? null,
    stageDueAt: state.sla && state.sla.stage === state.stage && !isClosed(state.stage) ? state.sla.remindAt : null,
    undoUntil: undoUntil(state),
    flags: [...state.flags],
    ineligibleReasons: [...state.ineligibleReasons],
    ineligibility: JSON.parse(JSON.stringify(state.ineligibility ?? [])),
    screening: state.screening ? { ...state.screening } : null,
    offer: offer
      ? {
          hoursPerWeek: offer.hoursPerWeek,
          startDate: offer.startDate,
          ...(offer.stipend !== undefined ? { stipend: offer.stipend } : {}),
          expiresAt: offer.expiresAt,
        }
      : null,
    rolePlay: state.rolePlay ? { ...state.rolePlay, scores: { ...state.rolePlay.scores } } : null,
    rideAlongCount: state.rideAlongs.length,
    totals: { ...state.totals },
    pendingDebriefPeriods: state.periods
      .filter((p) => !p.submittedAt && !isClosed(state.stage))
      .map((p) => ({
        start: p.start,
        end: p.end,
        overdueAt: p.overdueAt,
        escalateAt: p.escalateAt,
        overdue: p.overdue,
      })),
    version: state.version,
  };
}
