/**
 * Builds the Pagefind index of a built site with Pagefind's Node API (the `pagefind_extended`
 * binary that the npm package ships, which segments Chinese and Japanese at index time).
 *
 * Only pages marked `data-pagefind-body` are indexed: one per locale and variant (its canonical
 * cloud's URL), never an English fallback page under another locale. Each page carries its clouds
 * and section as Pagefind filters, and Pagefind keeps one index per `<html lang>`.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  pages: number;
  errors: string[];
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const created = await pagefind.createIndex({});
  const errors = [...created.errors];
  try {
    if (!created.index) return { pages: 0, errors };
    const added = await created.index.addDirectory({ path: siteDir });
    errors.push(...added.errors);
    const written = await created.index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    errors.push(...written.errors);
    return { pages: added.page_count, errors };
  } finally {
    await pagefind.close();
  }
}
