// Updates keep arriving while the workflow continues as new: none is lost, none applied twice.
import { OrganizerRepository } from '../../src/repositories/organizer.repository';
import { localDay } from '../../dev/hiring-walk';
import { AppHarness } from '../support/app-harness';
import { aFastPolicy } from '../support/builders';
import { runChain } from '../support/histories';
import { applyDirectly, driveToActive } from '../support/organizer-flow';

describe('continue-as-new under a stream of updates (dev server)', () => {
  let harness: AppHarness;

  beforeAll(async () => {
    harness = await AppHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('loses no update across several continue-as-new boundaries', async () => {
    const policy = aFastPolicy({ debriefEvery: '1 second', debriefGrace: '1 second', escalateAfter: '1 second' });
    const repository = new OrganizerRepository(harness.dataSource);
    const organizer = await applyDirectly(
      harness.temporal,
      harness.config.temporal.taskQueue,
      policy,
      { periodsPerRun: 2 },
      (p) => repository.project(p),
    );
    await driveToActive(organizer, policy);
    const firstRunId = (await harness.temporal.workflow.getHandle(organizer.organizerId).describe()).runId;

    const total = 40;
    const results: string[] = [];
    const started = Date.now();
    const lanes = Array.from({ length: 4 }, async (_, lane) => {
      for (let i = lane; i < total; i += 4) {
        await organizer.act('record-ride-along', { date: localDay(), staff: `Staff ${i}` });
        results.push(`ok ${i}`);
        await new Promise((r) => setTimeout(r, 600)); // spread over several 2-second runs
      }
    });
    await Promise.all(lanes);
    expect(results).toHaveLength(total);
    const elapsed = Date.now() - started;

    const [{ n }] = await harness.dataSource.query(
      'SELECT count(*)::int AS n FROM ride_alongs WHERE organizer_id = $1',
      [organizer.organizerId],
    );
    expect(n).toBe(total + policy.initialRideAlongs);
    const [{ ride_along_count: counted }] = await harness.dataSource.query(
      'SELECT ride_along_count FROM organizers WHERE id = $1',
      [organizer.organizerId],
    );
    expect(counted).toBe(total + policy.initialRideAlongs);
    const runs = await runChain(harness.temporal, organizer.organizerId, firstRunId);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    process.stdout.write(`[continue-as-new] ${total} updates in ${elapsed} ms across ${runs.length} runs\n`);
  }, 60_000);
});
