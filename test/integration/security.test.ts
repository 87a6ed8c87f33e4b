import { loadConfig } from '../../src/config/configuration';
import { adminToken } from '../support/api-client';
import { AppHarness } from '../support/app-harness';

describe('security defaults', () => {
  let harness: AppHarness;

  beforeAll(async () => {
    harness = await AppHarness.start({}, { worker: false });
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
});
