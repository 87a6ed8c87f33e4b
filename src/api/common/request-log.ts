import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const acceptableId = /^[A-Za-z0-9._-]{1,64}$/;
/** Paths whose next part is a secret: a signed link's token (its page and its API), a sign-in link's. */
const secretPaths = /^(\/api\/links|\/l|\/signin|\/api\/auth\/email\/verify)\/[^/?#]+/i;

/**
 * The path of a request as the log may show it: no query string, and no secret a path carries. Read from the URL the
 * client sent (`originalUrl`): inside a middleware mounted at `/l/`, `request.path` no longer starts with `/l/`.
 */
export function loggedPath(request: Pick<Request, 'originalUrl' | 'url'>): string {
  const path = (request.originalUrl ?? request.url).split(/[?#]/)[0];
  return path.replace(secretPaths, '$1/<secret>');
}
const logger = new Logger('http');

/**
 * Gives every request an id (the caller's X-Request-Id when it is plain, else a new one), returns it in the response
 * and logs one line per request: method, path, status, time, caller. Never headers, query strings or bodies, nor a
 * link's token in its path, so no token, attestation or note reaches the log.
 */
export function requestLog(
  request: Request & { id?: string; caller?: { id: string } },
  response: Response,
  next: NextFunction,
): void {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && acceptableId.test(given) ? given : randomUUID();
  request.id = id;
  response.setHeader('X-Request-Id', id);
  const path = loggedPath(request);
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.log(
      `${request.method} ${path} ${response.statusCode} ${ms.toFixed(1)}ms [request ${id}] caller ${request.caller?.id ?? '-'}`,
    );
  });
  next();
}
