import { existsSync } from 'node:fs';
import { ClientConnectConfig, loadClientConnectConfig } from '@temporalio/envconfig';
import { parseDuration } from '../domain/durations';
import { parsePayloadKeys, PayloadKeys } from './payload-keys';

/**
 * Every setting the processes read, parsed and checked once at boot (README.md documents each variable). An abstract
 * class rather than an interface so that it also serves as the Nest injection token.
 */
export abstract class AppConfig {
  declare nodeEnv: 'development' | 'production' | 'test';
  declare host: string;
  declare port: number;
  declare databaseUrl: string;
  declare temporal: {
    address: string;
    /** How to reach Temporal: address, TLS, API key, gRPC metadata (Temporal's own environment configuration). */
    connection: ClientConnectConfig['connectionOptions'] & { address: string };
    namespace: string;
    taskQueue: string;
    /** How long an HTTP call waits for a workflow update before answering 503. */
    updateTimeoutMs: number;
  };
  /** Workflows the worker keeps in memory between tasks (more: fewer replays, more memory). */
  declare maxCachedWorkflows: number;
  /** On SIGTERM the worker stops polling, lets running activities finish for `graceMs`, and gives up after `forceMs`. */
  declare workerShutdown: { graceMs: number; forceMs: number };
  /**
   * On SIGTERM the API reports not ready and keeps answering for `delayMs` (balancers stop sending it requests),
   * then stops accepting and lets requests in flight finish for up to `graceMs`.
   */
  declare apiShutdown: { delayMs: number; graceMs: number };
  /** The worker's /health/live and /health/ready (WORKER_HEALTH_PORT; undefined: not served). */
  declare workerHealth: { host: string; port: number } | undefined;
  /** The codec endpoint for Temporal's Web UI (CODEC_PORT; undefined: not served). */
  /** METRICS_TOKEN: the bearer token GET /metrics answers (it is not served without one). */
  declare metricsToken: string | undefined;
  /** Where the worker exports the Temporal SDK's metrics for Prometheus (WORKER_METRICS_PORT; off when unset). */
  declare workerMetrics: { host: string; port: number } | undefined;
  /** The codec endpoint: where it listens, the Web UI origins it answers, and who must show a token (if anyone). */
  declare codecEndpoint: { host: string; port: number; corsOrigins: string[]; auth?: CodecAuth } | undefined;
  declare adminToken: string | undefined;
  /** Failed authentications from one address in a minute before it is refused for the rest of that minute. */
  declare authFailuresPerMinute: number;
  /** A signed-in browser's session ends after `idleMs` unused (each use starts it again) or `maxMs` after sign-in. */
  declare sessions: { idleMs: number; maxMs: number };
  /** Express's `trust proxy`: false, a number of hops, or addresses/subnets (loopback, 10.0.0.0/8, …) to trust. */
  declare trustProxy: boolean | number | string;
  declare smtpUrl: string | undefined;
  /** Without SMTP_URL: a folder each email is written to, one file each (MAIL_OUTBOX; `npm start` sets one). */
  declare mailOutbox: string | undefined;
  /** The first admin's address (ADMIN_EMAIL): made at start if no user has it, and sent a sign-in link. */
  declare adminEmail: string | undefined;
  /** The keys that encrypt members' data in Temporal (PAYLOAD_KEYS). */
  declare payloadKeys: PayloadKeys;
  declare mailFrom: string;
  /** Where people reach the web page (PUBLIC_URL): the links in emails start with it. */
  declare publicUrl: string;
  /** Single sign-on by OpenID Connect (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET; undefined: not offered). */
  declare oidc: OidcConfig | undefined;
  /** The public interest form's limits: per client address a minute, per member id an hour, in all a minute. */
  declare interestLimits: { perAddressPerMinute: number; perMemberPerHour: number; perMinute: number };
}

export class ConfigError extends Error {}

/** Who may use the codec endpoint (src/temporal/codec-auth.ts); either configured makes one of them required. */
export interface CodecAuth {
  /** CODEC_AUTH_TOKEN: what the Temporal CLI's --codec-auth sends after "Bearer ". */
  token?: string;
  /** CODEC_JWKS_URL, CODEC_JWT_ISSUER and CODEC_JWT_AUDIENCE: a JWT is let in when these keys verify it, that issuer
   * made it (for that audience, if given) and it has not expired. */
  jwt?: { jwksUrl: string; issuer: string; audience?: string };
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name on the sign-in button (OIDC_NAME). */
  name: string;
  /** Domains whose addresses the provider vouches for without `email_verified` (OIDC_EMAIL_DOMAINS: Entra ID sends none). */
  emailDomains: string[];
}

