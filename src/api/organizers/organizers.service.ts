import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { organizerIdFor } from '../../contracts/ids';
import { erasedReason, erasedRefusal, type Actor, type Application } from '../../domain/organizer';
import type { ProductActorId } from '../../domain/actors';
import { type ActionInputs } from '../../domain/stage-machine';
import { formInWords } from '../../words/forms';
import { say } from '../../words/say';
import { Action, allowedActions, mayTake, payActions, stageRefusal } from '../../domain/stage-machine';
import { actionDefinitions, actionForm, type FormContext, workflowInput } from '../../domain/lifecycle/by-action';
import { isClosed } from '../../domain/stages';
import { AccessPolicy } from '../auth/access-policy';
import { actorOf } from '../auth/caller';
import type { Caller } from '../auth/caller';
import type { Projection } from '../../domain/snapshot';
import { type AuditEntry, AuditRepository } from '../../repositories/audit.repository';
import { LinkMessenger } from '../../mail/link-messenger';
import { Mailer } from '../../mail/mailer';
import { DataKeyRepository } from '../../repositories/data-key.repository';
import { PayRepository } from '../../repositories/pay.repository';
import { OrganizerFilters, OrganizerRepository } from '../../repositories/organizer.repository';
import { databaseUnavailable } from '../../repositories/database-unavailable';
import { AppConfig } from '../../config/configuration';
import {
  AccessDeniedError,
  AlreadyAppliedError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  RecordClosedError,
  RuleViolationError,
  UnavailableError,
} from '../common/errors';
import { localDateTime } from '../../domain/calendar';
import { durationMs } from '../../domain/durations';
import { ApiMetrics, outcomeOf } from '../metrics/api-metrics';
import { ProgramsService } from '../programs/programs.service';
import { WorkflowGateway, type WritingCaller } from '../temporal/workflow.gateway';
import type { ApplicationDto, NotificationListQuery, OrganizerListQuery } from './organizer-inputs.dto';
import type { ErasedDto, NotificationListDto, OrganizerDetailDto, OrganizerListDto } from './organizer-responses.dto';
import { UnstoredWritesRepository } from '../../repositories/unstored-writes.repository';

/** Answers after which the workflow holds no change from the call: a refusal, a record closed or unknown. */
const nothingApplied = (error: unknown) =>
  [AlreadyAppliedError, ConflictError, InvalidInputError, NotFoundError, RecordClosedError, RuleViolationError].some(
    (type) => error instanceof type,
  );

@Injectable()
export class OrganizersService {
  private readonly logger = new Logger(OrganizersService.name);

  constructor(
    private readonly organizers: OrganizerRepository,
    private readonly programs: ProgramsService,
    private readonly workflows: WorkflowGateway,
    private readonly access: AccessPolicy,
    private readonly audit: AuditRepository,
    private readonly dataKeys: DataKeyRepository,
    private readonly pay: PayRepository,
    private readonly messenger: LinkMessenger,
    private readonly mailer: Mailer,
    private readonly metrics: ApiMetrics,
    private readonly notes: UnstoredWritesRepository,
    private readonly config: AppConfig,
  ) {}

  /** Starts the applicant's workflow (eligibility is its first step) and answers with the recorded organizer. */
  async apply(programId: string, input: ApplicationDto, caller: Caller): Promise<OrganizerDetailDto> {
    await this.programs.find(programId);
    this.access.assertActOnProgram(caller, programId);
    const organizerId = await this.submitApplication(programId, input, actorOf(caller));
    return this.detailOf(organizerId, caller);
  }

  /** Records an application made by `actor` (a coordinator, or the public form); answers the organizer's id. */
  async submitApplication(programId: string, input: ApplicationDto, actor: Actor): Promise<string> {
    const source = actor.id === ('public-form' satisfies ProductActorId) ? 'form' : 'api';
    try {
      const organizerId = await this.startApplication(programId, input, actor);
      this.metrics.application(source, 'done');
      return organizerId;
    } catch (error) {
      this.metrics.application(source, outcomeOf(error));
      throw error;
    }
  }

