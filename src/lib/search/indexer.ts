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
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { articleUrl } from '../model/urls.ts';
import { fillCloudTokens, type CloudToken } from '../render/cloud-token.ts';
import type { RenderedPage } from '../render/distinct-pages.ts';
import { localeInfo, type Locale } from '../site.ts';

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

function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/**
 * The document of a page from its view and body, as the build computed them (`distinct-pages.ts`),
 * with `token` standing for the page's cloud if they were computed with it.
 */
export function searchDocumentOf({ page, view, body }: RenderedPage, token?: CloudToken): SearchDocument {
  const { locale, cloud } = page;
  const filters = [
    ...view.appliesTo.map((c) => element('span', { dataPagefindFilter: `cloud:${c}` })),
    ...(view.sidebar.sectionTitle ? [element('span', { dataPagefindFilter: `section:${view.sidebar.sectionTitle}` })] : []),
  ];
  const html = toHtml(
    element('html', { lang: localeInfo(locale).htmlLang }, [
      element('head', {}, [element('title', {}, [{ type: 'text', value: view.title }])]),
      element('body', {}, [element('main', { dataPagefindBody: '' }, [element('h1', {}, [{ type: 'text', value: view.title }]), ...filters, ...body])]),
    ]),
  );
  return { path: articleUrl(locale, cloud, page.article.slug).slice(1) + 'index.html', html: token ? fillCloudTokens(html, token, locale, cloud) : html };
}

export interface SearchIndexing {
  /** Waits for the index and moves it to `<siteDir>/pagefind/`. */
  finish(siteDir: string): Promise<SearchIndexResult>;
  /** Stops indexing without writing into the site (the build failed). */
  abort(): Promise<void>;
}

/**
 * Hands the documents to Pagefind (each language by its own process), which indexes them on a worker thread and in
 * its own process and writes the index to `stagingDir` as soon as it is complete, so that the main
 * thread renders pages meanwhile and the build waits only for a folder to be moved.
 */
export function startSearchIndex(documents: Iterable<SearchDocument & { locale: Locale }>, stagingDir: string): SearchIndexing {
  removeStaging(stagingDir);
  // One group per language: each is indexed by its own Pagefind process.
  const byLocale = new Map<Locale, SearchDocument[]>();
  for (const { locale, ...document } of documents) {
    const group = byLocale.get(locale) ?? byLocale.set(locale, []).get(locale)!;
    group.push(document);
  }
  const groups = [...byLocale.values()];
  const worker = new Worker(new URL('./index-worker.ts', import.meta.url), {
    workerData: { groups, stagingDir },
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
    async finish(siteDir) {
      const outcome = await stop();
      if (outcome.errors.length === 0) moveFolder(stagingDir, join(siteDir, 'pagefind'));
      return outcome;
    },
    async abort() {
      await stop().catch(() => undefined);
      removeStaging(stagingDir);
    },
  };
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
