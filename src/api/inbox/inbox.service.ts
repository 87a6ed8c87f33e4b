import { Injectable } from '@nestjs/common';
import type { ProgramPolicy } from '../../domain/policy';
import type { Stage } from '../../domain/stages';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { ProgramRepository } from '../../repositories/program.repository';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { AccessDeniedError } from '../common/errors';
import type { InboxDto, InboxItemDto, InboxQuery } from './inbox.dto';
import { InboxKind, inboxRule, inboxTitle, lateKinds, stageStep } from './inbox-rules';

const shown = 500;
const day = 86_400_000;
/** Debriefs show up this long before they fall due. */
const debriefLookahead = 7 * day;
/** Screenings show up from a day before they are held. */
const screeningLookahead = day;

/** Reminders the workflow raised that are the coordinator's to clear (debriefs come from the periods themselves). */
const fromReminders: Partial<Record<string, InboxKind>> = {
  organizer_at_risk: 'organizer_at_risk',
  group_debrief_missing: 'group_debrief_missing',
  ride_alongs_behind: 'ride_alongs_behind',
  stage_stalled: 'stage_stalled',
  stage_stalled_escalated: 'stage_stalled',
  screening_cant_come: 'screening_cant_come',
};

/**
 * The coordinator's to-do list across their programs (national and admin: every program), by deadline: screenings
 * to record, offers about to lapse, overdue and soon-due debriefs, missing group debriefs, ride-alongs behind, people
 * stuck in a stage. Every deadline is one the workflow set (a period it opened, a reminder it raised, an offer's
 * expiry); each item says the rule behind it and the action that clears it.
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly programRows: ProgramRepository,
    private readonly organizers: OrganizerRepository,
    private readonly access: AccessPolicy,
  ) {}

  async inbox(query: InboxQuery, caller: Caller): Promise<InboxDto> {
    const readable = this.access.readablePrograms(caller);
    if (query.programId && readable && !readable.includes(query.programId))
      throw new AccessDeniedError('you may not read this program');
    const programIds = query.programId ? [query.programId] : readable;
    if (programIds && !programIds.length) return { items: [] };
    const programs = new Map((await this.programRows.summaries(programIds)).map((p) => [p.id, p]));
    const now = Date.now();
    const scope = programIds ?? [...programs.keys()];
    const [people, reminders] = await Promise.all([
      this.organizers.awaitingCoordinator(scope, new Date(now + screeningLookahead)),
      this.organizers.openReminders(scope, Object.keys(fromReminders)),
    ]);

    const items = new Map<string, InboxItemDto>();
    const add = (
      person: { id: string; name: string; programId: string; stage?: Stage },
      kind: InboxKind,
      dueAt: number,
      extra: Partial<InboxItemDto> = {},
      key = '',
    ) => {
      const program = programs.get(person.programId);
      if (!program) return;
      items.set(`${person.id}|${kind}|${key}`, {
        kind,
        title: inboxTitle(kind),
        organizerId: person.id,
        name: person.name,
        programId: person.programId,
        programName: program.name,
        timezone: program.timezone,
        overdue: lateKinds.includes(kind),
        dueAt: new Date(dueAt).toISOString(),
        rule: inboxRule(kind, program.policy as ProgramPolicy, program.timezone, person.stage),
        ...extra,
      });
    };

    for (const person of people) {
      if (person.stage === 'screening' && person.screening)
        add(person, 'screening_to_record', Date.parse(person.screening.at), { action: 'record-screening' });
      if (person.stage === 'offered' && person.offer?.expiresAt)
        add(person, 'offer_expiring', Date.parse(person.offer.expiresAt), { action: 'respond-offer' });
      if (person.stage === 'active') {
        for (const period of person.pendingDebriefPeriods) {
          const end = Date.parse(period.end);
          if (!period.overdue && end > now + debriefLookahead) continue;
          add(
            person,
            period.overdue ? 'debrief_overdue' : 'debrief_due',
            end,
            { period: { start: period.start, end: period.end }, action: 'submit-debrief' },
            period.start,
          );
        }
      }
    }
    for (const reminder of reminders) {
      const kind = fromReminders[reminder.kind]!;
      const policy = programs.get(reminder.programId)?.policy as ProgramPolicy | undefined;
      if (!policy) continue;
      const raised = reminder.createdAt.getTime();
      // The reminder's occasion is the last part of its deterministic id: a period's start, a stage, `window`.
      const occasion = reminder.notificationId.split(':').slice(2).join(':');
      switch (kind) {
        case 'group_debrief_missing':
          add(
            reminder,
            kind,
            raised,
            { period: { start: occasion, end: reminder.createdAt.toISOString() }, action: 'record-group-debrief' },
            occasion,
          );
          break;
        case 'ride_alongs_behind':
          // Due when the window closes, as the workflow said when it raised it.
          add(reminder, kind, reminder.dueAt?.getTime() ?? raised, { action: 'record-ride-along' });
          break;
        case 'stage_stalled': {
          const step = stageStep[reminder.stage];
          add(reminder, kind, raised, step ? { action: step } : {}, reminder.stage);
          break;
        }
        case 'organizer_at_risk':
          add(reminder, kind, raised, { action: 'submit-debrief' });
          break;
        case 'screening_cant_come':
          // Another time for them, most often: the answer is asked again when it moves.
          add(reminder, kind, raised, { action: 'reschedule-screening' });
          break;
      }
    }
    return { items: [...items.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, shown) };
  }
}