  private async startApplication(programId: string, input: ApplicationDto, actor: Actor): Promise<string> {
    const program = await this.programs.find(programId);
    if (program.termEnd && program.termEnd.getTime() <= Date.now()) {
      throw new RuleViolationError(
        `the program's term ended ${localDateTime(program.termEnd.getTime(), program.timezone)}; it takes no more applications`,
      );
    }
    const application: Application = {
      memberId: input.memberId,
      name: input.name.trim(),
      email: input.email,
      ...(input.phone ? { phone: input.phone.trim() } : {}),
      ...(input.local ? { local: input.local.trim() } : {}),
      attestations: { ...input.attestations },
      ...(input.preferredLanguage ? { preferredLanguage: input.preferredLanguage } : {}),
      ...(input.languages?.length ? { languages: input.languages } : {}),
    };
    const start = (writing: WritingCaller, afterErasure = false) =>
      this.workflows.apply({
        programId,
        policy: program.policy,
        termEnd: program.termEnd?.toISOString(),
        programChangedAt: program.updatedAt.toISOString(),
        application,
        appliedBy: actor,
        timezone: program.timezone,
        termStart: program.termStart.toISOString(),
        afterErasure,
        writing,
      });
    const id = organizerIdFor(programId, application.memberId);
    const audit = { actor: actor.id, programId, kind: 'application', subject: id, after: { memberId: input.memberId } };
    const { organizerId } = await this.writingResult(id, 0, audit, (writing) =>
      start(writing).catch(async (error: unknown) => {
        // Applied before, but no record under the id and a closed run that no key opens: that member was erased (the
        // record moved to an anonymous id, the key destroyed), and applies again as anyone would.
        if (!(error instanceof AlreadyAppliedError) || (await this.organizers.access(id))) throw error;
        if (!(await this.workflows.erasedRun(id))) throw error;
        return start(writing, true);
      }),
    );
    // A policy change committed while this application started may have been broadcast before its row existed.
    const now = await this.programs.find(programId);
    if (now.updatedAt.getTime() !== program.updatedAt.getTime()) {
      await this.workflows.tellOrganizer(organizerId, {
        policy: now.policy,
        termEnd: now.termEnd?.toISOString() ?? null,
        changedAt: now.updatedAt.toISOString(),
      });
    }
    return organizerId;
  }

  async list(programId: string, query: OrganizerListQuery, caller: Caller): Promise<OrganizerListDto> {
    await this.programs.find(programId);
    this.access.assertReadProgram(caller, programId);
    const { stage, atRisk, overdue, language } = query;
    const filters: OrganizerFilters = { stage, atRisk, overdue, language };
    return this.organizers.list(programId, filters, { limit: query.limit, offset: query.offset });
  }

  /**
   * A program's board (BoardDto), as JSON text: everyone in an open stage as a card, each with the deadline their
   * stage heads for, as the workflow set it.
   */
  async boardJson(programId: string, caller: Caller): Promise<string> {
    const program = await this.programs.find(programId);
    this.access.assertReadProgram(caller, programId);
    return this.organizers.boardJson(programId, program.timezone);
  }

  async detail(organizerId: string, caller: Caller): Promise<OrganizerDetailDto> {
    const detail = await this.detailOf(organizerId, caller);
    this.access.assertReadOrganizer(caller, detail);
    return detail;
  }

  /** Sends the action to the organizer's workflow; answers once the change is visible to reads. */
  async act<A extends Action>(
    organizerId: string,
    action: A,
    input: ActionInputs[A],
    caller: Caller,
  ): Promise<OrganizerDetailDto> {
    const row = await this.organizers.access(organizerId);
    if (!row) throw new NotFoundError(`no organizer ${organizerId}`);
    if (!mayTake(action, this.access.relationTo(caller, row))) {
      throw new AccessDeniedError(
        caller.role === 'organizer' ? 'you may act only on your own record' : 'you do not coordinate this program',
      );
    }
    await this.perform(organizerId, action, input, actorOf(caller), caller.id, row);
    if (action === 'record-role-play' && (input as ActionInputs['record-role-play']).decision === 'offer') {
      await this.emailOffer(organizerId, caller);
    }
    return this.detailOf(organizerId, caller);
  }

