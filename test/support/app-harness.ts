// The real product for HTTP tests: the API app listening on loopback and a worker with the real activities, against
// the dev server and PostgreSQL the global setup started. Each harness has its own task queue and, when asked, an SMTP
// server of its own for the app's email and a headless Chromium for its pages.
import { INestApplication, INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/api/bootstrap';
import { DataKeyRepository } from '../../src/repositories/data-key.repository';
import { AppConfig, loadConfig } from '../../src/config/configuration';
import { OrganizerWorker } from '../../src/worker/organizer-worker';
import { WorkerModule } from '../../src/worker/worker.module';
import type { PolicyPatch } from '../../src/domain/policy';
import { ApiClient, Program } from './api-client';
import { HttpEndpoint } from './http-endpoint';
import { launchChromium } from './browser';
import { LocalSmtpServer, startSmtpServer } from './smtp';
import { quietRuntime, uniqueTaskQueue } from './workflow-harness';

/** The API's own errors (a 5xx, with its stack) reach the test's output; everything else stays quiet. */
const errorsOnly: LoggerService = {
  log: () => undefined,
  warn: () => undefined,
  error: (message: unknown, ...rest: unknown[]) =>
    process.stderr.write(`[api error] ${String(message)} ${rest.map(String).join(' ')}\n`),
};

export type { HttpResult } from './http-endpoint';

export interface HarnessOptions {
  /** Whether a worker runs in the test process (default yes); without one, tests start worker processes. */
  worker?: boolean;
  logger?: LoggerService;
  /** Whether the app sends its email to an SMTP server of its own on loopback (`harness.mail`), stopped with it. */
  mail?: boolean;
  /** Whether a headless Chromium is launched to open the app's pages (`harness.browser`), closed with it. */
  chromium?: boolean;
}

export class AppHarness extends HttpEndpoint {
  private constructor(
    readonly config: AppConfig,
    readonly app: INestApplication,
    baseUrl: string,
    private readonly workerContext: INestApplicationContext | undefined,
    private readonly worker: { worker: Worker; connection: NativeConnection; running: Promise<void> } | undefined,
    private readonly smtp: LocalSmtpServer | undefined,
    private readonly chromium: Browser | undefined,
  ) {
    super(baseUrl);
  }

  static async start(env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<AppHarness> {
    quietRuntime();
    const smtp = options.mail ? await startSmtpServer() : undefined;
    let config: AppConfig | undefined;
    let workerContext: INestApplicationContext | undefined;
    let worker: { worker: Worker; connection: NativeConnection; running: Promise<void> } | undefined;
    let app: INestApplication | undefined;
    let chromium: Browser | undefined;
    try {
      config = loadConfig({
        ...process.env,
        TEMPORAL_TASK_QUEUE: uniqueTaskQueue('api'),
        ADMIN_TOKEN: 'test-admin-token-0123456789',
        // Every harness shares one PostgreSQL, and with it the request limits: the tests would refuse each other's
        // requests from the one loopback address. A test that measures a limit names it (and its own address).
        AUTH_FAILURES_PER_MINUTE: '100000',
        INTEREST_PER_ADDRESS_PER_MINUTE: '100000',
        INTEREST_PER_MINUTE: '100000',
        ...(smtp ? { SMTP_URL: smtp.url } : {}),
        ...env,
      });
      if (options.worker !== false) {
        workerContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
          logger: options.logger ?? false,
        });
        await workerContext.get(DataKeyRepository).checkKeys();
        const created = await workerContext.get(OrganizerWorker).create();
        worker = { ...created, running: created.worker.run() };
      }
      app = await createApp(config, { logger: options.logger ?? errorsOnly });
      await app.get(DataKeyRepository).checkKeys();
      // A test that must know the address first (a provider's redirect back to it) gives PORT; else any free port.
      await app.listen(env.PORT ? config.port : 0, '127.0.0.1');
      if (options.chromium) chromium = await launchChromium();
    } catch (error) {
      // A harness that cannot start (a wrong key, say) leaves nothing running behind it.
      await new AppHarness(config!, app!, '', workerContext, worker, smtp, chromium).stop().catch(() => undefined);
      throw error;
    }
    const address = app.getHttpServer().address() as { port: number };
    return new AppHarness(config, app, `http://127.0.0.1:${address.port}`, workerContext, worker, smtp, chromium);
  }

  /** The SMTP server the app sends its email to (a harness started with `mail`). */
  get mail(): LocalSmtpServer {
    if (!this.smtp) throw new Error('this harness was started without mail');
    return this.smtp;
  }

  /** The headless Chromium for the app's pages (a harness started with `chromium`). */
  get browser(): Browser {
    if (!this.chromium) throw new Error('this harness was started without chromium');
    return this.chromium;
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get temporal(): Client {
    return this.app.get(Client);
  }

  /** Stops everything the harness started; one part that fails to stop does not keep the others running. */
  async stop(): Promise<void> {
    const worker = this.worker;
    const steps: (() => Promise<unknown> | undefined)[] = [
      () => this.chromium?.close(),
      () => {
        // The tests are over: a connection still open (a client still sending a refused 20 MB body) is cut after 2 s
        // rather than holding the close until the hook's timeout.
        const server = this.app?.getHttpServer() as import('node:http').Server | undefined;
        const closing = this.app?.close();
        const cut = setTimeout(() => server?.closeAllConnections(), 2_000);
        cut.unref();
        return closing?.finally(() => clearTimeout(cut));
      },
      async () => {
        if (!worker) return;
        worker.worker.shutdown();
        // Under a loaded CI the SDK's core may still hold a call of the worker's when it finalizes its shutdown and
        // say so ("Worker still in use"); every task was done by then, so the test's outcome stands.
        await worker.running.catch((error: Error) => {
          if (!/Worker still in use/.test(error.message)) throw error;
        });
      },
      () => worker?.connection.close(),
      () => this.workerContext?.close(),
      () => this.smtp?.close(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
    if (failures.length) throw failures[0];
  }
}

/**
 * What most HTTP tests stand on: the app started (as `AppHarness.start` does, with `env` and `options`), an admin
 * client of it, and a program made on `policy`, a patch over the kind's preset (`{}`: the preset as it is;
 * `aFastPolicy()`: durations of seconds).
 */
export async function startAppWithProgram(
  policy: PolicyPatch,
  env: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<{ harness: AppHarness; admin: ApiClient; program: Program }> {
  const harness = await AppHarness.start(env, options);
  const admin = new ApiClient(harness);
  try {
    return { harness, admin, program: await admin.createProgram(policy) };
  } catch (error) {
    await harness.stop();
    throw error;
  }
}
