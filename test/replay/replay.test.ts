// Recorded histories (test/replay/histories, recorded with RECORD_HISTORIES=1) replayed against the current workflow
// code: a change that running workflows could not replay fails the build here.
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { committedHistories, type Manifest, manifestFile, manifestOf } from '../support/histories';
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

  it('says which path of the workflow and which patches recorded each history (manifest.json)', () => {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    expect(manifest).toEqual(manifestOf(histories));
    // Both paths stay covered while both are in the code.
    expect(new Set(Object.values(manifest).map((h) => h.path))).toEqual(new Set(['v1', 'v2']));
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
