// Single sign-on by OpenID Connect (docs/api.md, "Signing in"): the authorization code flow with PKCE, state and nonce,
// by openid-client. A staff user is found by the provider's (issuer, subject) once bound; the first time, by an email
// the provider vouches for (`email_verified`, or a domain in OIDC_EMAIL_DOMAINS). Signing in never makes an account.
import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig, type OidcConfig } from '../../config/configuration';
import { AuditRepository } from '../../repositories/audit.repository';
import { SingleSignOnRepository } from '../../repositories/single-sign-on.repository';
import { UserRepository } from '../../repositories/user.repository';
import type { Caller } from './caller';
import { SignInService } from './sign-in.service';
import { hashToken } from './tokens';

/** What is asked of the provider: who the user is, and their email address. */
const scopes = ['openid', 'email', 'profile'];

/** How long a browser may take at the provider. */
export const attemptMinutes = 10;

/** Why a sign-in through the provider was refused (words for each: `singleSignOnFailed.*` in the catalog). */
export const singleSignOnFailures = [
  'ended', // no attempt for this browser: its cookie is gone, used or older than `attemptMinutes`
  'refused', // the provider said no, or its answer did not match (state, nonce, PKCE, issuer, signature)
  'unavailable', // the provider could not be reached
  'no-email', // the provider gave no email address
  'unverified', // the email is not vouched for: not `email_verified`, not in OIDC_EMAIL_DOMAINS
  'no-account', // no staff user has that email (or theirs is revoked)
  'other-account', // the user is bound to another account at this provider
] as const;
export type SingleSignOnFailure = (typeof singleSignOnFailures)[number];

export class SingleSignOnError extends Error {
  constructor(readonly reason: SingleSignOnFailure) {
    super(reason);
  }
}

/** A path on the page's own origin, or '/': never another site (`//evil.example`, `/\evil.example`, `https:`). */
export function returnPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 500 || !/^\/(?![/\\])[\x21-\x7e]*$/.test(raw)) return '/';
  return raw;
}

@Injectable()
export class SingleSignOnService {
  private readonly logger = new Logger(SingleSignOnService.name);
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    private readonly config: AppConfig,
    private readonly attempts: SingleSignOnRepository,
    private readonly users: UserRepository,
    private readonly signIn: SignInService,
    private readonly audit: AuditRepository,
  ) {}

  get settings(): OidcConfig | undefined {
    return this.config.oidc;
  }

  private get redirectUri(): string {
    return `${this.config.publicUrl}/api/auth/oidc/callback`;
  }

  /** The provider's metadata and keys, fetched once (again after a failure). */
  private provider(settings: OidcConfig): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        // Plain http only for a provider on loopback (configuration.ts refuses it elsewhere).
        execute: settings.issuer.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: Error) => {
        this.discovered = undefined;
        const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
        this.logger.error(`the single sign-on provider could not be reached at ${settings.issuer}${cause}`);
        throw new SingleSignOnError('unavailable');
      });
    return this.discovered;
  }

  /** Starts a sign-in: the provider's address to send the browser to, and the secret the browser keeps meanwhile. */
  async start(settings: OidcConfig, returnTo: string): Promise<{ url: string; secret: string }> {
    const provider = await this.provider(settings);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const attempt = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier, returnTo };
    const secret = randomBytes(32).toString('base64url');
    await this.attempts.createAttempt(hashToken(secret), attempt, attemptMinutes * 60_000);
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: this.redirectUri,
      scope: scopes.join(' '),
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, secret };
  }

  /**
   * Ends a sign-in at the provider's answer (`search`: the callback's query): a session for the staff user it names,
   * and where the page goes next; or a SingleSignOnError saying why not.
   */
  async finish(
    settings: OidcConfig,
    search: string,
    from: { secret?: string; device: string; replacing?: string },
  ): Promise<{ secret: string; user: Caller; returnTo: string }> {
    const attempt = from.secret ? await this.attempts.claimAttempt(hashToken(from.secret)) : undefined;
    if (!attempt) return this.refuse('ended');
    const provider = await this.provider(settings);
    let claims: { iss: string; sub: string; email?: unknown; email_verified?: unknown };
    try {
      const tokens = await oidc.authorizationCodeGrant(provider, new URL(`${this.redirectUri}${search}`), {
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        pkceCodeVerifier: attempt.codeVerifier,
        idTokenExpected: true,
      });
      claims = tokens.claims()!;
      if (typeof claims.email !== 'string') {
        const info = await oidc.fetchUserInfo(provider, tokens.access_token, claims.sub);
        claims = { ...claims, email: info.email, email_verified: info.email_verified };
      }
    } catch (error) {
      this.logger.warn(`single sign-on refused the provider's answer: ${(error as Error).message}`);
      return this.refuse('refused');
    }
    const userId = await this.userFor(settings, claims);
    const session = await this.signIn.openSession(userId, from, { method: 'oidc' });
    return { ...session, returnTo: attempt.returnTo };
  }

  /** The staff user of the provider's account: bound already, or bound now by a vouched-for email. */
  private async userFor(
    settings: OidcConfig,
    claims: { iss: string; sub: string; email?: unknown; email_verified?: unknown },
  ): Promise<string> {
    const bound = await this.attempts.userOf(claims.iss, claims.sub);
    if (bound) return bound;
    if (typeof claims.email !== 'string' || !claims.email.includes('@')) return this.refuse('no-email');
    const email = claims.email;
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    // A listed domain stands in only where the provider says nothing (Entra ID); a provider that says "not verified"
    // (a self-registered address at the union's domain) is believed.
    const vouched =
      claims.email_verified === true || (claims.email_verified === undefined && settings.emailDomains.includes(domain));
    if (!vouched) return this.refuse('unverified');
    const user = await this.users.byEmail(email);
    if (!user) return this.refuse('no-account');
    if (!(await this.attempts.bind(user.id, claims.iss, claims.sub, email)))
      return this.refuse('other-account', user.id);
    await this.audit.record({
      actor: user.id,
      programId: null,
      kind: 'sign-in-bound',
      subject: user.id,
      after: { issuer: claims.iss },
    });
    return user.id;
  }

  private async refuse(reason: SingleSignOnFailure, subject = 'unknown'): Promise<never> {
    await this.audit.record({
      actor: 'system',
      programId: null,
      kind: 'sign-in-failed',
      subject,
      after: { method: 'oidc', reason },
    });
    throw new SingleSignOnError(reason);
  }
}
