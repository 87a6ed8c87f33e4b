// The workflow sandbox rule as a test: workflow code (src/workflows, its contracts and the pure modules they import) may import only
// the workflow SDK, the SDK's pure common package, and each other; anything else only as `import type`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const allowedPackages = ['@temporalio/workflow', '@temporalio/common', 'temporal-polyfill'];
// Static imports and re-exports (type-only ones marked), side-effect imports, require() and dynamic import().
const importPattern =
  /^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+()['"]([^'"]+)['"]|\brequire\(\s*()['"]([^'"]+)['"]\s*\)|\bimport\(\s*()['"]([^'"]+)['"]\s*\)/gm;

function sourceOf(path: string): string {
  const file = [path + '.ts', join(path, 'index.ts')].find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`cannot resolve ${path}`);
  return file;
}

function importsOf(source: string): { specifier: string; typeOnly: boolean }[] {
  return [...source.matchAll(importPattern)].map((m) => ({
    specifier: (m[2] ?? m[4] ?? m[6] ?? m[8])!,
    typeOnly: Boolean(m[1]),
  }));
}

/** Every file the workflow bundle reaches through value imports, with each of its imports. */
function reachable(): Map<string, { specifier: string; typeOnly: boolean }[]> {
  const files = new Map<string, { specifier: string; typeOnly: boolean }[]>();
  const queue = readdirSync(join(root, 'src/workflows'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, 'src/workflows', f));
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    const imports = importsOf(readFileSync(file, 'utf8'));
    files.set(file, imports);
    for (const { specifier, typeOnly } of imports)
      if (!typeOnly && specifier.startsWith('.')) queue.push(sourceOf(resolve(dirname(file), specifier)));
  }
  return files;
}

describe('workflow sandbox', () => {
  const files = reachable();

  it('recognises every way a file can pull in a module', () => {
    const source = [
      "import { a } from 'one';",
      "import type { B } from 'two';",
      "import 'reflect-metadata';",
      "export { c } from './three';",
      "const fs = require('fs');",
      "const later = import('node:path');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: 'one', typeOnly: false },
      { specifier: 'two', typeOnly: true },
      { specifier: 'reflect-metadata', typeOnly: false },
      { specifier: './three', typeOnly: false },
      { specifier: 'fs', typeOnly: false },
      { specifier: 'node:path', typeOnly: false },
    ]);
  });

  it('reaches the workflows, their contracts and the pure domain modules, nothing else of ours', () => {
    const folders = new Set([...files.keys()].map((f) => dirname(relative(root, f))));
    expect([...folders].sort()).toEqual([
      'src/contracts',
      'src/domain',
      'src/domain/lifecycle',
      'src/domain/lifecycle/by-action',
      'src/domain/words',
      'src/workflows',
    ]);
  });

  it.each([...files.keys()].map((f) => relative(root, f)))('%s imports only what the sandbox allows', (file) => {
    const offending = files
      .get(join(root, file))!
      .filter(
        ({ specifier, typeOnly }) => !typeOnly && !specifier.startsWith('.') && !allowedPackages.includes(specifier),
      );
    expect(offending).toEqual([]);
  });
});
