// What the API process counts for operators (GET /metrics, issue 34): requests by route template and status with
// their durations, actions on organizers by name and outcome, applications by where they came from, the product's
// series it does the work of (emails: sign-in links, invitations), and the process's own figures (prom-client's
// defaults). One registry per app, so several apps in one process (the tests)
// count apart.
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { errorBody } from '../common/error.filter';
import { ProductMetrics, type Series } from '../../metrics/product-metrics';

/** What became of an action: done, refused (a 4xx: the rules, the caller, the input) or failed (a 5xx). */
export type ActionOutcome = 'done' | 'refused' | 'failed';

/** An error's outcome, by the status the API answers it with (docs/api.md's errors, mapped in one place). */
export function outcomeOf(error: unknown): ActionOutcome {
  return errorBody(error).statusCode < 500 ? 'refused' : 'failed';
}

@Injectable()
export class ApiMetrics extends ProductMetrics {
  readonly registry = new Registry();

  /** The product's series, each registered when this process first counts it (the API does part of the work). */
  private readonly counters = new Map<string, Counter>();
  private readonly histograms = new Map<string, Histogram>();

  private readonly requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests answered, by method, route template and status, with how long each took',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly actions = new Counter({
    name: 'organizer_actions_total',
    help: 'Actions on organizers the caller may take, by action and outcome (done; refused: 4xx from the stage rules, dates or the record; failed: 5xx)',
    labelNames: ['action', 'outcome'],
    registers: [this.registry],
  });

  private readonly applications = new Counter({
    name: 'organizer_applications_total',
    help: 'Applications received, by where they came from (the public form, the API) and outcome',
    labelNames: ['source', 'outcome'],
    registers: [this.registry],
  });

  constructor() {
    super();
    collectDefaultMetrics({ register: this.registry });
  }

  /** Express middleware: times each request, labelled by the route that answered it (its template, not its ids). */
  readonly countRequests = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.requests.startTimer();
    response.once('finish', () => {
      const template = request.route?.path as string | undefined;
      stop({
        method: request.method,
        route: template ? `${request.baseUrl}${template}` : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };

  action(action: string, outcome: ActionOutcome): void {
    this.actions.inc({ action, outcome });
  }

  application(source: 'form' | 'api', outcome: ActionOutcome): void {
    this.applications.inc({ source, outcome });
  }

  protected count(series: Series, labels: Record<string, string>): void {
    let counter = this.counters.get(series.name);
    if (!counter) {
      const { name, help, labels: labelNames } = series;
      counter = new Counter({ name: `${name}_total`, help, labelNames, registers: [this.registry] });
      this.counters.set(series.name, counter);
    }
    counter.inc(labels);
  }

  protected observe(series: Series, value: number, labels: Record<string, string>): void {
    let histogram = this.histograms.get(series.name);
    if (!histogram) {
      const { name, help, labels: labelNames, buckets } = series;
      histogram = new Histogram({
        name,
        help,
        labelNames,
        ...(buckets ? { buckets } : {}),
        registers: [this.registry],
      });
      this.histograms.set(series.name, histogram);
    }
    histogram.observe(labels, value);
  }
}
