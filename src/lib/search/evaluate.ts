/**
 * Search quality, measured: builds the search index of a project's content, serves it on
 * 127.0.0.1, runs every judged query through the site's own search (Pagefind's engine in Node, the
 * query prepared as the search UI prepares it) and scores the answers per language and cloud.
 */
import { join } from 'node:path';
import { serveStatic } from '../bench/search-cost.ts';
import { readJudgedQueries, runJudgedQueries, scoreByLanguageAndCloud, validateJudgedQueries, type JudgedOutcome, type ScoreRow } from './judged.ts';
import { buildLocalSearchSite } from './local-index.ts';
import { siteSearch } from './node-search.ts';
import { RESULT_DEPTH } from './judged.ts';

export interface SearchQuality {
  outcomes: JudgedOutcome[];
  rows: ScoreRow[];
  /** Documents in the index. */
  pages: number;
}

/** Where the project keeps its judged queries. */
export function judgedQueriesDir(root: string): string {
  return join(root, 'tests', 'search', 'queries');
}

/**
 * Measures the search of the project at `root` against the judged queries in `queriesDir`.
 * Throws when a judgement names an article that does not exist in the query's cloud.
 */
export async function evaluateSearchQuality(root: string, queriesDir = judgedQueriesDir(root)): Promise<SearchQuality> {
  const site = await buildLocalSearchSite(root);
  const server = await serveStatic(site.dir);
  const search = await siteSearch(site.dir, server.url);
  try {
    const queries = readJudgedQueries(queriesDir);
    const problems = validateJudgedQueries(queries, site.kb);
    if (problems.length > 0) throw new Error(`the judged queries do not match the content:\n${problems.join('\n')}`);
    const slugOf = (url: string): string => new URL(url, 'http://x').pathname.split('/')[3] ?? '';
    const outcomes = await runJudgedQueries(queries, async (q) => (await search.search(q.locale, q.cloud, q.query, RESULT_DEPTH)).map((hit) => slugOf(hit.url)));
    return { outcomes, rows: scoreByLanguageAndCloud(outcomes), pages: site.pages };
  } finally {
    await search.close();
    await server.close();
    site.remove();
  }
}
