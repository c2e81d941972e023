/**
 * The site's search in Node: Pagefind's own engine (pagefind.js + its WebAssembly, as a browser
 * runs it) against a served site, with the query planned and the pages ranked exactly as the search
 * UI does (`query.ts`, `engine.ts`), and the site's own search data (synonyms). Used by the judged
 * query evaluation, the search tests and the benchmark.
 *
 * Pagefind picks the language index from the page's <html lang> when an instance is created, so a
 * minimal `document` stands in for that moment.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localeInfo, type Cloud, type Locale } from '../site.ts';
import { PAGEFIND_OPTIONS, runSearch, type PagefindSearch, type PagefindResultData } from './engine.ts';
import { compileSynonyms, planQuery, resultUrlForCloud, type Synonyms } from './query.ts';
import { searchDataUrl, type SearchData } from './search-data.ts';

interface PagefindInstance extends PagefindSearch {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  destroy(): Promise<void>;
}

export interface SearchHit {
  /** The result URL moved into the reader's cloud, as the search UI links it. */
  url: string;
  title: string;
  content: string;
  clouds: string[];
  /** The page's data as Pagefind gives it, and the match positions across the query's variants. */
  data: PagefindResultData;
  locations: number[];
  /** Part of a partial match (no page had every word). */
  partial: boolean;
  /** Every term looked up, as the search UI highlights them (`RankedSearch.terms`). */
  terms: string[];
}

export interface SiteSearch {
  /** Results for a reader of `locale` and `cloud`, best first (at most `limit`). */
  search(locale: Locale, cloud: Cloud, query: string, limit?: number): Promise<SearchHit[]>;
  close(): Promise<void>;
}

/** `dist` is the built site (with `pagefind/` and `_kb/`), served at `baseUrl`. */
export async function siteSearch(dist: string, baseUrl: string): Promise<SiteSearch> {
  const module = (await import(pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href)) as {
    createInstance(options: { basePath: string }): PagefindInstance;
  };
  const instances = new Map<Locale, { pagefind: PagefindInstance; synonyms: Synonyms }>();
  const instance = async (locale: Locale) => {
    let found = instances.get(locale);
    if (!found) {
      const lang = localeInfo(locale).htmlLang;
      const g = globalThis as { document?: unknown };
      g.document = { querySelector: () => ({ getAttribute: () => lang }) };
      let pagefind: PagefindInstance;
      try {
        pagefind = module.createInstance({ basePath: `${baseUrl}/pagefind/` });
      } finally {
        delete g.document;
      }
      await pagefind.options(PAGEFIND_OPTIONS);
      await pagefind.init();
      const data = JSON.parse(readFileSync(join(dist, searchDataUrl(locale)), 'utf8')) as SearchData;
      found = { pagefind, synonyms: compileSynonyms(locale, data.synonyms) };
      instances.set(locale, found);
    }
    return found;
  };
  return {
    async search(locale, cloud, query, limit = 5) {
      const { pagefind, synonyms } = await instance(locale);
      const ranked = await runSearch(pagefind, planQuery(locale, query, synonyms), { cloud });
      const top = ranked.results.slice(0, limit);
      const data = await Promise.all(top.map((r) => r.data()));
      return data.map((d, i) => ({
        url: resultUrlForCloud(d.url, cloud),
        title: d.meta['title'] ?? '',
        content: d.content,
        clouds: d.filters['cloud'] ?? [],
        data: d,
        locations: top[i]!.locations,
        partial: ranked.partial,
        terms: ranked.terms,
      }));
    },
    async close() {
      await Promise.all([...instances.values()].map((i) => i.pagefind.destroy()));
    },
  };
}
