import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergePagefindBundles } from '../../src/lib/search/merge-bundles.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A bundle as Pagefind writes it for one language (file names as Pagefind 1.6 makes them). */
function bundle(name: string, language: string, files: Record<string, string>, version = '1.6.0'): string {
  const dir = join(root, name);
  const entry = { version, languages: { [language]: { hash: `${language}_1`, wasm: null, page_count: 1 } }, include_characters: ['_'] };
  for (const [path, text] of Object.entries({ ...files, 'pagefind-entry.json': JSON.stringify(entry) })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('merging per-language Pagefind bundles', () => {
  it('joins the languages into one entry file and one folder, and removes the parts', () => {
    root = mkdtempSync(join(tmpdir(), 'kb-merge-'));
    const parts = [
      bundle('ko', 'ko', { 'pagefind.js': 'engine', 'index/ko_a.pf_index': 'k', 'pagefind.ko_1.pf_meta': 'km' }),
      bundle('en', 'en', { 'pagefind.js': 'engine', 'index/en_a.pf_index': 'e', 'fragment/en_b.pf_fragment': 'f' }),
    ];
    const out = join(root, 'out');
    mergePagefindBundles(parts, out);
    expect(readFileSync(join(out, 'pagefind-entry.json'), 'utf8')).toBe(
      '{"version":"1.6.0","languages":{"en":{"hash":"en_1","wasm":null,"page_count":1},"ko":{"hash":"ko_1","wasm":null,"page_count":1}},"include_characters":["_"]}',
    );
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(
      ['fragment', 'fragment/en_b.pf_fragment', 'index', 'index/en_a.pf_index', 'index/ko_a.pf_index', 'pagefind-entry.json', 'pagefind.js', 'pagefind.ko_1.pf_meta'],
    );
    expect(readdirSync(root).sort()).toEqual(['out']);
  });

  it('refuses bundles whose shared files or Pagefind versions differ', () => {
    root = mkdtempSync(join(tmpdir(), 'kb-merge-'));
    expect(() => mergePagefindBundles([bundle('a', 'en', { 'pagefind.js': 'one' }), bundle('b', 'ko', { 'pagefind.js': 'two' })], join(root, 'out'))).toThrow(
      /Pagefind bundles disagree on pagefind\.js/,
    );
    expect(() => mergePagefindBundles([bundle('c', 'en', {}), bundle('d', 'ko', {}, '1.7.0')], join(root, 'out2'))).toThrow(/disagree on pagefind-entry\.json/);
    expect(() => mergePagefindBundles([bundle('e', 'en', {}), bundle('f', 'en', {})], join(root, 'out3'))).toThrow(/both index the language "en"/);
  });
});
