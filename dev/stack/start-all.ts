// Command 1 (`npm start`): PostgreSQL, Temporal, the worker and the API on embedded defaults, state under one data
// folder. Ctrl-C or SIGTERM (or the death of the command that started it) stops every child it started, the API and
// worker first. With --watch (`npm run dev`), a change under src/ rebuilds and restarts the worker and the API over
// the same servers.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { runMigrations } from '../../src/database/data-source';
import { ManagedProcess } from './managed-process';
import { isListening, waitUntil } from './ports';
import { startEmbeddedPostgres } from './postgres';
import { productScript, projectRoot, stackSettings, toolScript } from './settings';
import { resolveTemporalCli } from './temporal-cli';
import { demoHistory, demoWeek } from '../demo/demo-data';
import { startTemporalDevServer, temporalIsServing } from './temporal-dev-server';
import { watchSources } from './watch-sources';

const logger = new Logger('stack');

/** ADMIN_TOKEN, else the token kept in the data folder, else a new one kept there for next time. */
function adminToken(dataDir: string): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}

/**
 * PAYLOAD_KEYS, else the key kept in the data folder, else a new one kept there: losing it loses members' data in
 * Temporal, so it lives with the data it encrypts.
 */
function payloadKeys(dataDir: string): string {
  if (process.env.PAYLOAD_KEYS) return process.env.PAYLOAD_KEYS;
  const file = join(dataDir, 'payload-keys');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const keys = `k1:${randomBytes(32).toString('base64')}`;
  writeFileSync(file, keys + '\n', { mode: 0o600 });
  return keys;
}

