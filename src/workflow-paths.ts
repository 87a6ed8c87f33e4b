// `npm run workflow-paths [-- --program <id>]`: how many open organizer runs take each path of the workflow, so the frozen first path
// (organizer-v1.workflow.ts and the committed-projections patch) is retired from data, not from a guess.
import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { ConfigModule } from './config/config.module';
import { loadConfig } from './config/configuration';
import { installLogger } from './config/logging';
import { startupFailure } from './config/startup-failure';
import { DatabaseModule } from './database/database.module';
import { openRunsByPath } from './temporal/organizer-paths';
import { TemporalClientModule } from './temporal/temporal-client.module';

const appLogger = installLogger();
appLogger.setLogLevels(['log', 'warn', 'error', 'fatal']);
const logger = new Logger('workflow-paths');

async function main(): Promise<void> {
  @Module({ imports: [ConfigModule.forRoot(loadConfig()), DatabaseModule, TemporalClientModule] })
  class PathsModule {}
  const app = await NestFactory.createApplicationContext(PathsModule, { logger: appLogger });
  try {
    const at = process.argv.indexOf('--program');
    const programId = at >= 0 ? process.argv[at + 1] : undefined;
    const { current, unmarked } = await openRunsByPath(app.get(Client), programId);
    logger.log(
      `open organizer runs: ${current} on the current path (organizer.workflow.ts); ${unmarked} unmarked, on the ` +
        'first path (organizer-v1.workflow.ts) or started before the mark and not yet continued as new' +
        (unmarked === 0
          ? '. The first path can be retired (deprecatePatch committed-projections, then remove it).'
          : ''),
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  logger.error(startupFailure(error));
  process.exit(1);
});
