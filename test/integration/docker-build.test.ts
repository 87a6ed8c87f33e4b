// The image cannot be built here (no Docker engine), so its build stage is played the way Docker would: a scratch
// folder holding only what the Dockerfile's COPY lines bring in, then its RUN lines in order. A file the build needs
// that the Dockerfile forgets to copy (as scripts/prune-dist.mjs once was) fails here as it would in `docker build`.
// `npm ci` is checked without writing (the lockfile and package.json it is given must agree) and the packages are the
// test run's own, linked: installing 700 packages again would load the machine under the suites running beside it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../dev/stack/settings';

interface Step {
  kind: 'COPY' | 'RUN';
  args: string;
}

/** The instructions of the Dockerfile's first stage (the build), continuation lines joined. */
function buildStage(dockerfile: string): Step[] {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = instructions.reduce<string[][]>((all, line) => {
    if (/^FROM\s/i.test(line)) all.push([]);
    else all[all.length - 1]?.push(line);
    return all;
  }, []);
  return stages[0]
    .map((line) => /^(COPY|RUN)\s+(.*)$/i.exec(line))
    .filter((match): match is RegExpExecArray => !!match)
    .map((match) => ({ kind: match[1].toUpperCase() as Step['kind'], args: match[2] }));
}

/** COPY <sources…> <destination>, as the build context's files into the scratch folder. */
function copy(args: string, context: string, workdir: string): void {
  const parts = args.split(/\s+/).filter((part) => !part.startsWith('--'));
  const destination = parts.pop()!;
  const target = join(workdir, destination);
  for (const source of parts) {
    const from = join(context, source);
    if (!existsSync(from)) throw new Error(`COPY ${source}: not in the build context`);
    const intoFolder = destination.endsWith('/') || parts.length > 1;
    if (intoFolder) mkdirSync(target, { recursive: true });
    const name = source.split('/').pop()!;
    cpSync(from, intoFolder && statSync(from).isFile() ? join(target, name) : target, { recursive: true });
  }
}

describe("the image's build stage", () => {
  const workdir = mkdtempSync(join(tmpdir(), 'image-build-'));

  afterAll(() => rmSync(workdir, { recursive: true, force: true }));

  it('builds from only the files the Dockerfile copies', () => {
    const steps = buildStage(readFileSync(join(projectRoot, 'Dockerfile'), 'utf8'));
    expect(steps.filter((s) => s.kind === 'RUN').map((s) => s.args)).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run build && npm prune --omit=dev',
    ]);
    for (const step of steps) {
      if (step.kind === 'COPY') {
        copy(step.args, projectRoot, workdir);
        continue;
      }
      const command = step.args.startsWith('npm ci')
        ? `${step.args} --dry-run --offline && ln -s ${join(projectRoot, 'node_modules')} node_modules`
        : step.args.replace('npm prune --omit=dev', 'npm prune --omit=dev --dry-run');
      const run = spawnSync('bash', ['-c', command], {
        cwd: workdir,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
        timeout: 400_000,
      });
      if (run.status !== 0) throw new Error(`RUN ${step.args} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    for (const built of ['main.js', 'worker.js', 'workflow-bundle.js', 'database/migrate.js', 'web/app.js'])
      expect(existsSync(join(workdir, 'dist', built))).toBe(true);
  }, 600_000);
});
