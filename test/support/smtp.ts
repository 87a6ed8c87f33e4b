import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../dev/stack/ports';

export interface LocalSmtpServer {
  url: string;
  messages: ParsedMail[];
  receiving: { count: number };
  close: () => Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps every message it receives; with `delayMs`, it takes that long to accept
 * each one (a slow mail relay), counting in `receiving` the messages it has begun to take.
 */
export async function startSmtpServer(options: { delayMs?: number } = {}): Promise<LocalSmtpServer> {
  const messages: ParsedMail[] = [];
  const receiving = { count: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      receiving.count++;
      simpleParser(stream).then(
        async (mail) => {
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    receiving,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A signed link's path in an email: `/l/<id>.<secret>`. */
export const linkPath = /\/l\/([0-9a-f-]{36}\.[\w-]{43})/;

/** The token of the (first) signed link an email carries. */
export const linkTokenIn = (mail: ParsedMail): string => linkPath.exec(mail.text ?? '')![1];

/** The messages among `messages` addressed to `address`. */
export const mailsTo = (messages: ParsedMail[], address: string): ParsedMail[] =>
  messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(address)));
