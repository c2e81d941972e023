/**
 * The fuzz test of the hardening issue: seeded mutations of our own fixtures, and inputs nested or
 * repeated far past what a person writes, through the MDX parser (with the front matter), the data
 * files (YAML), the locale JSON and the importer. Whatever the input, nothing throws, and every
 * finding is a diagnostic with a file, a line and a column inside the input, of a known rule.
 *
 * Bounded by counts, never by time: the same seed gives the same inputs on every machine, and a
 * failure names the seed, the case and its input, so it can be repeated. `FUZZ_CASES=<n>` runs more
 * cases per target (nightly, or while hunting).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/lib/bench/prng.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { IMPORT_RULES } from '../../src/lib/importer/rules.ts';
import { planImport } from '../../src/lib/importer/importer.ts';
import { RULES } from '../../src/lib/rules.ts';
import { check, type Fixture } from '../checks/helpers.ts';
import { tempDir } from '../importer/helpers.ts';
import { PROJECT_ROOT } from './helpers.ts';

const CASES = Number(process.env['FUZZ_CASES'] ?? 60);
const SEED = 0x6b62_0019;

/** Fragments that mean something to one of the parsers, and characters that often break code. */
const TOKENS = [
  '<', '>', '{', '}', '[', ']', '(', ')', '*', '**', '_', '`', '```', '~~~', '#', '## ', '---', '\n', '\n\n', '\r\n', '\t', ' ', '\\', '|', '- ', '1. ', '> ',
  '<Callout type="note">', '</Callout>', '<CloudOnly clouds="global">', '</CloudOnly>', '<CloudFact name="x" />', '<br />', '<script>', '</script>', '<img onerror="x" />',
  '{/* #id */}', '{/* note */}', '[^1]', '[^1]: ', '[a](b.mdx#c)', '![a](/media/x.png)', '](', 'javascript:', '<!--', '-->', '&amp;', '&#0;', '\u0000', '\uFEFF', '\u200B', '\uD800', '\uDC00', '😀', '한', '中', '\u202E',
  ': ', '"', "'", '&a', '*a', '!!js/function', '!!binary', '? ', ',', 'null', 'true', '1e999', '-', '~', '%YAML 1.2\n', '<<: *a',
  '::: zone', '[!NOTE]', '> [!TIP]', '<a name="x"></a>', ':::image', '[!INCLUDE[x](y.md)]', '<xref:a>', 'ms.openlocfilehash: ', '<div class="x">', '</div>',
];

/** One mutated copy of `text`: 1 to 8 insertions, deletions, duplications or replacements. */
function mutate(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let out = text;
  const steps = 1 + Math.floor(next() * 8);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(next() * (out.length + 1));
    const span = Math.floor(next() * 40);
    switch (Math.floor(next() * 4)) {
      case 0:
        out = out.slice(0, at) + pick(TOKENS) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + span);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at, at + span).repeat(1 + Math.floor(next() * 50)) + out.slice(at);
        break;
      default:
        out = out.slice(0, at) + pick(TOKENS).repeat(1 + Math.floor(next() * 200)) + out.slice(at + span);
    }
  }
  return out;
}

