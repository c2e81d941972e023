/**
 * The Pagefind index, made from the content model with Pagefind's Node API (the
 * `pagefind_extended` binary that the npm package ships, which segments Chinese and Japanese at
 * index time).
 *
 * One document per locale and variant, at its canonical cloud's URL, never an English fallback
 * page under another locale. A document is what a reader's page shows as the article (its title as
 * `<h1>` and its body, rendered by the same renderer as the page) with its clouds and section as
 * Pagefind filters, in a page whose `<html lang>` puts it in its language's index.
 *
 * Documents come from the model, not from the built files, so Pagefind (its own process) indexes
 * on the second core while Astro renders pages on the first: `startSearchIndex` right after the
 * checks, `finish` after the build.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { KnowledgeBase } from '../model/kb.ts';
import type { Page } from '../model/types.ts';
import { articleUrl } from '../model/urls.ts';
import { renderBodyTree, type Translate } from '../render/body.ts';
import { localeInfo, type Locale } from '../site.ts';
import { articleView, isIndexable } from '../view.ts';

export interface SearchIndexResult {
  pages: number;
  errors: string[];
}

export interface SearchDocument {
  /** Path of the page in the built site (`ko/global/x/index.html`); Pagefind derives the URL. */
  path: string;
  html: string;
}

/** The pages that are indexed: each translated variant once, at its canonical cloud's URL. */
export function indexedPages(kb: KnowledgeBase): Page[] {
  return kb.pages().filter(isIndexable);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** The document Pagefind indexes for one page. */
export function searchDocument(kb: KnowledgeBase, page: Page, t: Translate): SearchDocument {
  const { locale, cloud } = page;
  const slug = page.article.slug;
  const view = articleView(kb, page);
  const filters = [
    ...view.appliesTo.map((c) => element('span', { dataPagefindFilter: `cloud:${c}` })),
    ...(view.sidebar.sectionTitle ? [element('span', { dataPagefindFilter: `section:${view.sidebar.sectionTitle}` })] : []),
  ];
  const body = renderBodyTree(page.file.parsed.hast, { kb, locale, cloud, slug, t });
  const html = toHtml(
    element('html', { lang: localeInfo(locale).htmlLang }, [
      element('head', {}, [element('title', {}, [{ type: 'text', value: view.title }])]),
      element('body', {}, [element('main', { dataPagefindBody: '' }, [element('h1', {}, [{ type: 'text', value: view.title }]), ...filters, ...body])]),
    ]),
  );
  return { path: articleUrl(locale, cloud, slug).slice(1) + 'index.html', html };
}

export interface SearchIndexing {
  /** Waits for every document, writes the index to `<siteDir>/pagefind/` and stops Pagefind. */
  finish(siteDir: string): Promise<SearchIndexResult>;
  /** Stops Pagefind without writing (the build failed). */
  abort(): Promise<void>;
}

/**
 * Renders every document and hands them to Pagefind, which indexes them on a worker thread and in
 * its own process, so the main thread is free to render pages meanwhile.
 */
export function startSearchIndex(kb: KnowledgeBase, translators: (locale: Locale) => Translate): SearchIndexing {
  const documents = indexedPages(kb).map((page) => searchDocument(kb, page, translators(page.locale)));
  const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: documents });
  const result = new Promise<SearchIndexResult>((resolve, reject) => {
    worker.once('message', (message: SearchIndexResult) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker stopped (exit code ${code})`)));
  });
  const stop = async (outputPath: string | null): Promise<SearchIndexResult> => {
    worker.postMessage({ outputPath });
    try {
      return await result;
    } finally {
      await worker.terminate();
    }
  };
  return {
    finish: (siteDir) => stop(join(siteDir, 'pagefind')),
    abort: async () => {
      await stop(null).catch(() => undefined);
    },
  };
}
