// GET /metrics (outside /api, where Prometheus looks): not there unless METRICS_TOKEN is set, then only to that bearer
// token (a scraper's, not a person's). A plain route of the HTTP server: Prometheus' text, not an API resource.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { errorBody } from '../common/error.filter';
import { NotFoundError } from '../common/errors';
import type { ApiMetrics } from './api-metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function metricsRoute(token: string | undefined, metrics: ApiMetrics) {
  return async (request: Request, response: Response): Promise<void> => {
    response.setHeader('Cache-Control', 'no-store');
    if (!token) {
      response.status(404).json(errorBody(new NotFoundError('metrics are off: set METRICS_TOKEN to serve them')));
      return;
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || !timingSafeEqual(digest(bearer), digest(token))) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      response
        .status(401)
        .json({ statusCode: 401, error: 'Unauthorized', message: 'send the METRICS_TOKEN as a bearer token' });
      return;
    }
    response.setHeader('Content-Type', metrics.registry.contentType);
    response.end(await metrics.registry.metrics());
  };
}
