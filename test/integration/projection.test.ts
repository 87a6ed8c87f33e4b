import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { Changes, mergeChanges, noChanges } from '../../src/domain/organizer';
import { snapshotOf } from '../../src/domain/snapshot';
import { OrganizerRepository } from '../../src/repositories/organizer.repository';
import { day, organizerIn, sampleInputs } from '../support/organizer-states';

const merged = (...all: Changes[]): Changes => all.reduce((into, changes) => mergeChanges(into, changes), noChanges());

describe('read-model projection (PostgreSQL)', () => {
  let dataSource: DataSource;
  let organizers: OrganizerRepository;

  beforeAll(async () => {
    dataSource = await createDataSource(process.env.DATABASE_URL!).initialize();
    organizers = new OrganizerRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const count = async (table: string, organizerId: string) =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE organizer_id = $1`, [organizerId]))[0].n);

  it('applied twice, leaves one row per record', async () => {
    const organizer = organizerIn('active');
    const since = Date.parse(organizer.state.activeSince!);
    const changes = merged(
      organizer.act('record-ride-along', { date: '2026-03-01', staff: 'Jo' }),
      organizer.advance(since + 8 * day - organizer.now),
      organizer.act('submit-debrief', { ...sampleInputs['submit-debrief'], periodStart: organizer.state.activeSince! }),
    );
    const input = { organizer: snapshotOf(organizer.state), changes };
    await organizers.project(input);
    await organizers.project(input);
    const id = organizer.state.organizerId;
    expect(Number((await dataSource.query('SELECT count(*) AS n FROM organizers WHERE id = $1', [id]))[0].n)).toBe(1);
    expect(await count('ride_alongs', id)).toBe(1);
    expect(await count('debriefs', id)).toBe(1);
    expect(await count('notifications', id)).toBe(1);
    const [notification] = await dataSource.query(
      'SELECT kind, resolved_at FROM notifications WHERE organizer_id = $1',
      [id],
    );
    expect(notification.kind).toBe('debrief_overdue');
    expect(notification.resolved_at).toBeInstanceOf(Date);
  });

  it('never lets an older version overwrite a newer one', async () => {
    const organizer = organizerIn('training');
    const older = snapshotOf(organizer.state);
    organizer.act('withdraw', { reason: 'moved away' });
    const newer = snapshotOf(organizer.state);
    expect(newer.version).toBeGreaterThan(older.version);

    await organizers.project({ organizer: newer, changes: noChanges() });
    await organizers.project({ organizer: older, changes: noChanges() });
    const [row] = await dataSource.query('SELECT stage, version FROM organizers WHERE id = $1', [newer.id]);
    expect(row).toEqual({ stage: 'withdrawn', version: newer.version });
  });

  it('resolves a reminder whichever of two writes lands first: its creation alone, or its creation with its resolution', async () => {
    for (const order of ['older first', 'newer first']) {
      const organizer = organizerIn('active');
      const created = organizer.advance(Date.parse(organizer.state.periods[0].overdueAt) - organizer.now);
      const older = { organizer: snapshotOf(organizer.state), changes: created };
      const answered = organizer.act('submit-debrief', {
        ...sampleInputs['submit-debrief'],
        periodStart: organizer.state.periods[0].start,
      });
      // The newer write carries every change not yet known stored: the reminder's creation and its resolution.
      const newer = { organizer: snapshotOf(organizer.state), changes: merged(created, answered) };
      for (const projection of order === 'older first' ? [older, newer] : [newer, older])
        await organizers.project(projection);
      const rows = await dataSource.query(
        'SELECT kind, resolved_at IS NOT NULL AS resolved FROM notifications WHERE organizer_id = $1',
        [organizer.state.organizerId],
      );
      expect({ order, rows }).toEqual({ order, rows: [{ kind: 'debrief_overdue', resolved: true }] });
    }
  });

  it('lets concurrent writes of one organizer land in any order without a lost change', async () => {
    const organizer = organizerIn('training');
    // As the workflow sends them: each write carries every change not yet known stored (here, none is).
    const steps: { organizer: ReturnType<typeof snapshotOf>; changes: Changes }[] = [];
    let unstored = noChanges();
    for (const training of organizer.state.policy.requiredTrainings) {
      unstored = merged(
        unstored,
        organizer.act('record-training', { training, completedAt: '2026-02-02T18:00:00.000Z' }),
      );
      steps.push({ organizer: snapshotOf(organizer.state), changes: unstored });
    }
    await Promise.all(steps.reverse().map((step) => organizers.project(step)));
    const id = organizer.state.organizerId;
    const [row] = await dataSource.query('SELECT stage, version FROM organizers WHERE id = $1', [id]);
    expect(row).toEqual({ stage: organizer.state.stage, version: organizer.state.version });
    expect(await count('trainings', id)).toBe(organizer.state.policy.requiredTrainings.length);
  });

  it("stores a new organizer written twice at once (the API's write and the workflow's), every time", async () => {
    // Each insert passes the id check before the other commits; the second then meets the first on the
    // (program, member) index, which its ON CONFLICT (id) does not cover.
    const applicants = Array.from({ length: 40 }, () => organizerIn('applied'));
    const failures: unknown[] = [];
    await Promise.all(
      applicants.map(async (applicant) => {
        const first = { organizer: snapshotOf(applicant.state), changes: noChanges() };
        const results = await Promise.allSettled([organizers.project(first), organizers.project(first)]);
        failures.push(
          ...results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason),
        );
      }),
    );
    expect(failures).toEqual([]);
    const ids = applicants.map((a) => a.state.organizerId);
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM organizers WHERE id = ANY($1)', [ids]);
    expect(n).toBe(applicants.length);
  });
});
