import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { HealthRepository } from '../../repositories/health.repository';
import { Draining } from './draining';

export interface Health {
  status: 'ok' | 'degraded';
  temporal: 'up' | 'down';
  database: 'up' | 'down';
  /** Present while the process stops (a deploy): not ready, whatever Temporal and PostgreSQL say. */
  stopping?: true;
}

const checkTimeoutMs = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref()),
  ]);
}

@Injectable()
export class HealthService {
  constructor(
    private readonly client: Client,
    private readonly database: HealthRepository,
    private readonly draining: Draining,
  ) {}

  async check(): Promise<Health> {
    const [temporal, database] = await Promise.all([this.temporalUp(), this.databaseUp()]);
    const stopping = this.draining.active;
    return {
      status: temporal && database && !stopping ? 'ok' : 'degraded',
      temporal: temporal ? 'up' : 'down',
      database: database ? 'up' : 'down',
      ...(stopping ? { stopping: true as const } : {}),
    };
  }

  private async temporalUp(): Promise<boolean> {
    // Abort (not just time out) so the client's retry loop stops with the check instead of outliving it.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), checkTimeoutMs);
    try {
      const { connection } = this.client;
      await connection.withAbortSignal(abort.signal, () =>
        connection.withDeadline(Date.now() + checkTimeoutMs, () => connection.workflowService.getSystemInfo({})),
      );
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await within(this.database.ping(), checkTimeoutMs);
      return true;
    } catch {
      return false;
    }
  }
}