/** Inputs nested or repeated far past what anyone writes: each a function of the depth. */
const DEEP_MARKDOWN: Record<string, (n: number) => string> = {
  quotes: (n) => `${'>'.repeat(n)} quoted\n`,
  lists: (n) => `${'- '.repeat(n)}item\n`,
  callouts: (n) => '<Callout type="note">\n'.repeat(n) + 'x\n' + '</Callout>\n'.repeat(n),
  emphasis: (n) => `${'*'.repeat(n)}x${'*'.repeat(n)}\n`,
  // Brackets and braces are capped at 1,000: micromark's time grows faster than the text for them
  // (30,000 nested braces take minutes; SECURITY.md, known limits), which is not what this tests.
  links: (n) => `${'['.repeat(Math.min(n, 1_000))}x${'](y)'.repeat(Math.min(n, 1_000))}\n`,
  braces: (n) => `${'{'.repeat(Math.min(n, 1_000))}${'}'.repeat(Math.min(n, 1_000))}\n`,
  elements: (n) => `${'<b>'.repeat(n)}x${'</b>'.repeat(n)}\n`,
  paragraphs: (n) => 'a\n\n'.repeat(n),
  inline: (n) => '`a` '.repeat(n) + '\n',
};
const DEEP_YAML: Record<string, (n: number) => string> = {
  flow: (n) => `${'['.repeat(n)}${']'.repeat(n)}`,
  maps: (n) => `${'{a: '.repeat(n)}x${'}'.repeat(n)}`,
  // Indented lines grow with the square of the depth: 500 levels are 250,000 characters.
  block: (n) => Array.from({ length: Math.min(n, 500) }, (_, i) => `${'  '.repeat(i)}a:`).join('\n') + ' x',
  aliases: (n) => `&a [x]\nb: ${Array.from({ length: Math.min(n, 1_000) }, () => '*a').join(' ')}`,
  anchors: (n) => Array.from({ length: Math.min(n, 2000) }, (_, i) => `a${i}: &a${i} [${i ? `*a${i - 1}, *a${i - 1}` : 'x'}]`).join('\n'),
};
const DEEP_JSON: Record<string, (n: number) => string> = {
  objects: (n) => `${'{"a":'.repeat(n)}"x"${'}'.repeat(n)}`,
  arrays: (n) => `{"a":${'['.repeat(n)}${']'.repeat(n)}}`,
  unclosed: (n) => `{"a":${'{"b":'.repeat(n)}`,
  keys: (n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":"v"`).join(',')}}`,
};
const DEPTHS = [150, 3_000, 30_000];

/** Every finding is a diagnostic of a known rule at a line and column inside `texts`. */
function expectDiagnostics(found: readonly Diagnostic[], texts: Record<string, string>, rules: Record<string, unknown>, label: string): void {
  for (const d of found) {
    const where = `${label}: ${d.file}:${d.line}:${d.column} ${d.rule} ${d.message.slice(0, 200)}`;
    expect(Object.hasOwn(rules, d.rule), where).toBe(true);
    expect(typeof d.file === 'string' && d.file.length > 0, where).toBe(true);
    expect(Number.isInteger(d.line) && d.line >= 1, where).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, where).toBe(true);
    const text = texts[d.file];
    if (text !== undefined) expect(d.line, where).toBeLessThanOrEqual(text.split('\n').length + 1);
    for (const c of d.consequences ?? []) expectDiagnostics([c], texts, rules, label);
  }
}

