// #9 (the peer): the same overdue reminders done the way a peer would, with pg-boss, a PostgreSQL job queue from npm:
// each reminder a delayed job due when #5's debriefs fall due (the same spread over one second), in the same
// database, worked by two pg-boss workers (batches of 100, polling every half second) that each write the reminder's
// row. Compared with #5's reminders, measured the same way: the 95th percentile's lag and the drain.
import PgBoss from 'pg-boss';
import type { BenchContext } from '../context';
import { onPostgres } from '../bench-stack';
import { log, record } from '../report';
import { progressUntil, round } from '../stats';

const queue = 'bench-overdue-reminders';

export async function peerRemindersPgBoss(context: BenchContext): Promise<void> {
  const { stack } = context;
  const ours = context.overdueBurst;
  if (!ours) throw new Error('#9 compares with #5, which must run first');
  const count = ours.count;
  await stack.pg.query(
    `CREATE TABLE IF NOT EXISTS bench_peer_reminders (
       id int PRIMARY KEY, due_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
  await stack.pg.query('TRUNCATE bench_peer_reminders');
  const boss = new PgBoss({ connectionString: stack.databaseUrl, max: 10, schema: 'pgboss' });
  boss.on('error', (error) => log(`pg-boss: ${error.message}`));
  await boss.start();
  try {
    await boss.createQueue(queue);
    const dueAt = Date.now() + 60_000;
    log(`pg-boss: scheduling ${count} delayed jobs due ${new Date(dueAt).toISOString()}…`);
    for (let from = 0; from < count; from += 1_000) {
      await boss.insert(
        Array.from({ length: Math.min(1_000, count - from) }, (_, k) => {
          const i = from + k;
          return { name: queue, data: { id: i, dueAt: dueAt + (i % 1000) }, startAfter: new Date(dueAt + (i % 1000)) };
        }),
      );
    }
    for (let w = 0; w < 2; w++) {
      await boss.work<{ id: number; dueAt: number }>(
        queue,
        { batchSize: 100, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          await stack.pg.query(
            `INSERT INTO bench_peer_reminders (id, due_at)
             SELECT * FROM unnest($1::int[], $2::timestamptz[]) ON CONFLICT DO NOTHING`,
            [jobs.map((j) => j.data.id), jobs.map((j) => new Date(j.data.dueAt))],
          );
        },
      );
    }
    const peer = await progressUntil(
      dueAt,
      count,
      async () => (await stack.pg.query('SELECT count(*)::int AS n FROM bench_peer_reminders')).rows[0].n,
      600_000,
    );
    const lag = round(ours.p95Ms / peer.p95Ms);
    const drain = round(ours.allMs / peer.allMs);
    // On the dev server (SQLite) the earlier target; on Temporal's PostgreSQL-backed server, issue 35's.
    const most = onPostgres ? 1 : 0.5;
    record({
      id: 9,
      name: `${count} overdue reminders: ours (#5) against pg-boss delayed jobs in the same database, seconds from due`,
      figures: { oursLagP95: round(ours.p95Ms / 1000, 1), oursDrain: round(ours.allMs / 1000, 1) },
      baseline: { pgBossLagP95: round(peer.p95Ms / 1000, 1), pgBossDrain: round(peer.allMs / 1000, 1) },
      ratios: { lagP95: lag, drain },
      target: `lag p95 and drain both ≤ ${most}× pg-boss`,
      met: lag <= most && drain <= most,
      note: 'pg-boss writes a row per job; ours runs each organizer’s workflow, writes its read model and the reminder',
    });
  } finally {
    await boss.stop({ graceful: false, wait: true, close: true });
  }
}
