/**
 * From what a reader typed to what the search engine looks up (shared by the search UI, the
 * judged-query evaluation and the benchmark).
 *
 * A query is split into words the way Pagefind splits it (white space; Chinese and Japanese by
 * `Intl.Segmenter`), then:
 * - synonyms from `content/terminology.yaml` add variants of the query with the other words of a
 *   group (账单 → 计费; 마이크로소프트 → Microsoft), searched alongside the reader's words;
 * - stop words (`stop-words.ts`) are dropped, unless that would leave nothing, or the word as typed
 *   names something: an acronym or part of a capitalised term (US in "US Government");
 * - Korean words are reduced to their stems (`korean.ts`), as the index is. The reader's whole
 *   word is kept in the search: Pagefind matches a query word as a prefix, so the stem finds every
 *   index word that begins with the word as typed (분쟁 finds 분쟁, 분쟁을, 분쟁이 …);
 * - runs of two or more adjacent words become phrases, whose whole-term matches rank first.
 */
import type { Locale } from '../site.ts';
import { koreanStem, koreanStemCandidates } from './korean.ts';
import { STOP_WORDS } from './stop-words.ts';

/** At most this many variants of one query are searched (the reader's own words first). */
export const MAX_VARIANTS = 8;

/** The languages Pagefind segments at query time with Intl.Segmenter (as it does at index time). */
function segmented(locale: Locale): boolean {
  return locale === 'zh' || locale === 'ja';
}

export interface QueryWord {
  /** As typed (NFKC). */
  text: string;
  /** Lower-cased, typographic apostrophes made straight: what matching compares. */
  norm: string;
}

/** Leading and trailing punctuation of a white-space word ("(billing)," → "billing"). */
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** NFKC, single spaces, trimmed. */
export function normalizeQuery(query: string): string {
  return query.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const wordSegmenters = new Map<Locale, Intl.Segmenter>();

/** The words of a text as search compares them: white-space words, or segments for zh and ja. */
export function queryWords(locale: Locale, text: string): QueryWord[] {
  const normalized = normalizeQuery(text);
  let segmenter = wordSegmenters.get(locale);
  if (!segmenter && segmented(locale)) wordSegmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  const raw = segmenter
    ? [...segmenter.segment(normalized)].filter((s) => s.isWordLike).map((s) => s.segment)
    : normalized.split(' ').map((w) => w.replace(EDGE_PUNCTUATION, ''));
  return raw.filter((w) => w.length > 0).map((text) => ({ text, norm: text.toLowerCase().replace(/[’‘]/g, "'") }));
}

/**
 * Forms of a word a synonym may be written as. Korean: the word and every way to strip a particle,
 * even below two syllables (돈을 → 돈), since a synonym group names real words.
 */
function synonymForms(locale: Locale, word: QueryWord): string[] {
  return locale === 'ko' ? koreanStemCandidates(word.norm) : [word.norm];
}

interface CompiledGroup {
  terms: QueryWord[][];
}

/** A locale's synonym groups, split into words once. */
export interface Synonyms {
  locale: Locale;
  groups: CompiledGroup[];
}

/** Prepares the synonym groups of one locale (each group: terms that mean the same to a reader). */
export function compileSynonyms(locale: Locale, groups: readonly (readonly string[])[]): Synonyms {
  return {
    locale,
    groups: groups.map((terms) => ({ terms: terms.map((t) => queryWords(locale, t)).filter((words) => words.length > 0) })),
  };
}

export interface SearchVariant {
  /** The words looked up, in order (Korean: stems). */
  terms: string[];
  /** Runs of two or more terms that stood next to each other in the query. */
  phrases: string[][];
  /** True when a synonym replaced some of the reader's words. */
  synonym: boolean;
}

export interface QueryPlan {
  /** The query as typed, normalized. */
  query: string;
  /** The reader's words first, then synonyms; never empty for a non-empty query. */
  variants: SearchVariant[];
}

interface Slot {
  word: QueryWord;
  /** The word is a stop word (dropped, and it breaks a phrase). */
  stop: boolean;
}

/** Where a term of a group matches the words at `at` (its length), Korean by stem. */
function matchLength(locale: Locale, words: readonly QueryWord[], at: number, term: readonly QueryWord[]): number {
  if (at + term.length > words.length) return 0;
  for (let i = 0; i < term.length; i++) {
    if (!synonymForms(locale, words[at + i]!).includes(term[i]!.norm)) return 0;
  }
  return term.length;
}

/** The query's words with each synonym alternative, as lists of words (the reader's own first). */
function synonymVariants(words: readonly QueryWord[], synonyms: Synonyms | undefined): { words: QueryWord[]; synonym: boolean }[] {
  // Segments: either a run of the reader's words, or a choice among a group's terms.
  const choices: QueryWord[][][] = [];
  let plain: QueryWord[] = [];
  for (let at = 0; at < words.length; ) {
    let best: { length: number; group: CompiledGroup; term: QueryWord[] } | undefined;
    for (const group of synonyms?.groups ?? []) {
      for (const term of group.terms) {
        const length = matchLength(synonyms!.locale, words, at, term);
        if (length > (best?.length ?? 0)) best = { length, group, term };
      }
    }
    if (!best) {
      plain.push(words[at]!);
      at++;
      continue;
    }
    if (plain.length > 0) choices.push([plain]);
    plain = [];
    const own = words.slice(at, at + best.length);
    choices.push([own, ...best.group.terms.filter((t) => t !== best.term)]);
    at += best.length;
  }
  if (plain.length > 0) choices.push([plain]);
  // The product of the choices, the reader's own words first, at most MAX_VARIANTS.
  let variants: { words: QueryWord[]; synonym: boolean }[] = [{ words: [], synonym: false }];
  for (const options of choices) {
    const next: { words: QueryWord[]; synonym: boolean }[] = [];
    for (const [i, option] of options.entries()) {
      for (const v of variants) {
        if (next.length < MAX_VARIANTS) next.push({ words: [...v.words, ...option], synonym: v.synonym || i > 0 });
      }
    }
    variants = next;
  }
  return variants;
}

/** A stop word as typed, or (Korean) by its stem: 방법은 → 방법. */
function isStopWord(locale: Locale, word: QueryWord): boolean {
  const stops = STOP_WORDS[locale];
  return stops.has(word.norm) || (locale === 'ko' && stops.has(koreanStem(word.norm).stem));
}

/** An acronym as typed (US, IT, SLA): two or more capitals and no lower case. */
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]+$/u;
const CAPITALISED = /^\p{Lu}/u;

