// The integrity race: 35 organizers over every open stage, each hit by 20–50 concurrent random actions (a new seed
// each run, printed). Afterwards every read model equals what Temporal holds, no caller got a 5xx, and every 200
// body reports a state Temporal committed. RACE_SEED=<seed> replays a run.
import { ApiClient, Program } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { convergedDifferences, fire, organizersInEveryStage, raceActions, racePolicy, raceSeed, seededRandom, tally, uncommittedAnswers } from '../support/race';

describe('the integrity race', () => {
  const seed = raceSeed();
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    process.stdout.write(`[race] seed ${seed} (RACE_SEED=${seed} replays it)\n`);
    harness = await AppHarness.start({ TEMPORAL_UPDATE_TIMEOUT_MS: '60000' });
    admin = new ApiClient(harness);
    program = await admin.createProgram(racePolicy);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('leaves every read model equal to its workflow, answers no 5xx, and reports only committed states', async () => {
    const organizers = await organizersInEveryStage(admin, program, 5);
    const organizerIds = organizers.map((o) => o.id);
    const burst = raceActions(seededRandom(seed), program, organizers);
    const started = Date.now();
    const outcomes = await fire(admin, burst);
    const statuses = tally(outcomes);
    process.stdout.write(`[race] seed ${seed}: ${burst.length} actions on ${organizerIds.length} organizers in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(statuses)}\n`);

    const unexpected = outcomes.filter((o) => ![200, 409, 422].includes(o.response.status));
    expect(unexpected.map((o) => `${o.organizerId} ${o.action} → ${o.response.status} ${JSON.stringify(o.response.body)}`)).toEqual([]);
    expect(statuses[200] ?? 0).toBeGreaterThanOrEqual(burst.length / 4);
    expect(await uncommittedAnswers(harness.temporal, outcomes)).toEqual([]);
    expect(await convergedDifferences(harness, organizerIds)).toEqual([]);
  }, 300_000);
});
