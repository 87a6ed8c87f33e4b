import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { projectRoot, StackSettings } from './settings';
import { onPath } from './temporal-cli';

const logger = new Logger('stack');
const source = join(projectRoot, 'tools', 'compose-check');

/**
 * tools/compose-check (the Compose Specification's own loader, compose-go, pinned in its go.mod) built into the tools
 * folder, once per version of its source: a second run finds it at once.
 */
export function resolveComposeCheck(settings: StackSettings): string {
  const hash = createHash('sha256');
  for (const file of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(source, file)));
  const built = join(settings.toolsDir, 'compose-check', hash.digest('hex').slice(0, 12), 'compose-check');
  if (existsSync(built)) return built;
  const go = onPath('go');
  if (!go) throw new Error('compose-check needs Go to be built (go is not on PATH)');
  logger.log(`compose-check: building ${source} into ${built} (first run only)`);
  mkdirSync(join(built, '..'), { recursive: true });
  const scratch = mkdtempSync(join(built, '..', 'build-'));
  try {
    const result = spawnSync(go, ['build', '-o', join(scratch, 'compose-check'), '.'], {
      cwd: source,
      env: {
        ...process.env,
        GOTOOLCHAIN: 'local',
        GOFLAGS: [process.env.GOFLAGS, '-buildvcs=false', '-mod=readonly'].filter(Boolean).join(' '),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`go build of ${source} failed (exit ${result.status})`);
    renameSync(join(scratch, 'compose-check'), built);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return built;
}