/**
 * A stop word that names something in the query as typed: an acronym (US in "US Government"),
 * or a capitalised word next to another inside a capitalised term ("Bank Of America"; the first
 * word of the query is capitalised anyway and does not count). A query typed all in capitals has
 * no acronyms.
 */
function namesSomething(words: readonly QueryWord[], at: number): boolean {
  const shouting = words.every((w) => !/\p{Ll}/u.test(w.text));
  const word = words[at]!.text;
  if (!shouting && ACRONYM.test(word)) return true;
  if (at === 0 || !CAPITALISED.test(word)) return false;
  const neighbour = (i: number): boolean => i > 0 && i < words.length && CAPITALISED.test(words[i]!.text);
  return neighbour(at - 1) || neighbour(at + 1);
}

function toVariant(locale: Locale, words: readonly QueryWord[], synonym: boolean): SearchVariant {
  const slots: Slot[] = words.map((word, at) => ({ word, stop: isStopWord(locale, word) && !namesSomething(words, at) }));
  const kept = slots.some((s) => !s.stop) ? slots : slots.map((s) => ({ ...s, stop: false }));
  const term = (w: QueryWord): string => (locale === 'ko' ? koreanStem(w.norm).stem : w.norm);
  const terms: string[] = [];
  const phrases: string[][] = [];
  let run: string[] = [];
  for (const slot of kept) {
    if (slot.stop) {
      if (run.length > 1) phrases.push(run);
      run = [];
      continue;
    }
    terms.push(term(slot.word));
    run.push(term(slot.word));
  }
  if (run.length > 1) phrases.push(run);
  return { terms, phrases, synonym };
}

/**
 * The plan for a query in a locale: the variants to search. `synonyms` are the locale's groups
 * (`compileSynonyms`); without them only the reader's words are searched.
 */
export function planQuery(locale: Locale, query: string, synonyms?: Synonyms): QueryPlan {
  const normalized = normalizeQuery(query);
  const words = queryWords(locale, normalized);
  const variants: SearchVariant[] = [];
  const seen = new Set<string>();
  const add = (variant: SearchVariant): void => {
    const key = variant.terms.join(' ');
    if (variant.terms.length === 0 || seen.has(key) || variants.length >= MAX_VARIANTS) return;
    seen.add(key);
    variants.push(variant);
  };
  for (const alternative of synonymVariants(words, synonyms)) add(toVariant(locale, alternative.words, alternative.synonym));
  return { query: normalized, variants };
}

/**
 * What to look up while the reader is still typing: in languages written with spaces, a last word of
 * one letter is left out until the next key (as the only word, nothing is searched yet). Pagefind
 * matches a word as a prefix, so a single letter would fetch every index chunk with words that
 * start with it, to be thrown away a keystroke later. Chinese and Japanese characters are words.
 */
export function typedSoFar(locale: Locale, text: string): string {
  if (locale === 'zh' || locale === 'ja' || /\s$/.test(text)) return text;
  const words = text.trim().split(/\s+/);
  return [...words.at(-1)!].length === 1 ? words.slice(0, -1).join(' ') : text;
}

/**
 * A search result's URL in the reader's cloud. Pagefind indexes each variant once, at its canonical
 * cloud's URL; the cloud filter guarantees the variant serves the reader's cloud, so the same slug
 * exists there.
 */
export function resultUrlForCloud(url: string, cloud: string): string {
  const origin = /^[a-z]+:\/\/[^/]+/i.exec(url)?.[0] ?? '';
  return origin + url.slice(origin.length).replace(/^(\/[a-z]{2}\/)[a-z]+(\/[^/]+\/)/, `$1${cloud}$2`);
}
