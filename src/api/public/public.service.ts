// The public interest form (docs/design.md: applicants apply from a public page). Anyone may send one, so it is limited
// per client address, per member id and in all; it answers the same to every accepted submission, whether the
// member is on the roster, applied before, or was caught by the honeypot, so it tells no one who applied.
import type { ProductActorId } from '../../domain/actors';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/configuration';
import { organizerIdFor } from '../../contracts/ids';
import type { Actor } from '../../domain/organizer';
import { applicationWindow, requirableAttestations } from '../../domain/policy';
import { say } from '../../words/say';
import { LinkMessenger } from '../../mail/link-messenger';
import { Mailer } from '../../mail/mailer';
import { ConflictError, InvalidInputError, RuleViolationError, TooManyRequestsError } from '../common/errors';
import { validationPipe } from '../common/validation';
import { problemsIn } from '../../words/problems';
import { defaultLanguage, isMemberLanguage, type MemberLanguage } from '../../domain/languages';
import { RateLimitRepository } from '../../repositories/rate-limit.repository';
import { OrganizersService } from '../organizers/organizers.service';
import { ProgramsService } from '../programs/programs.service';
import { ProgramEntity } from '../../entities';
import { InterestAcceptedDto, InterestDto, PublicProgramDto } from './public.dto';

const publicForm: Actor = { id: 'public-form' satisfies ProductActorId, role: 'system' };
const minute = 60_000;

/**
 * How long every accepted submission takes to answer: longer than the work of any (a new application with its email
 * takes about 150 ms, one on record 50 ms, a robot's 10 ms), so the answer's time does not tell which it was.
 */
export const interestAnswerMs = 1_500;

export const interestReceived = (lng: MemberLanguage = defaultLanguage) => say('publicForm.received', {}, lng);

@Injectable()
export class PublicService {
  private readonly logger = new Logger('public-form');

  constructor(
    private readonly programs: ProgramsService,
    private readonly organizers: OrganizersService,
    private readonly messenger: LinkMessenger,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly limits: RateLimitRepository,
  ) {}

  private isOpen(program: ProgramEntity, now = Date.now()): boolean {
    if (!program.policy.applicationsOpen) return false;
    const { opensAt, closesAt } = applicationWindow(program.policy.applicationsOpen, program.timezone);
    if (opensAt !== undefined && opensAt > now) return false;
    if (closesAt !== undefined && closesAt <= now) return false;
    return !program.termEnd || program.termEnd.getTime() > now;
  }

  async program(programId: string, lng: MemberLanguage): Promise<PublicProgramDto> {
    const program = await this.programs.find(programId);
    const { opensAt, closesAt } = applicationWindow(program.policy.applicationsOpen, program.timezone);
    const required = new Set<string>(program.policy.requiredAttestations);
    return {
      name: program.name,
      affiliate: program.affiliate,
      open: this.isOpen(program),
      ...(opensAt !== undefined ? { opensAt: new Date(opensAt).toISOString() } : {}),
      ...(closesAt !== undefined ? { closesAt: new Date(closesAt).toISOString() } : {}),
      hoursPerWeek: program.policy.hoursPerWeek,
      language: lng,
      attestations: [...requirableAttestations, 'currentLeader' as const].map((name) => ({
        name,
        label: say(`attestation.${name}`, {}, lng),
        required: required.has(name),
      })),
    };
  }

  /** The body as the form sends it, checked here so a 400 speaks the applicant's language. */
  private async valid(sent: object | undefined, guessed: MemberLanguage): Promise<InterestDto> {
    const body = sent ?? {};
    try {
      return (await validationPipe.transform(body, { type: 'body', metatype: InterestDto })) as InterestDto;
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const asked = (body as { preferredLanguage?: unknown }).preferredLanguage;
      throw new InvalidInputError(problemsIn(error.problems, body, isMemberLanguage(asked) ? asked : guessed));
    }
  }

  async interest(
    programId: string,
    body: object | undefined,
    address: string,
    guessed: MemberLanguage,
  ): Promise<InterestAcceptedDto> {
    const answerAt = Date.now() + interestAnswerMs;
    const input = await this.valid(body, guessed);
    const program = await this.programs.find(programId);
    if (!this.isOpen(program)) throw new RuleViolationError('this program is not taking applications now');
    const { perAddressPerMinute, perMinute, perMemberPerHour } = this.config.interestLimits;
    await this.limit(`interest:address:${address}`, perAddressPerMinute, minute, 'from this address');
    await this.limit('interest:all', perMinute, minute, 'right now');
    // A robot's post counts against its address and the whole form, never against the member id it names: anyone
    // could otherwise lock a member out of the form with five posts.
    if (input.website) {
      this.logger.log(`dropped a submission that filled the hidden field (program ${programId})`);
    } else {
      const member = `interest:member:${programId}:${input.memberId.toUpperCase()}`;
      await this.limit(member, perMemberPerHour, 60 * minute, 'for this member id');
      await this.record(programId, input);
    }
    // Every accepted submission answers after the same time, so its timing tells nothing either.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, answerAt - Date.now())));
    return { message: interestReceived(input.preferredLanguage ?? guessed) };
  }

  private async record(programId: string, input: InterestDto): Promise<void> {
    const { website: _, ...application } = input;
    let organizerId: string;
    let again = false;
    try {
      organizerId = await this.organizers.submitApplication(programId, application, publicForm);
    } catch (error) {
      organizerId = organizerIdFor(programId, application.memberId);
      if (!(error instanceof ConflictError) || !(await this.messenger.facts(organizerId))) throw error;
      // Applied before: their record stays as it is; only the address on record hears of it.
      again = true;
    }
    await this.confirm(organizerId, again);
  }

  /** Counts the submission against a limit every replica shares; 429 with Retry-After past it. */
  private async limit(key: string, limit: number, windowMs: number, what: string): Promise<void> {
    const retryAfter = await this.limits.take(key, limit, windowMs);
    if (retryAfter !== undefined) {
      throw new TooManyRequestsError(`too many applications ${what}; try again in ${retryAfter} s`, retryAfter);
    }
  }

  /** The applicant's confirmation with their status link; a failed email does not undo the application. */
  private async confirm(organizerId: string, again: boolean): Promise<void> {
    if (!this.mailer.enabled) return;
    try {
      const organizer = await this.messenger.facts(organizerId);
      if (!organizer || organizer.erased) return;
      await this.messenger.sendFresh('status', organizer, publicForm.id, { confirmation: !again });
    } catch (error) {
      this.logger.warn(`the confirmation for ${organizerId} was not sent: ${(error as Error).message}`);
    }
  }
}