  /**
   * An offer made: the applicant gets it by email at once, with the link to answer it from their phone. The offer
   * stands either way; a mail that fails is logged, and the coordinator can send a fresh link from the panel.
   */
  private async emailOffer(organizerId: string, caller: Caller): Promise<void> {
    if (!this.mailer.enabled) return;
    try {
      const organizer = await this.messenger.facts(organizerId);
      if (organizer) await this.messenger.sendFresh('offer', organizer, caller.id);
    } catch (error) {
      this.logger.warn(`the offer to ${organizerId} was not emailed: ${(error as Error).message}`);
    }
  }

  /**
   * An action once the caller's right to it is settled (the route's access rules, or a signed link's purpose):
   * sent to the workflow, stored, audited under `auditActor`.
   */
  async perform<A extends Action>(
    organizerId: string,
    action: A,
    input: ActionInputs[A],
    actor: Actor,
    auditActor: string,
    // The row the caller's access was decided on, so an action reads it once before it reaches Temporal.
    known?: Awaited<ReturnType<OrganizerRepository['access']>>,
  ): Promise<void> {
    try {
      await this.performed(organizerId, action, input, actor, auditActor, known);
      this.metrics.action(action, 'done');
    } catch (error) {
      this.metrics.action(action, outcomeOf(error));
      throw error;
    }
  }

  private async performed<A extends Action>(
    organizerId: string,
    action: A,
    input: ActionInputs[A],
    actor: Actor,
    auditActor: string,
    known?: Awaited<ReturnType<OrganizerRepository['access']>>,
  ): Promise<void> {
    const row = known ?? (await this.organizers.access(organizerId));
    if (!row) throw new NotFoundError(`no organizer ${organizerId}`);
    // A closed record's workflow has ended (or waits only for pay), so the stage machine answers from the projected
    // stage; a pay action's workflow answers for itself, and an action that reopens the record reaches it anew.
    const onClosed = isClosed(row.stage) && !payActions.includes(action);
    if (onClosed) {
      const refused = stageRefusal(action, row.stage, row.paused);
      if (refused) throw new ConflictError(refused.message);
      if (row.erasedAt) throw new ConflictError(erasedRefusal.message);
    }
    await this.checkDates(action, input, row.programId);
    const sent = workflowInput(action, input);
    const sendToClosed = async (writing: WritingCaller) => {
      const program = await this.programs.find(row.programId);
      return this.workflows.actOnClosed(
        organizerId,
        action,
        sent,
        actor,
        {
          policy: program.policy,
          termEnd: program.termEnd?.toISOString(),
          changedAt: program.updatedAt.toISOString(),
        },
        () => this.organizers.closedState(organizerId),
        writing,
      );
    };
    const audit: AuditEntry = {
      actor: auditActor,
      programId: row.programId,
      kind: action,
      subject: organizerId,
      after: { ...sent },
    };
    try {
      await this.writingResult(organizerId, row.version, audit, (writing) =>
        onClosed ? sendToClosed(writing) : this.workflows.act(organizerId, action, sent, actor, writing),
      );
    } catch (error) {
      if (!(error instanceof RecordClosedError)) throw error;
      // The workflow stores its last change before it ends, so the row says where it closed.
      const closed = await this.organizers.access(organizerId);
      if (closed && isClosed(closed.stage) && !stageRefusal(action, closed.stage, closed.paused))
        await this.writingResult(organizerId, closed.version, audit, sendToClosed);
      else
        throw closed && isClosed(closed.stage)
          ? new ConflictError(stageRefusal(action, closed.stage, closed.paused)!.message)
          : error;
    }
  }

