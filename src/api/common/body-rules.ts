import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error.filter';
import { RefusedBodyError, UnsupportedMediaTypeError } from './errors';

/** Text PostgreSQL can store: no NUL character and no half of a UTF-16 surrogate pair on its own. */
export function storableText(text: string): boolean {
  return (
    !text.includes('\u0000') && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
  );
}

const unstorable = 'contains a NUL character or an unpaired surrogate, which cannot be stored';

/** No request has an object of more fields than this, or a list of more items. */
export const maxFieldsPerObject = 100;
export const maxItemsPerList = 1_000;

/**
 * JSON.parse reviver: names that could reach an object's prototype are not fields of any request, and no text may be
 * one the database would refuse (an action's text would otherwise reach a workflow whose projection could never land).
 * An object or list larger than any request needs is refused here, while it is parsed, before validation walks it:
 * no body can make the API spend more than a few milliseconds.
 */
export function refuseUnsafeFields(key: string, value: unknown): unknown {
  const where = key === '' ? 'the body' : key;
  if (Array.isArray(value)) {
    if (value.length > maxItemsPerList) throw new RefusedBodyError(`${where} has more than ${maxItemsPerList} items`);
  } else if (value !== null && typeof value === 'object' && Object.keys(value).length > maxFieldsPerObject) {
    throw new RefusedBodyError(`${where} has more than ${maxFieldsPerObject} fields`);
  }
  // Names objects themselves carry (toString, constructor, __proto__, …) would reach the prototype or be lost.
  if (key === 'prototype' || key in Object.prototype)
    throw new RefusedBodyError(`"${key}" is not allowed as a field name`);
  if (!storableText(key)) throw new RefusedBodyError(`a field name ${unstorable}`);
  if (typeof value === 'string' && !storableText(value)) throw new RefusedBodyError(`${where} ${unstorable}`);
  return value;
}

/** No request nests objects and lists deeper than this. */
export const maxBodyDepth = 32;

/**
 * The body parser's check of the raw bytes, before they are parsed: a body nested deeper than any request needs is
 * refused (parsing and validating one a million levels deep would overflow the stack).
 */
export function refuseDeepBodies(_request: unknown, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const byte of body) {
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === 0x5c) escaped = true;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > maxBodyDepth) {
        const error = new RefusedBodyError(`the body nests objects or lists deeper than ${maxBodyDepth} levels`);
        // The body parser answers a refusal of its `verify` with the error's status (403 when it has none).
        throw Object.assign(error, { status: 400 });
      }
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}

/** Request bodies are JSON (the roster import alone takes CSV); any other body is refused before it is read. */
export function requireJsonBodies(request: Request, response: Response, next: NextFunction): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  const json = type.startsWith('application/json');
  const csvRoute = request.method === 'POST' && request.path.endsWith('/roster');
  if (hasBody && !json && !csvRoute) {
    const body = errorBody(
      new UnsupportedMediaTypeError('the request body must be JSON (Content-Type: application/json)'),
    );
    response.status(body.statusCode).json(body);
    return;
  }
  next();
}
