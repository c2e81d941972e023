/**
 * Runs a query plan (`query.ts`) on Pagefind and ranks the pages, for the search UI and for the
 * judged-query evaluation alike (one ranking, measured where it is used).
 *
 * - Every variant of the query (the reader's words, Korean whole words, synonyms) is searched; a
 *   page scores the best of them.
 * - Pages that contain a phrase of the query whole (客户帐户, 고객 계정, "service level agreement")
 *   rank above pages that only contain its words apart: Pagefind's exact search ("…") finds them.
 *   Chinese and Japanese compounds are phrases too, since both sides segment them into several words.
 * - When no page has every word, the best partial matches are returned instead of nothing: pages
 *   with the most of the query's words first (`partial`).
 * Order: complete matches before partial ones, then whole phrases, then Pagefind's score.
 */
import type { QueryPlan } from './query.ts';

/**
 * Pagefind's options, the same in the browser and in Node. Ranking: `termSimilarity` 3 (default 1)
 * ranks a page with the query's word itself well above pages with only longer words that start
 * with it; Chinese and Japanese queries are single-character segments as often as not (计 费), and
 * Pagefind matches every word as a prefix (计 → 计划, 计算). Measured on the judged queries.
 */
export const PAGEFIND_OPTIONS = { ranking: { termSimilarity: 3 } } as const;

/** What a search result's `data()` gives (Pagefind 1.6), as far as the site reads it. */
export interface PagefindResultData {
  url: string;
  /** The page's text, words separated by spaces (or U+200B in Chinese and Japanese). */
  raw_content?: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  anchors: { element: string; id: string; text?: string; location: number }[];
  locations: number[];
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Word positions of the matches on the page. */
  words: number[];
  data(): Promise<PagefindResultData>;
}

/** The part of Pagefind's API the ranking uses. */
export interface PagefindSearch {
  search(
    term: string,
    options?: { filters?: Record<string, string | string[]> },
  ): Promise<{ results: PagefindResult[]; unfilteredResultCount: number } | null>;
}

/**
 * A filter no page has. Searched with it, Pagefind returns no results but still counts the pages
 * with the word (`unfilteredResultCount`): whether a word is in the index, at a fraction of the cost
 * of a search that ranks every page it is on.
 */
const NO_PAGE = { cloud: '\u0000' };

export interface RankedResult {
  /** Pagefind's page id. */
  id: string;
  /** Pagefind's score for the best variant that matched (in the word-by-word fallback, the sum over words). */
  score: number;
  /** How many of the query's phrases the page contains whole. */
  phrases: number;
  /** Share of the query's words on the page: 1, or less for a partial match. */
  coverage: number;
  /** Word positions of every match, across variants, ascending. */
  locations: number[];
  /** The page's data (content, anchors, meta), loaded on demand. */
  data(): Promise<PagefindResultData>;
}

export interface RankedSearch {
  results: RankedResult[];
  /** True when no page has every word and the results are the best partial matches. */
  partial: boolean;
  /** Every term looked up (for highlighting). */
  terms: string[];
}

interface Entry {
  result: PagefindResult;
  score: number;
  phrases: Set<string>;
  locations: Set<number>;
  coverage: number;
}

function entry(map: Map<string, Entry>, result: PagefindResult): Entry {
  let found = map.get(result.id);
  if (!found) {
    found = { result, score: 0, phrases: new Set(), locations: new Set(), coverage: 0 };
    map.set(result.id, found);
  }
  return found;
}

/** Records one way a page matched: the best coverage (then score) wins; positions add up. */
function offer(e: Entry, coverage: number, score: number, words: readonly number[]): void {
  if (coverage > e.coverage || (coverage === e.coverage && score > e.score)) {
    e.coverage = coverage;
    e.score = score;
  }
  for (const w of words) e.locations.add(w);
}

