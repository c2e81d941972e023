/**
 * Fault injection (issue 14): every single fault gives exactly one finding, of the expected rule,
 * at the cause, first in the output; its consequences are folded into it; the whole report is
 * locked by a golden file (`golden/<case>.txt`); and its hint, followed literally (the fix applied
 * to the files), makes the check pass, unless the case says why a person has to choose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBuiltHtml, foldConsequences } from '../../src/lib/checks/index.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { format } from '../../src/lib/report/index.ts';
import { RULES, type RuleId } from '../../src/lib/rules.ts';
import { CASES, NOT_SINGLE_FAULTS } from './cases.ts';
import { HTML_CASES } from './html-cases.ts';
import { applyFix, BASE, checkTree, fixWords, positionOf, Tree, type Checked } from './harness.ts';

const key = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`;

/** Findings of `after` that `before` does not have (as a multiset). */
function added(after: readonly Diagnostic[], before: readonly Diagnostic[]): Diagnostic[] {
  const left = new Map<string, number>();
  for (const d of before) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
  return after.filter((d) => {
    const n = left.get(key(d)) ?? 0;
    if (n === 0) return true;
    left.set(key(d), n - 1);
    return false;
  });
}

/** Errors and warnings: what fails `npm run check -- --strict`. */
const failing = (c: Checked): string[] => c.all.filter((d) => d.severity !== 'info').map(key);

let base: Checked;
const trees: Tree[] = [];
beforeAll(async () => {
  base = await checkTree(BASE);
});
afterAll(() => {
  for (const t of trees) t.dispose();
});

describe('the fault-injection base', () => {
  it('is clean: no error, no warning (one info line: an English-only article)', () => {
    expect(failing(base)).toEqual([]);
    expect(base.all.map((d) => d.rule)).toEqual(['translation/missing']);
  });
});

describe('every rule has a single fault here, or a reason', () => {
  it.each(Object.keys(RULES) as RuleId[])('%s', (rule) => {
    const covered = [...CASES, ...HTML_CASES].some((c) => c.rule === rule);
    expect(covered || NOT_SINGLE_FAULTS[rule] !== undefined, `${rule}: add a case to tests/faults/cases.ts`).toBe(true);
  });
});

describe.each(CASES)('$name', (c) => {
  it(`gives one ${c.rule} at the cause, first, with a hint that works`, async () => {
    const tree = new Tree();
    trees.push(tree);
    c.inject(tree);
    const checked = await checkTree(tree.root);
    await expect(checked.output).toMatchFileSnapshot(`golden/${c.name}.txt`);

    // Exactly one new finding, of the rule, at the cause.
    const fresh = added(checked.all, base.all);
    expect(fresh.map(key), checked.output).toHaveLength(1);
    const d = fresh[0]!;
    expect(d.rule).toBe(c.rule);
    expect({ file: d.file, line: d.line, column: d.column }).toEqual({ file: c.at.file, ...positionOf(tree.read(c.at.file), c.at.text) });
    expect(checked.all.filter((x) => x.severity === 'error')).toHaveLength(RULES[c.rule].severity === 'error' ? 1 : 0);
    // First in the output: only findings the base has (of its own severity) before it.
    const before = checked.all.slice(0, checked.all.indexOf(d));
    expect(before.every((x) => x.severity === d.severity && !fresh.includes(x))).toBe(true);
    if (d.severity !== 'info') expect(checked.all.indexOf(d)).toBe(0);
    // One finding per (file, position, rule), consequences included.
    const places = checked.all.map((x) => `${x.file}:${x.line}:${x.column} ${x.rule}`);
    expect(new Set(places).size).toBe(places.length);

    if (c.human) {
      expect(d.fix, 'a hint that needs a person has no automatic fix').toBeUndefined();
      expect(d.hint).toBeTruthy();
      return;
    }
    expect(d.fix, `${c.rule}: the hint should be automatic, or the case should say why not`).toBeDefined();
    for (const words of fixWords(d)) expect(d.hint, 'the hint says what the fix does').toContain(words);
    applyFix(tree.root, d);
    const after = await checkTree(tree.root);
    expect(failing(after), after.output).toEqual([]);
  });
});

describe.each(HTML_CASES)('$name', (c) => {
  const SITE = BASE.replace(/base\/$/, 'site/');
  it(`gives one ${c.rule} at the cause, with a hint that points at the layout`, async () => {
    const clean = await checkSite(SITE);
    expect(clean.all.map(key)).toEqual([]);
    const tree = new Tree(SITE);
    trees.push(tree);
    c.inject(tree);
    const checked = await checkSite(tree.root);
    await expect(checked.output).toMatchFileSnapshot(`golden/${c.name}.txt`);
    expect(checked.all.map(key), checked.output).toHaveLength(1);
    const d = checked.all[0]!;
    expect(d.rule).toBe(c.rule);
    expect({ file: d.file, line: d.line, column: d.column }).toEqual({ file: `dist/${c.at.file}`, ...positionOf(tree.read(c.at.file), c.at.text) });
    expect(d.fix).toBeUndefined();
    expect(d.hint).toBeTruthy();
  });
});

/** The built-HTML pass on a site folder, reported as `dist/…`. */
async function checkSite(dir: string): Promise<Checked> {
  const files = new Set(readdirRecursive(dir));
  const all = foldConsequences(checkBuiltHtml({ dir: 'dist', files, read: (path) => readFileSync(join(dir, path), 'utf8') }));
  return { all, output: format(all, 'human', { verbose: true }) };
}

function readdirRecursive(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? readdirRecursive(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}