/** OIDC_*: the issuer, client id and secret come together or not at all. */
/** A URL over https (plain http only on loopback, for a test's server). */
function secureUrl(env: Env, name: string): string | undefined {
  const raw = url(env, name, ['https:', 'http:']);
  if (raw?.startsWith('http:') && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(raw).hostname))
    throw new ConfigError(`${name} must use https: (plain http only on loopback, for a test's server)`);
  return raw;
}

function oidc(env: Env): OidcConfig | undefined {
  const issuer = secureUrl(env, 'OIDC_ISSUER');
  const clientId = env.OIDC_CLIENT_ID || undefined;
  const clientSecret = env.OIDC_CLIENT_SECRET || undefined;
  if (!issuer && !clientId && !clientSecret) return undefined;
  const missing = Object.entries({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length) throw new ConfigError(`single sign-on needs ${missing.join(' and ')} as well`);
  const emailDomains = (env.OIDC_EMAIL_DOMAINS ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase())
    .filter(Boolean);
  for (const domain of emailDomains)
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain))
      throw new ConfigError(`OIDC_EMAIL_DOMAINS: "${domain}" is not a domain (like union.org)`);
  return {
    issuer: issuer!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    name: env.OIDC_NAME?.trim() || 'single sign-on',
    emailDomains,
  };
}

function payloadKeys(raw: string | undefined): PayloadKeys {
  try {
    return parsePayloadKeys(raw);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function optionalPort(env: Env, name: string): number | undefined {
  return env[name] ? integer(env, name, 0, 0, 65535) : undefined;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

/** TRUST_PROXY: unset or `false` (trust none), `true`, a number of proxy hops, or comma-separated addresses/subnets. */
function trustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[\w.:/-]+(\s*,\s*[\w.:/-]+)*$/.test(raw))
    throw new ConfigError(`TRUST_PROXY must be true, false, a number of hops or addresses, got "${raw}"`);
  return raw;
}

/** TLS settings that name files: checked first, so a wrong path is one line naming the setting. */
const temporalFileSettings = [
  'TEMPORAL_TLS_CLIENT_CERT_PATH',
  'TEMPORAL_TLS_CLIENT_KEY_PATH',
  'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
];

/**
 * The Temporal connection from Temporal's own environment configuration (@temporalio/envconfig): TEMPORAL_ADDRESS,
 * TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS and TEMPORAL_TLS_*, TEMPORAL_PROFILE with a config file
 * (TEMPORAL_CONFIG_FILE). Without any, the local dev server.
 */
function temporalConnection(env: Env): Pick<AppConfig['temporal'], 'address' | 'connection' | 'namespace'> {
  for (const name of temporalFileSettings) {
    if (env[name] && !existsSync(env[name]!)) throw new ConfigError(`${name} names ${env[name]}, which does not exist`);
  }
  let loaded: ClientConnectConfig;
  try {
    loaded = loadClientConnectConfig({
      overrideEnvVars: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >,
    });
  } catch (error) {
    throw new ConfigError(`the Temporal connection settings cannot be read: ${(error as Error).message}`);
  }
  const address = loaded.connectionOptions.address || '127.0.0.1:7233';
  return {
    address,
    connection: { ...loaded.connectionOptions, address },
    namespace: loaded.namespace || env.TEMPORAL_NAMESPACE || 'default',
  };
}

function workerShutdown(env: Env): AppConfig['workerShutdown'] {
  const graceMs = integer(env, 'WORKER_SHUTDOWN_GRACE_MS', 10_000, 0);
  const forceMs = integer(env, 'WORKER_SHUTDOWN_FORCE_MS', Math.max(30_000, graceMs + 5_000), 0);
  if (forceMs < graceMs)
    throw new ConfigError(
      `WORKER_SHUTDOWN_FORCE_MS (${forceMs}) must not be less than WORKER_SHUTDOWN_GRACE_MS (${graceMs})`,
    );
  return { graceMs, forceMs };
}

function apiShutdown(env: Env): AppConfig['apiShutdown'] {
  return {
    delayMs: integer(env, 'API_SHUTDOWN_DELAY_MS', 5_000, 0),
    graceMs: integer(env, 'API_SHUTDOWN_GRACE_MS', 20_000, 0),
  };
}

/** A port of its own, on loopback unless the host setting names another interface. */
function listener(env: Env, portName: string, hostName: string): { host: string; port: number } | undefined {
  const port = optionalPort(env, portName);
  return port === undefined ? undefined : { host: env[hostName] || '127.0.0.1', port };
}

/** The codec endpoint answers only pages of these origins: the Web UI's (the dev server's by default). */
function codecEndpoint(env: Env): AppConfig['codecEndpoint'] {
  const at = listener(env, 'CODEC_PORT', 'CODEC_HOST');
  if (!at) return undefined;
  const corsOrigins = (env.CODEC_CORS_ORIGINS || 'http://localhost:8233,http://127.0.0.1:8233')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin)
      throw new ConfigError(`CODEC_CORS_ORIGINS must list origins like http://localhost:8233, got "${origin}"`);
  }
  // Offered beyond loopback, the endpoint asks for the CLI's static token (`--codec-auth`) or a JWT of the issuer
  // whose keys CODEC_JWKS_URL serves (Temporal Cloud's UI sends its user's); either configured makes one required.
  const token = env.CODEC_AUTH_TOKEN || undefined;
  if (token !== undefined && token.length < 16)
    throw new ConfigError('CODEC_AUTH_TOKEN must be at least 16 characters');
  const jwksUrl = secureUrl(env, 'CODEC_JWKS_URL');
  const issuer = env.CODEC_JWT_ISSUER || undefined;
  const audience = env.CODEC_JWT_AUDIENCE || undefined;
  // Keys alone would let in any token their provider signs, for any application: the issuer is required with them.
  if (jwksUrl && !issuer) throw new ConfigError('CODEC_JWKS_URL needs CODEC_JWT_ISSUER: the issuer its tokens name');
  if (!jwksUrl && (issuer || audience))
    throw new ConfigError('CODEC_JWT_ISSUER and CODEC_JWT_AUDIENCE need CODEC_JWKS_URL: the keys that sign the tokens');
  const jwt = jwksUrl ? { jwt: { jwksUrl, issuer: issuer!, ...(audience ? { audience } : {}) } } : {};
  return { ...at, corsOrigins, ...(token || jwksUrl ? { auth: { token, ...jwt } } : {}) };
}

