// The product's own series, named once and counted the same in whichever process does the work: the API exports them
// on GET /metrics (prom-client), the worker through the Temporal runtime's Prometheus exporter (WORKER_METRICS_PORT).

/** Why an email went out: the `purpose` label of organizer_emails_total. */
export type MailPurpose = 'reminder' | 'announcement' | 'weekly_report' | 'link' | 'session' | 'sign_in' | 'invitation';

export interface Series {
  /** A counter's without `_total`: both exporters add it (the worker's with `countersTotalSuffix`, worker.ts). */
  name: string;
  help: string;
  labels: readonly string[];
  /** A histogram's bucket bounds, the same in both exporters. */
  buckets?: number[];
}

export const emailsSeries: Series = {
  name: 'organizer_emails',
  help: 'Emails handed to the mail server (or the outbox), by purpose, and those it refused (outcome sent or failed)',
  labels: ['purpose', 'outcome'],
};

export const notificationsSeries: Series = {
  name: 'organizer_notifications',
  help: "Reminders, escalations and announcements raised by the organizers' workflows, by kind, counted by the process that stored them",
  labels: ['kind'],
};

export const projectionLagSeries: Series = {
  name: 'organizer_projection_lag_seconds',
  help:
    "From a workflow's asking for its change to be stored to the change committed in PostgreSQL " +
    '(queueing, retries and the write)',
  labels: [],
  // Up to minutes: a worker short of activity slots, or PostgreSQL away, shows as the tail, not as a clipped top.
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
};

export const sweptSeries: Series = {
  name: 'organizer_unstored_writes_swept',
  help: 'Results an API process noted and did not write, found by the sweep: written (it died between the answer and the write), nothing left, or failed (asked again)',
  labels: ['outcome'],
};

export const reconcileSeries: Series = {
  name: 'organizer_reconcile_checks',
  help: 'Organizers the reconcile pass compared with their workflow, by outcome (repaired: a read model rewritten)',
  labels: ['outcome'],
};

/** Every histogram's buckets, for the Temporal runtime's exporter (which otherwise tops out at 10 s). */
export const histogramBuckets: Record<string, number[]> = { [projectionLagSeries.name]: projectionLagSeries.buckets! };

/** Counts what the product does for operators; each process provides its exporter's implementation. */
export abstract class ProductMetrics {
  emailed(purpose: MailPurpose, outcome: 'sent' | 'failed'): void {
    this.count(emailsSeries, { purpose, outcome });
  }

  notificationsStored(kinds: readonly string[]): void {
    for (const kind of kinds) this.count(notificationsSeries, { kind });
  }

  projectionStored(lagSeconds: number): void {
    this.observe(projectionLagSeries, lagSeconds, {});
  }

  swept(outcome: 'written' | 'nothing' | 'failed'): void {
    this.count(sweptSeries, { outcome });
  }

  /** One organizer the reconcile pass checked, by its outcome (read-model-reconciler.ts's ReconcileOutcome). */
  reconciled(outcome: string): void {
    this.count(reconcileSeries, { outcome });
  }

  protected abstract count(series: Series, labels: Record<string, string>): void;
  protected abstract observe(series: Series, value: number, labels: Record<string, string>): void;
}

/** For a process no one scrapes (`npm run reconcile`, run once): its log says what it did. */
export class UnexportedMetrics extends ProductMetrics {
  protected count(): void {}
  protected observe(): void {}
}
