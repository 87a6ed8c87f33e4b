import { Client, type ClientConfig } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { entities } from '../entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

/**
 * A connection that PostgreSQL ends while the pool has lent it out between two queries (a restart, a fast shutdown:
 * FATAL 57P01) emits 'error' with no listener, and an unheard 'error' ends the Node process. Heard here, the next
 * query on it fails instead (a 503 or an activity's retry), and the pool replaces it.
 */
class ListenedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

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
    extra: { max: 10, connectionTimeoutMillis: 5_000, application_name: 'organizer-pipeline', Client: ListenedClient },
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
