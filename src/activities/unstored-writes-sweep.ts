// Writes the results their callers left unwritten (docs/design.md §4). An API process notes an intent before it sends
// an action's update and removes it once it stored the result; the workflow spends no activity on such a change. If the
// process dies in between, the note stays: every few seconds each worker asks the workflows of notes older than the
// update timeout for what they hold unstored, and writes it (idempotent, version-guarded, as every write).
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, QueryNotRegisteredError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { AppConfig } from '../config/configuration';
import { unstoredProjectionQuery } from '../contracts/organizer-workflow';
import { ProductMetrics } from '../metrics/product-metrics';
import { OrganizerRepository } from '../repositories/organizer.repository';
import { UnstoredWritesRepository } from '../repositories/unstored-writes.repository';

export const sweepEveryMs = 5_000;
/** A note its workflow cannot answer for this long is given up (logged): the daily reconcile pass repairs the row. */
const giveUpAfterMs = 3_600_000;

@Injectable()
export class UnstoredWritesSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('unstored-writes');
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly notes: UnstoredWritesRepository,
    private readonly organizers: OrganizerRepository,
    private readonly client: Client,
    private readonly config: AppConfig,
    private readonly metrics: ProductMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const next = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.pass = this.sweep()
          .catch((error: unknown) => this.logger.warn(`sweep failed: ${(error as Error).message}`))
          .finally(next);
      }, sweepEveryMs);
    };
    next();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  /** One pass; answers how many organizers' results it wrote. */
  async sweep(): Promise<number> {
    let written = 0;
    for (const { organizerId, ids, since } of await this.notes.left(this.config.temporal.updateTimeoutMs, 100)) {
      const handle = this.client.workflow.getHandle(organizerId);
      try {
        const projection = await this.client.withDeadline(Date.now() + this.config.temporal.updateTimeoutMs, () =>
          handle.query(unstoredProjectionQuery),
        );
        const stored = projection ? await this.organizers.project(projection) : false;
        if (stored) {
          written++;
          this.metrics.notificationsStored(projection!.changes.notifications.map(({ kind }) => kind));
          this.logger.warn(`organizer ${organizerId}: wrote version ${projection!.organizer.version} left unwritten`);
        }
        this.metrics.swept(stored ? 'written' : 'nothing');
        await this.notes.clear(ids);
      } catch (error) {
        // No workflow (never started, or gone past retention), or one on a path that stores every change itself.
        if (error instanceof WorkflowNotFoundError || error instanceof QueryNotRegisteredError) {
          this.metrics.swept('nothing');
          await this.notes.clear(ids);
          continue;
        }
        this.metrics.swept('failed');
        const giveUp = Date.now() - since.getTime() > giveUpAfterMs;
        this.logger.warn(
          `organizer ${organizerId}: its workflow did not answer (${(error as Error).message}); ` +
            (giveUp ? 'given up: the reconcile pass repairs its row' : 'asked again next pass'),
        );
        if (giveUp) await this.notes.clear(ids);
      }
    }
    return written;
  }
}
