/**
 * Property tests with a seeded PRNG: malformed MDX, front matter and i18n JSON become diagnostics,
 * never exceptions. A failing seed is printed so the case can be replayed.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/lib/bench/prng.ts';
import { runChecks } from '../../src/lib/checks/index.ts';
import { buildModel } from '../../src/lib/model/build.ts';
import { mdx } from './helpers.ts';

const prng = mulberry32;

const PIECES = ['{', '}', '<', '>', '</Callout>', '<Callout type="note">', '{/* #x */}', '[a](', ')', '](b.mdx#', '---\n', '\n', '## ', ':', '"', "'", '\\', '`', '```\n', '|', '- ', 'import x from "y"\n', 'export const a = 1\n', '<script>', 'javascript:', '&', '{...p}', 'é', '한국어', '\u0000', '\r\n', '  ', 'title: x\n', 'clouds: [', ']'];

function mutate(text: string, random: () => number, edits: number): string {
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const r = random();
    if (r < 0.5) out = out.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + out.slice(at);
    else if (r < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 5));
    else out = out.slice(0, at) + out.slice(at).split('').reverse().join('').slice(0, 3) + out.slice(at);
  }
  return out;
}

const base = mdx({ title: 'Billing', clouds: ['global', 'china'], extra: 'translation:\n  sourceHash: aaaaaaaaaaaaaaaa\n  method: machine', body: '## Disputes {/* #disputes */}\n\nSee [x](other.mdx#y) and <Callout type="note">n</Callout>.\n\n| a | b |\n|---|---|\n| 1<br />2 | 3 |\n' });
const json = '{\n  "nav": { "title": "Guide {{name}}" },\n  "list": ["a", 1],\n  "n": null\n}\n';

describe('malformed input never throws', () => {
  it('MDX and front matter (300 seeded mutations)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = prng(seed);
      const en = mutate(base.replace(/translation:[\s\S]*?machine\n/, ''), random, 1 + Math.floor(random() * 6));
      const ko = mutate(base, random, 1 + Math.floor(random() * 6));
      try {
        const input = { articles: [{ path: 'content/en/billing.mdx', text: en }, { path: 'content/ko/billing.mdx', text: ko }, { path: 'content/en/other.mdx', text: mutate(base, random, 2) }] };
        const { kb, diagnostics } = buildModel(input);
        const all = runChecks(kb, { modelDiagnostics: diagnostics, sources: { articles: input.articles } });
        for (const d of all) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).stack}\n--- en ---\n${en}\n--- ko ---\n${ko}`);
      }
    }
  });

  it('i18n JSON (500 seeded mutations): each broken file is one i18n/syntax diagnostic', () => {
    const { kb } = buildModel({ articles: [] });
    for (let seed = 1; seed <= 500; seed++) {
      const random = prng(seed);
      const text = mutate(json, random, 1 + Math.floor(random() * 4));
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      let d;
      try {
        d = runChecks(kb, { ui: { sources: [{ path: 'src/a.ts', text: "t('nav.title')" }], locales: [{ path: 'locales/en/ui.json', text }] } });
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}\n${text}`);
      }
      const syntax = d.filter((x) => x.rule === 'i18n/syntax' && x.message.startsWith('This file is not valid JSON'));
      // Our reader agrees with JSON.parse on what is JSON.
      expect({ seed, broken: syntax.length === 1 }).toEqual({ seed, broken: !valid });
    }
  });
});
