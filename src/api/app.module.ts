import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { DatabaseModule } from '../database/database.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { HealthModule } from './health/health.module';

/** The HTTP API: reads PostgreSQL, writes through Temporal. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, TemporalClientModule, HealthModule],
    };
  }
}