/** Complete matches first, then pages with whole phrases, then Pagefind's score. */
function ranked(map: Map<string, Entry>): RankedResult[] {
  return [...map.values()]
    .map((e) => ({
      id: e.result.id,
      score: e.score,
      phrases: e.phrases.size,
      coverage: e.coverage,
      locations: [...e.locations].sort((a, b) => a - b),
      data: () => e.result.data(),
    }))
    .sort((a, b) => b.coverage - a.coverage || b.phrases - a.phrases || b.score - a.score);
}

/**
 * Searches every variant of `plan` with `filters` (for example `{ cloud: 'global' }`) and ranks
 * the pages. Resolves to no results for an empty plan. `prefetch`: how many results will be shown,
 * whose data is fetched early.
 *
 * Pagefind requires every query word that is in the index and silently ignores one that is not
 * (a question word, a typo), so each word is also looked up in the index (`NO_PAGE`): a variant
 * with words that are not gives partial matches, ranked after complete ones.
 */
export async function runSearch(
  pagefind: PagefindSearch,
  plan: QueryPlan,
  filters: Record<string, string | string[]>,
  options: { prefetch?: number } = {},
): Promise<RankedSearch> {
  const terms = [...new Set(plan.variants.flatMap((v) => v.terms))];
  const search = async (term: string): Promise<PagefindResult[]> => (await pagefind.search(term, { filters }))?.results ?? [];
  const first = search(plan.variants[0]?.terms.join(' ') ?? '');
  if (options.prefetch) {
    // The reader's own words usually rank the pages shown: fetch their data (a network round trip)
    // while the other variants, phrases and words are searched. Pagefind caches what it fetched.
    void first.then((results) => Promise.all(results.slice(0, options.prefetch).map((r) => r.data()))).catch(() => undefined);
  }
  const [whole, indexed] = await Promise.all([
    Promise.all(plan.variants.map((v, i) => (i === 0 ? first : search(v.terms.join(' '))))),
    Promise.all(terms.map(async (term) => ((await pagefind.search(term, { filters: NO_PAGE }))?.unfilteredResultCount ?? 0) > 0)),
  ]);
  const inIndex = new Set(terms.filter((_, i) => indexed[i]));
  // Phrases whose words are all in the index (no other can match whole).
  const phrases = [...new Set(plan.variants.flatMap((v) => v.phrases.filter((p) => p.every((t) => inIndex.has(t))).map((p) => p.join(' '))))];
  const exact = Promise.all(phrases.map((p) => search(`"${p}"`)));
  const pages = new Map<string, Entry>();
  for (const [i, variant] of plan.variants.entries()) {
    const found = variant.terms.filter((t) => inIndex.has(t)).length;
    if (found === 0) continue;
    const coverage = found / variant.terms.length;
    for (const result of whole[i]!) {
      offer(entry(pages, result), coverage, result.score, result.words);
    }
  }
  if (pages.size === 0) {
    // No page in the reader's scope has all the words a variant has in common with the index:
    // rank pages by how many of a variant's words they have.
    const single = new Map(await Promise.all([...inIndex].map(async (term) => [term, await search(term)] as const)));
    for (const variant of plan.variants) {
      const perPage = new Map<string, { result: PagefindResult; found: number; score: number; words: number[] }>();
      for (const term of variant.terms) {
        for (const result of single.get(term) ?? []) {
          const p = perPage.get(result.id) ?? { result, found: 0, score: 0, words: [] };
          p.found++;
          p.score += result.score;
          p.words.push(...result.words);
          perPage.set(result.id, p);
        }
      }
      for (const p of perPage.values()) offer(entry(pages, p.result), p.found / variant.terms.length, p.score, p.words);
    }
  }
  for (const [i, results] of (await exact).entries()) {
    for (const result of results) pages.get(result.id)?.phrases.add(phrases[i]!);
  }
  const results = ranked(pages);
  return { results, partial: results.length > 0 && results[0]!.coverage < 1, terms };
}
