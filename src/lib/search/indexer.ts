/**
 * The Pagefind index, made from the pages the build computes (`build/plan.ts`,
 * `render/distinct-pages.ts`) with Pagefind's Node API (the `pagefind_extended` binary that the npm
 * package ships, which segments Chinese and Japanese at index time).
 *
 * Every page a reader can open is in its language's index, in the reader's cloud:
 * - one document per distinct page (a locale's article variant for the clouds whose readers get the
 *   same page), and distinct pages of one variant that read the same text (they differ only in
 *   navigation) share one: so text for one cloud (`<CloudOnly>`, `<CloudFact>`) is found only in
 *   its clouds, and excerpts show the reader's cloud's wording;
 * - an untranslated article is indexed in its locale's index with the English text (the page a
 *   reader of that locale opens), marked `fallback` so results can say "(EN)".
 * A document is the article as its page shows it (the title as `<h1>`, the description written for
 * search results, and the body, rendered by the page's renderer) with its clouds and navigation
 * section as Pagefind filters, its title and section title as metadata, in a page whose `<html lang>`
 * puts it in its language's index. Korean text is indexed by stems (`korean.ts`).
 *
 * Documents come from the model, not from the built files, so Pagefind (its own process) indexes
 * on the second core while Astro renders pages on the first: `startSearchIndex` right after the
 * checks, `finish` after the build.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { KnowledgeBase } from '../model/kb.ts';
import type { Page } from '../model/types.ts';
import { articleUrl } from '../model/urls.ts';
import { fillCloudTokens, type CloudToken } from '../render/cloud-token.ts';
import type { RenderedPage } from '../render/distinct-pages.ts';
import { localeInfo, type Cloud, type Locale } from '../site.ts';
import { encodeForIndex } from './korean.ts';

export interface SearchIndexResult {
  pages: number;
  errors: string[];
  /** From the worker's start to the index written. */
  ms: number;
}

export interface SearchDocument {
  /** Path of the page in the built site (`ko/global/x/index.html`); Pagefind derives the URL. */
  path: string;
  html: string;
}

/** Metadata keys of a search document (Pagefind `meta`), read by the search UI. */
export const SEARCH_META = {
  title: 'title',
  /** The navigation section's title in the document's locale. */
  section: 'section',
  /** `en` on an English page shown in place of a missing translation. */
  fallback: 'fallback',
} as const;

/** Elements that do not break a word: text on both sides of them can be one word (`<a>계정</a>도`). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'cite', 'code', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u']);

/**
 * Korean: every word reduced to its stem for the index (the stored text keeps the particle; see
 * `korean.ts`). A word can run across inline elements (`[체납 고객 계정](…)도`), so each run of
 * inline content is encoded as one text and split back; encoding keeps the number of code points.
 */
function encodeTexts(nodes: readonly ElementContent[]): ElementContent[] {
  const out = structuredClone(nodes) as ElementContent[];
  let run: { value: string }[] = [];
  const flush = (): void => {
    const encoded = [...encodeForIndex(run.map((t) => t.value).join(''))];
    let at = 0;
    for (const text of run) {
      const length = [...text.value].length;
      text.value = encoded.slice(at, at + length).join('');
      at += length;
    }
    run = [];
  };
  const visit = (list: readonly ElementContent[]): void => {
    for (const node of list) {
      if (node.type === 'text') run.push(node);
      else if (node.type === 'element' && INLINE.has(node.tagName)) visit(node.children);
      else if (node.type === 'element') {
        flush();
        visit(node.children);
        flush();
      }
    }
  };
  visit(out);
  flush();
  return out;
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** The text of rendered nodes (what Pagefind indexes of them), to compare two renderings. */
function textOf(nodes: readonly ElementContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') out += `<${node.tagName}>${textOf(node.children)}`;
  }
  return out;
}

function documentHtml(kb: KnowledgeBase, page: Page, clouds: readonly Cloud[], body: ElementContent[]): string {
  const { locale } = page;
  const title = page.file.frontmatter.title;
  const section = kb.sectionOf(page.article.slug);
  const meta = (key: string, value: string): Element => element('span', { dataPagefindMeta: `${key}[data-value]`, dataValue: value });
  const head: ElementContent[] = [
    meta(SEARCH_META.title, title),
    ...(section ? [meta(SEARCH_META.section, section.title[locale]), element('span', { dataPagefindFilter: `section:${section.id}` })] : []),
    ...(page.fallback ? [meta(SEARCH_META.fallback, page.file.locale)] : []),
    ...clouds.map((c) => element('span', { dataPagefindFilter: `cloud:${c}` })),
  ];
  // The description is written for search results (CONTRIBUTING.md): indexed under the title.
  const description = page.file.frontmatter.description;
  const lead = [element('h1', {}, [text(title)]), ...(description ? [element('p', {}, [text(description)])] : [])];
  const indexed = locale === 'ko' ? encodeTexts([...lead, ...body]) : [...lead, ...body];
  return toHtml(
    element('html', { lang: localeInfo(locale).htmlLang }, [
      element('head', {}, [element('title', {}, [text(title)])]),
      element('body', {}, [element('main', { dataPagefindBody: '' }, [...head, ...indexed])]),
    ]),
  );
}

/**
 * The search documents of a build, from its distinct pages: `pages` are the pages computed for them
 * (with `token` written where the page names its cloud) and the clouds each stands for. Distinct
 * pages of one locale's article variant whose text is the same share one document, at the URL of
 * its first cloud.
 */
