// docker-compose.yml cannot run here (no Docker engine), so it is checked the way `docker compose config` would:
// loaded, interpolated and validated against the Compose Specification by its own library (tools/compose-check),
// then held to the layout we promise: health checks, jobs, pinned images, one application image, loopback-only ports,
// a database login for Temporal of its own, settings the application accepts. PostgreSQL's init script runs for real.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { projectRoot } from '../../dev/stack/settings';
import { loadConfig } from '../../src/config/configuration';

interface Service {
  image?: string;
  build?: { context: string };
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  ports?: { host_ip?: string; published?: string; target: number }[];
  volumes?: { type: string; source: string; target: string }[];
  restart?: string;
  entrypoint?: string[] | null;
}

const secrets = {
  ADMIN_TOKEN: 'compose-check-admin-token',
  PAYLOAD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  POSTGRES_PASSWORD: 'pg-secret',
  TEMPORAL_DB_PASSWORD: 'temporal-secret',
  APP_DB_PASSWORD: 'app-secret',
};

function composeConfig(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const binary = process.env.COMPOSE_CHECK_PATH!;
  const { PATH, HOME } = process.env;
  const result = spawnSync(binary, [join(projectRoot, 'docker-compose.yml')], {
    env: { PATH, HOME, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('docker-compose.yml', () => {
  let services: Record<string, Service>;

  beforeAll(() => {
    const result = composeConfig(secrets);
    if (result.status !== 0) throw new Error(`compose-check failed: ${result.stderr}`);
    services = (JSON.parse(result.stdout) as { services: Record<string, Service> }).services;
  });

  const jobs = () => Object.keys(services).filter((name) => services[name].restart === 'no');
  const longRunning = () => Object.keys(services).filter((name) => services[name].restart !== 'no');

  it('parses and validates as Compose does, with the services of the layout', () => {
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'migrate',
      'postgres',
      'temporal',
      'temporal-namespace',
      'temporal-schema',
      'temporal-ui',
      'worker',
    ]);
    expect(jobs().sort()).toEqual(['migrate', 'temporal-namespace', 'temporal-schema']);
  });

  it.each(Object.keys(secrets))('refuses to start without %s, naming it', (name) => {
    const { [name as keyof typeof secrets]: _omitted, ...rest } = secrets;
    const result = composeConfig(rest);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(name);
  });

  it('gives every long-running service a health check, and every job a dependent that waits for its success', () => {
    for (const name of longRunning()) {
      const check = services[name].healthcheck;
      expect({ name, test: check?.test?.length ? 'set' : 'missing', disabled: check?.disable ?? false }).toEqual({
        name,
        test: 'set',
        disabled: false,
      });
    }
    for (const job of jobs()) {
      const waiting = Object.entries(services).filter(
        ([, service]) => service.depends_on?.[job]?.condition === 'service_completed_successfully',
      );
      expect({ job, waiting: waiting.length > 0 }).toEqual({ job, waiting: true });
    }
    // The order Temporal's layout wants: schema, then server, then namespace; the UI waits for a healthy server.
    expect(services.temporal.depends_on?.['temporal-schema']?.condition).toBe('service_completed_successfully');
    expect(services['temporal-namespace'].depends_on?.temporal?.condition).toBe('service_healthy');
    expect(services['temporal-ui'].depends_on?.temporal?.condition).toBe('service_healthy');
    for (const app of ['api', 'worker']) {
      expect(services[app].depends_on?.migrate?.condition).toBe('service_completed_successfully');
      expect(services[app].depends_on?.['temporal-namespace']?.condition).toBe('service_completed_successfully');
    }
  });

  it('pins every image to a version, Temporal on its current layout, and runs one application image three ways', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, image: service.image }).toEqual({ name, image: expect.stringMatching(/:\d+(\.\d+)+$|:local$/) });
    }
    const version = (name: string) => services[name].image!.split(':')[1];
    expect(services.temporal.image).toMatch(/^temporalio\/server:/);
    expect(services['temporal-schema'].image).toMatch(/^temporalio\/admin-tools:/);
    expect(version('temporal-schema')).toBe(version('temporal'));
    expect(version('temporal-namespace')).toBe(version('temporal'));
    expect(Object.values(services).some((service) => /auto-setup/.test(service.image ?? ''))).toBe(false);
    const app = ['migrate', 'worker', 'api'].map((name) => services[name]);
    expect(new Set(app.map((service) => service.image)).size).toBe(1);
    expect(app.filter((service) => service.build).length).toBe(1);
    expect(readFileSync(join(projectRoot, 'Dockerfile'), 'utf8')).toMatch(/RUN npm ci\b/);
    expect(readFileSync(join(projectRoot, 'Dockerfile'), 'utf8')).toMatch(/^USER node$/m);
  });

  it('publishes ports on the host loopback only, and mounts files that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const port of service.ports ?? []) expect({ name, host: port.host_ip }).toEqual({ name, host: '127.0.0.1' });
      for (const volume of service.volumes ?? []) {
        if (volume.type === 'bind') expect({ name, exists: existsSync(volume.source) }).toEqual({ name, exists: true });
      }
    }
  });

  const environmentOf = (name: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(services[name].environment ?? {}).filter((entry): entry is [string, string] => !!entry[1]),
    );

  it('gives the application settings it accepts, and Temporal a database login of its own', () => {
    for (const name of ['api', 'worker']) {
      const env = environmentOf(name);
      expect(() => loadConfig(env)).not.toThrow();
      expect(new URL(env.DATABASE_URL).username).toBe('organizer_pipeline');
    }
    expect(services.temporal.environment?.POSTGRES_USER).toBe('temporal');
    // The Web UI's pages call the worker's codec endpoint: published where the UI points, open to the UI's origin.
    const worker = loadConfig(environmentOf('worker'));
    const endpoint = new URL(services['temporal-ui'].environment!.TEMPORAL_CODEC_ENDPOINT!);
    const published = services.worker.ports!.find((port) => port.target === worker.codecEndpoint!.port)!;
    expect(`${published.host_ip}:${published.published}`).toBe(endpoint.host);
    const ui = services['temporal-ui'].ports![0];
    expect(worker.codecEndpoint!.corsOrigins).toContain(`http://localhost:${ui.published}`);
  });

  it("creates the databases and logins of PostgreSQL's init script, each login confined to its own", async () => {
    const script = readFileSync(join(projectRoot, 'deploy', 'postgres', 'init-databases.sh'), 'utf8');
    const sql = script.slice(script.indexOf("<<'SQL'") + "<<'SQL'".length, script.lastIndexOf('\nSQL'));
    // The same statements under names of this run's own, against the test PostgreSQL as its superuser.
    const suffix = `_${randomUUID().slice(0, 8)}`;
    const renamed = sql
      .replace(/\b(temporal_visibility|temporal|organizer_pipeline)\b/g, `$1${suffix}`)
      .replace(":'temporal_password'", "'temporal-secret'")
      .replace(":'app_password'", "'app-secret'");
    const superuser = new URL(process.env.DATABASE_URL!);
    const as = (user: string, password: string, database: string) => {
      const url = new URL(superuser);
      url.username = user;
      url.password = password;
      url.pathname = `/${database}`;
      return new Client({ connectionString: url.toString() });
    };
    const admin = new Client({ connectionString: superuser.toString() });
    await admin.connect();
    try {
      for (const statement of renamed
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean))
        await admin.query(statement);
      const app = as(`organizer_pipeline${suffix}`, 'app-secret', `organizer_pipeline${suffix}`);
      await app.connect();
      await app.query('CREATE TABLE migrations_can_run (id int)');
      await app.end();
      const temporal = as(`temporal${suffix}`, 'temporal-secret', `temporal_visibility${suffix}`);
      await temporal.connect();
      await temporal.end();
      const trespass = as(`organizer_pipeline${suffix}`, 'app-secret', `temporal${suffix}`);
      await expect(trespass.connect()).rejects.toThrow(/permission denied for database/);
      await trespass.end().catch(() => undefined);
    } finally {
      for (const db of ['temporal', 'temporal_visibility', 'organizer_pipeline'])
        await admin.query(`DROP DATABASE IF EXISTS ${db}${suffix} WITH (FORCE)`);
      for (const role of ['temporal', 'organizer_pipeline']) await admin.query(`DROP ROLE IF EXISTS ${role}${suffix}`);
      await admin.end();
    }
  });
});
