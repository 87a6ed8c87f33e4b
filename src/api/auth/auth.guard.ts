import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { accessKey, AccessRule } from './access.decorator';
import type { Caller } from './caller';
import { AppConfig } from '../../config/configuration';
import { SessionRepository } from '../../repositories/session.repository';
import { UsersService } from '../users/users.service';
import { FailedAuthLimiter } from './failed-auth-limiter';
import { cookieOf, sessionCookie } from './session-cookie';
import { hashToken } from './tokens';

const safeMethods = ['GET', 'HEAD', 'OPTIONS'];

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Deny by default: a route needs @Public or @Allow; every other route needs a known bearer token or a live session
 * cookie, and an allowed role. A change made with the cookie must carry the session's X-CSRF-Token and, if the browser
 * names an Origin, come from the page's own (a bearer token needs neither: no browser sends one by itself).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
    private readonly limiter: FailedAuthLimiter,
    private readonly sessions: SessionRepository,
    private readonly config: AppConfig,
  ) {}

  /** The caller of a live session cookie, after the checks a change made with it needs. */
  private async sessionCaller(request: Request, secret: string): Promise<Caller | undefined> {
    const live = await this.sessions.live(hashToken(secret), this.config.sessions.idleMs);
    if (!live) return undefined;
    if (!safeMethods.includes(request.method)) {
      const origin = request.headers.origin;
      const own = [new URL(this.config.publicUrl).origin, `${request.protocol}://${request.get('host')}`];
      if (origin && !own.includes(origin)) throw new ForbiddenException('this request comes from another site');
      if (request.headers['x-csrf-token'] !== live.csrfToken)
        throw new ForbiddenException('X-CSRF-Token is missing or wrong: read it from GET /api/auth/me');
    }
    return { ...live.user, session: { id: live.id, csrfToken: live.csrfToken } };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(accessKey, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.public) return true;
    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const token = bearerToken(request);
    const cookie = token ? undefined : cookieOf(request, sessionCookie);
    if (!token && !cookie)
      throw new UnauthorizedException('sign in, or send a bearer token (Authorization: Bearer <token>)');
    // The client's address (through the proxies TRUST_PROXY names). Failures are counted per address, but a valid
    // token is never refused: a union office, or everything behind one proxy, shares an address.
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const caller = token ? await this.users.authenticate(token) : await this.sessionCaller(request, cookie!);
    if (!caller) {
      const retryAfter = await this.limiter.countFailure(address);
      if (retryAfter !== undefined) {
        context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
        throw new HttpException(
          `too many failed sign-ins from this address; try again in ${retryAfter} s`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      throw new UnauthorizedException(
        token ? 'the token is unknown or revoked' : 'your session has ended: sign in again',
      );
    }
    request.caller = caller;
    if (!rule) throw new ForbiddenException('this route declares no access rule, so it is refused');
    if (caller.role !== 'admin' && !rule.roles.includes(caller.role)) {
      throw new ForbiddenException(`a ${caller.role} may not do this`);
    }
    return true;
  }
}
