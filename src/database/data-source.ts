import { DataSource, DataSourceOptions } from 'typeorm';
import { entities } from '../entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

/** The one DataSource definition, shared by the API, the worker, migrations and tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    extra: { max: 10, connectionTimeoutMillis: 5_000, application_name: 'organizer-pipeline' },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}

/** Applies every pending migration; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await createDataSource(url).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
