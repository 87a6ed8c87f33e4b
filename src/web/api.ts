// The page's one way to the API: the session cookie a sign-in link set (every tab shares it; a change sends the
// session's CSRF token), or an API token kept in this tab; JSON both ways, and errors in the API's own terms (status,
// message, and a 400's problems field by field, so forms can show each next to its field).
import type { AuthMeDto } from './api-types';

const tokenKey = 'organizer-pipeline-token';
/** Where the page was going when it asked to sign in (a reminder's link to a person): the sign-in link's page goes on there. */
export const afterSignInKey = 'organizer-pipeline-after-sign-in';
/** The signed-in session's CSRF token, once `/api/auth/me` told it (null: no session known). */
let csrfToken: string | null = null;

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(tokenKey);
  },
  /** Signs this tab in with an API token. */
  signIn(token: string): void {
    sessionStorage.setItem(tokenKey, token.trim());
  },
  /** Who the session cookie signs in, if anyone (the cookie itself is the browser's: the page cannot read it). */
  async fromCookie(): Promise<AuthMeDto | null> {
    const response = await fetch('/api/auth/me');
    if (response.status === 401) return null;
    if (!response.ok) throw new ApiError(response.status, `${response.status} ${response.statusText}`);
    const me = (await response.json()) as AuthMeDto;
    csrfToken = me.csrfToken;
    return me;
  },
  get byCookie(): boolean {
    return !this.token && csrfToken !== null;
  },
  signOut(): void {
    sessionStorage.removeItem(tokenKey);
    csrfToken = null;
  },
};

/** No token, or the API no longer accepts it. */
export class SignedOut extends Error {}

export interface Problem {
  field: string;
  reason: string;
}

/** An answer of 400 and above, as the API said it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }

  /** The reason given for one field (`attestations.weeklyHours`, `scores.listening`), if any. */
  problemFor(field: string): string | undefined {
    return this.problems.find((p) => p.field === field)?.reason;
  }
}

async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const token = session.token;
  if (!token && csrfToken === null) throw new SignedOut();
  const credentials: Record<string, string> = token
    ? { authorization: `Bearer ${token}` }
    : method === 'GET'
      ? {}
      : { 'x-csrf-token': csrfToken! };
  const init: RequestInit = { method, headers: { ...credentials, ...headers } };
  if (body !== undefined) {
    if (typeof body === 'string') {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    session.signOut();
    throw new SignedOut();
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => ({}))) as { message?: string; problems?: Problem[] };
    throw new ApiError(response.status, error.message ?? `${response.status} ${response.statusText}`, error.problems);
  }
  return response;
}

export async function get<T>(path: string): Promise<T> {
  return (await request('GET', path)).json() as Promise<T>;
}

export async function send<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  return (await request(method, path, body, headers)).json() as Promise<T>;
}

export async function download(path: string): Promise<Blob> {
  return (await request('GET', path)).blob();
}
