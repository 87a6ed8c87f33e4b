import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { onPath } from './temporal-cli';
import { projectRoot, StackSettings } from './settings';

const logger = new Logger('stack');
export const schemathesisRequirements = join(projectRoot, 'tools', 'schemathesis-requirements.txt');

/**
 * schemathesis (the OpenAPI fuzzer, from PyPI) in a virtual environment in the tools folder, installed once from the
 * fully pinned requirements file; the folder is named after the file's hash, so a new pin installs anew.
 * Undefined without Python 3.
 */
export function resolveSchemathesis(settings: StackSettings): string | undefined {
  const requirements = readFileSync(schemathesisRequirements);
  const dir = join(
    settings.toolsDir,
    'schemathesis',
    createHash('sha256').update(requirements).digest('hex').slice(0, 12),
  );
  const executable = join(dir, 'bin', 'schemathesis');
  const done = join(dir, '.installed');
  if (existsSync(done)) {
    logger.log(`schemathesis: ${executable} (installed earlier)`);
    return executable;
  }
  const python = onPath('python3');
  if (!python) {
    logger.warn('schemathesis: no python3 here; the API fuzz test cannot run');
    return undefined;
  }
  logger.log(`schemathesis: installing the pinned requirements into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  };
  run(python, ['-m', 'venv', dir]);
  run(join(dir, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', schemathesisRequirements]);
  writeFileSync(done, new Date().toISOString() + '\n');
  logger.log(`schemathesis: ready at ${executable}`);
  return executable;
}
