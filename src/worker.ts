// The worker process: runs organizer workflows and their activities. The SDK owns shutdown (SIGINT/SIGTERM drain
// the worker); Nest's context is closed after the worker has stopped.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from './config/configuration';
import { startupFailure } from './config/startup-failure';
import { DataKeyRepository } from './repositories/data-key.repository';
import { OrganizerWorker } from './worker/organizer-worker';
import { WorkerModule } from './worker/worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  await app.get(DataKeyRepository).checkKeys();
  const { worker, connection } = await app.get(OrganizerWorker).create();
  try {
    await worker.run();
  } finally {
    await connection.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  new Logger('worker').error(startupFailure(error));
  process.exit(1);
});
