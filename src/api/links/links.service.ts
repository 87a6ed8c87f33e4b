// Signed links over HTTP: a link page reads what its link is for and sends that one thing; coordinators see a
// person's links, send a fresh one, revoke one. A link grants only its purpose, for its organizer, while it works.
import { eligibilityInWords } from '../../words/eligibility';
import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { offerCurrency } from '../../domain/offer';
import { offerView } from '../../words/offer';
import { formInWords } from '../../words/forms';
import { say } from '../../words/say';
import { actionForm, type Action, type FormContext } from '../../domain/lifecycle/by-action';
import { linkEnding, linkPurposes } from '../../domain/links';
import type { LinkEnding, LinkPurpose } from '../../domain/links';
import { defaultLanguage, type MemberLanguage } from '../../domain/languages';
import { problemsIn } from '../../words/problems';
import type { ActionInputs } from '../../domain/stage-machine';
import { LinkEntity } from '../../entities';
import { LinkMessenger, NothingToLinkError, type OrganizerFacts } from '../../mail/link-messenger';
import { Mailer } from '../../mail/mailer';
import { LinkRepository } from '../../repositories/link.repository';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { ConflictError, InvalidInputError, LinkEndedError, NotFoundError, UnknownLinkError } from '../common/errors';
import { validationPipe } from '../common/validation';
import { actionBody } from '../organizers/action-inputs';
import { OrganizersService } from '../organizers/organizers.service';
import {
  LinkDebriefDto,
  LinkDto,
  LinkListDto,
  LinkResultDto,
  LinkScreeningAnswerDto,
  LinkTimesheetDto,
  LinkViewDto,
  type LinkScreeningDto,
} from './links.dto';

/** What a link's form sends: one action, its input, and what the page then says. */
type LinkAction = 'submit-debrief' | 'submit-timesheet' | 'respond-offer' | 'respond-screening';
type LinkSubmission = {
  [A in LinkAction]: { action: A; recorded: ActionInputs[A]; message: string };
}[LinkAction];

@Injectable()
export class LinksService {
  constructor(
    private readonly links: LinkRepository,
    private readonly messenger: LinkMessenger,
    private readonly mailer: Mailer,
    private readonly organizers: OrganizersService,
    private readonly access: AccessPolicy,
  ) {}

  /** The link a token names while it works, with its organizer; else why not (404 unknown, 410 ended). */
  private async open(token: string): Promise<{ link: LinkEntity; organizer: OrganizerFacts }> {
    const link = await this.links.find(token);
    if (!link) throw new UnknownLinkError();
    const ending = linkEnding(link, Date.now());
    const organizer = await this.messenger.facts(link.organizerId);
    const lng = organizer?.preferredLanguage ?? defaultLanguage;
    if (ending) throw ended(ending, lng);
    if (!organizer || !this.owed(link, organizer)) throw ended('done', lng);
    return { link, organizer };
  }

  /** Whether the link's purpose is still to be done: its period unreported, its offer unanswered. */
  private owed(link: LinkEntity, organizer: OrganizerFacts): boolean {
    return this.messenger.subjectFor(link.purpose, organizer, link.subject ?? undefined)?.subject === link.subject;
  }

  async view(token: string): Promise<LinkViewDto> {
    const { link, organizer } = await this.open(token);
    const lng = organizer.preferredLanguage;
    const view: LinkViewDto = {
      purpose: link.purpose,
      language: lng,
      organizerName: organizer.name,
      programName: organizer.program.name,
      timezone: organizer.program.timezone,
      expiresAt: link.expiresAt.toISOString(),
      form: { fields: [] },
    };
    if (link.purpose === 'debrief') {
      const period = organizer.pendingDebriefPeriods.find((p) => p.start === link.subject)!;
      const fields = linkForm('submit-debrief', organizer, { pendingPeriods: [period] });
      return { ...view, period, dueAt: period.end, form: { fields } };
    }
    if (link.purpose === 'offer') {
      const { expiresAt, ...terms } = organizer.offer!;
      const offer = offerView(terms, offerCurrency(organizer.program.policy), lng);
      return { ...view, offer, dueAt: expiresAt, form: { fields: linkForm('respond-offer', organizer, {}) } };
    }
    if (link.purpose === 'rsvp') {
      const screening = screeningView(organizer)!;
      const fields = linkForm('respond-screening', organizer, {}).map((field) =>
        field.name === 'coming' && screening.coming !== undefined
          ? { ...field, value: screening.coming }
          : field.name === 'note' && screening.note
            ? { ...field, value: screening.note }
            : field,
      );
      return { ...view, screening, dueAt: screening.at, form: { fields } };
    }
    if (link.purpose === 'timesheet') {
      const pay = organizer.openPayPeriods.find((p) => p.start === link.subject)!;
      // A row a worker of the release before wrote has no due time: the period's end stands in, the earliest it is.
      const dueAt = pay.dueAt ?? pay.end;
      return {
        ...view,
        period: { start: pay.start, end: pay.end, overdueAt: dueAt, overdue: Date.now() > Date.parse(dueAt) },
        dueAt,
        form: { fields: linkForm('submit-timesheet', organizer, { payPeriods: [pay] }) },
      };
    }
    const screening = organizer.stage === 'screening' ? screeningView(organizer) : undefined;
    return {
      ...view,
      ...(screening ? { screening } : {}),
      status: {
        stage: organizer.stage,
        stageLabel: say(`stage.${organizer.stage}`, {}, lng),
        nextStep: say(`applicantNext.${organizer.stage}`, {}, lng),
        reasons: organizer.stage === 'ineligible' ? eligibilityInWords(organizer.ineligibility, lng) : [],
      },
    };
  }

