// What links and the emails that carry them need to know of an organizer, in one read.
import type { EligibilityProblem, Screening } from '../domain/organizer';
import type { DataSource } from 'typeorm';
import type { ProgramPolicy } from '../domain/policy';
import { defaultLanguage, isMemberLanguage, type MemberLanguage } from '../domain/languages';
import type { Stage } from '../domain/stages';

/** What links and mails need to know of an organizer, from the read model. */
export interface OrganizerFacts {
  id: string;
  name: string;
  email: string;
  stage: Stage;
  /** The language they read: every email to them is in it. */
  preferredLanguage: MemberLanguage;
  /** Why the application is ineligible (words/eligibility.ts says it). */
  ineligibility: EligibilityProblem[];
  erased: boolean;
  offer: { hoursPerWeek: number; startDate: string; stipend?: number; expiresAt: string } | null;
  /** The screening as last scheduled (kept after it, and after the record closes). */
  screening: Screening | null;
  pendingDebriefPeriods: { start: string; end: string; overdueAt: string; escalateAt?: string; overdue: boolean }[];
  /**
   * Pay periods not yet approved, oldest first (`submitted`: a time sheet is in); `dueAt` absent on a row a worker of
   * the release before wrote.
   */
  openPayPeriods: { start: string; end: string; status: 'open' | 'submitted'; dueAt?: string }[];
  program: { id: string; name: string; timezone: string; policy: ProgramPolicy };
  /** The program's first coordinator, whom a screening's invitation comes from (none: the program has none yet). */
  coordinator: { name: string; email: string } | null;
}

export async function organizerFacts(dataSource: DataSource, organizerId: string): Promise<OrganizerFacts | undefined> {
  const [row] = await dataSource.query(
    `SELECT o.id, o.name, o.email, o.stage, o.preferred_language, o.ineligibility, o.erased_at, o.offer, o.screening, o.pending_debrief_periods,
            p.id AS program_id, p.name AS program_name, p.timezone, p.policy,
            (SELECT json_build_object('name', u.name, 'email', u.email) FROM users u
               WHERE u.role = 'coordinator' AND u.revoked_at IS NULL AND p.id = ANY (u.program_ids)
               ORDER BY u.created_at, u.email LIMIT 1) AS coordinator,
            (SELECT COALESCE(json_agg(json_build_object('start', pp.period_start, 'end', pp.period_end,
               'status', pp.status, 'dueAt', pp.due_at) ORDER BY pp.period_start), '[]')
               FROM pay_periods pp WHERE pp.organizer_id = o.id AND pp.status IN ('open', 'submitted')) AS pay
       FROM organizers o JOIN programs p ON p.id = o.program_id WHERE o.id = $1`,
    [organizerId],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    stage: row.stage,
    preferredLanguage: isMemberLanguage(row.preferred_language) ? row.preferred_language : defaultLanguage,
    ineligibility: row.ineligibility ?? [],
    erased: row.erased_at !== null,
    offer: row.offer,
    screening: row.screening,
    pendingDebriefPeriods: row.pending_debrief_periods,
    openPayPeriods: row.pay.map(
      (p: { start: string; end: string; status: 'open' | 'submitted'; dueAt: string | null }) => ({
        start: new Date(p.start).toISOString(),
        end: new Date(p.end).toISOString(),
        status: p.status,
        ...(p.dueAt ? { dueAt: new Date(p.dueAt).toISOString() } : {}),
      }),
    ),
    program: {
      id: row.program_id,
      name: row.program_name,
      timezone: row.timezone,
      policy: row.policy as ProgramPolicy,
    },
    coordinator: row.coordinator,
  };
}
