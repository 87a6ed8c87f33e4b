// `npm run dev`'s watcher: a burst of changes makes one build and one restart, a change during a build makes one more
// build after it, and a failed build restarts nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchSources } from '../../dev/stack/watch-sources';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the source watcher of npm run dev', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'watch-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds once for a burst of changes, then restarts', async () => {
    const calls: string[] = [];
    const watcher = watchSources(
      dir,
      async () => {
        calls.push('build');
        return 0;
      },
      async () => {
        calls.push('restart');
      },
      50,
    );
    try {
      for (let i = 0; i < 5; i++) writeFileSync(join(dir, `file-${i}.ts`), `export const x = ${i};`);
      await settle(400);
      expect(calls).toEqual(['build', 'restart']);
    } finally {
      watcher.close();
    }
  });

  it('builds again after a build that a change interrupted, and restarts nothing when a build fails', async () => {
    const calls: string[] = [];
    let codes = [1, 0];
    const watcher = watchSources(
      dir,
      async () => {
        calls.push('build');
        // A change while the first build runs.
        if (calls.length === 1) writeFileSync(join(dir, 'during.ts'), 'export {};');
        await settle(150);
        const [code, ...rest] = codes;
        codes = rest;
        return code;
      },
      async () => {
        calls.push('restart');
      },
      50,
    );
    try {
      writeFileSync(join(dir, 'first.ts'), 'export {};');
      await settle(800);
      expect(calls).toEqual(['build', 'build', 'restart']);
    } finally {
      watcher.close();
    }
  });
});
