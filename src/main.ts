// The API process: HTTP on PORT (default 3000), reads PostgreSQL, writes through Temporal.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './api/bootstrap';
import { stopOnSignal } from './api/stop-on-signal';
import { loadConfig } from './config/configuration';
import { installLogger } from './config/logging';
import { startupFailure } from './config/startup-failure';
import { DataKeyRepository } from './repositories/data-key.repository';

const appLogger = installLogger();

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, { logger: appLogger });
  await app.get(DataKeyRepository).checkKeys();
  const listening = app.listen(config.port, config.host);
  stopOnSignal(app, config.apiShutdown, listening);
  await listening;
  new Logger('api').log(`listening on http://${config.host}:${config.port}/api`);
}

main().catch((error: unknown) => {
  new Logger('api').error(startupFailure(error));
  process.exit(1);
});
