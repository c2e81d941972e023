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
import { indexedWordsAt, UNSTEMMED } from './excerpt.ts';
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


/**
 * Whether some word in the index begins with `term` (the way Pagefind matches a query word).
 *
 * Pagefind, given a word that no index word begins with, silently searches a shorter prefix of it
 * instead (주의 → 주, matching 주는; 인보이스 → 인 …, matching 이를), so a count of pages does not
 * say whether the word itself is there. For Hangul, Han and kana, the words Pagefind matched on the
 * first page it returns are read back (one page's fragment, usually a result shown anyway): the term
 * is there when one of them contains it (Pagefind also indexes the parts of a Chinese or Japanese
 * compound: 額 matches 金額). A Korean syllable or a kana is not a word, so a Hangul or kana term must
 * be matched whole (주의 never as 주); a Han character is a morpheme, so a Chinese or Japanese term
 * that begins with one may be matched by its first character (付钱 by 付款). Latin-script words are
 * stemmed by Pagefind (escalating → escal), so for them the count stands.
 */
const HAN_START = /^\p{Script=Han}/u;

async function inIndex(pagefind: PagefindSearch, term: string): Promise<boolean> {
  if (!UNSTEMMED.test(term)) return ((await pagefind.search(term, { filters: NO_PAGE }))?.unfilteredResultCount ?? 0) > 0;
  const first = (await pagefind.search(term))?.results[0];
  if (!first) return false;
  const least = HAN_START.test(term) ? [...term][0]! : term;
  return indexedWordsAt(await first.data(), first.words).some((word) => word.includes(least));
}

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
 * Pagefind requires every query word, and searches a word that is not in the index as a shorter
 * prefix of it (or ignores it), so each word is also looked up in the index (`inIndex`): a variant
 * is searched with its words that are, and ranked as a partial match after complete ones.
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
    Promise.all(terms.map((term) => inIndex(pagefind, term))),
  ]);
  const present = new Set(terms.filter((_, i) => indexed[i]));
  // Phrases whose words are all in the index (no other can match whole).
  const phrases = [...new Set(plan.variants.flatMap((v) => v.phrases.filter((p) => p.every((t) => present.has(t))).map((p) => p.join(' '))))];
  const exact = Promise.all(phrases.map((p) => search(`"${p}"`)));
  // A variant with words not in the index is searched again without them (Pagefind would match
  // them by a shorter prefix).
  const searched = await Promise.all(
    plan.variants.map((v, i) => {
      const found = v.terms.filter((t) => present.has(t));
      return found.length === v.terms.length || found.length === 0 ? whole[i]! : search(found.join(' '));
    }),
  );
  const pages = new Map<string, Entry>();
  for (const [i, variant] of plan.variants.entries()) {
    const found = variant.terms.filter((t) => present.has(t)).length;
    if (found === 0) continue;
    const coverage = found / variant.terms.length;
    for (const result of searched[i]!) {
      offer(entry(pages, result), coverage, result.score, result.words);
    }
  }
  if (pages.size === 0) {
    // No page in the reader's scope has all the words a variant has in common with the index:
    // rank pages by how many of a variant's words they have.
    const single = new Map(await Promise.all([...present].map(async (term) => [term, await search(term)] as const)));
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
