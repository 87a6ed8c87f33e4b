// Recorded histories (test/replay/histories, recorded with RECORD_HISTORIES=1) replayed against the current workflow
// code: a change that running workflows could not replay fails the build here.
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { committedHistories } from '../support/histories';
import { quietRuntime, workflowBundle } from '../support/workflow-harness';

describe('replay of recorded histories', () => {
  const histories = committedHistories();

  beforeAll(() => quietRuntime());

  it('has recorded histories to replay, including continued-as-new runs', () => {
    expect(histories.length).toBeGreaterThanOrEqual(2);
    const continued = histories.filter(
      ({ history }) => history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes,
    );
    expect(continued.length).toBeGreaterThanOrEqual(1);
  });

  it('replays every recorded history against the current workflow code', async () => {
    const results = Worker.runReplayHistories(
      { workflowBundle: await workflowBundle() },
      histories.map(({ file, history }) => ({ workflowId: file, history })),
    );
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of results) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(histories.length);
  });

  it('catches a deliberately non-deterministic change', async () => {
    const bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('./fixtures/nondeterministic.workflow'),
      logger: new DefaultLogger('WARN'),
    });
    const { history } = histories[0];
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, 'nondeterministic'),
    ).rejects.toMatchObject({ name: 'DeterminismViolationError' });
  });
});
