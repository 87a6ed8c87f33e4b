// Part of `npm run build`: removes compiled files whose source is gone (a module renamed or moved into a folder).
// tsc never deletes output, and a stale `dist/domain/lifecycle.js` beside a new `dist/domain/lifecycle/` is what
// Node and the workflow bundler resolve first. dist/web (rebuilt whole) and the workflow bundle are left alone.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** The source a compiled file came from: dist/tools/<path> from <path>, the rest of dist/<path> from src/<path>. */
function sourceOf(file) {
  const path = relative(dist, file)
    .replace(/\.js(\.map)?$/, '')
    .replace(/\.d\.ts$/, '');
  const base = path.startsWith(`tools/`) ? join(root, path.slice('tools/'.length)) : join(root, 'src', path);
  return [`${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}.js`];
}

let removed = 0;
function prune(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(dist, 'web')) prune(path);
      continue;
    }
    if (!/\.(js|js\.map|d\.ts)$/.test(entry.name) || path === join(dist, 'workflow-bundle.js')) continue;
    if (!sourceOf(path).some(existsSync)) {
      rmSync(path);
      removed += 1;
    }
  }
}

if (existsSync(dist)) prune(dist);
if (removed) process.stdout.write(`[build] removed ${removed} compiled files whose source is gone\n`);
