/**
 * Builds the Pagefind index of a built site with Pagefind's Node API (the `pagefind_extended`
 * binary that the npm package ships, which segments Chinese and Japanese at index time).
 *
 * Only pages marked `data-pagefind-body` are indexed: one per locale and variant (its canonical
 * cloud's URL), never an English fallback page under another locale. Each page carries its clouds
 * and section as Pagefind filters, and Pagefind keeps one index per `<html lang>`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { KnowledgeBase } from '../model/kb.ts';
import { articleUrl } from '../model/urls.ts';

export interface SearchIndexResult {
  pages: number;
  errors: string[];
}

/**
 * The built files Pagefind indexes: each translated variant once, at its canonical cloud's URL
 * (the pages that carry `data-pagefind-body`). Handing Pagefind only these, rather than the whole
 * folder, keeps it from parsing the duplicate pages of other clouds: at 4,000 pages that is most of
 * the site, and most of Pagefind's time and memory.
 */
export function indexedPages(kb: KnowledgeBase): string[] {
  return kb
    .pages()
    .filter((page) => !page.fallback && page.cloud === page.canonicalCloud)
    .map((page) => articleUrl(page.locale, page.cloud, page.article.slug).slice(1) + 'index.html');
}

export async function buildSearchIndex(siteDir: string, pages: readonly string[]): Promise<SearchIndexResult> {
  const created = await pagefind.createIndex({});
  const errors = [...created.errors];
  try {
    if (!created.index) return { pages: 0, errors };
    const index = created.index;
    let count = 0;
    // A few files in flight at a time: the service parses while the next file is read.
    const queue = [...pages];
    const worker = async (): Promise<void> => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const content = await readFile(join(siteDir, path), 'utf8');
        const added = await index.addHTMLFile({ sourcePath: path, content });
        errors.push(...added.errors.map((e) => `${path}: ${e}`));
        if (added.file) count++;
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    errors.push(...written.errors);
    return { pages: count, errors };
  } finally {
    await pagefind.close();
  }
}
