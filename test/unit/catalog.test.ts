// The catalog owns the words: no sentence a person reads about a rule, a reminder, an action or a form is written
// outside it (src/domain/words/en.ts). That every key the code names exists, TypeScript checks (`WordKey`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { en } from '../../src/domain/words/en';

const root = resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** Where the words people read about rules, reminders, actions and forms are put together. */
const owned = [
  'src/domain',
  'src/mail',
  'src/words',
  'src/api/inbox',
  'src/api/stages',
  'src/api/links',
  'src/api/auth',
  'src/api/public',
];
/** The members' pages: every word on them comes from the API, in the member's language. */
const memberPages = ['src/web/public.tsx'];
/** What a page's markup says to a reader (the rest of its attributes are for the browser). */
const readerAttributes = new Set(['label', 'hint', 'title', 'alt', 'placeholder', 'aria-label']);
/** The catalogs, one per language. */
const catalogs = ['src/domain/words/en.ts', 'src/domain/words/es.ts'];

/**
 * Text that is not for people reading the product: errors and refusals (API clients name the field; the languages
 * issue translates those a member meets), the API's own descriptions and examples for client developers, log lines.
 */
const notForReaders = new Set(['message', 'reason', 'description', 'example', 'operationId']);
// `limit`: what a rate limit is for, which goes only into its 429's message.
const calledNotForReaders =
  /^(Error|\w+Error|\w+Exception|log|warn|error|debug|limit|Operation|ApiProperty\w*|Api\w+)$/;
/**
 * A program's own names (its trainings, rubric, counts), which it writes and edits as data; and what the record's
 * history keeps of a change when it happened (a stage's reason, an application's eligibility): written once, as
 * records are, not put into words on each reading.
 */
const programData = new Set(['requiredTrainings', 'rolePlayRubric', 'debriefMetrics', 'workKinds', 'metric', 'staff']);
/** Made-up people and records the walk to active plays with (the demo, tests, a rehearsal): no one reads them. */
const sampleData = ['src/domain/hiring-walk.ts'];
const historyWriters = new Set(['move', 'enter']);
const writtenIntoHistoryOrRefusals = new Set(['problemAsRecorded', 'missingFor']);

/** SQL and markup read as words too. */
const code = (text: string) =>
  /^\s*\(*\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CASE)\b/i.test(text) || text.startsWith('<');
/** Prose: two words of letters or more, the way a sentence or a label reads. */
const prose = (text: string) => /[A-Za-z]{2,}[,;:]? +[A-Za-z]{2,}/.test(text) && !code(text);

function sentencesIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const exempt = (node: ts.Node): boolean => {
    for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
      const property = ts.isPropertyAssignment(at) ? at.name.getText(source).replace(/['"]/g, '') : '';
      if (notForReaders.has(property) || programData.has(property)) return true;
      if (ts.isCallExpression(at) && historyWriters.has(calleeName(at.expression))) return true;
      if (ts.isFunctionDeclaration(at) && writtenIntoHistoryOrRefusals.has(at.name?.text ?? '')) return true;
      if ((ts.isCallExpression(at) || ts.isNewExpression(at)) && calledNotForReaders.test(calleeName(at.expression)))
        return true;
      if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at) || ts.isTypeNode(at)) return true;
      if (ts.isJsxAttribute(at) && !readerAttributes.has(at.name.getText(source))) return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (prose(node.text)) found.push(`${relative(root, file)}:${line(node)}: ${node.text.trim()}`);
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const words = ts.isTemplateExpression(node)
        ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … ')
        : node.text;
      if (prose(words) && !exempt(node)) found.push(`${relative(root, file)}:${line(node)}: ${words}`);
      return;
    }
    ts.forEachChild(node, visit);
  };
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  visit(source);
  return found;
}

function calleeName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return '';
}

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );

/**
 * The keys no code names: not quoted whole (a plural form by its base), not under a prefix a template fills in
 * (`stage.${stage}`), not in a section read whole (`en.page`).
 */
function unusedKeys(keys: string[], code: string): string[] {
  const quoted = new Set([...code.matchAll(/['"`]([\w.-]+)['"`]/g)].map((m) => m[1]));
  const prefixes = [
    ...[...code.matchAll(/`([\w.-]*[._])\$\{/g)].map((m) => m[1]),
    ...[...code.matchAll(/\ben\.(\w+)\b/g)].map((m) => `${m[1]}.`),
  ];
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
  return keys.filter(
    (key) => !quoted.has(key) && !quoted.has(base(key)) && !prefixes.some((prefix) => key.startsWith(prefix)),
  );
}

function allSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return allSources(path);
    return /\.tsx?$/.test(name) && name !== 'api-types.ts' ? [path] : [];
  });
}

describe('the catalog of words', () => {
  const files = owned
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .filter((file) => !catalogs.includes(relative(root, file)) && !sampleData.includes(relative(root, file)))
    .concat(memberPages.map((page) => join(root, page)));

  it('checks the files where rules, reminders, actions and forms are put into words', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('finds a sentence written beside the catalog, and lets errors and history be', () => {
    const planted = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'planted.tsx');
    writeFileSync(
      planted,
      [
        "const subject = `Your ${'weekly'} debrief is overdue`;",
        "const title = 'Debrief due';",
        "throw new Error('no such period');",
        "const refusal = { code: 'invalid', message: 'the period is over' };",
        "move(state, 'active', actor, 'term ended', now, changes);",
        'const page = <p class="muted small">You can close this page.</p>;',
      ].join('\n'),
    );
    expect(sentencesIn(planted).map((found) => found.replace(/^.*planted\.tsx:/, ''))).toEqual([
      '1: Your  …  debrief is overdue',
      '2: Debrief due',
      '6: You can close this page.',
    ]);
  });

  it('has no key the code never names', () => {
    const code = allSources(join(root, 'src'))
      .filter((file) => !catalogs.includes(relative(root, file)))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const keys = leaves(en as unknown as Tree);
    expect(keys.length).toBeGreaterThan(300);
    expect(unusedKeys([...keys, 'planted.nowhere'], code)).toEqual(['planted.nowhere']);
  });

  it('has every sentence people read about them, none written beside it', () => {
    expect(files.flatMap(sentencesIn)).toEqual([]);
  });
});
