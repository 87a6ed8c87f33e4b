// `npm run retire-payload-key -- <key id>`: after a new key has been put first in PAYLOAD_KEYS (and the processes
// restarted with it), wraps every member data key still under <key id> with the new one. Then <key id> can leave
// PAYLOAD_KEYS once the workflows it encrypted directly (weekly reports, broadcasts) have closed and passed the
// namespace's retention. Safe while the system runs.
import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from './config/config.module';
import { loadConfig } from './config/configuration';
import { installLogger } from './config/logging';
import { startupFailure } from './config/startup-failure';
import { DatabaseModule } from './database/database.module';
import { DataKeyRepository } from './repositories/data-key.repository';

const appLogger = installLogger();
appLogger.setLogLevels(['log', 'warn', 'error', 'fatal']);
const logger = new Logger('retire-payload-key');

async function main(): Promise<void> {
  const retiring = process.argv[2];
  if (!retiring) throw new Error('usage: npm run retire-payload-key -- <key id>');
  const config = loadConfig();
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule], providers: [DataKeyRepository] })
  class RetireModule {}
  const app = await NestFactory.createApplicationContext(RetireModule, { logger: appLogger });
  try {
    const keys = app.get(DataKeyRepository);
    await keys.checkKeys();
    const moved = await keys.rewrapFrom(retiring);
    logger.log(`${moved} member data keys moved from key ${retiring} to key ${config.payloadKeys.current}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  logger.error(startupFailure(error));
  process.exit(1);
});
