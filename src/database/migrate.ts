// `npm run migration:run`: applies pending migrations to DATABASE_URL.
import { Logger } from '@nestjs/common';
import { installLogger } from '../config/logging';
import { runMigrations } from './data-source';

installLogger();
const logger = new Logger('migrations');
const url = process.env.DATABASE_URL;
if (!url) {
  logger.error('DATABASE_URL is required');
  process.exit(2);
}
runMigrations(url).then(
  (applied) => logger.log(applied.length ? `applied ${applied.join(', ')}` : 'schema is up to date'),
  (error: unknown) => {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
