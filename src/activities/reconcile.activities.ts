import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import type { ReconcileInput, ReconcileSummary } from '../contracts/activities';
import { ReadModelReconciler } from './read-model-reconciler';

@Injectable()
export class ReconcileActivitiesService {
  constructor(private readonly reconciler: ReadModelReconciler) {}

  /** A whole pass, heartbeating its progress: a retried attempt resumes after the last organizer done. */
  async reconcileReadModels(input: ReconcileInput): Promise<ReconcileSummary> {
    const context = Context.current();
    const resumed = context.info.heartbeatDetails as ReconcileSummary | undefined;
    return this.reconciler.reconcileAll(input, (summary) => context.heartbeat(summary), resumed);
  }
}
