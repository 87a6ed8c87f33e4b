import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { freePort } from '../../dev/stack/ports';
import { applicationRecordedUpdate, organizerWorkflowType } from '../../src/contracts/organizer-workflow';
import { anApplication, aPolicy } from '../support/builders';
import { eventually } from '../support/eventually';
import { AppHarness } from '../support/app-harness';

describe('the stack: API, worker, Temporal dev server and PostgreSQL', () => {
  let harness: AppHarness;

  beforeAll(async () => {
    harness = await AppHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('answers health with Temporal and PostgreSQL up, without a token', async () => {
    const response = await harness.http('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', temporal: 'up', database: 'up' });
  });

  it('answers 503 with temporal down when Temporal does not answer', async () => {
    const unreachable = await AppHarness.start(
      { TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` },
      { worker: false },
    );
    try {
      const response = await unreachable.http('GET', '/api/health');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'degraded', temporal: 'down', database: 'up' });
    } finally {
      await unreachable.stop();
    }
  });

  it('runs an organizer workflow: its first update answers with the committed row, which the workflow also stores', async () => {
    const organizerId = randomUUID();
    const programId = randomUUID();
    const application = anApplication();
    const result = await harness.temporal.workflow.executeUpdateWithStart(applicationRecordedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(organizerWorkflowType, {
        workflowId: organizerId,
        taskQueue: harness.config.temporal.taskQueue,
        workflowIdConflictPolicy: 'FAIL',
        args: [{ organizerId, programId, policy: aPolicy(), application }],
      }),
    });
    expect(result).toMatchObject({
      stage: 'applied',
      version: 1,
      projection: { organizer: { id: organizerId, stage: 'applied', version: 1 } },
    });
    expect(result.projection!.changes.transitions).toEqual([
      expect.objectContaining({ seq: 1, from: null, to: 'applied', actor: 'system' }),
    ]);
    // Nobody else writes it here: the workflow's own projection activity stores the same row.
    const rows = await eventually('the projected row', async () => {
      const found = await harness.dataSource.query('SELECT stage, version, member_id FROM organizers WHERE id = $1', [
        organizerId,
      ]);
      return found.length ? found : undefined;
    });
    expect(rows).toEqual([{ stage: 'applied', version: 1, member_id: application.memberId }]);
    const history = await harness.dataSource.query(
      'SELECT seq, from_stage, to_stage, actor FROM stage_transitions WHERE organizer_id = $1',
      [organizerId],
    );
    expect(history).toEqual([{ seq: 1, from_stage: null, to_stage: 'applied', actor: 'system' }]);
  });

  it('serves the OpenAPI document', async () => {
    const response = await harness.http('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/api/health');
  });
});
