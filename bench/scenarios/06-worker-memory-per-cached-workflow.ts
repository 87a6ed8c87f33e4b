// #6: worker memory per cached workflow, against a trivial workflow's.
import { ValueError } from '@temporalio/common';
import { mergePolicy, policyPresets } from '../../src/domain/policy';
import { activeOrganizerState, startFromStates } from '../bench-organizers';
import { rssOf } from '../bench-stack';
import type { BenchContext } from '../context';
import { record } from '../report';
import { round, sleep, timed } from '../stats';

export async function workerMemoryPerCachedWorkflow({ stack, program, queue }: BenchContext): Promise<void> {
  const cached = 2_000;
  const memoryQueue = `${queue}-memory`;
  const { process: worker } = await stack.startWorker(memoryQueue, {
    WORKER_MAX_CACHED_WORKFLOWS: String(cached + 100),
  });
  const { process: baselineWorker } = await stack.startBaselineWorker(`${memoryQueue}-baseline`, cached + 100);
  await sleep(2_000);
  const policy = mergePolicy(policyPresets.member_organizer, {});
  const now = Date.now();
  const before = rssOf(worker.pid!);
  const states = Array.from({ length: cached }, (_, i) =>
    activeOrganizerState(program.id, policy, now + 30 * 86_400_000, now, 200_000 + i),
  );
  const ids = await startFromStates(stack.client, memoryQueue, states, 40);
  // A query holds each workflow in the worker's cache. Its answer is encrypted, and the bench's client has no keys:
  // the worker has done its part once it answered, so that one failure to read the answer is expected.
  await timed(ids.length, 20, (i) =>
    stack.client.workflow
      .getHandle(ids[i])
      .query('organizerState')
      .catch((error: unknown) => {
        if (!(error instanceof ValueError && error.message.includes('binary/encrypted'))) throw error;
      }),
  );
  await sleep(3_000);
  const after = rssOf(worker.pid!);
  const baselineBefore = rssOf(baselineWorker.pid!);
  let startedIdle = 0;
  await Promise.all(
    Array.from({ length: 40 }, async () => {
      for (let i = startedIdle++; i < cached; i = startedIdle++) {
        await stack.client.workflow.start('idleWorkflow', {
          taskQueue: `${memoryQueue}-baseline`,
          workflowId: `${memoryQueue}-idle-${i}`,
        });
      }
    }),
  );
  await timed(cached, 20, (i) => stack.client.workflow.getHandle(`${memoryQueue}-idle-${i}`).query('ping'));
  await sleep(3_000);
  const baselineAfter = rssOf(baselineWorker.pid!);
  const perOrganizer = (after - before) / cached / 1024;
  const perIdle = (baselineAfter - baselineBefore) / cached / 1024;
  const ratio = round(perOrganizer / perIdle);
  record({
    id: 6,
    name: `worker memory per cached workflow, KB (RSS delta / ${cached} cached)`,
    figures: { organizerKb: round(perOrganizer, 1) },
    baseline: { trivialKb: round(perIdle, 1) },
    ratios: { memory: ratio },
    target: '≤ 1.1× a trivial workflow',
    met: ratio <= 1.1,
  });
}
