import { loadConfig } from '../../src/config/configuration';
import { adminToken, ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';

describe('security defaults', () => {
  let harness: AppHarness;
  // Every line the API logs, to show which secrets never reach the log.
  const logged: string[] = [];
  const capture = (message: unknown) => void logged.push(String(message));
  const logger = { log: capture, error: capture, warn: capture, debug: capture, verbose: capture, fatal: capture };

  beforeAll(async () => {
    harness = await AppHarness.start({}, { worker: false, logger });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('keeps CORS closed: another origin gets no permission to read or send', async () => {
    const preflight = await fetch(`${harness.baseUrl}/api/programs`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${harness.baseUrl}/api/programs`, {
      headers: { origin: 'https://evil.example', authorization: `Bearer ${adminToken}` },
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers on the page and the API, and no framework banner', async () => {
    for (const path of ['/', '/app.js', '/api/health']) {
      const response = await fetch(harness.baseUrl + path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
    const page = await fetch(harness.baseUrl + '/');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('has no admin unless ADMIN_TOKEN is configured (only npm start generates one)', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1/db', PAYLOAD_KEYS: process.env.PAYLOAD_KEYS });
    expect(config.adminToken).toBeUndefined();
  });

  it('answers 404 for unknown paths without echoing internals', async () => {
    const response = await harness.http('GET', '/api/../../etc/passwd', { token: adminToken });
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toMatch(/node_modules|at [A-Z]\w+\.|\/work\//);
  });

  it('logs no secret a path carries: link pages, the links API, sign-in links, with or without a query', async () => {
    const secret = 'Zq9sEcReT0fThEl1nK';
    const id = '7d0c3a5e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
    const paths = [
      `/l/${id}.${secret}`,
      `/l/${id}.${secret}?utm_source=email`,
      `/api/links/${id}.${secret}`,
      `/signin/${secret}`,
    ];
    for (const path of paths) await fetch(harness.baseUrl + path);
    await fetch(`${harness.baseUrl}/api/links/${id}.${secret}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const requests = logged.filter((line) => /^(GET|POST) /.test(line));
    expect(requests.length).toBeGreaterThanOrEqual(paths.length + 1);
    expect(logged.join('\n')).not.toContain(secret);
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET \/l\/<secret> 200 /),
        expect.stringMatching(/^GET \/api\/links\/<secret> 404 /),
        expect.stringMatching(/^POST \/api\/links\/<secret> 404 /),
      ]),
    );
  });

  it('refuses a body nested deeper than any request needs with a 400 naming the limit', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const raw of [deep, `{"name": ${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`]) {
      const response = await harness.http('POST', '/api/programs', { token: adminToken, raw });
      expect({ status: response.status, message: response.body.message }).toEqual({
        status: 400,
        message: 'the body nests objects or lists deeper than 32 levels',
      });
    }
    // Brackets inside text are text.
    const text = await harness.http('POST', '/api/programs', {
      token: adminToken,
      body: { name: '['.repeat(150), affiliate: '{'.repeat(150) },
    });
    expect(text.status).toBe(400);
    expect(text.body.message).not.toMatch(/nests/);
  });

  it('refuses names made only of characters that show nothing, naming the field', async () => {
    for (const name of ['\u200b\u200b', '\u2060\u200d\u200c', '\u3164', '\u00a0\u200e\u2800']) {
      const response = await harness.http('POST', '/api/users', {
        token: adminToken,
        body: { email: 'ghost@example.org', name, role: 'national' },
      });
      expect({ status: response.status, problems: response.body.problems }).toEqual({
        status: 400,
        problems: [{ field: 'name', reason: 'must have a character that can be seen' }],
      });
    }
  });

  describe('the roster upload', () => {
    let programId: string;
    const upload = (raw: string, headers: Record<string, string> = {}) =>
      fetch(`${harness.baseUrl}/api/programs/${programId}/roster`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv', ...headers },
        body: raw,
      });

    beforeAll(async () => {
      programId = (await new ApiClient(harness).createProgram()).id;
    });

    it('skips blank lines, and lists at most the first 100 refused lines with a count of all', async () => {
      const blank = '\n'.repeat(200_000) + ' , , ,\n'.repeat(50_000) + ',,,\n'.repeat(50_000);
      const bad = Array.from({ length: 5_000 }, (_, i) => `B-${i},,Local 1,active`).join('\n');
      const response = await upload(`memberId,name,local,status\n${blank}M-1,Ana,Local 1,active\n${bad}\n`);
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text.length).toBeLessThan(10_000);
      const body = JSON.parse(text);
      expect(body.accepted).toBe(1);
      expect(body.rejectedCount).toBe(5_000);
      expect(body.rejected).toHaveLength(100);
      expect(body.rejected[0]).toEqual({ line: 300_003, reason: 'name is empty' });
    });

    it('refuses one larger than 20 MB with a 413 naming the limit, before reading it, and keeps the roster', async () => {
      await upload('memberId,name,local,status\nM-1,Ana,Local 1,active\n');
      const line = 'M-2,Bo,Local 1,active\n';
      const response = await upload(`memberId,name,local,status\n${line.repeat((21 * 1024 * 1024) / line.length)}`);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { message: string }).message).toBe('body: the roster is larger than 20 MB');
      const [{ n }] = await harness.dataSource.query(
        'SELECT count(*)::int AS n FROM roster_members WHERE program_id = $1',
        [programId],
      );
      expect(n).toBe(1);
    });
  });
});
