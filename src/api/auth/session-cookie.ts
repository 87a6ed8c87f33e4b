// The session cookie: an opaque secret, HttpOnly, SameSite=Lax, Secure when the page is served over https.
import type { Request, Response } from 'express';

export const sessionCookie = 'op_session';

/** The value of a cookie the request carries, if any. */
export function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

export function setSessionCookie(response: Response, secret: string, maxMs: number, secure: boolean): void {
  response.cookie(sessionCookie, secret, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxMs });
}

export function clearSessionCookie(response: Response, secure: boolean): void {
  response.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
