import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { loggedPath } from './request-log';
import { databaseUnavailable } from '../../repositories/database-unavailable';
import { QueryFailedError } from 'typeorm';
import {
  AccessDeniedError,
  ConflictError,
  InvalidInputError,
  LinkEndedError,
  SignInLinkEndedError,
  NotFoundError,
  PayloadTooLargeError,
  RefusedBodyError,
  RuleViolationError,
  TooManyRequestsError,
  UnavailableError,
  UnknownLinkError,
  UnsupportedMediaTypeError,
} from './errors';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** A 400's problems, each naming its field (at most 10), so a form can show each next to its field. */
  problems?: { field: string; reason: string }[];
  /** Why a signed link does not work (404 `unknown`; 410 `expired`, `used`, `revoked`, `superseded`, `done`). */
  reason?: string;
  /** The language of a member's page's message (`en`, `es`). */
  language?: string;
}

const statusNames: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Maps every error to docs/api.md's body `{ statusCode, error, message }`, in one place; 5xx bodies never carry
 * internals.
 */
export function errorBody(error: unknown): ErrorBody {
  const body = (statusCode: number, message: string): ErrorBody => ({
    statusCode,
    error: statusNames[statusCode] ?? 'Error',
    message,
  });
  if (error instanceof InvalidInputError)
    return { ...body(400, error.message), problems: error.shown.map(({ field, reason }) => ({ field, reason })) };
  if (error instanceof RefusedBodyError) return body(400, error.message);
  if (error instanceof UnknownLinkError) return { ...body(404, error.message), reason: error.reason };
  if (error instanceof LinkEndedError)
    return {
      ...body(410, error.message),
      reason: error.reason,
      ...(error.language ? { language: error.language } : {}),
    };
  if (error instanceof SignInLinkEndedError) return body(410, error.message);
  if (error instanceof TooManyRequestsError) return body(429, error.message);
  if (error instanceof NotFoundError) return body(404, error.message);
  if (error instanceof ConflictError) return body(409, error.message);
  if (error instanceof RuleViolationError) return body(422, error.message);
  if (error instanceof AccessDeniedError) return body(403, error.message);
  if (error instanceof UnavailableError) return body(503, error.message);
  if (error instanceof UnsupportedMediaTypeError) return body(415, error.message);
  if (error instanceof PayloadTooLargeError) return body(413, error.message);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: string | string[] }).message;
    return body(status, Array.isArray(message) ? message.join('; ') : (message ?? error.message));
  }
  // Errors from express's body parser carry their own status: malformed JSON (400), too large (413), …
  const parser = error as { type?: string; status?: number; expose?: boolean; message?: string };
  if (parser?.type && typeof parser.status === 'number' && parser.status < 500) {
    const reasons: Record<string, string> = {
      'entity.too.large': 'the request body is larger than the limit',
      'entity.parse.failed': 'the request body is not valid JSON',
      'encoding.unsupported': 'the request body encoding is not supported',
      'charset.unsupported': 'the request body charset is not supported',
    };
    return body(parser.status, reasons[parser.type] ?? parser.message ?? 'the request body could not be read');
  }
  if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') {
    return body(409, 'a record with the same key already exists');
  }
  if (databaseUnavailable(error)) return body(503, 'the database is not available; try again shortly');
  if ((error as { code?: number })?.code === 14 || (error as Error)?.name === 'TransportError') {
    return body(503, 'Temporal is not available; try again shortly');
  }
  return body(500, 'internal error');
}

/** What a 503 asks the client to wait before trying again. */
export const retryAfterSeconds = 5;

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: string }>();
    const body = errorBody(error);
    if (body.statusCode >= 500) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.logger.error(
        `${request.method} ${loggedPath(request)} → ${body.statusCode} [request ${request.id ?? '-'}]: ${detail}`,
      );
    }
    if (response.headersSent) return;
    // A route that answers CSV sets its headers up front; an error is JSON all the same.
    response.removeHeader('Content-Disposition');
    // Temporal or PostgreSQL is away: a client may try again in a few seconds.
    if (body.statusCode === 503) response.setHeader('Retry-After', String(retryAfterSeconds));
    if (error instanceof TooManyRequestsError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    // Refused before it was read: the rest of a body that large is not waited for, and the connection ends with it.
    if (body.statusCode === 413) response.setHeader('Connection', 'close');
    response.status(body.statusCode).type('application/json').json(body);
  }
}
