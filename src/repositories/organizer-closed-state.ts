// A closed record's state rebuilt from the read model, for reopening it when Temporal no longer keeps its last run
// (past the namespace's retention). Only an application closed before it was hired: a hire's state holds what the
// read model does not (its debrief periods, its pay), so a hire is reopened only from its run.
import { defaultLanguage, isMemberLanguage } from '../domain/languages';
import type { DataSource } from 'typeorm';
import { currentRules, type OrganizerState } from '../domain/organizer';
import type { ProgramPolicy } from '../domain/policy';

const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : undefined);

export async function closedStateOf(dataSource: DataSource, organizerId: string): Promise<OrganizerState | undefined> {
  const [row] = await dataSource.query(
    `SELECT row_to_json(o) AS o, p.policy, p.timezone, p.term_start,
            (SELECT COALESCE(max(seq), 0) FROM stage_transitions WHERE organizer_id = o.id) AS seq
       FROM organizers o JOIN programs p ON p.id = o.program_id
      WHERE o.id = $1 AND o.erased_at IS NULL AND o.hired_at IS NULL`,
    [organizerId],
  );
  if (!row) return undefined;
  const o = row.o;
  return {
    rules: currentRules,
    organizerId: o.id,
    programId: o.program_id,
    memberId: o.member_id,
    name: o.name,
    email: o.email,
    ...(o.phone ? { phone: o.phone } : {}),
    ...(o.local ? { local: o.local } : {}),
    ...(isMemberLanguage(o.preferred_language) && o.preferred_language !== defaultLanguage
      ? { preferredLanguage: o.preferred_language }
      : {}),
    ...(o.languages?.length ? { languages: o.languages } : {}),
    stage: o.stage,
    stageEnteredAt: iso(o.stage_entered_at)!,
    appliedAt: iso(o.applied_at)!,
    version: o.version,
    seq: row.seq,
    flags: o.flags,
    ineligibleReasons: o.ineligible_reasons,
    ineligibility: o.ineligibility ?? [],
    policy: row.policy as ProgramPolicy,
    termStart: iso(row.term_start),
    timezone: row.timezone,
    paused: false,
    atRisk: false,
    missedStreak: 0,
    noShows: 0,
    ...(o.screening ? { screening: o.screening } : {}),
    ...(o.role_play ? { rolePlay: o.role_play } : {}),
    trainings: [],
    rideAlongs: [],
    periods: [],
    openNotifications: [],
    totals: o.totals,
  };
}