  /**
   * Records what the link is for, once; the link is then used. A refused body or action changes nothing. The link is
   * claimed before the action is sent, so of two uses at once one records and the other is told the link was used.
   */
  async use(token: string, body: unknown): Promise<LinkResultDto> {
    const { link, organizer } = await this.open(token);
    if (link.purpose === 'status') {
      throw new HttpException('a status link shows the application; it records nothing', HttpStatus.METHOD_NOT_ALLOWED);
    }
    const lng = organizer.preferredLanguage;
    const { action, recorded, message } = await this.submission(link, body, lng);
    // An answer may change until the screening starts: its link is not used up.
    if (action === 'respond-screening') {
      const actor = { id: organizer.id, role: 'organizer' as const };
      await this.organizers.perform(organizer.id, action, recorded, actor, `link:${link.id}`);
      return this.result(link.purpose, organizer.id, { ...recorded }, message);
    }
    const claimedAt = await this.links.claim(link.id);
    if (!claimedAt) throw ended('used', lng);
    try {
      const actor = { id: organizer.id, role: 'organizer' as const };
      await this.organizers.perform(organizer.id, action, recorded, actor, `link:${link.id}`);
    } catch (error) {
      await this.links.release(link.id, claimedAt);
      // Done meanwhile (by the coordinator, or a use whose answer was lost): say so rather than why it was refused.
      if (error instanceof ConflictError || error instanceof HttpException) {
        const now = await this.messenger.facts(link.organizerId);
        if (!now || !this.owed(link, now)) throw ended('done', lng);
      }
      throw error;
    }
    return this.result(link.purpose, organizer.id, { ...recorded }, message);
  }

  /** The action a link's body asks for, validated (a 400 names the field) before anything is claimed or sent. */
  private async submission(link: LinkEntity, body: unknown, lng: MemberLanguage): Promise<LinkSubmission> {
    const valid = async <T>(metatype: new () => T) => {
      try {
        return (await validationPipe.transform(body ?? {}, { type: 'body', metatype })) as T;
      } catch (error) {
        throw error instanceof InvalidInputError ? new InvalidInputError(problemsIn(error.problems, body, lng)) : error;
      }
    };
    if (link.purpose === 'debrief') {
      const recorded = { ...(await valid(LinkDebriefDto)), periodStart: link.subject! };
      return { action: 'submit-debrief', recorded, message: say('linkDone.debrief', {}, lng) };
    }
    if (link.purpose === 'timesheet') {
      const recorded = { ...(await valid(LinkTimesheetDto)), periodStart: link.subject! };
      return { action: 'submit-timesheet', recorded, message: say('linkDone.timesheet', {}, lng) };
    }
    if (link.purpose === 'rsvp') {
      const { coming, note } = await valid(LinkScreeningAnswerDto);
      const recorded = { coming, ...(note ? { note } : {}) };
      const message = say(`mail.screeningAnswered_${coming ? 'yes' : 'no'}`, {}, lng);
      return { action: 'respond-screening', recorded, message };
    }
    const { accepted } = (await valid(actionBody('respond-offer'))) as { accepted: boolean };
    const message = say(accepted ? 'linkDone.offerAccepted' : 'linkDone.offerDeclined', {}, lng);
    return { action: 'respond-offer', recorded: { accepted }, message };
  }

