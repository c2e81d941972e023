/**
 * The benchmark corpus generator at N = 10: the generated content builds a valid content model with
 * zero check errors (and no warnings), through the same model and checks as `npm run check`.
 * No build, no timing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editArticle, generateCorpus } from '../../src/lib/bench/corpus.ts';
import { runChecks } from '../../src/lib/checks/index.ts';
import { provenanceHashOfSource } from '../../src/lib/hash.ts';
import { loadKnowledgeBase, readContent } from '../../src/lib/model/load.ts';

const corpus = generateCorpus({ articles: 10, seed: 1 });
const root = mkdtempSync(join(tmpdir(), 'kb-bench-smoke-'));
for (const [path, text] of corpus.files) {
  const file = join(root, 'content', path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('benchmark corpus, N = 10', () => {
  it('builds a content model with zero check errors or warnings', () => {
    const { kb, diagnostics } = loadKnowledgeBase({ root, contentDir: 'content' });
    const input = readContent({ root, contentDir: 'content' });
    const all = runChecks(kb, { modelDiagnostics: diagnostics, sources: { articles: input.articles, navigation: input.navigation } });
    expect(all.filter((d) => d.severity !== 'info').map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`)).toEqual([]);
    expect(kb.articles.size).toBe(10);
  });

  it('has every article in four locales, china variants with the base hash, translations with the source hash', () => {
    const mdx = [...corpus.files.keys()].filter((p) => p.endsWith('.mdx'));
    expect(mdx.length).toBe(4 * corpus.variantsPerLocale);
    for (const slug of corpus.chinaSlugs) {
      const china = corpus.files.get(`en/${slug}.china.mdx`)!;
      expect(china).toContain(`baseHash: "${provenanceHashOfSource(corpus.files.get(`en/${slug}.mdx`)!)}"`);
    }
    for (const path of mdx.filter((p) => !p.startsWith('en/'))) {
      const english = corpus.files.get(path.replace(/^\w\w\//, 'en/'))!;
      expect(corpus.files.get(path)).toContain(`sourceHash: "${provenanceHashOfSource(english)}"`);
    }
  });

  it('writes each locale in its own script, Korean with particles attached', () => {
    const slug = corpus.slugs[0]!;
    const ko = corpus.files.get(`ko/${slug}.mdx`)!;
    const zh = corpus.files.get(`zh/${slug}.mdx`)!;
    const ja = corpus.files.get(`ja/${slug}.mdx`)!;
    expect(ko).toMatch(/[\uAC00-\uD7A3]+(을|를|의|에서|이|가)\s/);
    expect(zh).toMatch(/[\u4E00-\u9FFF]{4,}/);
    expect(zh).not.toMatch(/[\u3040-\u30FF\uAC00-\uD7A3]/);
    expect(ja).toMatch(/[\u3040-\u309F]/); // kana
    expect(ja).toMatch(/[\u4E00-\u9FFF]/); // kanji
  });

  it('has 4–7 sections with explicit ids, a Callout, a CloudFact and 3–8 internal links per English file', () => {
    for (const [path, text] of corpus.files) {
      if (!path.startsWith('en/')) continue;
      const sections = text.match(/^## .+ \{\/\* #[a-z0-9-]+ \*\/\}$/gm) ?? [];
      expect(sections.length).toBeGreaterThanOrEqual(4);
      expect(sections.length).toBeLessThanOrEqual(7);
      expect(text).toContain('<Callout type=');
      expect(text).toContain('<CloudFact name=');
      const links = text.match(/\]\([a-z0-9-]+\.mdx(#[a-z0-9-]+)?\)/g) ?? [];
      expect(links.length).toBeGreaterThanOrEqual(3);
      expect(links.length).toBeLessThanOrEqual(8);
    }
  });

  it('is deterministic for a given N and seed, and differs for another seed', () => {
    const again = generateCorpus({ articles: 10, seed: 1 });
    expect([...again.files]).toEqual([...corpus.files]);
    const other = generateCorpus({ articles: 10, seed: 2 });
    expect(other.files.get('navigation.yaml')).not.toEqual(corpus.files.get('navigation.yaml'));
  });

  it('edits an article body without touching its front matter', () => {
    const text = corpus.files.get(`en/${corpus.slugs[0]}.mdx`)!;
    const edited = editArticle(text, 7);
    expect(edited).not.toBe(text);
    expect(edited.split('\n---\n')[0]).toBe(text.split('\n---\n')[0]);
    expect(edited).toContain('(7).');
  });
});
