// Builds the web page into dist/web: the Preact application bundled by esbuild (src/web/main.tsx → app.js, src/web/public.tsx
// → public.js, with their source maps), the two HTML pages that load them (written here, from one head), and the page's
// static files as they are. Part of `npm run build`; type-checking is tsc's job (src/web/tsconfig.json), esbuild only
// strips the types.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'web');
const out = join(root, 'dist', 'web');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const file of ['styles.css', 'phone.css', 'favicon.svg']) cpSync(join(source, file), join(out, file));
// uPlot's own style sheet, which its charts need to lay out their layers (the rehearsal's chart in Settings).
cpSync(join(root, 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), join(out, 'uplot.css'));

// Two pages: the coordinators' application, and the small page behind emailed links and the public form. They share
// their head; each has its own style sheet, script, and what its body holds before the script runs.
/** One page's HTML. */
const page = ({ meta = [], stylesheets, script, body }) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
${meta.map((line) => `    ${line}\n`).join('')}    <title>Organizer Pipeline</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
${stylesheets.map((sheet) => `    <link rel="stylesheet" href="/${sheet}" />\n`).join('')}
    <script type="module" src="/${script}"></script>
  </head>
  <body>
${body.map((line) => `    ${line}\n`).join('')}  </body>
</html>
`;
writeFileSync(
  join(out, 'index.html'),
  page({
    stylesheets: ['uplot.css', 'styles.css'],
    script: 'app.js',
    body: ['<div id="app"></div>', '<p id="status" class="visually-hidden" role="status" aria-live="polite"></p>'],
  }),
);
// A link's secret is in the public page's address: it is never sent on as a referrer.
writeFileSync(
  join(out, 'public.html'),
  page({
    meta: ['<meta name="referrer" content="no-referrer" />'],
    stylesheets: ['phone.css'],
    script: 'public.js',
    body: [
      '<div id="app"><p>Loading…</p></div>',
      '<noscript><p>This page needs JavaScript to send your answer.</p></noscript>',
    ],
  }),
);
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