  private async result(
    purpose: LinkPurpose,
    organizerId: string,
    recorded: Record<string, unknown>,
    message: string,
  ): Promise<LinkResultDto> {
    const after = await this.messenger.facts(organizerId);
    return { purpose, message, recorded, stage: after!.stage };
  }

  private async organizerFor(organizerId: string, caller: Caller): Promise<OrganizerFacts> {
    const organizer = await this.messenger.facts(organizerId);
    if (!organizer) throw new NotFoundError(`no organizer ${organizerId}`);
    this.access.assertActOnProgram(caller, organizer.program.id);
    return organizer;
  }

  private dto(link: LinkEntity, organizer: OrganizerFacts): LinkDto {
    const ending = linkEnding(link, Date.now());
    return {
      id: link.id,
      purpose: link.purpose,
      label: say(`link.purpose.${link.purpose}`),
      subject: link.subject,
      state: ending ?? (this.owed(link, organizer) ? 'open' : 'done'),
      createdBy: link.createdBy,
      createdAt: link.createdAt.toISOString(),
      expiresAt: link.expiresAt.toISOString(),
      ...(link.usedAt ? { usedAt: link.usedAt.toISOString() } : {}),
      ...(link.revokedAt ? { revokedAt: link.revokedAt.toISOString() } : {}),
    };
  }

  async list(organizerId: string, caller: Caller): Promise<LinkListDto> {
    const organizer = await this.organizerFor(organizerId, caller);
    return {
      items: (await this.links.list(organizerId)).map((link) => this.dto(link, organizer)),
      available: linkPurposes
        .filter((purpose) => this.messenger.subjectFor(purpose, organizer))
        .map((purpose) => ({ purpose, label: say(`link.purpose.${purpose}`) })),
    };
  }

  /** Emails the organizer a fresh link; it supersedes their open link of the same purpose. */
  async send(organizerId: string, purpose: LinkPurpose, caller: Caller): Promise<LinkDto> {
    const organizer = await this.organizerFor(organizerId, caller);
    // Not a passing outage: it stays so until the server is configured, so it is refused, not "try again".
    if (!this.mailer.enabled)
      throw new ConflictError('email is not set up on this server (SMTP_URL): no link can be sent');
    try {
      const link = await this.messenger.sendFresh(purpose, organizer, caller.id);
      return this.dto(link, organizer);
    } catch (error) {
      if (error instanceof NothingToLinkError) throw new ConflictError(error.message);
      throw error;
    }
  }

  async revoke(organizerId: string, linkId: string, caller: Caller): Promise<LinkDto> {
    const organizer = await this.organizerFor(organizerId, caller);
    const link = await this.links.revoke(organizerId, linkId, caller.id);
    if (!link) throw new NotFoundError(`no link ${linkId} for this organizer`);
    if (link.revokedBy !== caller.id || !link.revokedAt) {
      throw new ConflictError(`the link is ${this.dto(link, organizer).state}; only an open link can be revoked`);
    }
    return this.dto(link, organizer);
  }
}

/** Why a link no longer works, in its member's words. */
const ended = (ending: LinkEnding, lng: MemberLanguage) =>
  new LinkEndedError(ending, say(`link.ending.${ending}`, {}, lng), lng);

/** The screening ahead as the applicant's page shows it, with their answer. */
function screeningView(organizer: OrganizerFacts): LinkScreeningDto | undefined {
  const screening = organizer.screening;
  if (!screening) return undefined;
  const notes = organizer.program.policy.screeningNotes;
  const answer = screening.rsvp;
  return {
    at: screening.at,
    location: screening.location,
    ...(notes ? { notes } : {}),
    ...(answer
      ? {
          coming: answer.coming,
          answerInWords: say(`mail.screeningAnswered_${answer.coming ? 'yes' : 'no'}`, {}, organizer.preferredLanguage),
          ...(answer.note ? { note: answer.note } : {}),
        }
      : {}),
  };
}

/** A link's form: its action's, for the one period the link is for (named by the link, so not asked). */
function linkForm(action: Action, organizer: OrganizerFacts, only: Partial<FormContext>) {
  const context: FormContext = {
    stage: organizer.stage,
    policy: organizer.program.policy,
    timezone: organizer.program.timezone,
    now: Date.now(),
    pendingPeriods: [],
    payPeriods: [],
    trainingsDone: [],
    ...only,
  };
  const fields = actionForm(action, context).filter((field) => field.name !== 'periodStart');
  return formInWords(fields, organizer.preferredLanguage);
}
