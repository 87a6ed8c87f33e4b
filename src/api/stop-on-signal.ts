// How the API process ends on a deploy's SIGTERM (or Ctrl-C) without failing a request. Nest's own shutdown hooks
// close the app's modules (mail, keys, Temporal, PostgreSQL) before its HTTP server, under requests still running.
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type INestApplication, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/configuration';
import { Draining } from './health/draining';

/**
 * On SIGTERM or SIGINT: report not ready at once, keep answering for `delayMs` while balancers notice, stop accepting,
 * let requests in flight finish for up to `graceMs` (then cut them and exit 1), close the app, exit 0. A second
 * signal exits 1 at once. `listening` is the app's listen: a signal during the start waits for it.
 */
export function stopOnSignal(
  app: INestApplication,
  { delayMs, graceMs }: AppConfig['apiShutdown'],
  listening: Promise<unknown>,
): void {
  const logger = new Logger('api');
  const server = app.getHttpServer() as Server;
  let inFlight = 0;
  server.on('request', (_request, response) => {
    inFlight++;
    response.once('close', () => inFlight--);
  });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting for ${inFlight} requests in flight`);
      process.exit(1);
    }
    stopping = true;
    app.get(Draining).begin();
    logger.log(`${signal}: not ready from now; answering ${delayMs} ms more, then finishing requests in flight`);
    await listening.catch(() => undefined);
    await sleep(delayMs);
    let cut = false;
    const deadline = setTimeout(() => {
      cut = true;
      logger.warn(`${inFlight} requests still running after ${graceMs} ms: closing their connections`);
      server.closeAllConnections();
    }, graceMs);
    logger.log(`not accepting connections; finishing ${inFlight} requests in flight`);
    // Resolves once every connection has ended: idle ones at once, busy ones as their answer is sent (bootstrap.ts).
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(deadline);
    await app.close();
    logger.log('stopped');
    process.exit(cut ? 1 : 0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      stop(signal).catch((error: unknown) => {
        logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      });
    });
}
