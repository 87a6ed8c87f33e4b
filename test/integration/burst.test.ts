// 200 concurrent actions over 50 organizers: no 5xx, and every accepted transition is in the history exactly once
// (each organizer's history numbers run 1, 2, 3… with no gap and no repeat).
import { ApiClient, Program } from '../support/api-client';
import { soon } from '../../dev/hiring-walk';
import { AppHarness, startAppWithProgram } from '../support/app-harness';

describe('a burst of actions', () => {
  let harness: AppHarness;
  let admin: ApiClient;
  let program: Program;

  beforeAll(async () => {
    ({ harness, admin, program } = await startAppWithProgram({}, { TEMPORAL_UPDATE_TIMEOUT_MS: '60000' }));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('loses and duplicates no transition under 200 concurrent actions', async () => {
    const organizers: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      organizers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async () => (await admin.apply(program.id)).body.id as string),
        )),
      );
    }
    // Four actions at once on every organizer: two that move it on, two that race to close it, in a shuffled order.
    const actions: [string, unknown][] = [
      ['schedule-screening', { at: soon(), location: 'hall' }],
      ['record-screening', { attended: true, advance: true }],
      ['reject', { reason: 'burst' }],
      ['withdraw', { reason: 'burst' }],
    ];
    const requests = organizers.flatMap((id, i) =>
      actions.map(([action, body], j) => ({ id, action, body, order: (i * 7 + j * 13) % 200 })),
    );
    requests.sort((a, b) => a.order - b.order);
    const started = Date.now();
    const responses = await Promise.all(
      requests.map(async (r) => ({ ...r, response: await admin.act(r.id, r.action, r.body) })),
    );
    const seconds = (Date.now() - started) / 1000;

    const statuses = responses.reduce<Record<number, number>>(
      (tally, r) => ({ ...tally, [r.response.status]: (tally[r.response.status] ?? 0) + 1 }),
      {},
    );
    process.stdout.write(
      `[burst] ${responses.length} concurrent actions in ${seconds.toFixed(1)} s: ${JSON.stringify(statuses)}\n`,
    );
    expect(responses).toHaveLength(200);
    expect(Object.keys(statuses).filter((s) => Number(s) >= 500)).toEqual([]);
    expect(Object.keys(statuses).map(Number).sort()).toEqual(expect.arrayContaining([200]));
    for (const r of responses) expect([200, 409]).toContain(r.response.status);

    for (const id of organizers) {
      const history: { seq: number }[] = await harness.dataSource.query(
        'SELECT seq FROM stage_transitions WHERE organizer_id = $1 ORDER BY seq',
        [id],
      );
      const accepted = responses.filter((r) => r.id === id && r.response.status === 200).length;
      // 1 (applied) + one row per accepted action, numbered without gaps or repeats.
      expect(history.map((h) => h.seq)).toEqual(Array.from({ length: accepted + 1 }, (_, k) => k + 1));
      const [row] = await harness.dataSource.query('SELECT stage, version FROM organizers WHERE id = $1', [id]);
      const state = await harness.temporal.workflow
        .getHandle(id)
        .query<{ stage: string; version: number }>('organizerState');
      expect({ stage: row.stage, version: row.version }).toEqual({ stage: state.stage, version: state.version });
    }
  }, 120_000);
});
