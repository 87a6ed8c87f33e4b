// `node dist/health-probe.js <url>`: exits 0 when the URL answers 2xx within 4 s, else 1. The container health
// checks use it: the application image has Node but no curl or wget.
const url = process.argv[2];
if (!url) {
  process.stderr.write('usage: node dist/health-probe.js <url>\n');
  process.exit(2);
}
fetch(url, { signal: AbortSignal.timeout(4_000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  (error: Error) => {
    process.stderr.write(`${url}: ${error.message}\n`);
    process.exit(1);
  },
);
