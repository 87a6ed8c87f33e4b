// Links and the emails that carry them, for the worker (reminders) and the API (a coordinator's fresh link, an
// applicant's confirmation) alike: what a link of each purpose is for right now, minting it, and writing the mail.
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/configuration';
import { durationMs } from '../domain/durations';
import type { LinkPurpose } from '../domain/links';
import type { NotificationKind } from '../domain/organizer';
import type { Said } from '../domain/words/said';
import { linkLifetime } from '../domain/policy';
import { stageRefusal, type Action } from '../domain/stage-machine';
import { LinkEntity } from '../entities';
import { LinkRepository } from '../repositories/link.repository';
import { OrganizerRepository } from '../repositories/organizer.repository';
import type { OrganizerFacts } from '../repositories/organizer-facts';
import { say } from '../words/say';
import { addressOf, Mailer, type Mail } from './mailer';
import { screeningCalendar } from './screening-calendar';
import { linkMail, reminderMail, screeningMail, type Composed } from './messages';

export type { OrganizerFacts } from '../repositories/organizer-facts';

export class NothingToLinkError extends Error {}

/** The action each purpose's page sends. */
const purposeAction = {
  debrief: 'submit-debrief',
  offer: 'respond-offer',
  timesheet: 'submit-timesheet',
  rsvp: 'respond-screening',
} as const satisfies Partial<Record<LinkPurpose, Action>>;