  /**
   * Erases a member (docs/design.md §4): an open record is ended first (withdrawn, reason `erased`) and its workflow
   * left to close, so no projection can write their data again; then the read models lose it and the data key that
   * encrypts their payloads in Temporal is destroyed. Logged in the audit trail without the erased data.
   */
  async erase(organizerId: string, caller: Caller): Promise<ErasedDto> {
    const row = await this.organizers.access(organizerId);
    if (!row) throw new NotFoundError(`no organizer ${organizerId}`);
    // Erasing twice changes nothing more.
    if (row.erasedAt) return { organizerId, stage: row.stage, erasedAt: row.erasedAt.toISOString() };
    await this.refuseWhilePayIsOpen(organizerId, row.programId);
    if (!isClosed(row.stage)) {
      try {
        // Not audited under the id the member's id leads to: the erasure's entry names the record's new one.
        await this.writingResult(organizerId, row.version, undefined, (writing) =>
          this.workflows.act(organizerId, 'withdraw', { reason: erasedReason }, actorOf(caller), writing),
        );
      } catch (error) {
        if (!(error instanceof RecordClosedError)) throw error;
      }
    }
    await this.workflows.closed(organizerId);
    // The record stays, with its figures, under an id no member id leads to; the member may apply again.
    const anonymousId = randomUUID();
    await this.organizers.erase(organizerId, anonymousId);
    await this.dataKeys.destroy(organizerId);
    await this.audit.record({ actor: caller.id, programId: row.programId, kind: 'erased', subject: anonymousId });
    // Its runs in Temporal can no longer be read; once the server deletes them, they can no longer be found either.
    await this.workflows.forget(organizerId).catch((error: unknown) => {
      this.logger.warn(`deleting the erased record's workflow was not asked now: ${(error as Error).message}`);
    });
    const after = (await this.organizers.access(anonymousId))!;
    return { organizerId: anonymousId, stage: after.stage, erasedAt: after.erasedAt!.toISOString() };
  }

  /**
   * Money owed or being paid needs the person it is paid to: erasure waits until every pay period with a time sheet
   * is settled (reimbursed), or is returned to open.
   */
  private async refuseWhilePayIsOpen(organizerId: string, programId: string): Promise<void> {
    const open = await this.pay.unsettled(organizerId);
    if (!open.length) return;
    const { timezone } = await this.programs.find(programId);
    const why = {
      submitted: 'time sheet in, not approved',
      payable: 'approved, not on a voucher',
      vouchered: 'on a voucher not yet approved',
    };
    const at = (instant: Date) => localDateTime(instant.getTime(), timezone);
    const periods = open.map(
      (p) => `the pay period ${at(p.periodStart)} to ${at(p.periodEnd)} (${why[p.status as keyof typeof why]})`,
    );
    throw new ConflictError(`this member's pay is not settled, so they cannot be erased yet: ${periods.join('; ')}`);
  }

  /**
   * Dates people give must be plausible for the program (the action's `plausibleDate`): a screening within a year of
   * its term; a training, ride-along or group debrief not in the future (a day's leeway for time zones) nor more than a
   * year before the term began.
   */
  async checkDates<A extends Action>(action: A, input: ActionInputs[A], programId: string): Promise<void> {
    const plausible = actionDefinitions[action].plausibleDate;
    if (!plausible) return;
    const field = plausible.field;
    const value = Date.parse((input as Record<string, string>)[field]);
    const program = await this.programs.find(programId);
    const year = 366 * 86_400_000;
    const termStart = program.termStart.getTime();
    const termEnd = program.termEnd?.getTime() ?? termStart + durationMs(program.policy.termLength);
    const earliest = termStart - year;
    const latest = plausible.within === 'term' ? termEnd + year : Date.now() + 86_400_000;
    if (value < earliest || value > latest) {
      const when =
        plausible.within === 'term'
          ? "within a year of the program's term"
          : 'not in the future, nor more than a year before the term';
      throw new InvalidInputError([
        {
          field,
          reason: `must be ${when} (${new Date(earliest).toISOString().slice(0, 10)} to ${new Date(latest).toISOString().slice(0, 10)})`,
        },
      ]);
    }
  }

