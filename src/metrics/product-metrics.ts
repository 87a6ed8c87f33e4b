// The product's own series, named once and counted the same in whichever process does the work: the API exports them
// on GET /metrics (prom-client), the worker through the Temporal runtime's Prometheus exporter (WORKER_METRICS_PORT).

/** Why an email went out: the `purpose` label of organizer_emails_total. */
export type MailPurpose = 'reminder' | 'announcement' | 'weekly_report' | 'link' | 'session' | 'sign_in' | 'invitation';

export interface Series {
  /** A counter's without `_total`: both exporters add it. */
  name: string;
  help: string;
  labels: readonly string[];
}

export const emailsSeries: Series = {
  name: 'organizer_emails',
  help: 'Emails handed to the mail server (or the outbox), by purpose, and those it refused (outcome sent or failed)',
  labels: ['purpose', 'outcome'],
};

export const notificationsSeries: Series = {
  name: 'organizer_notifications',
  help: "Reminders, escalations and announcements raised by the organizers' workflows, by kind, as stored",
  labels: ['kind'],
};

export const projectionLagSeries: Series = {
  name: 'organizer_projection_lag_seconds',
  help: "From a workflow's asking for its change to be stored to the change committed in PostgreSQL (queueing, retries and the write)",
  labels: [],
};

export const reconcileSeries: Series = {
  name: 'organizer_reconcile_checks',
  help: 'Organizers the reconcile pass compared with their workflow, by outcome (repaired: a read model rewritten)',
  labels: ['outcome'],
};

export const productCounters = [emailsSeries, notificationsSeries, reconcileSeries];
export const productHistograms = [projectionLagSeries];

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
