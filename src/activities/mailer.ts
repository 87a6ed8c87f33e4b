import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/configuration';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Deterministic, so a receiver can tell a retried send from a new message. */
  messageId: string;
}

/** Sends email through SMTP_URL; disabled (and says so) when it is not set. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | undefined;

  constructor(private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set');
    await this.transport.sendMail({ from: this.config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    this.logger.log(`sent ${mail.messageId}`);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
