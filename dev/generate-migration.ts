// `npm run migration:generate -- <Name>`: writes a migration with the SQL that brings a database at the latest
// migration to the entities' schema. Uses DATABASE_URL, or a throwaway embedded PostgreSQL.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { freePort } from './stack/ports';
import { startEmbeddedPostgres } from './stack/postgres';
import { projectRoot } from './stack/settings';
import { createDataSource } from '../src/database/data-source';

const logger = new Logger('migrations');

/** The SQL that would bring the database at `url` (with every migration applied) to the entities' schema. */
export async function pendingSchemaChanges(url: string): Promise<{ up: string[]; down: string[] }> {
  const dataSource = await createDataSource(url).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const log = await dataSource.driver.createSchemaBuilder().log();
    return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query).reverse() };
  } finally {
    await dataSource.destroy();
  }
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const quote = (q: string) => '`' + q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

function writeIndex(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => /^\d+-\w+\.ts$/.test(f))
    .sort();
  const names = files.map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1'));
  const imports = files.map((f, i) => `import { ${names[i]} } from './${f.replace(/\.ts$/, '')}';`).join('\n');
  writeFileSync(
    join(dir, 'index.ts'),
    `${imports}\n\n/** Every migration, oldest first. */\nexport const migrations = [${names.join(', ')}];\n`,
  );
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name))
    throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
  let url = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  let scratch: string | undefined;
  if (!url) {
    scratch = mkdtempSync(join(tmpdir(), 'op-migrate-'));
    const postgres = await startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), port: await freePort(), fast: true });
    url = postgres.url;
    stop = () => postgres.process.stop();
  }
  try {
    const { up, down } = await pendingSchemaChanges(url);
    if (up.length === 0) {
      logger.log('the migrations already match the entities: nothing to generate');
      return;
    }
    const timestamp = Date.now();
    const dir = join(projectRoot, 'src', 'database', 'migrations');
    writeFileSync(join(dir, `${timestamp}-${name}.ts`), migrationSource(`${name}${timestamp}`, up, down));
    writeIndex(dir);
    logger.log(`wrote src/database/migrations/${timestamp}-${name}.ts (${up.length} statements)`);
  } finally {
    await stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
