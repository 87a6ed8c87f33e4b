// Writes the results their callers left unwritten (docs/design.md §4). An API process notes an intent, under the id of
// the update it is about to send, and removes it once it stored the result; the workflow spends no activity on such a
// change. If the process dies in between, the note stays: every few seconds each worker reads the result of each note
// past its caller's deadline from Temporal, and writes it (idempotent, version-guarded, as every write). An update's
// result is durable once Temporal gives it out; what a workflow's query answers is its worker's memory, which may hold
// a task the server never accepted (a CI run once saw such a version written and answered, and no history held it).
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { AppConfig } from '../config/configuration';
import { ActionResult, callerClockMarginMs } from '../contracts/organizer-workflow';
import { ProductMetrics } from '../metrics/product-metrics';
import { OrganizerRepository } from '../repositories/organizer.repository';
import { UnstoredWritesRepository } from '../repositories/unstored-writes.repository';

export const sweepEveryMs = 5_000;
/** Organizers asked at once, and how long one read may wait: an update whose worker is down must not hold the rest. */
const concurrency = 8;
const readTimeoutMs = 3_000;
/**
 * A note whose workflow did not answer is tried again after as long as it has waited (5 s to a minute: a busy worker
 * answers soon, a stopped one not for a while); given up after an hour (the reconcile pass repairs).
 */
const retryAfter = (ageMs: number) => Math.min(60_000, Math.max(5_000, ageMs));
/** How long a pass holds the notes it took: longer than a pass of 100 notes takes (13 rounds of at most 3 s). */
const holdMs = 60_000;
export const giveUpAfterMs = 3_600_000;

@Injectable()
export class UnstoredWritesSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('unstored-writes');
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;
  private stopped = false;
  /** Cancels a pass's Temporal calls at shutdown: the client's retries must not outlive its connection. */
  private readonly abort = new AbortController();

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
          .catch((error: unknown) => {
            if (!this.stopped) this.logger.warn(`sweep failed: ${(error as Error).message}`);
          })
          .finally(next);
      }, sweepEveryMs);
    };
    next();
  }

  /** A pass under way is cut short (its notes are claimed again later): its queries are cancelled, then awaited. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.pass;
  }

  /** One pass; answers how many organizers' results it wrote. */
  async sweep(): Promise<number> {
    // Past its caller's `writeBy` (and the clocks' margin on both sides), its caller no longer sends the update: an
    // update Temporal does not know then was never applied (before, it may be between two tries of the caller's).
    const marginMs = 2 * callerClockMarginMs;
    const olderThanMs = this.config.temporal.updateTimeoutMs + marginMs;
    const left = await this.notes.claim({ olderThanMs, marginMs }, 100, holdMs);
    let written = 0;
    for (let i = 0; i < left.length && !this.stopped; i += concurrency) {
      const outcomes = await Promise.all(left.slice(i, i + concurrency).map((note) => this.writeLeft(note)));
      written += outcomes.filter(Boolean).length;
    }
    return written;
  }

  /** One organizer's notes: their updates' results written, oldest first; true when that stored a version. */
  private async writeLeft({ organizerId, ids, since }: { organizerId: string; ids: string[]; since: Date }) {
    try {
      const results = await Promise.all(
        ids.map(async (note) => ({ note, result: await this.resultOf(organizerId, note) })),
      );
      const applied = results.filter(
        (left): left is { note: string; result: ActionResult } => left.result !== undefined,
      );
      // A run on the first path stored its changes itself: its note only audits the action.
      for (const { note, result } of applied) if (!result.projection) await this.notes.done(note, result.stage);
      const left = applied
        .flatMap(({ note, result }) => (result.projection ? [{ note, projection: result.projection }] : []))
        .sort((a, b) => a.projection.organizer.version - b.projection.organizer.version);
      let written = false;
      // Each under its note, which the write removes with the action's audit entry.
      for (const { note, projection } of left) {
        const stored = await this.organizers.project(projection, note);
        this.metrics.notificationsStored(stored.notifications);
        if (!stored.version) continue;
        written = true;
        this.logger.warn(`organizer ${organizerId}: wrote version ${projection.organizer.version} left unwritten`);
      }
      this.metrics.swept(written ? 'written' : 'nothing');
      await this.notes.clear(ids);
      return written;
    } catch (error) {
      if (this.stopped) return false;
      this.metrics.swept('failed');
      const giveUp = Date.now() - since.getTime() > giveUpAfterMs;
      this.logger.warn(
        `organizer ${organizerId}: its workflow did not answer (${(error as Error).message}); ` +
          (giveUp ? 'given up: the reconcile pass repairs its row' : 'asked again later'),
      );
      if (giveUp) await this.notes.clear(ids);
      else await this.notes.later(ids, retryAfter(Date.now() - since.getTime()));
      return false;
    }
  }

  /**
   * The note's update's result (with no projection when its run is on the first path: its own activity stores every
   * change), or nothing when it changed nothing (refused, or never sent: the caller died first) or its run has ended or
   * continued as new since (a run stores every change before it ends; that action then goes unaudited). Throws while
   * the update waits for a worker.
   */
  private async resultOf(organizerId: string, updateId: string): Promise<ActionResult | undefined> {
    const update = this.client.workflow.getHandle(organizerId).getUpdateHandle<ActionResult>(updateId);
    try {
      const result = await this.client.connection.withAbortSignal(this.abort.signal, () =>
        this.client.withDeadline(Date.now() + readTimeoutMs, () => update.result()),
      );
      return result;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }
}
