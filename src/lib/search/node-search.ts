/**
 * Runs Pagefind's own search (pagefind.js + its WebAssembly, as a browser would) in Node against a
 * served index. Pagefind picks the language index from the page's <html lang> when an instance is
 * created, so a minimal `document` stands in for that moment.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { prepareQuery, resultUrlForCloud } from './query.ts';
import { localeInfo, type Cloud, type Locale } from '../site.ts';

interface PagefindInstance {
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<ResultData> }[] }>;
  destroy(): Promise<void>;
}
interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}

export interface SearchHit {
  /** The result URL moved into the reader's cloud, as the search UI links it. */
  url: string;
  title: string;
  excerpt: string;
  content: string;
  clouds: string[];
}

export interface SiteSearch {
  search(locale: Locale, cloud: Cloud, query: string, limit?: number): Promise<SearchHit[]>;
  close(): Promise<void>;
}

export async function siteSearch(dist: string, baseUrl: string): Promise<SiteSearch> {
  const module = (await import(pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href)) as {
    createInstance(options: { basePath: string }): PagefindInstance;
  };
  const instances = new Map<Locale, PagefindInstance>();
  const instance = async (locale: Locale): Promise<PagefindInstance> => {
    let found = instances.get(locale);
    if (!found) {
      const lang = localeInfo(locale).htmlLang;
      const g = globalThis as { document?: unknown };
      g.document = { querySelector: () => ({ getAttribute: () => lang }) };
      try {
        found = module.createInstance({ basePath: `${baseUrl}/pagefind/` });
      } finally {
        delete g.document;
      }
      await found.init();
      instances.set(locale, found);
    }
    return found;
  };
  return {
    async search(locale, cloud, query, limit = 5) {
      const pf = await instance(locale);
      const result = await pf.search(prepareQuery(locale, query), { filters: { cloud } });
      const data = await Promise.all(result.results.slice(0, limit).map((r) => r.data()));
      return data.map((d) => ({
        url: resultUrlForCloud(d.url, cloud),
        title: d.meta.title ?? '',
        excerpt: d.excerpt,
        content: d.content,
        clouds: d.filters['cloud'] ?? [],
      }));
    },
    async close() {
      await Promise.all([...instances.values()].map((i) => i.destroy()));
    },
  };
}
