import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { languageGroups, openSearchIndex, startSearchIndex, type SearchDocument } from '../../src/lib/search/indexer.ts';
import type { Locale } from '../../src/lib/site.ts';

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-search-index-'));
  temporary.push(dir);
  return dir;
}

const LANG: Record<Locale, string> = { en: 'en', ko: 'ko', zh: 'zh-CN', ja: 'ja' };
const TEXT: Record<Locale, string> = { en: 'Escalate a billing dispute', ko: '청구 분쟁을 에스컬레이션', zh: '上报账单争议', ja: '請求に関する紛争をエスカレーションする' };
function document(locale: Locale, i: number): SearchDocument & { locale: Locale } {
  return { locale, path: `${locale}/global/a-${i}/index.html`, html: `<html lang="${LANG[locale]}"><head><title>${i}</title></head><body><main data-pagefind-body><h1>${TEXT[locale]} ${i}</h1><p>${TEXT[locale]}</p></main></body></html>` };
}

/** Every file of a bundle with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) out.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  return out;
}

describe('search index languages', () => {
  it('indexes the languages whose Pagefind index takes the most memory first, each document in its language', () => {
    const documents = (['en', 'ko', 'zh', 'ja', 'en', 'ja'] as const).map((locale, i) => ({ locale, path: `${locale}/${i}/index.html`, html: '' }));
    const groups = languageGroups(documents);
    expect(groups.map((g) => g.locale)).toEqual(['ja', 'zh', 'ko', 'en']);
    expect(groups.map((g) => g.documents.map((d) => d.path))).toEqual([['ja/3/index.html', 'ja/5/index.html'], ['zh/2/index.html'], ['ko/1/index.html'], ['en/0/index.html', 'en/4/index.html']]);
  });
});

describe('a search index made while documents are added', () => {
  const documents = (['ja', 'zh', 'ko', 'en'] as const).flatMap((locale) => [0, 1, 2].map((i) => document(locale, i)));

  it('writes the bundle that the documents added at once make', async () => {
    const site = tempDir();
    const whole = startSearchIndex(documents, join(site, 'staging-a'));
    expect((await whole.finish(join(site, 'a'))).errors).toEqual([]);
    // One document at a time, each language as it comes (as the build's plan hands them over), some
    // while Pagefind is already indexing the language: it must wait for them, not close the language.
    const streamed = openSearchIndex(join(site, 'staging-b'));
    for (const d of documents) {
      streamed.add([d]);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    streamed.end();
    const result = await streamed.finish(join(site, 'b'));
    expect(result).toMatchObject({ pages: documents.length, errors: [] });
    const a = files(join(site, 'a', 'pagefind'));
    const b = files(join(site, 'b', 'pagefind'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
    expect(readFileSync(join(site, 'b', 'pagefind', 'pagefind-entry.json'), 'utf8')).toMatch(/"ja".*"ko".*"zh-cn"/);
  }, 60_000);

  it('reports documents of a language that come after its index was written, and writes no index', async () => {
    const site = tempDir();
    const indexing = openSearchIndex(join(site, 'staging'));
    indexing.add([document('ja', 0), document('en', 0)]);
    // Japanese is indexed once English begins: its bundle is written beside the staging folder.
    for (let waited = 0; !existsSync(join(site, 'staging.part-0', 'pagefind-entry.json')) && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    indexing.add([document('ja', 1)]);
    const result = await indexing.finish(site);
    expect(result.errors.join('\n')).toContain('search document ja/global/a-1/index.html of "ja" arrived after its index was made');
    expect(existsSync(join(site, 'pagefind'))).toBe(false);
  }, 60_000);

  it('writes nothing into the site when no document was added', async () => {
    const site = tempDir();
    const indexing = openSearchIndex(join(site, 'staging'));
    indexing.end();
    expect(await indexing.finish(site)).toMatchObject({ pages: 0, errors: [] });
    expect(existsSync(join(site, 'pagefind'))).toBe(false);
  }, 60_000);
});