  /**
   * Sends an update whose result this process writes (read-your-writes) and the workflow then does not: a note made
   * first, under the update's id, lets the worker's sweep write that update's result should this process die before it
   * does (unstored-writes-sweep.ts). Only an answer that says nothing was applied (a refusal, a closed record) removes
   * the note at once; any other failure may come after the change was made, so the sweep looks. `storedVersion`: the
   * row's version as read, every change up to which is stored; `writeBy`: past it, the workflow writes the change
   * itself, and the sweep may look at the note. `audit`: the action's entry, which the note carries, written with the
   * result by whichever process stores it (this one, or the sweep).
   */
  private async writingResult<T extends { projection?: Projection; stage: string }>(
    organizerId: string,
    storedVersion: number,
    audit: AuditEntry | undefined,
    send: (writing: WritingCaller) => Promise<T>,
  ): Promise<T> {
    const writeBy = Date.now() + this.config.temporal.updateTimeoutMs;
    const note = await this.notes.note(organizerId, new Date(writeBy), audit);
    let result: T;
    try {
      result = await send({ stores: { storedVersion, writeBy }, updateId: note });
    } catch (error) {
      if (nothingApplied(error)) await this.notes.dismiss(note).catch(() => undefined);
      throw error;
    }
    // The write removes the note (and audits the action) in the same statement. A note left behind costs the sweep one
    // look; it must not fail an action that is done and has nothing to store.
    if (result.projection) await this.store(result.projection, note);
    else
      await this.notes
        .done(note, result.stage)
        .catch((error: Error) => this.logger.warn(`a note stays: ${error.message}`));
    return result;
  }

  /**
   * Writes a committed result's projection before answering (read-your-writes). The change is already made: if the
   * database is away, the sweep stores it once it is back.
   */
  private async store(projection: Projection, note: string): Promise<void> {
    try {
      // Counted by whichever write added them (this one, the workflow's own, or the sweep's), once.
      this.metrics.notificationsStored((await this.organizers.project(projection, note)).notifications);
    } catch (error) {
      if (databaseUnavailable(error))
        throw new UnavailableError(
          'the change is made, but the database is not available to show it; it will appear shortly',
        );
      throw error;
    }
  }

  async notifications(query: NotificationListQuery, caller: Caller): Promise<NotificationListDto> {
    const page = { limit: query.limit, offset: query.offset };
    if (caller.role === 'organizer') {
      if (!caller.organizerId || (query.organizerId && query.organizerId !== caller.organizerId)) {
        throw new AccessDeniedError('you may see only your own notifications');
      }
      return this.organizers.notifications({ organizerId: caller.organizerId, kind: query.kind }, page);
    }
    const readable = this.access.readablePrograms(caller);
    if (query.programId && readable && !readable.includes(query.programId))
      throw new AccessDeniedError('you may not read this program');
    const programIds = query.programId ? [query.programId] : readable;
    return this.organizers.notifications({ programIds, organizerId: query.organizerId, kind: query.kind }, page);
  }

  /** The organizer's detail, with the actions this caller may take on it now. */
  private async detailOf(organizerId: string, caller: Caller): Promise<OrganizerDetailDto> {
    const found = await this.organizers.detail(organizerId);
    if (!found) throw new NotFoundError(`no organizer ${organizerId}`);
    const { policy, ...detail } = found;
    const relation = this.access.relationTo(caller, { id: organizerId, programId: detail.programId });
    const payOpen = detail.payPeriods.some((p) => p.status === 'open' || p.status === 'submitted');
    // An erased record is figures only: nothing is offered on it, whatever its pay periods say.
    const undoable = detail.undoUntil !== undefined && Date.parse(detail.undoUntil) > Date.now();
    const offered = detail.erasedAt ? [] : allowedActions(detail.stage, detail.paused, relation, payOpen, undoable);
    const context: FormContext = {
      stage: detail.stage,
      policy,
      timezone: detail.timezone,
      now: Date.now(),
      pendingPeriods: detail.pendingDebriefPeriods,
      // Oldest first, as the forms offer them.
      payPeriods: detail.payPeriods
        .map((p) => ({
          start: p.periodStart,
          end: p.periodEnd,
          status: p.status,
          timesheetHours: p.timesheet?.entries.reduce((sum, e) => sum + e.hours, 0),
          debriefHours: p.debriefHours,
        }))
        .reverse(),
      trainingsDone: detail.trainings.map((t) => t.training),
      screening: detail.screening,
      languages: { preferred: detail.preferredLanguage, spoken: detail.languages },
    };
    const actionForms = offered.map((action) => ({
      action,
      label: say(`action.${action}.label`),
      fields: formInWords(actionForm(action, context)),
    }));
    return { ...detail, allowedActions: offered, actionForms };
  }
}