async function ensureFree(port: number, what: string, variable: string): Promise<void> {
  if (await isListening(port))
    throw new Error(`port ${port} (${what}) is already in use: stop what uses it or set ${variable}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const settings = stackSettings();
  const { dataDir, ports } = settings;
  mkdirSync(dataDir, { recursive: true });
  logger.log(`data folder: ${dataDir}`);
  const children: ManagedProcess[] = [];
  let stopping = false;
  let watcher: FSWatcher | undefined;

  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    watcher?.close();
    logger.log('stopping…');
    // Reverse start order: the API and worker finish with PostgreSQL and Temporal still up.
    for (const child of [...children].reverse()) {
      await child.stop();
      logger.log(`${child.name} stopped`);
    }
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));
  // If whatever started us dies without a signal reaching us (npm killed with SIGKILL), stop too: nothing should keep
  // the ports and the data folder once the command that owns them is gone.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stopAll(0), 1_000).unref();
  process.on('exit', () => children.forEach((child) => child.kill()));

  try {
    await ensureFree(ports.api, 'API', 'PORT');

    let databaseUrl = settings.databaseUrl;
    if (databaseUrl) {
      logger.log('PostgreSQL: using DATABASE_URL');
    } else {
      logger.log(`PostgreSQL: embedded, data in ${join(dataDir, 'postgres')}, port ${ports.postgres}`);
      const postgres = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port: ports.postgres,
        logFile: join(dataDir, 'logs', 'postgres.log'),
        echo: (line) => !line.startsWith('ready '),
      });
      children.push(postgres.process);
      databaseUrl = postgres.url;
    }
    const applied = await runMigrations(databaseUrl);
    logger.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: schema is up to date');

    let temporalAddress = settings.temporalAddress;
    let temporalUi: string | undefined;
    if (temporalAddress) {
      logger.log(`Temporal: using TEMPORAL_ADDRESS=${temporalAddress}`);
      await waitUntil(`Temporal at ${temporalAddress}`, () => temporalIsServing(temporalAddress!), 60_000, 500);
    } else {
      await ensureFree(ports.temporal, 'Temporal', 'TEMPORAL_PORT');
      await ensureFree(ports.temporalUi, 'Temporal UI', 'TEMPORAL_UI_PORT');
      await ensureFree(ports.codec, 'the codec endpoint', 'CODEC_PORT');
      const cli = resolveTemporalCli(settings);
      const dbFile = join(dataDir, 'temporal', 'temporal.sqlite');
      logger.log(`Temporal: dev server on 127.0.0.1:${ports.temporal}, state in ${dbFile}`);
      const temporal = await startTemporalDevServer({
        cli,
        port: ports.temporal,
        uiPort: ports.temporalUi,
        uiCodecEndpoint: `http://127.0.0.1:${ports.codec}`,
        dbFile,
        logFile: join(dataDir, 'logs', 'temporal.log'),
        // The dev server warns about much that is routine (its own shutdown included); errors are worth a look.
        echo: (line) => line.includes('level=ERROR'),
      });
      children.push(temporal.process);
      temporalAddress = temporal.address;
      temporalUi = temporal.uiUrl;
    }

    const token = adminToken(dataDir);
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      ADMIN_TOKEN: token,
      PAYLOAD_KEYS: payloadKeys(dataDir),
      // Without a mail server, every email is a file in the data folder (a sign-in link's included).
      ...(process.env.SMTP_URL ? {} : { MAIL_OUTBOX: process.env.MAIL_OUTBOX || join(dataDir, 'outbox') }),
      PORT: String(ports.api),
      // No balancer stands in front of it to notice it stopping: a restart need not wait.
      API_SHUTDOWN_DELAY_MS: process.env.API_SHUTDOWN_DELAY_MS ?? '0',
      // The worker serves the Web UI's codec endpoint, on loopback, for the UI's pages only.
      CODEC_PORT: String(ports.codec),
      CODEC_CORS_ORIGINS: `http://127.0.0.1:${ports.temporalUi},http://localhost:${ports.temporalUi}`,
    };
    const node = (name: string, script: string) =>
      new ManagedProcess({
        name,
        command: process.execPath,
        args: [productScript(script)],
        env,
        logFile: join(dataDir, 'logs', `${name}.log`),
        echo: true,
      });
    // The servers are the stack's footing: if one dies, everything stops. The worker and the API hold no state of
    // their own, so one that dies is started again (a few times a minute at most), as a process manager would.
    const restarts: number[] = [];
    // Stopped on purpose (a rebuild), not to be started again by the supervisor.
    const replaced = new WeakSet<ManagedProcess>();
    const supervise = (child: ManagedProcess, start?: () => ManagedProcess) => {
      void child.exited.then((code) => {
        if (stopping || replaced.has(child)) return;
        const now = Date.now();
        restarts.push(now);
        while (restarts.length && now - restarts[0] > 60_000) restarts.shift();
        if (!start || restarts.length > 5) {
          logger.error(`${child.name} exited unexpectedly (code ${code}); stopping the stack`);
          void stopAll(1);
          return;
        }
        logger.warn(`${child.name} exited unexpectedly (code ${code}); starting it again`);
        const replacement = start();
        children[children.indexOf(child)] = replacement;
        supervise(replacement, start);
      });
    };
    for (const server of children) supervise(server);
    const startWorker = () => node('worker', 'worker.js');
    const startApi = () => node('api', 'main.js');
    for (const start of [startWorker, startApi]) {
      const child = start();
      children.push(child);
      supervise(child, start);
    }
    if (process.argv.includes('--watch')) {
      const build = () =>
        new Promise<number | null>((resolve) =>
          spawn('npm', ['run', '--silent', 'build'], { cwd: projectRoot, stdio: 'inherit' })
            .once('exit', resolve)
            .once('error', () => resolve(null)),
        );
      watcher = watchSources(join(projectRoot, 'src'), build, async () => {
        for (const [name, start] of [
          ['worker', startWorker],
          ['api', startApi],
        ] as const) {
          if (stopping) return;
          const running = children.find((child) => child.name === name && !replaced.has(child));
          if (running) {
            replaced.add(running);
            await running.stop();
          }
          const fresh = start();
          children.push(fresh);
          supervise(fresh, start);
        }
        logger.log('the worker and the API restarted on the new build');
      });
    }
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    await waitUntil(
      'the API',
      async () => (await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(3_000) })).ok,
      120_000,
      250,
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const demo = !/^(off|false|0|no)$/i.test(process.env.DEMO ?? '');
    if (demo) {
      // Seeds three demo programs on a fresh system, then keeps their organizers debriefing; its end stops nothing.
      children.push(
        new ManagedProcess({
          name: 'demo',
          command: process.execPath,
          args: [toolScript('dev', 'demo', 'demo.js')],
          env: { ...env, DATA_DIR: dataDir },
          logFile: join(dataDir, 'logs', 'demo.log'),
          echo: true,
        }),
      );
    }
    const lines = [
      `Organizer Pipeline is ready (${seconds} s)`,
      `  API          ${apiUrl}/api        (health: ${apiUrl}/api/health)`,
      `  API docs     ${apiUrl}/api/docs`,
      ...(temporalUi ? [`  Temporal UI  ${temporalUi}   (payloads decoded by http://127.0.0.1:${ports.codec})`] : []),
      `  Temporal     ${temporalAddress}`,
      `  Admin token  ${token}`,
      process.env.SMTP_URL
        ? `  Email        through SMTP_URL`
        : `  Email        written to ${env.MAIL_OUTBOX} (no SMTP_URL); after asking for a sign-in link on the page,\n               npm run sign-in-link prints the newest one`,
      `  Data folder  ${dataDir}`,
      demo
        ? `  Demo data    on (three demo programs on a fresh system: their first ${demoHistory.weeks} weeks last ${demoHistory.policy.debriefEvery} each,\n               then a week lasts ${demoWeek}; DEMO=off turns it off)`
        : '  Demo data    off',
      '  Ctrl-C stops everything.',
    ];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await stopAll(1);
  }
}

void main();