function metricsToken(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  return raw;
}

function duration(env: Env, name: string, fallback: string): number {
  const raw = env[name] || fallback;
  const ms = parseDuration(raw);
  if (ms === undefined || ms <= 0) throw new ConfigError(`${name} must be a duration such as "7 days", got "${raw}"`);
  return ms;
}

function adminEmail(raw: string | undefined): string | undefined {
  const email = raw?.trim().toLowerCase();
  if (!email) return undefined;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new ConfigError(`ADMIN_EMAIL must be an email address, got "${raw}"`);
  return email;
}

function publicUrl(env: Env): string {
  const given = url(env, 'PUBLIC_URL', ['http:', 'https:']);
  if (given) return given.replace(/\/+$/, '');
  return `http://${env.HOST || '127.0.0.1'}:${env.PORT || 3000}`;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development';
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!databaseUrl) throw new ConfigError('DATABASE_URL is required (npm start provides an embedded PostgreSQL)');
  const adminToken = env.ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 16) {
    throw new ConfigError('ADMIN_TOKEN must be at least 16 characters');
  }
  return {
    nodeEnv,
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    temporal: {
      ...temporalConnection(env),
      taskQueue: env.TEMPORAL_TASK_QUEUE || 'organizer-pipeline',
      updateTimeoutMs: integer(env, 'TEMPORAL_UPDATE_TIMEOUT_MS', 10_000, 100),
    },
    maxCachedWorkflows: integer(env, 'WORKER_MAX_CACHED_WORKFLOWS', 2_000, 0),
    workerShutdown: workerShutdown(env),
    apiShutdown: apiShutdown(env),
    workerHealth: listener(env, 'WORKER_HEALTH_PORT', 'WORKER_HEALTH_HOST'),
    codecEndpoint: codecEndpoint(env),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    workerMetrics: listener(env, 'WORKER_METRICS_PORT', 'WORKER_METRICS_HOST'),
    adminToken,
    authFailuresPerMinute: integer(env, 'AUTH_FAILURES_PER_MINUTE', 20, 1),
    sessions: { idleMs: duration(env, 'SESSION_IDLE', '7 days'), maxMs: duration(env, 'SESSION_MAX', '30 days') },
    trustProxy: trustProxy(env.TRUST_PROXY),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailOutbox: env.MAIL_OUTBOX || undefined,
    adminEmail: adminEmail(env.ADMIN_EMAIL),
    payloadKeys: payloadKeys(env.PAYLOAD_KEYS),
    mailFrom: env.MAIL_FROM || 'Organizer Pipeline <no-reply@organizer-pipeline.local>',
    publicUrl: publicUrl(env),
    oidc: oidc(env),
    interestLimits: {
      perAddressPerMinute: integer(env, 'INTEREST_PER_ADDRESS_PER_MINUTE', 30, 1),
      perMemberPerHour: integer(env, 'INTEREST_PER_MEMBER_PER_HOUR', 5, 1),
      perMinute: integer(env, 'INTEREST_PER_MINUTE', 600, 1),
    },
  };
}
