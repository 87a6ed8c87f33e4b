import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../dev/stack/ports';
import { eventually } from './eventually';
import { unreadable } from './unreadable';

export interface LocalSmtpServer {
  url: string;
  messages: ParsedMail[];
  receiving: { count: number };
  /** Stops it; fails naming them if any message carried what no one should read (an id, an ISO instant). */
  close: () => Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps every message it receives; with `delayMs`, it takes that long to accept
 * each one (a slow mail relay), counting in `receiving` the messages it has begun to take.
 */
export async function startSmtpServer(options: { delayMs?: number } = {}): Promise<LocalSmtpServer> {
  const messages: ParsedMail[] = [];
  const receiving = { count: 0 };
  const problems: string[] = [];
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
          const html = typeof mail.html === 'string' ? mail.html.replace(/<[^>]*>/g, ' ') : '';
          for (const problem of unreadable(`${mail.subject ?? ''}\n${mail.text ?? ''}\n${html}`))
            problems.push(`"${mail.subject}": ${problem}`);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A sender killed mid-message (the fault tests kill workers) resets its connection: that message never came, and
  // the server goes on. Any other error is a failure.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') problems.push(`the SMTP server failed: ${error.message}`);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    receiving,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (problems.length)
        throw new Error(`emails carried what no one should read:\n${[...new Set(problems)].slice(0, 20).join('\n')}`);
    },
  };
}

/** A signed link's path in an email: `/l/<id>.<secret>`. */
export const linkPath = /\/l\/([0-9a-f-]{36}\.[\w-]{43})/;

/** The token of the (first) signed link an email carries. */
export const linkTokenIn = (mail: ParsedMail): string => linkPath.exec(mail.text ?? '')![1];

/** The messages among `messages` addressed to `address`. */
export const mailsTo = (messages: ParsedMail[], address: string): ParsedMail[] =>
  messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(address)));

/** The first message to `address` whose subject matches, once it has come. */
export async function mailTo(messages: ParsedMail[], address: string, subject: RegExp): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await eventually(`mail to ${address}: ${subject}`, async () => {
    found = mailsTo(messages, address).find((m) => subject.test(m.subject ?? ''));
    return found !== undefined;
  });
  return found!;
}
