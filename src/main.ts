// The API process: HTTP on PORT (default 3000), reads PostgreSQL, writes through Temporal.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './api/bootstrap';
import { loadConfig } from './config/configuration';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  new Logger('api').log(`listening on http://${config.host}:${config.port}/api`);
}

main().catch((error: unknown) => {
  new Logger('api').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
