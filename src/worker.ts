// The worker process: runs organizer workflows and their activities, and serves its health (WORKER_HEALTH_PORT) and
// the Web UI's codec endpoint (CODEC_PORT) when configured. The SDK owns shutdown (SIGINT/SIGTERM drain the worker
// within WORKER_SHUTDOWN_GRACE_MS); Nest's context is closed after the worker has stopped.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { loadConfig } from './config/configuration';
import { installLogger, TemporalLogAdapter } from './config/logging';
import { startupFailure } from './config/startup-failure';
import { DataKeyRepository } from './repositories/data-key.repository';
import { codecAuthorizer } from './temporal/codec-auth';
import { CodecServer } from './temporal/codec-server';
import { MemberDataCodec } from './temporal/member-data-codec';
import { OrganizerWorker } from './worker/organizer-worker';
import { WorkerHealthServer, workerReadiness } from './worker/worker-health-server';
import { WorkerModule } from './worker/worker.module';
import { histogramBuckets } from './metrics/product-metrics';

const appLogger = installLogger();

const hostPort = ({ host, port }: { host: string; port: number }) =>
  `${host.includes(':') ? `[${host}]` : host}:${port}`;
const logger = new Logger('worker');

async function main(): Promise<void> {
  const config = loadConfig();
  // The SDK's own metrics (task slots, schedule-to-start latency, sticky cache) for Prometheus, when asked for.
  const metricsAt = config.workerMetrics && hostPort(config.workerMetrics);
  Runtime.install({
    logger: new TemporalLogAdapter(appLogger),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(metricsAt
        ? {
            metrics: {
              prometheus: {
                bindAddress: metricsAt,
                countersTotalSuffix: true,
                useSecondsForDurations: true,
                histogramBucketOverrides: histogramBuckets,
              },
            },
          }
        : {}),
    },
  });
  if (metricsAt) logger.log(`Temporal SDK metrics on http://${metricsAt}/metrics`);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: appLogger });
  await app.get(DataKeyRepository).checkKeys();
  const { worker, connection } = await app.get(OrganizerWorker).create();
  const servers: { stop(): Promise<void> }[] = [];
  try {
    if (config.workerHealth) {
      const health = await WorkerHealthServer.start(() => workerReadiness(worker, connection), config.workerHealth);
      servers.push(health);
      logger.log(`health on http://${config.workerHealth.host}:${health.port}/health/ready`);
    }
    if (config.codecEndpoint) {
      const { auth, ...endpoint } = config.codecEndpoint;
      const codec = await CodecServer.start(app.get(MemberDataCodec).uncached(), {
        ...endpoint,
        authorize: auth && codecAuthorizer(auth),
        onError: (error) => logger.warn(`codec endpoint: ${error.message}`),
      });
      servers.push(codec);
      logger.log(
        `codec endpoint for the Web UI on http://${config.codecEndpoint.host}:${codec.port} ` +
          `(origins ${config.codecEndpoint.corsOrigins.join(', ')}` +
          `${auth ? `; ${[auth.token && 'the codec token', auth.jwt && `a JWT of ${auth.jwt.issuer}`].filter(Boolean).join(' or ')} required` : ''})`,
      );
    }
    await worker.run();
    logger.log('worker stopped');
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await connection.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  logger.error(startupFailure(error));
  process.exit(1);
});
