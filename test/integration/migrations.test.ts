import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { pendingSchemaChanges } from '../../dev/generate-migration';
import { organizerIdFor } from '../../src/contracts/ids';
import { dataSourceOptions, runMigrations } from '../../src/database/data-source';
import { migrations } from '../../src/database/migrations';
import { PrivacyFixes1796200000000 } from '../../src/database/migrations/1796200000000-PrivacyFixes';
import { openStages } from '../../src/domain/stages';
import { openRemindersSql } from '../../src/repositories/organizer.repository';
import { scratchDatabase } from '../support/scratch-database';
import { weeklyRollupDrift } from '../support/weekly-rollups';
import { WeeklyTrends1797800000000 } from '../../src/database/migrations/1797800000000-WeeklyTrends';

/** A scratch database migrated up to (not including) `migration`, filled by `fill` as the schema was then. */
async function schemaBefore(
  url: string,
  migration: (typeof migrations)[number],
  fill: (before: DataSource) => Promise<void>,
) {
  const before = new DataSource({
    ...dataSourceOptions(url),
    migrations: migrations.slice(0, migrations.indexOf(migration)),
  });
  try {
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    await fill(before);
  } finally {
    await before.destroy();
  }
}

describe('migrations', () => {
  it('bring a database to exactly the schema the entities describe', async () => {
    const { up } = await pendingSchemaChanges(process.env.DATABASE_URL!);
    expect(up).toEqual([]);
  });

  it("clean what was stored before issue 24's fixes: strangers in group sessions, erased members' accounts in the audit", async () => {
    const db = await scratchDatabase({ migrated: false });
    const [programA, programB, member, stranger, account, keptAccount] = Array.from({ length: 6 }, () => randomUUID());
    // Erased before erasure moved records: still under the id the member id gives.
    const erased = organizerIdFor(programA, 'M-ERASED');
    await schemaBefore(db.url, PrivacyFixes1796200000000, async (before) => {
      const organizer = (id: string, programId: string, erasedAt: string | null) =>
        before.query(
          `INSERT INTO organizers (id, program_id, member_id, name, email, stage, stage_entered_at, applied_at, totals,
             version, projected_at, erased_at)
           VALUES ($1, $2, $3, 'Someone', 'someone@example.org', 'applied', now(), now(), '{}', 1, now(), $4)`,
          [id, programId, `M-${id.slice(0, 6)}`, erasedAt],
        );
      await organizer(member, programA, null);
      await organizer(stranger, programB, null);
      await organizer(erased, programA, new Date().toISOString());
      await before.query(
        `INSERT INTO stage_transitions (organizer_id, seq, to_stage, at, actor) VALUES ($1, 1, 'applied', now(), 'x')`,
        [erased],
      );
      await before.query(
        `INSERT INTO notifications (id, organizer_id, program_id, kind, recipient_role, created_at, summary)
         VALUES ($1::text || ':stage_stalled:applied', $1::uuid, $2, 'stage_stalled', 'coordinator', now(), 'stalled')`,
        [erased, programA],
      );
      await before.query(
        `INSERT INTO weekly_reports (program_id, week_start, week_end, submitted, missing, totals, created_at)
         VALUES ($1, now(), now(), '[]', $2, '{}', now())`,
        [
          programA,
          JSON.stringify([
            { organizerId: member, name: 'A' },
            { organizerId: erased, name: 'Erased member' },
          ]),
        ],
      );
      const session = randomUUID();
      await before.query(
        `INSERT INTO group_sessions (id, program_id, kind, at, created_by, created_at) VALUES ($1, $2, 'screening', now(), 'x', now())`,
        [session, programA],
      );
      for (const organizerId of [member, stranger, randomUUID()])
        await before.query('INSERT INTO group_session_members (session_id, organizer_id) VALUES ($1, $2)', [
          session,
          organizerId,
        ]);
      for (const [id, organizerId] of [
        [account, erased],
        [keptAccount, member],
      ])
        await before.query(
          `INSERT INTO users (id, email, name, role, program_ids, organizer_id, token_hash, created_at)
           VALUES ($1, $2, 'Ana Quarry', 'organizer', '{}', $3, $4, now())`,
          [id, `${id}@example.org`, organizerId, id.replaceAll('-', '')],
        );
      for (const subject of [account, keptAccount])
        await before.query(
          `INSERT INTO audit_entries (id, at, actor, kind, subject, after) VALUES ($1, now(), 'admin', 'user-created', $2, $3)`,
          [randomUUID(), subject, JSON.stringify({ name: 'Ana Quarry', email: `${subject}@example.org` })],
        );
    });
    try {
      await runMigrations(db.url);
      const after = await new DataSource(dataSourceOptions(db.url)).initialize();
      try {
        const members = await after.query('SELECT organizer_id FROM group_session_members');
        expect(members).toHaveLength(1);
        const audit = await after.query('SELECT subject, after FROM audit_entries ORDER BY after IS NULL');
        expect(audit.map((a: { after: unknown }) => a.after === null)).toEqual([false, true]);
        // The erased record, its history, reminders and report line moved together to a random (version 4) id.
        expect(await after.query('SELECT id FROM organizers WHERE id = $1', [erased])).toEqual([]);
        const [moved] = await after.query('SELECT id, member_id FROM organizers WHERE erased_at IS NOT NULL');
        expect(moved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
        expect(moved.member_id).toBe(`ERASED-${moved.id.slice(0, 8)}`);
        expect(await after.query('SELECT organizer_id FROM stage_transitions')).toEqual([{ organizer_id: moved.id }]);
        expect(await after.query('SELECT id, organizer_id FROM notifications')).toEqual([
          { id: `${moved.id}:stage_stalled:applied`, organizer_id: moved.id },
        ]);
        const [report] = await after.query('SELECT submitted, missing FROM weekly_reports');
        expect(report).toEqual({
          submitted: [],
          missing: [
            { organizerId: member, name: 'A' },
            { organizerId: moved.id, name: 'Erased member' },
          ],
        });
      } finally {
        await after.destroy();
      }
    } finally {
      await db.drop();
    }
  });

  it("fill the weekly rollups from the records already there, by each program's own weeks", async () => {
    const db = await scratchDatabase({ migrated: false });
    const [weekly, fast, ana, ben] = Array.from({ length: 4 }, () => randomUUID());
    await schemaBefore(db.url, WeeklyTrends1797800000000, async (before) => {
      for (const [id, every] of [
        [weekly, '7 days'],
        [fast, '10 minutes'],
      ])
        await before.query(
          `INSERT INTO programs (id, name, affiliate, kind, timezone, term_start, policy)
           VALUES ($1, 'P', 'A', 'member_organizer', 'America/Chicago', now(), $2)`,
          [id, JSON.stringify({ debriefEvery: every })],
        );
      for (const [id, programId] of [
        [ana, weekly],
        [ben, fast],
      ]) {
        await before.query(
          `INSERT INTO organizers (id, program_id, member_id, name, email, local, stage, stage_entered_at, applied_at, hired_at,
             at_risk, pending_debrief_periods, totals, version, projected_at)
           VALUES ($1, $2, $3, 'Someone', 's@example.org', 'Local 7', 'training', now(), now() - interval '20 days', now(),
             true, $4, '{}', 1, now())`,
          [id, programId, `M-${id.slice(0, 6)}`, JSON.stringify([{ end: new Date().toISOString(), overdue: true }])],
        );
        await before.query(
          `INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor)
           VALUES ($1, 1, NULL, 'applied', now() - interval '20 days', 'x'), ($1, 2, 'applied', 'training', now(), 'x')`,
          [id],
        );
        await before.query(
          `INSERT INTO debriefs (organizer_id, period_start, program_id, period_end, submitted_at, submitted_by, late, hours,
             conversations, one_on_ones, leaders_identified, in_person, group_debrief)
           VALUES ($1, now() - interval '14 days', $2, now() - interval '7 days', now(), 'x', true, 6, 7, 1, 1, false, false)`,
          [id, programId],
        );
        await before.query(
          `INSERT INTO ride_alongs (organizer_id, key, date, staff, recorded_by) VALUES ($1, '2026-11-03|jo', '2026-11-03', 'Jo', 'x')`,
          [id],
        );
      }
    });
    try {
      await runMigrations(db.url);
      const after = await new DataSource(dataSourceOptions(db.url)).initialize();
      try {
        for (const programId of [weekly, fast]) {
          expect(await weeklyRollupDrift(after, programId)).toEqual([]);
          const [kept] = await after.query(
            `SELECT sum(applications)::int AS applications, sum(debriefs_late)::int AS late, sum(ride_alongs)::int AS rides,
               sum(at_risk_change)::int AS at_risk FROM program_weeks WHERE program_id = $1`,
            [programId],
          );
          expect(kept).toEqual({ applications: 1, late: 1, rides: 1, at_risk: 1 });
        }
        const weeks = await after.query('SELECT DISTINCT week FROM program_weeks WHERE program_id = $1', [weekly]);
        expect(weeks.every(({ week }: { week: string }) => /^\d{4}-\d{2}-\d{2}$/.test(week))).toBe(true);
        const [{ period_week_ms }] = await after.query('SELECT period_week_ms FROM programs WHERE id = $1', [fast]);
        expect(period_week_ms).toBe(600_000);
      } finally {
        await after.destroy();
      }
    } finally {
      await db.drop();
    }
  });

  it("undo the weeks' eras by counting a program's weeks again by the rule before them", async () => {
    const db = await scratchDatabase();
    const dataSource = await new DataSource({ ...dataSourceOptions(db.url), migrations }).initialize();
    try {
      const program = randomUUID();
      await dataSource.query(
        `INSERT INTO programs (id, name, affiliate, kind, timezone, term_start, policy, period_week_ms, created_at, weeks_since)
         VALUES ($1, 'P', 'A', 'member_organizer', 'UTC', now(), '{}', 600000, now() - interval '1 hour', now() - interval '1 hour')`,
        [program],
      );
      // Ten-minute weeks for half an hour, then twenty-minute ones: an era.
      await dataSource.query(`UPDATE programs SET period_week_ms = 1200000 WHERE id = $1`, [program]);
      const organizer = randomUUID();
      await dataSource.query(
        `INSERT INTO organizers (id, program_id, member_id, name, email, stage, stage_entered_at, applied_at, totals, version, projected_at)
         VALUES ($1, $2, 'M-1', 'Someone', 's@example.org', 'applied', now() - interval '25 minutes', now() - interval '25 minutes', '{}', 1, now())`,
        [organizer, program],
      );
      await dataSource.query(
        `INSERT INTO stage_transitions (organizer_id, seq, from_stage, to_stage, at, actor)
         VALUES ($1, 1, NULL, 'applied', now() - interval '25 minutes', 'x')`,
        [organizer],
      );
      // A time zone names calendar weeks only: debrief periods keep their schedule.
      await dataSource.query(`UPDATE programs SET timezone = 'Asia/Tokyo' WHERE id = $1`, [program]);
      const [{ eras }] = await dataSource.query(
        'SELECT count(*)::int AS eras FROM program_week_eras WHERE program_id = $1',
        [program],
      );
      expect(eras).toBe(1);
      expect(await weeklyRollupDrift(dataSource, program)).toEqual([]);
      // Every migration since, then the eras'.
      const erasMigration = migrations.findIndex((migration) => migration.name === 'ProgramWeekEras1798100000000');
      for (let undone = migrations.length; undone > erasMigration; undone--)
        await dataSource.undoLastMigration({ transaction: 'each' });
      expect(
        await dataSource.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'program_week_eras'`),
      ).toEqual([]);
      expect(await weeklyRollupDrift(dataSource, program)).toEqual([]);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await weeklyRollupDrift(dataSource, program)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });

  it("reads Today's open reminders through the partial index, not every reminder the program had", async () => {
    const db = await scratchDatabase();
    const dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
    try {
      const programId = randomUUID();
      await dataSource.query(
        `INSERT INTO organizers (id, program_id, member_id, name, email, stage, stage_entered_at, applied_at, totals,
           version, projected_at)
         SELECT gen_random_uuid(), $1, 'M-' || i, 'Someone', 'someone@example.org', 'active', now(), now(), '{}', 1, now()
           FROM generate_series(1, 500) i`,
        [programId],
      );
      // A year of weekly reminders for 500 organizers, all resolved but the last week's.
      await dataSource.query(
        `INSERT INTO notifications (id, organizer_id, program_id, kind, recipient_role, created_at, summary, resolved_at)
         SELECT o.id || ':debrief_overdue:' || w, o.id, $1, 'debrief_overdue', 'organizer', now() - w * interval '7 days',
                'overdue', CASE WHEN w > 0 THEN now() END
           FROM organizers o, generate_series(0, 51) w WHERE o.program_id = $1`,
        [programId],
      );
      await dataSource.query('ANALYZE notifications');
      await dataSource.query('ANALYZE organizers');
      const plan: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN ${openRemindersSql}`, [
        [programId],
        ['debrief_overdue', 'escalated'],
        [...openStages],
      ]);
      const text = plan.map((line) => line['QUERY PLAN']).join('\n');
      expect(text).toContain('IDX_notifications_open_by_program');
      expect(text).not.toMatch(/Seq Scan on notifications/);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
