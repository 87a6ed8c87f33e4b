// Signing in by a link sent by email, and the sessions it opens (docs/api.md, "Signing in"). The answer to a request
// for a link is the same, and as fast, whether or not the address has an account: the link is made and sent after.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/configuration';
import { invitationMail, signInMail } from '../../mail/messages';
import { Mailer } from '../../mail/mailer';
import { AuditRepository } from '../../repositories/audit.repository';
import { SessionRepository, type SessionView } from '../../repositories/session.repository';
import { UserRepository } from '../../repositories/user.repository';
import { say } from '../../words/say';
import { AccessDeniedError, NotFoundError, SignInLinkEndedError, TooManyRequestsError } from '../common/errors';
import { bootstrapAdmin, type Caller } from './caller';
import { FailedAuthLimiter } from './failed-auth-limiter';
import { hashToken } from './tokens';
import type { AuthMeDto, SessionDto } from './sign-in.dto';

/** A sign-in link works once, for this long; an invitation's, for days. */
export const signInLinkMinutes = 15;
export const invitationDays = 7;
/** Requests for a link: per email address an hour, per client address a minute. */
export const signInLimits = { perEmailPerHour: 5, perAddressPerMinute: 30 };

const secret = () => randomBytes(32).toString('base64url');

@Injectable()
export class SignInService {
  private readonly logger = new Logger(SignInService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly mailer: Mailer,
    private readonly audit: AuditRepository,
    private readonly failures: FailedAuthLimiter,
  ) {}

  /**
   * Counts the request against the client's limit, then (if it passed) the address's: a client refused does not use
   * up the address's links. Windows are fixed (a minute, an hour, from the epoch): up to twice a limit can pass across
   * a window's edge.
   */
  private async limit(email: string, address: string): Promise<void> {
    const byAddress = await this.sessions.countRequest(`sign-in:address:${address}`, 60_000);
    if (byAddress.count > signInLimits.perAddressPerMinute)
      throw new TooManyRequestsError(
        'too many sign-in requests from this address; try again shortly',
        byAddress.secondsLeft,
      );
    const emailKey = `sign-in:email:${createHash('sha256').update(email.toLowerCase()).digest('hex')}`;
    const byEmail = await this.sessions.countRequest(emailKey, 3_600_000);
    if (byEmail.count > signInLimits.perEmailPerHour)
      throw new TooManyRequestsError(
        'too many sign-in links asked for this address; try again later',
        byEmail.secondsLeft,
      );
  }

  /** Asks for a sign-in link: sent if the address has an account; the answer says the same either way. */
  async requestLink(email: string, address: string): Promise<{ message: string }> {
    await this.limit(email, address);
    // Said whoever asked, so the log tells no one which addresses have accounts.
    if (!this.mailer.enabled) this.logger.warn('a sign-in link was asked for; email is off (no SMTP_URL, no outbox)');
    const user = await this.users.byEmail(email);
    if (user) void this.sendLink(user);
    return { message: say('signIn.requested', { minutes: signInLinkMinutes }) };
  }

  private async sendLink(user: { id: string; name: string; email: string }): Promise<void> {
    try {
      const token = secret();
      await this.sessions.createLink({
        id: randomUUID(),
        secretHash: hashToken(token),
        userId: user.id,
        purpose: 'sign-in',
        lifetimeMs: signInLinkMinutes * 60_000,
      });
      await this.audit.record({ actor: user.id, programId: null, kind: 'sign-in-link-sent', subject: user.id });
      if (!this.mailer.enabled) return;
      const url = `${this.config.publicUrl}/signin/${token}`;
      await this.mailer.send({
        ...signInMail({ name: user.name, url, minutes: signInLinkMinutes }),
        purpose: 'sign_in',
        to: user.email,
        messageId: `<sign-in-${randomUUID()}@organizer-pipeline>`,
      });
    } catch (error) {
      this.logger.error(`a sign-in link could not be sent: ${(error as Error).message}`);
    }
  }

  /**
   * Emails a user an invitation: a sign-in link good for `invitationDays`. Answers when it ends, or undefined when
   * email is off (no SMTP_URL, no outbox).
   */
  async invite(user: { id: string; name: string; email: string }, by: string): Promise<Date | undefined> {
    if (!this.mailer.enabled) return undefined;
    const token = secret();
    const expiresAt = await this.sessions.createLink({
      id: randomUUID(),
      secretHash: hashToken(token),
      userId: user.id,
      purpose: 'invitation',
      lifetimeMs: invitationDays * 86_400_000,
    });
    await this.mailer.send({
      ...invitationMail({ name: user.name, url: `${this.config.publicUrl}/signin/${token}`, days: invitationDays }),
      purpose: 'invitation',
      to: user.email,
      messageId: `<invitation-${randomUUID()}@organizer-pipeline>`,
    });
    await this.audit.record({ actor: by, programId: null, kind: 'user-invited', subject: user.id });
    return expiresAt;
  }

