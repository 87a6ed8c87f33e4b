// The real product for HTTP tests: the API app listening on loopback and a worker with the real activities, against
// the dev server and PostgreSQL the global setup started. Each harness has its own task queue.
import { INestApplication, INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/api/bootstrap';
import { DataKeyRepository } from '../../src/repositories/data-key.repository';
import { AppConfig, loadConfig } from '../../src/config/configuration';
import { OrganizerWorker } from '../../src/worker/organizer-worker';
import { WorkerModule } from '../../src/worker/worker.module';
import { quietRuntime, uniqueTaskQueue } from './workflow-harness';

/** The API's own errors (a 5xx, with its stack) reach the test's output; everything else stays quiet. */
const errorsOnly: LoggerService = {
  log: () => undefined,
  warn: () => undefined,
  error: (message: unknown, ...rest: unknown[]) =>
    process.stderr.write(`[api error] ${String(message)} ${rest.map(String).join(' ')}\n`),
};

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class AppHarness {
  private constructor(
    readonly config: AppConfig,
    readonly app: INestApplication,
    readonly baseUrl: string,
    private readonly workerContext: INestApplicationContext | undefined,
    private readonly worker: { worker: Worker; connection: NativeConnection; running: Promise<void> } | undefined,
  ) {}

  static async start(
    env: Record<string, string> = {},
    options: { worker?: boolean; logger?: LoggerService } = {},
  ): Promise<AppHarness> {
    quietRuntime();
    const config = loadConfig({
      ...process.env,
      TEMPORAL_TASK_QUEUE: uniqueTaskQueue('api'),
      ADMIN_TOKEN: 'test-admin-token-0123456789',
      ...env,
    });
    let workerContext: INestApplicationContext | undefined;
    let worker: { worker: Worker; connection: NativeConnection; running: Promise<void> } | undefined;
    let app: INestApplication | undefined;
    try {
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
      await app.listen(0, '127.0.0.1');
    } catch (error) {
      // A harness that cannot start (a wrong key, say) leaves nothing running behind it.
      await new AppHarness(config, app!, '', workerContext, worker).stop().catch(() => undefined);
      throw error;
    }
    const address = app.getHttpServer().address() as { port: number };
    return new AppHarness(config, app, `http://127.0.0.1:${address.port}`, workerContext, worker);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get temporal(): Client {
    return this.app.get(Client);
  }

  async http<T = any>(
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      raw?: string;
      contentType?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async stop(): Promise<void> {
    await this.app?.close();
    if (this.worker) {
      this.worker.worker.shutdown();
      await this.worker.running;
      await this.worker.connection.close();
    }
    await this.workerContext?.close();
  }
}
