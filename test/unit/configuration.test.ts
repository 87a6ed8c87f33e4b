import { ConfigError, loadConfig } from '../../src/config/configuration';

const base = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

describe('loadConfig', () => {
  it('applies the embedded defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 3000,
      temporal: {
        address: '127.0.0.1:7233',
        namespace: 'default',
        taskQueue: 'organizer-pipeline',
        updateTimeoutMs: 10_000,
      },
      adminToken: undefined,
      smtpUrl: undefined,
      workerShutdown: { graceMs: 10_000, forceMs: 30_000 },
      apiShutdown: { delayMs: 5_000, graceMs: 20_000 },
      workerHealth: undefined,
      codecEndpoint: undefined,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...base,
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'unions',
      TEMPORAL_TASK_QUEUE: 'q',
      TEMPORAL_UPDATE_TIMEOUT_MS: '2500',
      TEMPORAL_API_KEY: 'cloud-api-key',
      TRUST_PROXY: '1',
      ADMIN_TOKEN: 'a-long-enough-admin-token',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'Pipeline <p@example.org>',
      WORKER_SHUTDOWN_GRACE_MS: '20000',
      WORKER_SHUTDOWN_FORCE_MS: '45000',
      API_SHUTDOWN_DELAY_MS: '0',
      API_SHUTDOWN_GRACE_MS: '15000',
      WORKER_HEALTH_PORT: '3001',
      WORKER_HEALTH_HOST: '0.0.0.0',
      CODEC_PORT: '8888',
      CODEC_CORS_ORIGINS: 'http://localhost:8080, https://temporal.example.org',
    });
    expect(config).toMatchObject({
      workerShutdown: { graceMs: 20_000, forceMs: 45_000 },
      apiShutdown: { delayMs: 0, graceMs: 15_000 },
      workerHealth: { host: '0.0.0.0', port: 3001 },
      codecEndpoint: {
        host: '127.0.0.1',
        port: 8888,
        corsOrigins: ['http://localhost:8080', 'https://temporal.example.org'],
      },
      nodeEnv: 'production',
      host: '0.0.0.0',
      port: 8080,
      temporal: {
        address: 'temporal:7233',
        namespace: 'unions',
        taskQueue: 'q',
        updateTimeoutMs: 2500,
        // An API key means TLS, as Temporal Cloud wants.
        connection: { address: 'temporal:7233', apiKey: 'cloud-api-key', tls: true },
      },
      trustProxy: 1,
      adminToken: 'a-long-enough-admin-token',
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'Pipeline <p@example.org>',
    });
  });

  it.each([
    [{}, /DATABASE_URL is required/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must use postgres/],
    [{ ...base, PORT: 'eighty' }, /PORT must be an integer/],
    [{ ...base, PORT: '70000' }, /PORT must be an integer between 0 and 65535/],
    [{ ...base, ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN must be at least 16 characters/],
    [{ ...base, SMTP_URL: 'not a url' }, /SMTP_URL is not a valid URL/],
    [{ DATABASE_URL: base.DATABASE_URL }, /PAYLOAD_KEYS is required/],
    [{ ...base, PAYLOAD_KEYS: 'k1' }, /PAYLOAD_KEYS: "k1…" is not "id:base64-key"/],
    [
      { ...base, TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/no/ca.pem' },
      /TEMPORAL_TLS_SERVER_CA_CERT_PATH names \/no\/ca.pem, which does not exist/,
    ],
    [{ ...base, TRUST_PROXY: 'a b' }, /TRUST_PROXY must be/],
    [{ ...base, API_SHUTDOWN_DELAY_MS: '-1' }, /API_SHUTDOWN_DELAY_MS must be an integer between 0/],
    [
      { ...base, WORKER_SHUTDOWN_GRACE_MS: '9000', WORKER_SHUTDOWN_FORCE_MS: '1000' },
      /WORKER_SHUTDOWN_FORCE_MS \(1000\) must not be less than WORKER_SHUTDOWN_GRACE_MS \(9000\)/,
    ],
    [{ ...base, CODEC_PORT: '8888', CODEC_CORS_ORIGINS: 'localhost:8080' }, /CODEC_CORS_ORIGINS must list origins/],
    [{ ...base, CODEC_PORT: '8888', CODEC_CORS_ORIGINS: 'http://ui/path' }, /CODEC_CORS_ORIGINS must list origins/],
    [{ ...base, CODEC_PORT: '8888', CODEC_AUTH_TOKEN: 'short' }, /CODEC_AUTH_TOKEN must be at least 16 characters/],
    [
      { ...base, CODEC_PORT: '8888', CODEC_JWKS_URL: 'http://idp.union.org/jwks', CODEC_JWT_ISSUER: 'x' },
      /CODEC_JWKS_URL must use https/,
    ],
    [{ ...base, CODEC_PORT: '8888', CODEC_JWKS_URL: 'https://idp.union.org/jwks' }, /needs CODEC_JWT_ISSUER/],
    [{ ...base, WORKER_HEALTH_PORT: 'x' }, /WORKER_HEALTH_PORT must be an integer/],
    [{ ...base, OIDC_ISSUER: 'https://accounts.google.com' }, /needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET as well/],
    [{ ...base, OIDC_ISSUER: 'http://idp.union.org', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }, /must use https/],
    [
      { ...base, OIDC_ISSUER: 'https://idp', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b', OIDC_EMAIL_DOMAINS: 'x@y' },
      /OIDC_EMAIL_DOMAINS: "x@y" is not a domain/,
    ],
  ])('refuses %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads single sign-on only when configured, its domains in lower case', () => {
    expect(loadConfig(base).oidc).toBeUndefined();
    const oidc = {
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      OIDC_CLIENT_ID: 'client',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_EMAIL_DOMAINS: 'Local99.org, seiu.org',
    };
    expect(loadConfig({ ...base, ...oidc }).oidc).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      clientId: 'client',
      clientSecret: 'secret',
      name: 'single sign-on',
      emailDomains: ['local99.org', 'seiu.org'],
    });
    expect(loadConfig({ ...base, ...oidc, OIDC_NAME: 'Microsoft 365' }).oidc?.name).toBe('Microsoft 365');
  });
});