  /** Uses a sign-in link: a new session for its user, or 410 when the link is used, expired or unknown. */
  async verify(
    token: string,
    from: { device: string; address: string; replacing?: string },
  ): Promise<{ secret: string; user: Caller }> {
    const claimed = await this.sessions.claimLink(hashToken(token));
    if (!claimed) {
      // Failures count against the client's address, as a wrong token does: past the limit, it waits.
      const retryAfter = await this.failures.countFailure(from.address);
      if (retryAfter !== undefined)
        throw new TooManyRequestsError(
          `too many failed sign-ins from this address; try again in ${retryAfter} s`,
          retryAfter,
        );
      await this.audit.record({
        actor: 'system',
        programId: null,
        kind: 'sign-in-failed',
        subject: 'unknown',
        after: { method: 'email', reason: 'link-ended' },
      });
      throw new SignInLinkEndedError(say('signIn.linkEnded'));
    }
    return this.openSession(claimed.userId, from, { method: 'email', purpose: claimed.purpose });
  }

  /**
   * A new session for a user who proved who they are (by an emailed link, by single sign-on): its secret, for the
   * cookie, and the caller it signs in. The browser's session before, if any, ends: one browser, one session.
   */
  async openSession(
    userId: string,
    from: { device: string; replacing?: string },
    how: { method: 'email' | 'oidc'; purpose?: string },
  ): Promise<{ secret: string; user: Caller }> {
    if (from.replacing) await this.sessions.revokeBySecret(hashToken(from.replacing));
    const sessionSecret = secret();
    const csrfToken = secret();
    const id = randomUUID();
    await this.sessions.create({
      id,
      secretHash: hashToken(sessionSecret),
      userId,
      csrfToken,
      method: how.method,
      device: from.device.slice(0, 300),
      lifetimeMs: this.config.sessions.maxMs,
    });
    await this.audit.record({ actor: userId, programId: null, kind: 'signed-in', subject: userId, after: how });
    const user = await this.users.byId(userId);
    return {
      secret: sessionSecret,
      user: {
        id: userId,
        role: user!.role,
        programIds: user!.programIds,
        organizerId: user!.organizerId,
        session: { id, csrfToken },
      },
    };
  }

  async me(caller: Caller): Promise<AuthMeDto> {
    // The bootstrap admin of ADMIN_TOKEN is no user.
    const user = caller.id === bootstrapAdmin.id ? undefined : await this.users.byId(caller.id);
    return {
      user: {
        id: caller.id,
        name: user?.name ?? null,
        email: user?.email ?? null,
        role: caller.role,
        programIds: caller.programIds,
        organizerId: caller.organizerId,
      },
      csrfToken: caller.session?.csrfToken ?? null,
    };
  }

  async list(caller: Caller): Promise<SessionDto[]> {
    if (caller.id === bootstrapAdmin.id) return [];
    const live = await this.sessions.list(caller.id, this.config.sessions.idleMs);
    return live.map((s: SessionView) => ({
      id: s.id,
      method: s.method,
      device: s.device,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      current: s.id === caller.session?.id,
    }));
  }

  /** Ends one session: the caller's own, or anyone's for an admin. */
  async revoke(sessionId: string, caller: Caller): Promise<void> {
    const owner = await this.sessions.ownerOf(sessionId);
    if (!owner) throw new NotFoundError(`no session ${sessionId}`);
    if (owner !== caller.id && caller.role !== 'admin') throw new AccessDeniedError('this is not your session');
    await this.sessions.revoke(sessionId);
    await this.audit.record({ actor: caller.id, programId: null, kind: 'session-revoked', subject: owner });
  }

  /** Ends this browser's session (a caller with a token has none to end). */
  async signOut(caller: Caller): Promise<number> {
    if (!caller.session) return 0;
    await this.sessions.revoke(caller.session.id);
    await this.audit.record({ actor: caller.id, programId: null, kind: 'signed-out', subject: caller.id });
    return 1;
  }

  async signOutEverywhere(caller: Caller): Promise<number> {
    if (caller.id === bootstrapAdmin.id) return 0;
    const ended = await this.sessions.revokeAll(caller.id);
    await this.audit.record({
      actor: caller.id,
      programId: null,
      kind: 'signed-out-everywhere',
      subject: caller.id,
      after: { ended },
    });
    return ended;
  }
}
