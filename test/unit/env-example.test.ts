// .env.example lists every variable the configuration code reads, and nothing it does not: read from the code itself,
// so a new setting without its line (or a line left after its setting went) fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Where settings are read: the product's configuration, npm start's stack, and the test scripts' shell defaults. */
const sources = [
  ...readdirSync(join(root, 'src/config')).map((file) => `src/config/${file}`),
  'dev/stack/settings.ts',
  'dev/stack/start-all.ts',
  ...readdirSync(join(root, 'scripts'))
    .filter((file) => file.endsWith('.sh'))
    .map((file) => `scripts/${file}`),
];

/** Read by @temporalio/envconfig on the product's behalf (src/config/configuration.ts passes it the environment). */
const temporalEnvConfig = [
  'TEMPORAL_ADDRESS',
  'TEMPORAL_API_KEY',
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_PROFILE',
  'TEMPORAL_CONFIG_FILE',
];

function namesReadByTheCode(): Set<string> {
  const names = new Set(temporalEnvConfig);
  const patterns = [
    /\benv\.([A-Z][A-Z0-9_]*)/g, // env.PORT, process.env.DEMO
    /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g, // integer(env, 'INTEREST_PER_MINUTE', …)
    /\$\{([A-Z][A-Z0-9_]*):-/g, // ${CHROMIUM_PATH:-/usr/bin/chromium}
  ];
  for (const source of sources)
    for (const pattern of patterns) for (const [, name] of read(source).matchAll(pattern)) names.add(name);
  return names;
}

function namesInTheExample(): string[] {
  return [...read('.env.example').matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map(([, name]) => name);
}

describe('.env.example', () => {
  it('lists every variable the code reads, once, and no other', () => {
    const listed = namesInTheExample();
    expect(listed.length).toBeGreaterThan(40);
    expect(listed.filter((name, i) => listed.indexOf(name) !== i)).toEqual([]);
    expect([...listed].sort()).toEqual([...namesReadByTheCode()].sort());
  });

  it('says what each one means on the line before it (related lines share one explanation)', () => {
    const lines = read('.env.example').split('\n');
    const entry = /^# [A-Z][A-Z0-9_]*=/;
    const unexplained = lines.filter(
      (line, i) => entry.test(line) && !entry.test(lines[i - 1]) && !/^# [^#\s]/.test(lines[i - 1] ?? ''),
    );
    expect(unexplained).toEqual([]);
  });
});
