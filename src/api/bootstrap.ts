import type { Server, ServerResponse } from 'node:http';
import type { Express, Response as ExpressResponse } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { Draining } from './health/draining';
import { ApiMetrics } from './metrics/api-metrics';
import { metricsRoute } from './metrics/metrics-route';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/configuration';
import { AppModule } from './app.module';
import { refuseDeepBodies, refuseUnsafeFields, requireJsonBodies } from './common/body-rules';
import { requestLog } from './common/request-log';
import { securityHeaders } from './common/security-headers';
import { describeErrors, ErrorBodyDto } from './common/openapi';

export const bodyLimit = '1mb';
/** Every route's path starts with it. */
export const apiPrefix = 'api';

/**
 * The API refuses fields it does not know (and answers only the fields it documents), so every object schema says
 * so: clients and fuzzers then generate what the API actually accepts.
 */
function closeSchemas(schemas: Record<string, unknown>): void {
  for (const schema of Object.values(schemas) as {
    type?: string;
    properties?: object;
    additionalProperties?: unknown;
  }[]) {
    if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined)
      schema.additionalProperties = false;
  }
}

/** Everything main.ts and the HTTP tests share: the app, its prefix, body limits and OpenAPI. */
export async function createApp(
  config: AppConfig,
  options: { logger?: false | LoggerService } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  app.disable('x-powered-by');
  // Answers are read once and change with every action: hashing each body for an ETag only costs time (the page's
  // static files keep theirs, from serve-static).
  app.set('etag', false);
  // Idle keep-alive connections outlive the clients' own (undici's follow our Keep-Alive header; load balancers keep
  // 60 s), so the client always closes first and never sends a request on a socket we are closing (ECONNRESET).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Stopping (server.close) ends idle connections but waits for busy ones to go idle and then time out: a request in
  // flight would hold the stop for keepAliveTimeout. Its connection ends as soon as it is answered instead.
  server.on('request', (_request, response: ServerResponse) =>
    response.once('finish', () => {
      if (!server.listening) setImmediate(() => server.closeIdleConnections());
    }),
  );
  // While the process stops, each answer ends its connection: a client's next request opens one to a replica that
  // stays, instead of reusing a socket this process is about to close.
  const draining = app.get(Draining);
  app.use((_request: unknown, response: ExpressResponse, next: () => void) => {
    if (draining.active) response.setHeader('Connection', 'close');
    next();
  });
  // Which proxies' X-Forwarded-For to believe for the client's address (none unless TRUST_PROXY says).
  app.set('trust proxy', config.trustProxy);
  app.use(requestLog);
  app.use(app.get(ApiMetrics).countRequests);
  // Prometheus scrapes /metrics, as every exporter serves it.
  const express = app.getHttpAdapter().getInstance() as Express;
  express.get('/metrics', metricsRoute(config.metricsToken, app.get(ApiMetrics)));
  app.use(securityHeaders);
  app.use('/api', requireJsonBodies);
  // Nest's type leaves body-parser's `verify` out (its rawBody option uses it, off here); the parser runs it as usual.
  const checkBeforeParsing = { verify: refuseDeepBodies } as object;
  app.useBodyParser('json', { limit: bodyLimit, reviver: refuseUnsafeFields, ...checkBeforeParsing });
  // The web page as `npm run build` bundled it: next to the compiled code (dist/web), or from source (the tests) the
  // build's copy, since the page's source is TypeScript a browser cannot run.
  const beside = join(__dirname, '..', 'web');
  const webRoot = existsSync(join(beside, 'app.js')) ? beside : join(__dirname, '..', '..', 'dist', 'web');
  app.useStaticAssets(webRoot, { index: 'index.html', maxAge: '5m' });
  // The pages people reach from an email or a public address: a small page of its own, never cached (a link's page
  // changes once it is used).
  app.use(['/l/', '/apply/', '/signin/'], (_request: unknown, response: ExpressResponse) => {
    response.setHeader('Cache-Control', 'no-store');
    response.sendFile(join(webRoot, 'public.html'));
  });
  app.setGlobalPrefix(apiPrefix);
  SwaggerModule.setup(`${apiPrefix}/docs`, app, describeApi(app), { jsonDocumentUrl: `${apiPrefix}/docs-json` });
  return app;
}

/** The OpenAPI document of the app's routes, as /api/docs-json serves it (the app's global prefix already set). */
export function describeApi(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Organizer Pipeline')
      .setVersion('1')
      // Tokens are opaque (a user's, ADMIN_TOKEN, a session's): Nest's default says JWT.
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: undefined, description: 'An opaque API token' })
      .build(),
    { extraModels: [ErrorBodyDto] },
  );
  closeSchemas(document.components?.schemas ?? {});
  describeErrors(document);
  return document;
}
