import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/configuration';
import { RepositoriesModule } from '../repositories/repositories.module';
import { dataSourceOptions } from './data-source';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        retryAttempts: config.nodeEnv === 'test' ? 1 : 10,
        retryDelay: 2_000,
      }),
    }),
    RepositoriesModule,
  ],
})
export class DatabaseModule {}
