// Compares read models with their workflows and repairs rows that differ (issue: read models never show a state that
// Temporal did not commit). Projections can no longer write uncommitted state; this repairs rows written before that
// by projections running inside discarded workflow tasks, and any other drift. Safe while actions flow: each row is
// read before its workflow, so a row ahead of the workflow is truly ahead, and each repair is a compare-and-set on
// the row exactly as read, so a projection landing meanwhile is never overwritten.
import { Injectable, Logger } from '@nestjs/common';
import { Client, QueryNotRegisteredError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { OrganizerState } from '../domain/organizer';
import { differencesFrom, OrganizerRepository } from '../repositories/organizer.repository';
import { organizerStateQuery, unstoredProjectionQuery } from '../contracts/organizer-workflow';
import type { ReconcileInput, ReconcileSummary } from '../contracts/activities';
import { ProductMetrics } from '../metrics/product-metrics';
import { giveUpAfterMs as sweepGivesUpAfterMs } from './unstored-writes-sweep';

const batchSize = 200;
const concurrency = 8;

export type ReconcileOutcome = 'equal' | 'repaired' | 'behind' | 'changed' | 'unknown' | 'failed';

@Injectable()
export class ReadModelReconciler {
  private readonly logger = new Logger('reconcile');

  constructor(
    private readonly organizers: OrganizerRepository,
    private readonly client: Client,
    private readonly metrics: ProductMetrics,
  ) {}

  /**
   * Every open organizer and every one closed within `closedWithinDays` (of one program, or all), in id order;
   * `progress` is told after each batch (the activity heartbeats with it, so a retry resumes there).
   */
  async reconcileAll(
    { closedWithinDays, programId }: ReconcileInput,
    progress: (summary: ReconcileSummary) => void = () => undefined,
    resumed?: ReconcileSummary,
  ): Promise<ReconcileSummary> {
    const summary: ReconcileSummary = resumed ?? {
      after: '00000000-0000-0000-0000-000000000000',
      checked: 0,
      equal: 0,
      repaired: 0,
      behind: 0,
      changed: 0,
      unknown: 0,
      failed: 0,
    };
    const closedSince = new Date(Date.now() - closedWithinDays * 86_400_000);
    for (;;) {
      const ids = await this.organizers.reconcileBatch({ after: summary.after, closedSince, programId }, batchSize);
      if (!ids.length) return summary;
      for (let i = 0; i < ids.length; i += concurrency) {
        const outcomes = await Promise.all(ids.slice(i, i + concurrency).map((id) => this.reconcileOrReport(id)));
        for (const outcome of outcomes) summary[outcome] += 1;
        summary.checked += outcomes.length;
      }
      summary.after = ids[ids.length - 1];
      progress(summary);
    }
  }

  /** One organizer; a failure (its workflow not answering a query, say) is logged and the pass goes on. */
  private async reconcileOrReport(organizerId: string): Promise<ReconcileOutcome> {
    let outcome: ReconcileOutcome;
    try {
      outcome = await this.reconcile(organizerId);
    } catch (error) {
      this.logger.warn(`organizer ${organizerId}: not checked: ${(error as Error).message}`);
      outcome = 'failed';
    }
    this.metrics.reconciled(outcome);
    return outcome;
  }

  /** One organizer: the row is read first, then the workflow; a row that differs is rewritten to the workflow's state. */
  async reconcile(organizerId: string): Promise<ReconcileOutcome> {
    const stored = await this.organizers.stored(organizerId);
    if (!stored) return 'unknown';
    const truth = await this.truthOf(organizerId);
    if (!truth) return 'unknown';
    const differences = differencesFrom(stored, truth.state);
    if (!differences.length) return 'equal';
    // Behind a running workflow: a write is on its way (a caller's, the workflow's own), unless the row has not been
    // written for as long as the sweep tries: then a caller's write was lost (its note given up), and what the
    // workflow holds unstored is written, as the sweep would (idempotent, version-guarded).
    if (truth.running && Number(stored.row.version) < truth.state.version) {
      if (Date.now() - stored.projectedAt.getTime() <= sweepGivesUpAfterMs) return 'behind';
      return (await this.writeUnstored(organizerId)) ? 'repaired' : 'behind';
    }
    const repaired = await this.organizers.repair(organizerId, stored.token, truth.state);
    if (!repaired) return 'changed';
    this.logger.warn(`repaired organizer ${organizerId} to version ${truth.state.version}: ${differences.join('; ')}`);
    if (repaired.unrestorable.length)
      this.logger.warn(
        `organizer ${organizerId}: cannot restore ${repaired.unrestorable.join(', ')} from the workflow's state`,
      );
    return 'repaired';
  }

  /** Writes what the running workflow holds unstored; true when that stored a version. */
  private async writeUnstored(organizerId: string): Promise<boolean> {
    const projection = await this.client.workflow
      .getHandle(organizerId)
      .query(unstoredProjectionQuery)
      .catch((error: unknown) => {
        // A run on the first path stores every change itself.
        if (error instanceof QueryNotRegisteredError) return null;
        throw error;
      });
    const stored = projection ? (await this.organizers.project(projection)).version : false;
    if (stored)
      this.logger.warn(`organizer ${organizerId}: wrote version ${projection!.organizer.version} left unwritten`);
    return stored;
  }

  /** The workflow's state: live by query while it runs, its result once it completed; undefined when neither is there. */
  private async truthOf(organizerId: string): Promise<{ state: OrganizerState; running: boolean } | undefined> {
    const handle = this.client.workflow.getHandle(organizerId);
    try {
      const { status, runId } = await handle.describe();
      if (status.name === 'RUNNING') return { state: await handle.query(organizerStateQuery), running: true };
      // That run's result, by its id: a reopen may have started a newer run since, whose result is months away.
      if (status.name === 'COMPLETED')
        return {
          state: (await this.client.workflow.getHandle(organizerId, runId).result()) as OrganizerState,
          running: false,
        };
      this.logger.warn(
        `organizer ${organizerId}: its workflow is ${status.name.toLowerCase()}; nothing to compare with`,
      );
      return undefined;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }
}