/** Runs `run` and names the input when it throws (a crash is the one outcome that is never right). */
function noCrash<T>(label: string, input: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const shown = input.length > 300 ? `${JSON.stringify(input.slice(0, 300))}… (${input.length} characters)` : JSON.stringify(input);
    throw new Error(`${label} crashed on ${shown}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

const FAULTS_BASE = join(PROJECT_ROOT, 'tests/faults/base');
const read = (path: string): string => readFileSync(join(FAULTS_BASE, path), 'utf8');
const ARTICLES = ['content/en/billing.mdx', 'content/en/escalate.mdx', 'content/en/release-notes.mdx'];
const DATA = { navigation: 'content/navigation.yaml', cloudFacts: 'content/cloud-facts.yaml', terminology: 'content/terminology.yaml', redirects: 'content/redirects.yaml' } as const;
const FRONT = '---\ntitle: Fuzz\nclouds: [global, usgov, germany, china]\n---\n\n';

/** The fault fixture's content, as the model reads it, with `change` applied. */
function base(change: Partial<Fixture> = {}): Fixture {
  const files = Object.fromEntries(ARTICLES.map((p) => [p, read(p)]));
  const data = Object.fromEntries(Object.entries(DATA).map(([k, p]) => [k, read(p)]));
  return { ...data, ...change, files: { ...files, ...change.files } };
}

function textsOf(fixture: Fixture): Record<string, string> {
  const texts: Record<string, string> = { ...fixture.files };
  for (const [key, path] of Object.entries(DATA)) {
    const text = fixture[key as keyof typeof DATA];
    if (text !== undefined) texts[path] = text;
  }
  return texts;
}

function checkFixture(label: string, input: string, fixture: Fixture, ui?: { path: string; text: string }): void {
  const found = noCrash(label, input, () => check(fixture, ui ? { ui: { sources: [], locales: [ui] } } : {}));
  expectDiagnostics(found, { ...textsOf(fixture), ...(ui ? { [ui.path]: ui.text } : {}) }, RULES, label);
}

describe('fuzz: articles (MDX and front matter)', () => {
  it(`${CASES} mutated articles and ${CASES} mutated front matters never crash the model or the checks`, () => {
    const next = mulberry32(SEED);
    for (let i = 0; i < CASES; i++) {
      const path = ARTICLES[i % ARTICLES.length]!;
      const text = mutate(read(path), next);
      checkFixture(`article case ${i} (seed ${SEED})`, text, base({ files: { [path]: text } }));
      const [front = '', body = ''] = read(path).split(/(?<=\n---\n)/);
      const edited = mutate(front, next) + body;
      checkFixture(`front matter case ${i} (seed ${SEED})`, edited, base({ files: { [path]: edited } }));
    }
  }, 300_000);

  it.each(Object.entries(DEEP_MARKDOWN))('%s nested or repeated thousands of times', (name, make) => {
    for (const n of DEPTHS) {
      const text = FRONT + make(n);
      checkFixture(`deep ${name} × ${n}`, text, base({ files: { 'content/en/fuzz.mdx': text } }));
      const front = `---\ntitle: ${DEEP_YAML.flow!(n)}\nclouds: [global]\n---\n\nText.\n`;
      checkFixture(`front matter nested × ${n}`, front, base({ files: { 'content/en/fuzz.mdx': front } }));
    }
  }, 300_000);
});

describe('fuzz: data files (YAML)', () => {
  it(`${CASES} mutated data files never crash the model or the checks`, () => {
    const next = mulberry32(SEED + 1);
    const keys = Object.keys(DATA) as (keyof typeof DATA)[];
    for (let i = 0; i < CASES; i++) {
      const key = keys[i % keys.length]!;
      const text = mutate(read(DATA[key]), next);
      checkFixture(`${DATA[key]} case ${i} (seed ${SEED + 1})`, text, base({ [key]: text }));
    }
  }, 300_000);

  it.each(Object.entries(DEEP_YAML))('%s nested or repeated thousands of times', (name, make) => {
    for (const n of DEPTHS) {
      for (const key of Object.keys(DATA) as (keyof typeof DATA)[]) {
        const text = `sections: ${make(n)}\n`;
        checkFixture(`${DATA[key]} deep ${name} × ${n}`, text, base({ [key]: key === 'navigation' ? text : make(n) }));
      }
    }
  }, 300_000);
});

describe('fuzz: locale JSON', () => {
  const PATH = 'locales/ko/ui.json';
  const english = readFileSync(join(FAULTS_BASE, 'locales/en/ui.json'), 'utf8');

  it(`${CASES} mutated locale files never crash the UI-string check`, () => {
    const next = mulberry32(SEED + 2);
    for (let i = 0; i < CASES; i++) {
      const text = mutate(english, next);
      checkFixture(`${PATH} case ${i} (seed ${SEED + 2})`, text, base(), { path: PATH, text });
    }
  }, 300_000);

  it.each(Object.entries(DEEP_JSON))('%s nested or repeated thousands of times', (name, make) => {
    for (const n of DEPTHS) {
      const text = make(n);
      checkFixture(`${PATH} deep ${name} × ${n}`, text, base(), { path: PATH, text });
    }
  }, 300_000);
});

describe('fuzz: the importer', () => {
  const FIXTURES = join(PROJECT_ROOT, 'tests/importer/fixtures');
  const inputs = ['constructs.txt', 'applies-to-other.txt'].map((name) => ({ file: name, text: readFileSync(join(FIXTURES, name), 'utf8') }));

  /** Plans an import into an empty folder; every finding must be a diagnostic at the input. */
  function planFuzz(label: string, file: string, text: string): void {
    const plan = noCrash(label, text, () => planImport([{ file, text }], { contentDir: tempDir() }));
    expectDiagnostics(plan.diagnostics, { [file]: text }, { ...RULES, ...IMPORT_RULES }, label);
  }

  it(`${CASES} mutated DocFX files never crash the import plan`, () => {
    const next = mulberry32(SEED + 3);
    for (let i = 0; i < CASES; i++) {
      const input = inputs[i % inputs.length]!;
      planFuzz(`import case ${i} (seed ${SEED + 3})`, input.file, mutate(input.text, next));
    }
  }, 300_000);

  it.each(Object.entries(DEEP_MARKDOWN))('%s nested or repeated thousands of times', (name, make) => {
    const [front] = inputs[0]!.text.split(/(?<=\n---\n)/);
    // Past the limit, the depth changes nothing but the time: the importer takes two. (Its time
    // grows faster than the text for 10,000s of paragraphs: SECURITY.md, known limits.)
    for (const n of DEPTHS.slice(0, 2)) {
      planFuzz(`import deep ${name} × ${n}`, 'deep.md', `${front}\n${make(n)}`);
    }
  }, 300_000);
});
