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
import { UsersService } from '../users/users.service';
import { FailedAuthLimiter } from './failed-auth-limiter';

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** Deny by default: a route needs @Public or @Allow; every other route needs a known token and an allowed role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
    private readonly limiter: FailedAuthLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(accessKey, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.public) return true;
    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const token = bearerToken(request);
    if (!token) throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <token>)');
    // The client's address (through the proxies TRUST_PROXY names). Failures are counted per address, but a valid
    // token is never refused: a union office, or everything behind one proxy, shares an address.
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const caller = await this.users.authenticate(token);
    if (!caller) {
      const retryAfter = this.limiter.retryAfter(address);
      if (retryAfter !== undefined) {
        context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
        throw new HttpException(
          `too many failed sign-ins from this address; try again in ${retryAfter} s`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      this.limiter.recordFailure(address);
      throw new UnauthorizedException('the token is unknown or revoked');
    }
    request.caller = caller;
    if (!rule) throw new ForbiddenException('this route declares no access rule, so it is refused');
    if (caller.role !== 'admin' && !rule.roles.includes(caller.role)) {
      throw new ForbiddenException(`a ${caller.role} may not do this`);
    }
    return true;
  }
}
