import { DataSource } from 'typeorm';
import { Mailer } from '../../src/activities/mailer';
import { ReadModelActivities } from '../../src/activities/read-model.activities';
import { loadConfig } from '../../src/config/configuration';
import { createDataSource } from '../../src/database/data-source';
import { Changes, noChanges } from '../../src/domain/organizer';
import { snapshotOf } from '../../src/domain/snapshot';
import { day, organizerIn, sampleInputs } from '../support/organizer-states';

function merged(...all: Changes[]): Changes {
  const into = noChanges();
  for (const changes of all) for (const key of Object.keys(into) as (keyof Changes)[]) (into[key] as unknown[]).push(...changes[key]);
  return into;
}

describe('read-model projection (PostgreSQL)', () => {
  let dataSource: DataSource;
  let readModels: ReadModelActivities;

  beforeAll(async () => {
    dataSource = await createDataSource(process.env.DATABASE_URL!).initialize();
    readModels = new ReadModelActivities(dataSource, new Mailer(loadConfig({ ...process.env }), dataSource));
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
    await readModels.projectOrganizer(input);
    await readModels.projectOrganizer(input);
    const id = organizer.state.organizerId;
    expect(Number((await dataSource.query('SELECT count(*) AS n FROM organizers WHERE id = $1', [id]))[0].n)).toBe(1);
    expect(await count('ride_alongs', id)).toBe(1);
    expect(await count('debriefs', id)).toBe(1);
    expect(await count('notifications', id)).toBe(1);
    const [notification] = await dataSource.query('SELECT kind, resolved_at FROM notifications WHERE organizer_id = $1', [id]);
    expect(notification.kind).toBe('debrief_overdue');
    expect(notification.resolved_at).toBeInstanceOf(Date);
  });

  it('never lets an older version overwrite a newer one', async () => {
    const organizer = organizerIn('training');
    const older = snapshotOf(organizer.state);
    organizer.act('withdraw', { reason: 'moved away' });
    const newer = snapshotOf(organizer.state);
    expect(newer.version).toBeGreaterThan(older.version);

    await readModels.projectOrganizer({ organizer: newer, changes: noChanges() });
    await readModels.projectOrganizer({ organizer: older, changes: noChanges() });
    const [row] = await dataSource.query('SELECT stage, version FROM organizers WHERE id = $1', [newer.id]);
    expect(row).toEqual({ stage: 'withdrawn', version: newer.version });
  });
});
