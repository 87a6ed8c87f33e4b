// The demo programs `npm start` seeds on a fresh system, through the real API and workflows.
import { Logger } from '@nestjs/common';
import { demoPrograms } from '../../dev/demo/demo-data';
import { DemoClient, demoPulse, seedDemo } from '../../dev/demo/demo-seeder';
import { adminToken, ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { eventually } from '../support/eventually';

describe('demo data', () => {
  let harness: AppHarness;

  beforeAll(async () => {
    harness = await AppHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('seeds three programs with applicants at every stage they were meant to reach, then keeps debriefs coming', async () => {
    const client = new DemoClient(harness.baseUrl, adminToken);
    const logger = new Logger('demo-test');
    const state = await seedDemo(client, logger);
    expect(state.programIds).toHaveLength(3);
    const admin = new ApiClient(harness);
    for (const [i, programId] of state.programIds.entries()) {
      const pipeline = await admin.ok('GET', `/api/dashboard/pipeline?programId=${programId}`);
      const { stages, name } = pipeline.programs[0];
      expect(name).toBe(demoPrograms[i].name);
      expect(Object.fromEntries(Object.entries(stages).filter(([, n]) => n))).toEqual(demoPrograms[i].stages);
    }
    // A demo week is 15 seconds: once the first one ends, the pulse files debriefs for the organizers who report.
    const submitted = await eventually(
      'demo debriefs',
      async () => (await demoPulse(client, state, logger)) > 0 && true,
      30_000,
    );
    expect(submitted).toBe(true);
    const activity = await admin.ok('GET', `/api/dashboard/pipeline?programId=${state.programIds[0]}`);
    expect(activity.programs[0].activity.debriefs).toBeGreaterThan(0);
  }, 60_000);
});
