import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { OrganizerState, Screening } from '../../domain/organizer';
import type { Stage } from '../../domain/stages';
import type { GroupSessionEntity } from '../../entities';
import { GroupSessionRepository, type NewSession } from '../../repositories/group-session.repository';
import type { SessionOutcome } from '../../entities/group-session.entity';
import { OrganizerRepository } from '../../repositories/organizer.repository';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import {
  AccessDeniedError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  UnavailableError,
} from '../common/errors';
import { mapLimit } from '../common/map-limit';
import type { OrganizerDetailDto } from '../organizers/organizer-responses.dto';
import { OrganizersService } from '../organizers/organizers.service';
import { ProgramsService } from '../programs/programs.service';
import { WorkflowGateway } from '../temporal/workflow.gateway';
import { say } from '../../words/say';
import { SessionInvitation } from './session-invitation';
import type {
  CreatedSessionDto,
  CreateGroupDebriefDto,
  CreateGroupScreeningDto,
  GroupSessionDto,
  GroupSessionListDto,
  PersonResultDto,
  RecordScreeningResultsDto,
  SessionMemberDto,
  SessionResultsDto,
} from './group-sessions.dto';

/** People acted on at once within a session: enough to keep the server busy, not so many that updates queue. */
const concurrent = 25;

/** Refusals a person's part can meet; each is reported for that person, the others' parts go on. */
const refusals = [
  ConflictError,
  RuleViolationError,
  InvalidInputError,
  AccessDeniedError,
  NotFoundError,
  UnavailableError,
];

/**
 * Group sessions (docs/design.md: the seeds' group screenings and in-person group debriefs): one request acts on many
 * people, each through an action on their own workflow, and answers person by person, done or refused and why.
 */
@Injectable()
export class GroupSessionsService {
  private readonly logger = new Logger(GroupSessionsService.name);

  constructor(
    private readonly sessions: GroupSessionRepository,
    private readonly organizers: OrganizersService,
    private readonly repository: OrganizerRepository,
    private readonly programs: ProgramsService,
    private readonly access: AccessPolicy,
    private readonly workflows: WorkflowGateway,
    private readonly invitation: SessionInvitation,
  ) {}

  async createScreening(
    programId: string,
    input: CreateGroupScreeningDto,
    idempotencyKey: string | undefined,
    caller: Caller,
  ): Promise<CreatedSessionDto> {
    const { at, location, nationalOrganizerId } = input;
    await this.organizers.checkDates('schedule-screening', { at, location }, programId);
    await this.invitation.checkNationalOrganizer(nationalOrganizerId);
    const created = await this.create(
      { programId, kind: 'screening', at, location, notes: null, idempotencyKey, caller, nationalOrganizerId },
      input.organizerIds,
      // The session names each person's calendar event; its staff get the session's one invitation.
      (organizerId, sessionId) =>
        this.organizers.act(organizerId, 'schedule-screening', { at, location, sessionId }, caller),
    );
    const invited = created.results.filter((r) => r.ok).length;
    if (invited) await this.invitation.send({ id: created.id, programId, at, location, invited, nationalOrganizerId });
    return created;
  }

  async createDebrief(
    programId: string,
    input: CreateGroupDebriefDto,
    idempotencyKey: string | undefined,
    caller: Caller,
  ): Promise<CreatedSessionDto> {
    const { heldAt, location } = input;
    await this.organizers.checkDates('record-group-debrief', { heldAt, sessionId: '' }, programId);
    return this.create(
      {
        programId,
        kind: 'debrief',
        at: heldAt,
        location: location ?? null,
        notes: input.notes ?? null,
        idempotencyKey,
        caller,
      },
      input.organizerIds,
      (organizerId, sessionId) =>
        this.organizers.act(
          organizerId,
          'record-group-debrief',
          { heldAt, sessionId, ...(location ? { location } : {}) },
          caller,
        ),
    );
  }

