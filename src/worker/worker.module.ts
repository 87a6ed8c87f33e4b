import { DynamicModule, Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { ConfigModule } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { DatabaseModule } from '../database/database.module';
import { OrganizerWorker } from './organizer-worker';
import { RuntimeMetricsModule } from './runtime-metrics';

/** The worker process: activities and their database, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, RuntimeMetricsModule, ActivitiesModule],
      providers: [OrganizerWorker],
    };
  }
}