@Injectable()
export class LinkMessenger {
  constructor(
    private readonly organizers: OrganizerRepository,
    private readonly links: LinkRepository,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  facts(organizerId: string): Promise<OrganizerFacts | undefined> {
    return this.organizers.facts(organizerId);
  }

  /**
   * What a link of `purpose` would be for now: the debrief period (the one given, else the earliest not reported),
   * the offer waiting for an answer, or nothing more for a status link. Undefined when there is nothing to do.
   */
  subjectFor(purpose: LinkPurpose, o: OrganizerFacts, periodStart?: string): { subject: string | null } | undefined {
    if (o.erased) return undefined;
    if (purpose === 'status') return { subject: null };
    // Whether the stage takes the link's action is the stage machine's to say.
    if (stageRefusal(purposeAction[purpose], o.stage, false, o.openPayPeriods.length > 0)) return undefined;
    if (purpose === 'offer') return o.offer ? { subject: o.offer.expiresAt } : undefined;
    // The screening's event, kept when it moves; answered until it starts.
    if (purpose === 'rsvp')
      return o.screening?.uid && Date.parse(o.screening.at) > Date.now() ? { subject: o.screening.uid } : undefined;
    if (purpose === 'timesheet') {
      // The one named (a correction, before approval), else the earliest still without a time sheet.
      const pay = periodStart
        ? o.openPayPeriods.find((p) => p.start === periodStart)
        : o.openPayPeriods.find((p) => p.status === 'open');
      return pay ? { subject: pay.start } : undefined;
    }
    const period = periodStart
      ? o.pendingDebriefPeriods.find((p) => p.start === periodStart)
      : o.pendingDebriefPeriods[0];
    return period ? { subject: period.start } : undefined;
  }

  /** Mints a link for the organizer; answers its row and the address to send. */
  async mint(
    purpose: LinkPurpose,
    o: OrganizerFacts,
    options: { createdBy: string; supersede: boolean; periodStart?: string },
  ): Promise<{ link: LinkEntity; url: string }> {
    const target = this.subjectFor(purpose, o, options.periodStart);
    if (!target) throw new NothingToLinkError(say(`link.nothing.${purpose}`));
    const { link, token } = await this.links.mint({
      organizerId: o.id,
      programId: o.program.id,
      purpose,
      subject: target.subject,
      lifetimeMs: durationMs(linkLifetime(o.program.policy)),
      // A link never outlives its purpose's deadline: an offer's link ends when the offer lapses, an answer's when
      // the screening starts (a moved screening's link is sent again with its invitation).
      ...(purpose === 'offer' && o.offer ? { notAfter: new Date(o.offer.expiresAt) } : {}),
      ...(purpose === 'rsvp' && o.screening ? { notAfter: new Date(o.screening.at) } : {}),
      createdBy: options.createdBy,
      supersede: options.supersede,
    });
    return { link, url: `${this.config.publicUrl}/l/${token}` };
  }

  /** Mints a fresh link (superseding the open one of its purpose) and emails it to the organizer. */
  async sendFresh(
    purpose: LinkPurpose,
    o: OrganizerFacts,
    createdBy: string,
    options: { confirmation?: boolean } = {},
  ): Promise<LinkEntity> {
    const { link, url } = await this.mint(purpose, o, { createdBy, supersede: true });
    const period =
      purpose === 'debrief'
        ? o.pendingDebriefPeriods.find((p) => p.start === link.subject)
        : purpose === 'timesheet'
          ? o.openPayPeriods.find((p) => p.start === link.subject)
          : undefined;
    const mail = linkMail({
      purpose,
      program: o.program,
      organizer: o,
      url,
      expiresAt: link.expiresAt,
      ...(period ? { period } : {}),
      ...(purpose === 'offer' && o.offer ? { offer: o.offer } : {}),
      ...options,
      lng: o.preferredLanguage,
    });
    await this.send(o, link.id, mail);
    return link;
  }

  /** A reminder's email to `recipient`; an organizer's debrief or offer reminder carries a new link that clears it. */
  async reminder(
    notification: { id: string; kind: NotificationKind; summary: string; said: Said | null; recipientRole: string },
    o: OrganizerFacts,
  ): Promise<Composed> {
    const key = notification.id.split(':').slice(2).join(':');
    const period = notification.kind.startsWith('debrief')
      ? o.pendingDebriefPeriods.find((p) => p.start === key)
      : undefined;
    const payPeriod =
      notification.kind === 'timesheet_missing' ? o.openPayPeriods.find((p) => p.start === key) : undefined;
    const facts = {
      kind: notification.kind,
      said: notification.said ?? notification.summary,
      summary: notification.summary,
      program: o.program,
      organizer: o,
      recipientRole: notification.recipientRole,
      // A member reads their own language; staff read English.
      ...(notification.recipientRole === 'organizer' ? { lng: o.preferredLanguage } : {}),
      ...(period ? { period } : {}),
      ...(payPeriod ? { payPeriod } : {}),
      ...(o.offer ? { offer: o.offer } : {}),
    };
    const purpose: LinkPurpose | undefined =
      notification.recipientRole !== 'organizer'
        ? undefined
        : notification.kind === 'offer_expiring'
          ? 'offer'
          : period
            ? 'debrief'
            : payPeriod
              ? 'timesheet'
              : undefined;
    const linked = period ?? payPeriod;
    if (purpose && this.subjectFor(purpose, o, linked?.start)) {
      const { link, url } = await this.mint(purpose, o, {
        createdBy: 'system',
        supersede: false,
        ...(linked ? { periodStart: linked.start } : {}),
      });
      return reminderMail({ ...facts, link: { url, purpose, expiresAt: link.expiresAt } });
    }
    if (notification.recipientRole !== 'organizer') {
      return reminderMail({ ...facts, link: { url: `${this.config.publicUrl}/#/organizer/${o.id}` } });
    }
    return reminderMail(facts);
  }

  /**
   * A screening's invitation, reminder or cancellation (`notification`'s key names the event's UID and SEQUENCE): to
   * the applicant with their answer link, or the coordinator's copy with the person's page; an invitation or a
   * cancellation carries the calendar event; replies go to the coordinator.
   */
  async screeningMessage(
    notification: { id: string; kind: NotificationKind; recipientRole: string; said: Said | null },
    o: OrganizerFacts,
  ): Promise<Omit<Mail, 'to' | 'messageId' | 'purpose'> | undefined> {
    const kind = notification.kind as 'screening_invitation' | 'screening_reminder' | 'screening_cancelled';
    const [, , uid, sequence] = notification.id.split(':');
    // The time and place of the event's version it is about, as it was raised (the record may have moved on since).
    const values = notification.said?.values ?? {};
    const screening =
      typeof values.at === 'string' && typeof values.location === 'string'
        ? { at: values.at, location: values.location }
        : o.screening;
    if (!screening) return undefined;
    const staff = notification.recipientRole !== 'organizer';
    let link: { url: string; expiresAt?: Date } | undefined;
    if (staff) link = { url: `${this.config.publicUrl}/#/organizer/${o.id}` };
    else if (kind !== 'screening_cancelled' && this.subjectFor('rsvp', o)) {
      const minted = await this.mint('rsvp', o, { createdBy: 'system', supersede: false });
      link = { url: minted.url, expiresAt: minted.link.expiresAt };
    }
    const mail = screeningMail({
      kind,
      program: o.program,
      organizer: o,
      screening,
      staff,
      ...(link ? { link } : {}),
      ...(staff ? {} : { lng: o.preferredLanguage }),
    });
    const organizer = o.coordinator ?? { name: o.program.name, email: addressOf(this.config.mailFrom) };
    const method = kind === 'screening_cancelled' ? 'CANCEL' : 'REQUEST';
    const calendar =
      kind === 'screening_reminder'
        ? undefined
        : screeningCalendar({
            method,
            uid,
            sequence: Number(sequence),
            at: screening.at,
            location: screening.location,
            timezone: o.program.timezone,
            summary: say(
              staff ? 'mail.screeningEventFor' : 'mail.screeningEvent',
              { program: o.program.name, name: o.name },
              staff ? undefined : o.preferredLanguage,
            ),
            description: [screening.location, o.program.policy.screeningNotes].filter(Boolean).join('\n\n'),
            organizer,
            attendees: [{ name: o.name, email: o.email }],
          });
    return {
      ...mail,
      ...(o.coordinator ? { replyTo: o.coordinator.email } : {}),
      ...(calendar ? { calendar: { method, content: calendar } } : {}),
    };
  }

  private async send(o: OrganizerFacts, linkId: string, mail: Composed): Promise<void> {
    await this.mailer.send({
      ...mail,
      purpose: 'link',
      to: o.email,
      program: { id: o.program.id, name: o.program.name },
      messageId: `<link-${linkId}@organizer-pipeline>`,
    });
  }
}
