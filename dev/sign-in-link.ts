// `npm run sign-in-link [-- <email>]`: the newest sign-in link in the mail outbox (`npm start` without SMTP_URL writes
// each email there), to anyone or to that address, so a newcomer signs in with no mail server. Prints it to this
// terminal only: no log file holds it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { stackSettings } from './stack/settings';

async function main(): Promise<void> {
  const outbox = process.env.MAIL_OUTBOX || join(stackSettings().dataDir, 'outbox');
  const to = process.argv[2]?.toLowerCase();
  let names: string[] = [];
  try {
    names = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
  } catch {
    // No outbox yet: nothing was sent.
  }
  for (const name of names.sort().reverse()) {
    const mail = await simpleParser(readFileSync(join(outbox, name)));
    if (
      to &&
      !JSON.stringify(mail.to ?? '')
        .toLowerCase()
        .includes(to)
    )
      continue;
    const link = /https?:\/\/\S+\/signin\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
    if (link) {
      process.stdout.write(`${link}\n`);
      return;
    }
  }
  process.stderr.write(
    `no sign-in link${to ? ` to ${to}` : ''} in ${outbox}: ask for one on the page first (Email me a sign-in link)\n`,
  );
  process.exitCode = 1;
}

void main();
