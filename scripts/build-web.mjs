// Builds the web page into dist/web: the Preact application bundled by esbuild (src/web/main.tsx → app.js, src/web/public.tsx
// → public.js, with their source maps), and the page's static files as they are. Part of `npm run build`; type-checking is tsc's job
// (src/web/tsconfig.json), esbuild only strips the types.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'web');
const out = join(root, 'dist', 'web');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const file of ['index.html', 'public.html', 'styles.css', 'phone.css', 'favicon.svg'])
  cpSync(join(source, file), join(out, file));
// Two pages: the coordinators' application, and the small page behind emailed links and the public form.
await build({
  entryPoints: { app: join(source, 'main.tsx'), public: join(source, 'public.tsx') },
  outdir: out,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
