// How the API process ends on a deploy's SIGTERM (or Ctrl-C) without failing a request. Nest's own shutdown hooks
// close the app's modules (mail, keys, Temporal, PostgreSQL) before its HTTP server, under requests still running.
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type INestApplication, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/configuration';
import { Draining } from './health/draining';

/**
 * On SIGTERM or SIGINT: report not ready at once, keep answering for `delayMs` while balancers notice, stop accepting,
 * let requests in flight finish for up to `graceMs` (then cut them), close the app, exit 0. A second signal exits 1.
 */
export function stopOnSignal(app: INestApplication, { delayMs, graceMs }: AppConfig['apiShutdown']): void {
  const logger = new Logger('api');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting for requests in flight`);
      process.exit(1);
    }
    stopping = true;
    app.get(Draining).begin();
    logger.log(`${signal}: not ready from now; answering ${delayMs} ms more, then finishing requests in flight`);
    await sleep(delayMs);
    const server = app.getHttpServer() as Server;
    const cut = setTimeout(() => {
      logger.warn(`requests still running after ${graceMs} ms: closing their connections`);
      server.closeAllConnections();
    }, graceMs);
    // Resolves once every connection has ended: idle ones at once, busy ones as their answer is sent (bootstrap.ts).
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(cut);
    await app.close();
    logger.log('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      stop(signal).catch((error: unknown) => {
        logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      });
    });
}
