import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Logger } from '@nestjs/common';
import { pinned, StackSettings } from './settings';

const logger = new Logger('stack');

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` on PATH. */
export function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Where the pinned CLI is built; its version is part of the path, so a new pin builds anew. */
export function builtCliPath(settings: StackSettings): string {
  return join(settings.toolsDir, 'temporal-cli', pinned.temporalCli.version, 'temporal');
}

/**
 * The Temporal CLI to run the dev server with: TEMPORAL_CLI, else `temporal` on PATH, else the pinned version built
 * from its Go module into the tools folder (once; later runs reuse it). Undefined when none can be had, in which case
 * the caller falls back to the SDK's own download.
 */
export function resolveTemporalCli(settings: StackSettings): string | undefined {
  if (settings.temporalCli) {
    if (!executable(settings.temporalCli))
      throw new Error(`TEMPORAL_CLI=${settings.temporalCli} is not an executable file`);
    logger.log(`Temporal CLI: ${settings.temporalCli} (TEMPORAL_CLI)`);
    return settings.temporalCli;
  }
  const fromPath = onPath('temporal');
  if (fromPath) {
    logger.log(`Temporal CLI: ${fromPath} (on PATH)`);
    return fromPath;
  }
  const built = builtCliPath(settings);
  if (existsSync(built)) {
    logger.log(`Temporal CLI: ${built} (built earlier)`);
    return built;
  }
  const go = onPath('go');
  if (!go) {
    logger.warn('Temporal CLI: not on PATH and no `go` to build it; falling back to the SDK download (needs internet)');
    return undefined;
  }
  const { module, version } = pinned.temporalCli;
  logger.log(`Temporal CLI: building ${module}@${version} with ${go} into ${built} (first run only; a few minutes)`);
  mkdirSync(join(built, '..'), { recursive: true });
  // Build into a private folder and rename, so an interrupted or concurrent build never leaves a half-written binary.
  const scratch = mkdtempSync(join(built, '..', 'build-'));
  try {
    const result = spawnSync(go, ['install', `${module}@${version}`], {
      env: {
        ...process.env,
        GOBIN: scratch,
        GOFLAGS: [process.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' '),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`go install ${module}@${version} failed (exit ${result.status})`);
    renameSync(join(scratch, 'temporal'), built);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  logger.log(`Temporal CLI: built ${built}`);
  return built;
}
