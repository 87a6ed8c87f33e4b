import { pendingSchemaChanges } from '../../dev/generate-migration';

describe('migrations', () => {
  it('bring a database to exactly the schema the entities describe', async () => {
    const { up } = await pendingSchemaChanges(process.env.DATABASE_URL!);
    expect(up).toEqual([]);
  });
});
