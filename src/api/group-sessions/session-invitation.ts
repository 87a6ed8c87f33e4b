// A group screening's one invitation to the staff who hold it (issue 30): the program's coordinators and the national
// organizer named on it get its calendar event, its place said once; each applicant's own comes from their workflow.
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/configuration';
import { addressOf, Mailer } from '../../mail/mailer';
import { sessionInvitationMail } from '../../mail/messages';
import { screeningCalendar } from '../../mail/screening-calendar';
import type { ProgramPolicy } from '../../domain/policy';
import { GroupSessionRepository } from '../../repositories/group-session.repository';
import { ProgramsService } from '../programs/programs.service';
import { say } from '../../words/say';
import { InvalidInputError } from '../common/errors';

@Injectable()
export class SessionInvitation {
  private readonly logger = new Logger(SessionInvitation.name);

  constructor(
    private readonly sessions: GroupSessionRepository,
    private readonly programs: ProgramsService,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  /** A national organizer named on a session must be a national user who can sign in; 422 naming the field if not. */
  async checkNationalOrganizer(userId: string | undefined): Promise<void> {
    if (userId && !(await this.sessions.isNationalUser(userId)))
      throw new InvalidInputError([
        { field: 'nationalOrganizerId', reason: 'must be a national user who can sign in' },
      ]);
  }

  /**
   * Sends the session's invitation to its staff, once each (a retried request sends nothing twice). Mail that fails
   * is logged: the session and its applicants' invitations stand without it.
   */
  async send(session: {
    id: string;
    programId: string;
    at: string;
    location: string;
    invited: number;
    nationalOrganizerId?: string | null;
  }): Promise<void> {
    if (!this.mailer.enabled) return;
    try {
      const program = await this.programs.find(session.programId);
      const staff = await this.sessions.staffOf(session.programId, session.nationalOrganizerId ?? null);
      if (!staff.length) return;
      const facts = {
        id: program.id,
        name: program.name,
        timezone: program.timezone,
        policy: program.policy as ProgramPolicy,
      };
      const mail = sessionInvitationMail({
        program: facts,
        at: session.at,
        location: session.location,
        invited: session.invited,
        url: `${this.config.publicUrl}/#/program/${session.programId}/sessions/${session.id}`,
      });
      const calendar = screeningCalendar({
        method: 'REQUEST',
        uid: `screening-session-${session.id}`,
        sequence: 0,
        at: session.at,
        location: session.location,
        timezone: program.timezone,
        summary: say('mail.sessionEvent', { program: program.name }),
        description: [session.location, facts.policy.screeningNotes].filter(Boolean).join('\n\n'),
        organizer: staff[0] ?? { name: program.name, email: addressOf(this.config.mailFrom) },
        attendees: staff,
      });
      for (const person of staff)
        await this.mailer.sendOnce(`session:${session.id}:0`, person.email, {
          ...mail,
          purpose: 'session',
          program: { id: program.id, name: program.name },
          replyTo: staff[0].email,
          calendar: { method: 'REQUEST', content: calendar },
        });
    } catch (error) {
      this.logger.error(`the invitation to session ${session.id} was not sent`, (error as Error).stack);
    }
  }
}