export function searchDocuments(kb: KnowledgeBase, pages: Iterable<{ rendered: RenderedPage; clouds: readonly Cloud[] }>, token?: CloudToken): Array<SearchDocument & { locale: Locale }> {
  const byText = new Map<string, { rendered: RenderedPage; clouds: Cloud[] }>();
  for (const { rendered, clouds } of pages) {
    const { page } = rendered;
    const key = `${page.locale}\0${page.article.slug}\0${page.variant.key}\0${textOf(rendered.body)}`;
    const same = byText.get(key);
    if (same) same.clouds.push(...clouds);
    else byText.set(key, { rendered, clouds: [...clouds] });
  }
  return [...byText.values()].map(({ rendered: { page, body }, clouds }) => {
    const html = documentHtml(kb, page, clouds, body);
    return {
      locale: page.locale,
      path: articleUrl(page.locale, page.cloud, page.article.slug).slice(1) + 'index.html',
      html: token ? fillCloudTokens(html, token, page.locale, page.cloud) : html,
    };
  });
}

export interface SearchIndexing {
  /**
   * More documents to index. A language's documents come together: Pagefind indexes the languages
   * in the order their first document arrives, each once the next one begins (or `end`).
   */
  add(documents: ReadonlyArray<SearchDocument & { locale: Locale }>): void;
  /** No more documents: the last language is indexed and the index written. */
  end(): void;
  /** Waits for the index and moves it to `<siteDir>/pagefind/` (implies `end`). */
  finish(siteDir: string): Promise<SearchIndexResult>;
  /** Stops indexing without writing into the site (the build failed). */
  abort(): Promise<void>;
}

/**
 * Opens a search index that Pagefind makes on a worker thread (each language by its own process,
 * one after the other) while documents are still being added, and writes to `stagingDir` as soon
 * as the last one is indexed, so that the main thread renders pages meanwhile and the build waits
 * only for a folder to be moved. Languages should arrive in `localesInIndexOrder`'s order.
 */
export function openSearchIndex(stagingDir: string): SearchIndexing {
  removeStaging(stagingDir);
  const worker = new Worker(new URL('./index-worker.ts', import.meta.url), {
    workerData: { stagingDir },
    // Every message to Pagefind is garbage once sent; a smaller young generation collects it sooner.
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
  const result = new Promise<SearchIndexResult>((resolve, reject) => {
    worker.once('message', (message: SearchIndexResult) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker stopped (exit code ${code})`)));
  });
  const stop = async (): Promise<SearchIndexResult> => {
    worker.postMessage({ stop: true });
    try {
      return await result;
    } finally {
      await worker.terminate();
    }
  };
  return {
    add(documents) {
      if (documents.length > 0) worker.postMessage({ add: documents });
    },
    end() {
      worker.postMessage({ end: true });
    },
    async finish(siteDir) {
      const outcome = await stop();
      // No staging folder: no document was added, and there is no index to move.
      if (outcome.errors.length === 0 && existsSync(stagingDir)) moveFolder(stagingDir, join(siteDir, 'pagefind'));
      return outcome;
    },
    async abort() {
      await stop().catch(() => undefined);
      removeStaging(stagingDir);
    },
  };
}

/** Indexes `documents` (`openSearchIndex`, all added at once in the languages' index order). */
export function startSearchIndex(documents: Iterable<SearchDocument & { locale: Locale }>, stagingDir: string): SearchIndexing {
  const indexing = openSearchIndex(stagingDir);
  for (const group of languageGroups(documents)) indexing.add(group.documents);
  indexing.end();
  return indexing;
}

/**
 * Pagefind's memory while it indexes a language grows with its documents, and for the languages it
 * segments (Japanese, Chinese) about four times as fast per document as for English (measured with
 * pagefind 1.6: 2,000 documents of 2,000 characters take 0.55 GB in Japanese, 0.21 GB in Chinese,
 * 0.14 GB in English). The build's own process grows while it renders, so the largest index is made
 * first, beside the smallest build process.
 */
const INDEX_ORDER: readonly string[] = ['ja', 'zh', 'ko', 'en'];

function indexOrder(locale: Locale): number {
  const at = INDEX_ORDER.indexOf(locale);
  return at < 0 ? INDEX_ORDER.length : at;
}

/** `locales` in the order their search indexes are made. */
export function localesInIndexOrder(locales: readonly Locale[]): Locale[] {
  return [...locales].sort((a, b) => indexOrder(a) - indexOrder(b));
}

/**
 * The documents by language, in the order their Pagefind processes run (one after the other, each
 * holding one language's index): the languages whose index takes the most memory first.
 */
export function languageGroups(documents: Iterable<SearchDocument & { locale: Locale }>): Array<{ locale: Locale; documents: Array<SearchDocument & { locale: Locale }> }> {
  const byLocale = new Map<Locale, Array<SearchDocument & { locale: Locale }>>();
  for (const document of documents) {
    const group = byLocale.get(document.locale) ?? byLocale.set(document.locale, []).get(document.locale)!;
    group.push(document);
  }
  return [...byLocale].sort(([a], [b]) => indexOrder(a) - indexOrder(b)).map(([locale, documents]) => ({ locale, documents }));
}

/** The staging folder and the per-language bundles beside it (`<staging>.part-<n>`). */
function removeStaging(stagingDir: string): void {
  rmSync(stagingDir, { recursive: true, force: true });
  const parent = dirname(stagingDir);
  const prefix = `${basename(stagingDir)}.part-`;
  if (existsSync(parent)) for (const name of readdirSync(parent)) if (name.startsWith(prefix)) rmSync(join(parent, name), { recursive: true, force: true });
}

/** Moves a folder, replacing the target; copies when the two are on different file systems. */
function moveFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