  /** A screening's result sheet: attendance and the decision for each person in it. */
  async recordScreeningResults(
    sessionId: string,
    input: RecordScreeningResultsDto,
    caller: Caller,
  ): Promise<SessionResultsDto> {
    const session = await this.session(sessionId);
    this.access.assertActOnProgram(caller, session.programId);
    if (session.kind !== 'screening')
      throw new ConflictError(`session ${sessionId} is a group debrief, not a screening`);
    const members = new Map((await this.sessions.membersOf(sessionId)).map((m) => [m.organizerId, m]));
    const results = await mapLimit(input.results, concurrent, async ({ organizerId, attended, advance, notes }) => {
      const member = members.get(organizerId);
      if (!member) return { organizerId, ok: false, stage: '', message: 'not in this screening session' };
      // Recorded already: the same answer again, nothing done twice.
      if (member.result?.ok) return personResult(organizerId, member.result);
      const outcome = await this.attempt(organizerId, () =>
        this.organizers.act(
          organizerId,
          'record-screening',
          { attended, advance, ...(notes ? { notes } : {}) },
          caller,
        ),
      );
      await this.sessions.setResult(sessionId, organizerId, {
        ...outcome,
        attended,
        advance: attended && advance === true,
      });
      return personResult(organizerId, outcome);
    });
    const people = await this.repository.peopleIn(
      session.programId,
      results.map((r) => r.organizerId),
    );
    return { results: named(results, people) };
  }

  async get(sessionId: string, caller: Caller): Promise<GroupSessionDto> {
    const session = await this.session(sessionId);
    this.access.assertReadProgram(caller, session.programId);
    return (await this.withMembers([session]))[0];
  }

  /** A program's sessions, newest first (at most 50), optionally of one kind. */
  async list(
    programId: string,
    kind: 'screening' | 'debrief' | undefined,
    caller: Caller,
  ): Promise<GroupSessionListDto> {
    await this.programs.find(programId);
    this.access.assertReadProgram(caller, programId);
    return { items: await this.withMembers(await this.sessions.list(programId, kind)) };
  }

  private async create(
    fields: Omit<NewSession, 'createdBy'> & { caller: Caller },
    organizerIds: string[],
    step: (organizerId: string, sessionId: string) => Promise<OrganizerDetailDto>,
  ): Promise<CreatedSessionDto> {
    const { programId, caller, idempotencyKey } = fields;
    await this.programs.find(programId);
    this.access.assertActOnProgram(caller, programId);
    // Checked before anything is stored: a session keeps (and shows the names of) its program's people only.
    const people = await this.repository.peopleIn(programId, organizerIds);
    const outsiders = organizerIds.filter((organizerId) => !people.has(organizerId));
    if (outsiders.length) {
      const named = outsiders.slice(0, 5).join(', ');
      const more = outsiders.length > 5 ? ` and ${outsiders.length - 5} more` : '';
      throw new InvalidInputError([
        { field: 'organizerIds', reason: `are not applicants or organizers of this program: ${named}${more}` },
      ]);
    }
    const id = randomUUID();
    const { caller: _, ...session } = fields;
    const created = await this.sessions.insert(id, { ...session, createdBy: caller.id }, organizerIds);
    if (!created) {
      // A retry of a session already created: nothing done twice, and each person as they stand now.
      const first = await this.sessions.byIdempotencyKey(programId, idempotencyKey!);
      return { id: first.id, results: await this.resume(first, organizerIds, step) };
    }
    const results = await mapLimit(organizerIds, concurrent, async (organizerId) => {
      const outcome = await this.attempt(organizerId, () => step(organizerId, id));
      await this.sessions.setOutcome(id, organizerId, outcome);
      return personResult(organizerId, outcome);
    });
    return { id, results: named(results, people) };
  }

  /**
   * A retried session: the parts done report each person's stage now; the parts refused or never answered (a worker
   * or the API stopped meanwhile) are tried again, so their answer is what is true now, not what was stored then.
   */
  private async resume(
    session: GroupSessionEntity,
    asked: string[],
    step: (organizerId: string, sessionId: string) => Promise<OrganizerDetailDto>,
  ): Promise<PersonResultDto[]> {
    // In the order asked, as the first answer was.
    const order = (organizerId: string) => {
      const place = asked.indexOf(organizerId);
      return place < 0 ? asked.length : place;
    };
    const members = (await this.sessions.membersOf(session.id)).sort(
      (a, b) => order(a.organizerId) - order(b.organizerId),
    );
    const people = await this.repository.peopleIn(
      session.programId,
      members.map((m) => m.organizerId),
    );
    const results = await mapLimit(members, concurrent, async ({ organizerId, outcome: stored }) => {
      if (stored?.ok)
        return personResult(organizerId, { ok: true, stage: people.get(organizerId)?.stage ?? stored.stage });
      let outcome = await this.attempt(organizerId, () => step(organizerId, session.id));
      if (!outcome.ok) {
        // Refused: perhaps because an earlier try, whose answer was lost, did it. The workflow knows (its row may not
        // show that change yet).
        const now = await this.workflows.state(organizerId).catch(() => undefined);
        if (now)
          outcome = alreadyDone(session, now) ? { ok: true, stage: now.stage } : { ...outcome, stage: now.stage };
      }
      await this.sessions.setOutcome(session.id, organizerId, outcome);
      return personResult(organizerId, outcome);
    });
    return named(results, people);
  }

