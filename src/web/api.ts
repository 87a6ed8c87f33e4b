// The page's one way to the API: the bearer token of this tab, JSON both ways, and errors in the API's own terms
// (status, message, and a 400's problems field by field, so forms can show each next to its field).

const tokenKey = 'organizer-pipeline-token';

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(tokenKey);
  },
  signIn(token: string): void {
    sessionStorage.setItem(tokenKey, token.trim());
  },
  signOut(): void {
    sessionStorage.removeItem(tokenKey);
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
  if (!token) throw new SignedOut();
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, ...headers } };
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
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  return (await request(method, path, body, headers)).json() as Promise<T>;
}

export async function download(path: string): Promise<Blob> {
  return (await request('GET', path)).blob();
}
