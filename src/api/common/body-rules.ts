import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error.filter';
import { UnsupportedMediaTypeError } from './errors';

/** JSON.parse reviver: names that could reach an object's prototype are not fields of any request. */
export function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new SyntaxError(`"${key}" is not allowed as a field name`);
  return value;
}

/** Request bodies are JSON (the roster import alone takes CSV); any other body is refused before it is read. */
export function requireJsonBodies(request: Request, response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  const json = type.startsWith('application/json');
  const csvRoute = request.method === 'POST' && request.path.endsWith('/roster');
  if (hasBody && !json && !csvRoute) {
    const body = errorBody(new UnsupportedMediaTypeError('the request body must be JSON (Content-Type: application/json)'));
    response.status(body.statusCode).json(body);
    return;
  }
  next();
}
