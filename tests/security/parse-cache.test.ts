/**
 * Item 3 of the hardening issue: a poisoned parse cache (CI restores the folder) never puts script
 * in a page. Entries are keyed on the parser's fingerprint and used only when they verify; and
 * whatever an entry holds, the renderer's allow-list decides what reaches the page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey, createParseCache, decodeEntry, encodeEntry, parseEntry, parserFingerprint, PARSER_VERSION } from '../../src/lib/model/parse-cache.ts';
import { FRONT_MATTER, renderPage } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const cacheFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-cache-'));
  dirs.push(dir);
  return dir;
};

const BODY = 'Harmless text.\n';
const TEXT = FRONT_MATTER + BODY;
const SCRIPT = { type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'window.kbPwned=1' }] };

/** The entry of TEXT with a script element added to its body tree, as JSON. */
function poisonedJson(): string {
  const entry = parseEntry(TEXT);
  if (!entry.ok) throw new Error('fixture does not parse');
  (entry.parsed.hast.children as unknown[]).push(SCRIPT);
  return JSON.stringify(entry);
}

describe('a poisoned parse cache', () => {
  it('an entry edited on disk is not used: the text is parsed again and the entry rewritten', () => {
    const dir = cacheFolder();
    createParseCache({ dir }).parse(TEXT);
    const file = join(dir, `${cacheKey(TEXT)}.json`);
    const stored = readFileSync(file, 'utf8');
    // The reproduction: a script element added to the cached tree.
    writeFileSync(file, stored.replace('"children":[', `"children":[${JSON.stringify(SCRIPT)},`));
    const cache = createParseCache({ dir });
    expect(JSON.stringify(cache.parse(TEXT).hast)).not.toContain('script');
    expect(cache.stats).toMatchObject({ disk: 0, parsed: 1 });
    expect(readFileSync(file, 'utf8')).toBe(stored);
  });

  it('an entry that verifies but carries a script still renders no script', () => {
    const dir = cacheFolder();
    writeFileSync(join(dir, `${cacheKey(TEXT)}.json`), encodeEntry(cacheKey(TEXT), poisonedJson()));
    const cache = createParseCache({ dir });
    expect(JSON.stringify(cache.parse(TEXT).hast)).toContain('script');
    expect(cache.stats.disk).toBe(1);
    const html = renderPage(BODY, { parse: cache.parse });
    expect(html).toBe('<p>Harmless text.</p>');
  });
});

describe('entries verify', () => {
  const key = cacheKey(TEXT);
  const json = JSON.stringify(parseEntry(TEXT));

  it('by key, digest and shape', () => {
    expect(decodeEntry(key, encodeEntry(key, json))).toEqual(JSON.parse(json));
    // Another text's entry under this name, a changed digest or JSON, no header.
    expect(decodeEntry(cacheKey(TEXT + ' '), encodeEntry(key, json))).toBeUndefined();
    expect(decodeEntry(key, encodeEntry(key, json).replace(/ [0-9a-f]{64}\n/, ` ${'0'.repeat(64)}\n`))).toBeUndefined();
    expect(decodeEntry(key, encodeEntry(key, json).replace('Harmless', 'Harmful'))).toBeUndefined();
    expect(decodeEntry(key, json)).toBeUndefined();
    const wrongShapes = [
      { ok: true, parsed: { ...JSON.parse(json).parsed, hast: { type: 'root', children: [{ type: 'raw', value: '<script>' }] } } },
      { ok: true, parsed: { ...JSON.parse(json).parsed, headings: [{ line: 0, column: 1, depth: 2, id: 'x', text: 'x' }] } },
      { ok: true, parsed: { ...JSON.parse(json).parsed, body: undefined } },
      { ok: false, message: 'x', position: { line: 1, column: 1 }, rule: 'safety/script' },
      { ok: 'yes' },
      [],
    ];
    for (const value of wrongShapes) {
      const wrong = JSON.stringify(value);
      expect(decodeEntry(key, encodeEntry(key, wrong)), wrong.slice(0, 80)).toBeUndefined();
    }
  });

  it('a tree deeper than any parse makes is refused', () => {
    const open = '{"type":"element","tagName":"div","properties":{},"children":[';
    const deep = json.replace('"hast":{"type":"root","children":[', `"hast":{"type":"root","children":[${open.repeat(10_000)}${']}'.repeat(10_000)},`);
    expect(deep.length).toBeGreaterThan(json.length + 10_000);
    expect(decodeEntry(key, encodeEntry(key, deep))).toBeUndefined();
  });
});

describe('the cache key', () => {
  it('is the parser\'s fingerprint (our parse code and the installed packages) and the text', () => {
    expect(parserFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    // Made from the files, not only from the version constant.
    expect(parserFingerprint()).not.toBe(createHashOf(`partner-kb parse ${PARSER_VERSION}\0sources unavailable`));
    expect(cacheKey(TEXT)).not.toBe(cacheKey(TEXT + '\n'));
  });
});

import { createHash } from 'node:crypto';
function createHashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
