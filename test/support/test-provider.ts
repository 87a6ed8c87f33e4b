// The single sign-on tests' OpenID Connect provider (oidc-provider, in test/support/oidc-provider.mjs) as a child
// process on loopback, and a browser's walk through it by plain HTTP: the app's start, the provider's login form, the
// app's callback. `tamper` changes what a browser sends on the way, as an attacker in the middle would.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../dev/stack/ports';

export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export class TestProvider {
  readonly clientId = 'organizer-pipeline';
  readonly clientSecret = 'test-client-secret-0123456789';

  private constructor(
    readonly issuer: string,
    private readonly child: ChildProcess,
  ) {}

  /** Starts a provider that sends browsers back to `appUrl`'s callback, with these accounts (by login). */
  static async start(appUrl: string, accounts: Record<string, ProviderAccount>): Promise<TestProvider> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        CLIENT_ID: 'organizer-pipeline',
        CLIENT_SECRET: 'test-client-secret-0123456789',
        REDIRECT_URI: `${appUrl}/api/auth/oidc/callback`,
        ACCOUNTS: JSON.stringify(accounts),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr!.on('data', (chunk) => (errors += String(chunk)));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk) => String(chunk).includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`the test provider exited (${code}): ${errors}`)));
    });
    return new TestProvider(`http://127.0.0.1:${port}`, child);
  }

  /** The app's settings for this provider. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { OIDC_ISSUER: this.issuer, OIDC_CLIENT_ID: this.clientId, OIDC_CLIENT_SECRET: this.clientSecret, ...extra };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** A browser's cookies, by name (the walk visits two hosts whose cookie names differ; paths are not told apart). */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  take(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || pair.slice(at + 1) === '') jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    this.cookies.set(host, jar);
  }

  header(url: string): string {
    const jar = this.cookies.get(new URL(url).host) ?? new Map();
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).host)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    this.cookies.set(host, (this.cookies.get(host) ?? new Map()).set(name, value));
  }
}

export interface Walk {
  /** Where the app's callback sent the browser. */
  location: URL;
  /** The app's session cookie (name=value), if it signed in. */
  session?: string;
  jar: CookieJar;
}

/**
 * Walks a browser through single sign-on: the app's start (with `returnTo`), the provider's login as `login`, back
 * to the app's callback. `tamper` may change the provider's address (the nonce it carries) or the answer coming back
 * (its state), or swap the browser's cookie for another's; `jar` continues a browser.
 */
export async function walkThrough(
  appUrl: string,
  login: string,
  options: {
    returnTo?: string;
    jar?: CookieJar;
    tamper?: { authorization?: (url: URL) => void; callback?: (url: URL) => void; attemptCookie?: string };
  } = {},
): Promise<Walk> {
  const jar = options.jar ?? new CookieJar();
  const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
    });
    jar.take(url, response);
    return response;
  };
  const next = (response: Response, from: string): string => {
    if (response.status < 300 || response.status > 399)
      throw new Error(`expected a redirect from ${from}, got ${response.status}`);
    return new URL(response.headers.get('location')!, from).href;
  };

  const startUrl = `${appUrl}/api/auth/oidc/start${options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ''}`;
  const authorization = new URL(next(await go(startUrl), startUrl));
  if (!authorization.href.startsWith('http://127.0.0.1') || authorization.pathname !== '/auth')
    return { location: authorization, jar };
  options.tamper?.authorization?.(authorization);
  let url = next(await go(authorization.href), authorization.href);
  // The provider's login form, then back through its authorization endpoint, until it sends the browser to the app.
  for (let step = 0; !url.startsWith(appUrl); step += 1) {
    if (step > 6) throw new Error(`the provider did not send the browser back (at ${url})`);
    const page = await go(url);
    if (page.status >= 300 && page.status < 400) {
      url = next(page, url);
      continue;
    }
    const html = await page.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${page.status} ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'login';
    const submit = new URL(action.replace(/&amp;/g, '&'), url).href;
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    url = next(
      await go(submit, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      submit,
    );
  }
  const callback = new URL(url);
  options.tamper?.callback?.(callback);
  if (options.tamper?.attemptCookie) jar.set(appUrl, 'op_sso', options.tamper.attemptCookie);
  const back = await go(callback.href);
  const location = new URL(next(back, callback.href));
  const session = jar.get(appUrl, 'op_session');
  return { location, session: session ? `op_session=${session}` : undefined, jar };
}