  /** One person's part: done, with their stage after; or refused, with the reason and their stage as it stands. */
  // Only the session's own people reach here: create() refused everyone else before anything was stored.
  private async attempt(organizerId: string, run: () => Promise<OrganizerDetailDto>): Promise<SessionOutcome> {
    try {
      return { ok: true, stage: (await run()).stage };
    } catch (error) {
      const known = refusals.some((type) => error instanceof type);
      if (!known) this.logger.error(`session step for ${organizerId} failed`, (error as Error).stack);
      const now = await this.repository.access(organizerId).catch(() => undefined);
      return {
        ok: false,
        stage: now?.stage ?? '',
        message: known ? (error as Error).message : 'could not be done just now; try again',
      };
    }
  }

  private async session(sessionId: string): Promise<GroupSessionEntity> {
    const session = await this.sessions.find(sessionId);
    if (!session) throw new NotFoundError(`no group session ${sessionId}`);
    return session;
  }

  private async withMembers(sessions: GroupSessionEntity[]): Promise<GroupSessionDto[]> {
    if (!sessions.length) return [];
    const rows = await this.sessions.withNames(sessions.map((s) => s.id));
    return sessions.map((session) => ({
      id: session.id,
      programId: session.programId,
      kind: session.kind,
      at: session.at.toISOString(),
      location: session.location,
      notes: session.notes,
      createdBy: session.createdBy,
      createdAt: session.createdAt.toISOString(),
      members: rows
        .filter((r) => r.session_id === session.id)
        .map((r) => ({
          organizerId: r.organizer_id,
          name: r.name ?? 'unknown',
          outcome: r.outcome ? personResult(r.organizer_id, r.outcome) : null,
          result: r.result
            ? { ...personResult(r.organizer_id, r.result), attended: r.result.attended, advance: r.result.advance }
            : null,
          ...answerTo(session, r.screening),
        })),
    }));
  }
}

/** A person's answer to the session's invitation, while they are invited to it (their screening is the session's). */
function answerTo(
  session: GroupSessionEntity,
  screening: Screening | null,
): Pick<SessionMemberDto, 'answer' | 'answerInWords' | 'answerNote'> {
  if (session.kind !== 'screening' || screening?.sessionId !== session.id) return {};
  const rsvp = screening.rsvp;
  const answer = !rsvp ? 'no_answer' : rsvp.coming ? 'coming' : 'not_coming';
  return { answer, answerInWords: say(`screeningAnswer.${answer}`), ...(rsvp?.note ? { answerNote: rsvp.note } : {}) };
}

/** Each result with the person's name: `people` holds the program's people only, so an id from elsewhere stays nameless. */
function named(results: PersonResultDto[], people: Map<string, { name: string }>): PersonResultDto[] {
  return results.map((r) => (people.has(r.organizerId) ? { ...r, name: people.get(r.organizerId)!.name } : r));
}

function personResult(organizerId: string, outcome: SessionOutcome): PersonResultDto {
  return {
    organizerId,
    ok: outcome.ok,
    stage: outcome.stage as Stage | '',
    ...(outcome.message ? { message: outcome.message } : {}),
  };
}

/** Whether the person already has the session's effect: scheduled for this screening, or this debrief recorded. */
function alreadyDone(session: GroupSessionEntity, state: OrganizerState): boolean {
  if (session.kind === 'debrief') return !!state.groupSessions?.includes(session.id);
  return (
    !!state.screening &&
    Date.parse(state.screening.at) === session.at.getTime() &&
    state.screening.location === (session.location ?? '')
  );
}
