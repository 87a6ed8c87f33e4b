import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { openStages } from '../domain/stages';
import type { ProgramBroadcast } from '../contracts/program-broadcast';
import { policyChangedSignal, termEndChangedSignal } from '../contracts/organizer-workflow';

const batchSize = 200;
const concurrency = 16;

@Injectable()
export class BroadcastActivitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly client: Client,
  ) {}

  async signalOrganizers(change: ProgramBroadcast): Promise<{ signalled: number }> {
    const context = Context.current();
    const resumed = context.info.heartbeatDetails as { after: string; signalled: number } | undefined;
    let after = resumed?.after ?? '00000000-0000-0000-0000-000000000000';
    let signalled = resumed?.signalled ?? 0;
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        'SELECT id FROM organizers WHERE program_id = $1 AND stage = ANY ($2) AND id > $3 ORDER BY id LIMIT $4',
        [change.programId, [...openStages], after, batchSize],
      );
      if (rows.length === 0) return { signalled };
      for (let i = 0; i < rows.length; i += concurrency) {
        const chunk = rows.slice(i, i + concurrency);
        await Promise.all(chunk.map((row) => this.signal(row.id, change)));
        signalled += chunk.length;
        after = chunk[chunk.length - 1].id;
        context.heartbeat({ after, signalled });
      }
    }
  }

  private async signal(organizerId: string, change: ProgramBroadcast): Promise<void> {
    const handle = this.client.workflow.getHandle(organizerId);
    try {
      const { changedAt } = change;
      if (change.policy) await handle.signal(policyChangedSignal, { policy: change.policy, changedAt });
      if (change.termEnd !== undefined) await handle.signal(termEndChangedSignal, { termEnd: change.termEnd, changedAt });
    } catch (error) {
      // The organizer's process ended since the row was read: nothing left to tell.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}
