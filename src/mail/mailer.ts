import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/configuration';
import { type MailPurpose, ProductMetrics } from '../metrics/product-metrics';
import { DeliveryRepository } from '../repositories/delivery.repository';

export interface Mail {
  /** Why it goes out, for operators' counts. */
  purpose: MailPurpose;
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML, for mail readers that show it (the text part stays complete on its own). */
  html?: string;
  /** The program the mail is about: its name is the sender's name, its id the List-Id, so filters can sort by it. */
  program?: { id: string; name: string };
  /** Deterministic, so a receiver can tell a retried send from a new message. */
  messageId: string;
  /** Where replies go (a screening's invitation: the coordinator, never the no-reply sender). */
  replyTo?: string;
  /** A calendar invitation (iCalendar text): sent as the message's text/calendar part and as an .ics attachment. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/** How many messages the outbox keeps (the newest). */
const outboxKeeps = 2_000;

/** The bare address of a From such as `Name <address>`. */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/**
 * Sends email through SMTP_URL; without it, writes each one to MAIL_OUTBOX as a file of its own (mode 600: links in
 * it are secrets); disabled (and says so) when neither is set.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly deliveries: DeliveryRepository,
    private readonly metrics: ProductMetrics,
  ) {
    this.transport = config.smtpUrl
      ? // Bounded, so a mail server that hangs fails a send within the projection's 30 s instead of holding it (the
        // defaults wait minutes); SMTP_URL's own query parameters (?socketTimeout=…) still win.
        createTransport({
          url: config.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 15_000,
        })
      : config.mailOutbox
        ? createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
        : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set');
    try {
      await this.deliver(this.transport, mail);
    } catch (error) {
      this.metrics.emailed(mail.purpose, 'failed');
      throw error;
    }
    this.metrics.emailed(mail.purpose, 'sent');
    // The Message-ID only: subjects and bodies can hold names and links' secrets.
    this.logger.log(`sent ${mail.messageId}`);
  }

  private async deliver(transport: Transporter, mail: Mail): Promise<void> {
    const sender = addressOf(this.config.mailFrom);
    const sent = await transport.sendMail({
      from: mail.program ? { name: mail.program.name, address: sender } : this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.program
        ? { list: { id: { url: `${mail.program.id}.${sender.split('@')[1]}`, comment: mail.program.name } } }
        : {}),
      messageId: mail.messageId,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      ...(mail.calendar ? { icalEvent: { ...mail.calendar, filename: 'screening.ics' } } : {}),
    });
    if (!this.config.smtpUrl && this.config.mailOutbox) await this.keep(mail.messageId, sent.message as Buffer);
  }

  /**
   * Sends the mail for `key` (a notification, a weekly report) to `to` unless a delivery row says it went already, then
   * writes that row. A crash between the two can send it again, with the same Message-ID, so mail systems can tell.
   */
  async sendOnce(
    key: string,
    to: string,
    mail: Omit<Mail, 'to' | 'messageId'> | (() => Promise<Omit<Mail, 'to' | 'messageId'> | undefined>),
  ): Promise<void> {
    if (await this.deliveries.sent(key, to)) return;
    const messageId = `<${createHash('sha256').update(`${key}\n${to}`).digest('hex').slice(0, 32)}@organizer-pipeline>`;
    // Composed only once it is known to be unsent (composing may create a link); nothing to say, nothing sent.
    const content = typeof mail === 'function' ? await mail() : mail;
    if (!content) return;
    await this.send({ ...content, to, messageId });
    await this.deliveries.record(key, to, messageId);
  }

  /** Writes a message to the outbox, named so the newest sorts last. */
  private async keep(messageId: string, message: Buffer): Promise<void> {
    const outbox = this.config.mailOutbox!;
    await mkdir(outbox, { recursive: true, mode: 0o700 });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${createHash('sha256').update(messageId).digest('hex').slice(0, 12)}.eml`;
    await writeFile(join(outbox, name), message, { mode: 0o600 });
    // A demo's reminders add up: the outbox keeps its newest messages only.
    if (Math.random() < 0.02) {
      const names = (await readdir(outbox)).filter((file) => file.endsWith('.eml')).sort();
      await Promise.all(names.slice(0, -outboxKeeps).map((file) => rm(join(outbox, file), { force: true })));
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
