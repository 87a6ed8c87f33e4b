import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { OrganizerRepository } from '../repositories/organizer.repository';
import type { ProgramBroadcast } from '../contracts/program-broadcast';
import { policyChangedSignal, termEndChangedSignal } from '../contracts/organizer-workflow';

const batchSize = 200;
const concurrency = 16;

@Injectable()
export class BroadcastActivitiesService {
  constructor(
    private readonly organizers: OrganizerRepository,
    private readonly client: Client,
  ) {}

  async signalOrganizers(change: ProgramBroadcast): Promise<{ signalled: number }> {
    const context = Context.current();
    const resumed = context.info.heartbeatDetails as { after: string; signalled: number } | undefined;
    let after = resumed?.after ?? '00000000-0000-0000-0000-000000000000';
    let signalled = resumed?.signalled ?? 0;
    for (;;) {
      const ids = await this.organizers.openOfProgram(change.programId, after, batchSize);
      if (ids.length === 0) return { signalled };
      for (let i = 0; i < ids.length; i += concurrency) {
        const chunk = ids.slice(i, i + concurrency);
        await Promise.all(chunk.map((id) => this.signal(id, change)));
        signalled += chunk.length;
        after = chunk[chunk.length - 1];
        context.heartbeat({ after, signalled });
      }
    }
  }

  private async signal(organizerId: string, change: ProgramBroadcast): Promise<void> {
    const handle = this.client.workflow.getHandle(organizerId);
    try {
      const { changedAt } = change;
      if (change.policy) await handle.signal(policyChangedSignal, { policy: change.policy, changedAt });
      if (change.termEnd !== undefined)
        await handle.signal(termEndChangedSignal, { termEnd: change.termEnd, changedAt });
    } catch (error) {
      // The organizer's process ended since the row was read: nothing left to tell.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}
