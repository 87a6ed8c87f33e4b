// `npm run reconcile [-- --program <id>] [--closed-within-days <n>]`: one reconcile pass now, the same the daily
// Schedule runs: every open or recently closed organizer's read model compared with its workflow, each difference
// repaired and logged. Safe while the system runs.
import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ReconcileInput } from './contracts/activities';
import { ReadModelReconciler } from './activities/read-model-reconciler';
import { ConfigModule } from './config/config.module';
import { loadConfig } from './config/configuration';
import { installLogger } from './config/logging';
import { DatabaseModule } from './database/database.module';
import { OrganizerRepository } from './repositories/organizer.repository';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { reconcileClosedWithinDays } from './contracts/reconcile';
import { ProductMetrics, UnexportedMetrics } from './metrics/product-metrics';

const appLogger = installLogger();
appLogger.setLogLevels(['log', 'warn', 'error', 'fatal']);
const logger = new Logger('reconcile');

function options(args: string[]): ReconcileInput {
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const days = Number(value('--closed-within-days') ?? reconcileClosedWithinDays);
  if (!Number.isFinite(days) || days < 0) throw new Error('--closed-within-days must be a number of days');
  return { closedWithinDays: days, ...(value('--program') ? { programId: value('--program') } : {}) };
}

async function main(): Promise<void> {
  const config = loadConfig();
  @Module({
    imports: [ConfigModule.forRoot(config), DatabaseModule, TemporalClientModule],
    providers: [OrganizerRepository, ReadModelReconciler, { provide: ProductMetrics, useClass: UnexportedMetrics }],
  })
  class ReconcileModule {}
  const app = await NestFactory.createApplicationContext(ReconcileModule, { logger: appLogger });
  try {
    const summary = await app.get(ReadModelReconciler).reconcileAll(options(process.argv.slice(2)));
    const { checked, equal, repaired, behind, changed, unknown, failed } = summary;
    logger.log(
      `checked ${checked}: ${equal} equal, ${repaired} repaired, ${behind} behind (projection on its way), ${changed} changed meanwhile, ` +
        `${unknown} without a workflow, ${failed} not answering`,
    );
    if (failed) process.exitCode = 3;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
