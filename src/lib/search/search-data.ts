/**
 * What the search module needs besides Pagefind's index, per locale: the synonym groups of
 * `content/terminology.yaml`. Written next to the search module as `/_kb/search-data.<locale>.json`
 * and fetched on first use alongside Pagefind, so a page carries none of it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KnowledgeBase } from '../model/kb.ts';
import { LOCALE_CODES, type Locale } from '../site.ts';
import { searchDataUrl } from './module-url.ts';

export { searchDataUrl };

export interface SearchData {
  /** Groups of words search treats as one, in this locale. */
  synonyms: string[][];
}

export function searchData(kb: KnowledgeBase, locale: Locale): SearchData {
  return { synonyms: kb.terminology.synonyms[locale] ?? [] };
}

/** Writes every locale's search data into a built site (`siteDir` is the folder served as `/`). */
export function writeSearchData(kb: KnowledgeBase, siteDir: string): void {
  for (const locale of LOCALE_CODES) {
    const file = join(siteDir, searchDataUrl(locale));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(searchData(kb, locale)));
  }
}
