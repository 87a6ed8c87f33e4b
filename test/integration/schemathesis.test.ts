// schemathesis (pinned, from PyPI) fuzzes every operation of the OpenAPI document on loopback with an admin token,
// for a bounded time: no 5xx, and no response that contradicts the documented schema.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { AppHarness } from '../support/app-harness';
import { outputDir } from '../support/histories';
import { LinkRepository } from '../../src/repositories/link.repository';

const budgetSeconds = 40;

describe('schemathesis against the OpenAPI document', () => {
  let harness: AppHarness;

  beforeAll(async () => {
    harness = await AppHarness.start({ AUTH_FAILURES_PER_MINUTE: '100000' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it(
    'finds no server error and no response outside the schema',
    async () => {
      const executable = process.env.SCHEMATHESIS_PATH;
      if (!executable) throw new Error('schemathesis was not provisioned (needs python3): see the global setup log');
      const admin = new ApiClient(harness);
      // Real ids for the path parameters, so the fuzzer reaches past 404s into the actions and their rules.
      const program = await admin.createProgram({ applicationsOpen: { from: '2026-01-01T00:00:00Z' } });
      const organizerId = (await admin.apply(program.id)).body.id;
      const user = await admin.createUser('national');
      // A working link too, so the link routes are fuzzed past 404 (its organizer is an applicant: a status link).
      const { token } = await new LinkRepository(harness.dataSource).mint({
        organizerId,
        programId: program.id,
        purpose: 'status',
        subject: null,
        lifetimeMs: 3_600_000,
        createdBy: 'system',
        supersede: false,
      });
      const dir = join(outputDir, 'schemathesis');
      mkdirSync(dir, { recursive: true });
      const config = join(dir, 'schemathesis.toml');
      writeFileSync(
        config,
        `[parameters]\nprogramId = "${program.id}"\norganizerId = "${organizerId}"\nuserId = "${user.id}"\ntoken = "${token}"\n`,
      );
      const args = [
        '--config-file',
        config,
        'run',
        `${harness.baseUrl}/api/docs-json`,
        '--header',
        `Authorization: Bearer ${admin.token}`,
        '--checks',
        'not_a_server_error,response_schema_conformance',
        '--phases',
        'examples,coverage,fuzzing',
        '--max-examples',
        '15',
        '--max-time',
        String(budgetSeconds),
        '--seed',
        '20261124',
        '--no-shrink',
        // One worker: with two, hypothesis (inside schemathesis) once crashed on a cache it shares between threads
        // (KeyError, then "AST constructor recursion depth mismatch"): a runtime error of the tool, not a finding.
        '--workers',
        '1',
        '--report',
        'junit',
        '--report-dir',
        dir,
      ];
      const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(executable, args, { env: { ...process.env, NO_COLOR: '1' } });
        let text = '';
        child.stdout.on('data', (chunk) => (text += chunk));
        child.stderr.on('data', (chunk) => (text += chunk));
        child.on('close', (exitCode) => resolve({ code: exitCode, output: text }));
      });
      writeFileSync(join(dir, 'output.txt'), output);
      const summary = /(\d+) generated, (.*)/.exec(output);
      process.stdout.write(
        `[schemathesis] ${summary ? summary[0] : 'no summary'} (seed 20261124, ${budgetSeconds} s budget)\n`,
      );
      if (code !== 0) process.stdout.write(output.slice(-6000));
      expect(code).toBe(0);
      expect(Number(summary?.[1])).toBeGreaterThan(500);
    },
    (budgetSeconds + 60) * 1000,
  );
});
