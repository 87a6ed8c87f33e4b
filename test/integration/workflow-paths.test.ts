// Which path of the organizer workflow the open runs take, counted from Temporal's visibility: the first path is
// retired from this count, not from a guess.
import { randomUUID } from 'node:crypto';
import { organizerWorkflowType, type OrganizerWorkflowInput } from '../../src/contracts/organizer-workflow';
import { organizerPathKey, programIdKey } from '../../src/contracts/search-attributes';
import { openRunsByPath } from '../../src/temporal/organizer-paths';
import { ManagedProcess } from '../../dev/stack/managed-process';
import { productScript } from '../../dev/stack/settings';
import { AppHarness, startAppWithProgram } from '../support/app-harness';
import { ApiClient, Program } from '../support/api-client';
import { anApplication, aCoordinator } from '../support/builders';
import { eventually } from '../support/eventually';

describe('open runs by workflow path', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram({}));
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('marks every run it starts, and a run started without the mark marks itself', async () => {
    await admin.apply(program.id);
    await admin.apply(program.id);
    // A run started as one was before the mark existed (only its program id): it says its path once it runs.
    const organizerId = randomUUID();
    const input: OrganizerWorkflowInput = {
      organizerId,
      programId: program.id,
      policy: program.policy as OrganizerWorkflowInput['policy'],
      application: anApplication({ memberId: `M-PATH-${organizerId.slice(0, 6)}` }),
      appliedBy: aCoordinator,
      timezone: program.timezone,
      termStart: '2026-01-05T06:00:00.000Z',
    };
    const handle = await harness.temporal.workflow.start(organizerWorkflowType, {
      workflowId: organizerId,
      taskQueue: harness.config.temporal.taskQueue,
      typedSearchAttributes: [{ key: programIdKey, value: program.id }],
      args: [input],
    });
    await eventually('the unmarked run marks itself', async () => {
      const described = await handle.describe();
      return described.typedSearchAttributes.get(organizerPathKey) === 'v2';
    });
    await eventually('visibility counts all three on the current path', async () => {
      const counted = await openRunsByPath(harness.temporal, program.id);
      return counted.current === 3 && counted.unmarked === 0;
    });

    const command = new ManagedProcess({
      name: 'workflow-paths',
      command: process.execPath,
      args: [productScript('workflow-paths.js'), '--program', program.id],
      env: { ...process.env, NODE_ENV: 'test' },
    });
    expect(await command.exited).toBe(0);
    expect(command.recent.join('\n')).toContain(
      'open organizer runs: 3 on the current path (organizer.workflow.ts); 0 unmarked',
    );
    expect(command.recent.join('\n')).toContain('The first path can be retired');
  }, 60_000);
});
