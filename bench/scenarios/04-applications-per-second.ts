// #4: applications through the API per second, against raw workflow starts.
import { anApplicationFor } from '../../dev/hiring-walk';
import type { BenchContext } from '../context';
import { record } from '../report';
import { forSeconds, round } from '../stats';
import { describeCpu, perItem, withCpu } from '../cpu';

export async function applicationsPerSecond({ stack, api, program, baselineQueue }: BenchContext): Promise<void> {
  const seconds = 15;
  let applied = 0;
  let member = 0;
  const ours = await withCpu(stack, () =>
    forSeconds(10, seconds, async () => {
      const n = member++;
      await api.call(api.adminToken, 'POST', `/api/programs/${program.id}/applications`, anApplicationFor(`R-${n}`));
      applied += 1;
    }),
  );
  let started = 0;
  const raw = await withCpu(stack, () =>
    forSeconds(10, seconds, () =>
      stack.client.workflow.start('idleWorkflow', {
        taskQueue: baselineQueue,
        workflowId: `${baselineQueue}-start-${started++}`,
      }),
    ),
  );
  const figures = { perSecond: round(applied / seconds, 1) };
  const baseline = { rawStartsPerSecond: round(started / seconds, 1) };
  const ratio = round(figures.perSecond / baseline.rawStartsPerSecond);
  record({
    id: 4,
    name: 'applications through the API per second (10 clients)',
    figures,
    baseline,
    ratios: { throughput: ratio },
    target: '≥ 0.8× raw workflow starts',
    met: ratio >= 0.8,
    note: `CPU ms per application ${perItem(ours.total, applied)} (${describeCpu(ours.cpu)} s in all), per raw start ${perItem(raw.total, started)} (${describeCpu(raw.cpu)} s)`,
  });
  await stack.pg.query(`UPDATE organizers SET stage = 'withdrawn' WHERE member_id LIKE 'R-%'`); // keep them out of later counts
}
