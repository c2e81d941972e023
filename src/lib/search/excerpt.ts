/**
 * What a search result shows: the section that matches best (Pagefind's anchors and match
 * positions, as its sub results are computed), and an excerpt of it cut on sentence and word
 * boundaries (`Intl.Segmenter`, so Chinese, Japanese and Korean are never cut inside a word), with
 * the matched words highlighted and nothing else: a highlight covers the letters that matched, not
 * the punctuation or the Korean particle around them.
 *
 * Input is a result's `data()` (Pagefind 1.6) and the match positions of every variant of the query
 * (`engine.ts`); positions index the page's words as Pagefind counts them: the stored text split on
 * U+200B where Pagefind segmented it (Chinese, Japanese), else on white space.
 */
import type { Locale } from '../site.ts';
import type { PagefindResultData } from './engine.ts';
import { decodeFromIndex, indexedStemLength } from './korean.ts';

export interface ExcerptPart {
  text: string;
  /** A matched word. */
  mark?: true;
}

export interface SectionMatch {
  /** The heading's text, or the page title for matches before the first heading. */
  title: string;
  /** The page URL, with `#id` of the heading for a section. */
  url: string;
  /** The heading's id (absent for the top of the page). */
  anchor?: string;
  excerpt: ExcerptPart[];
  /** Matches in the section; those in its heading, and those next to another, count twice. */
  hits: number;
}

export interface ResultView {
  title: string;
  /** The best section's URL (a deep link when the best matches are under a heading). */
  url: string;
  excerpt: ExcerptPart[];
  /** Sections with matches, best first (the first is the one `url` and `excerpt` show). */
  sections: SectionMatch[];
  meta: Record<string, string | undefined>;
}

export interface ExcerptOptions {
  locale: Locale;
  /** The looked-up terms (lower case; Korean stems), to highlight only what matched inside a word. */
  terms: readonly string[];
  /** Excerpt length in columns (a Chinese, Japanese or Korean character counts two). Default 160. */
  width?: number;
  /** At most this many sections (default 3). */
  sections?: number;
}

interface Word {
  /** Offsets of the word in the page's display text. */
  start: number;
  end: number;
  /** The end of the part to highlight: Korean stems stop before the particle. */
  stemEnd: number;
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Display columns of a text: two for each wide (CJK) character. */
export function columns(text: string): number {
  let n = 0;
  for (const c of text) n += WIDE.test(c) ? 2 : 1;
  return n;
}

const IDEOGRAPHIC_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/** Pagefind's JS HTML-escapes `<` and `>` in `raw_content`; this undoes exactly that. */
function storedText(data: PagefindResultData): string {
  return data.raw_content !== undefined ? data.raw_content.replace(/&lt;/g, '<').replace(/&gt;/g, '>') : data.content;
}

/** The page's display text and its words, as positions count them. */
function pageWords(data: PagefindResultData): { text: string; words: Word[] } {
  const stored = storedText(data);
  const segmented = stored.includes('\u200B');
  const parts = segmented ? stored.split('\u200B') : stored.split(/[^\S\uFEFF]+/);
  const joiner = segmented ? '' : ' ';
  let text = '';
  const words: Word[] = [];
  for (const [i, part] of parts.entries()) {
    if (i > 0) text += joiner;
    const stemLength = decodeFromIndex(part.slice(0, indexedStemLength(part))).length;
    // Pagefind ends a block without a full stop of its own (a heading, a list item) with ". ";
    // after Chinese or Japanese text the reader's full stop is 。.
    const display = segmented && part.trim() === '.' && IDEOGRAPHIC_END.test(text) ? '。' : decodeFromIndex(part);
    words.push({ start: text.length, end: text.length + display.length, stemEnd: text.length + Math.min(stemLength, display.length) });
    text += display;
  }
  return { text, words };
}

/**
 * The indexed part of the page's words at `positions` (Pagefind word positions), lower-cased: a
 * Korean word without its particle, a Chinese or Japanese segment, else the word as written.
 */
export function indexedWordsAt(data: PagefindResultData, positions: readonly number[]): string[] {
  const { text, words } = pageWords(data);
  return positions.flatMap((p) => (words[p] ? [text.slice(words[p].start, words[p].stemEnd).toLowerCase()] : []));
}

/** How many words from `from` spell `heading` (Pagefind stores a heading's text as words, then its body). */
function headingWords(text: string, words: readonly Word[], from: number, to: number, heading: string): number {
  const target = heading.replace(/\s+/g, '').length;
  let length = 0;
  let n = 0;
  while (length < target && from + n < to) {
    const w = words[from + n]!;
    length += text.slice(w.start, w.end).replace(/\s+/g, '').length;
    n++;
  }
  return n;
}

const LETTERS = /[\p{L}\p{N}]+/gu;
/** A word in a script Pagefind does not stem: Hangul, Han, kana. */
export const UNSTEMMED = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The ranges of a matched word to highlight: its letters, only the parts that start with a term. */
function markRanges(text: string, word: Word, terms: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  const core = text.slice(word.start, word.stemEnd);
  for (const m of core.matchAll(LETTERS)) runs.push([word.start + m.index, word.start + m.index + m[0].length]);
  if (runs.length === 0) return [];
  const starting = runs.filter(([a, b]) => {
    const run = text.slice(a, b).toLowerCase();
    return terms.some((t) => t.length > 0 && run.startsWith(t));
  });
  if (starting.length > 0) return starting;
  // A stemmed match (escalating → escalate): the word's letters, without punctuation. Hangul, Han
  // and kana are not stemmed: a word there that begins with no term is not the query's word.
  if (UNSTEMMED.test(core)) return [];
  return [[runs[0]![0], runs.at(-1)![1]]];
}

const segmenters = new Map<string, Intl.Segmenter>();

function segments(locale: Locale, text: string, granularity: 'sentence' | 'word'): { start: number; end: number }[] {
  const key = `${locale} ${granularity}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) segmenters.set(key, (segmenter = new Intl.Segmenter(locale, { granularity })));
  return [...segmenter.segment(text)].map((s) => ({ start: s.index, end: s.index + s.segment.length }));
}

interface Span {
  start: number;
  end: number;
  /** The span begins (ends) inside a sentence. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** The span of `text` to show around `focus`: whole sentences when they fit, else whole words. */
function window(locale: Locale, text: string, from: number, to: number, focus: number, width: number): Span {
  const body = text.slice(from, to);
  const sentences = segments(locale, body, 'sentence').map((s) => ({ start: s.start + from, end: s.end + from }));
  const at = Math.max(0, sentences.findIndex((s) => s.end > focus));
  const first = sentences[at] ?? { start: from, end: to };
  if (columns(text.slice(first.start, first.end)) <= width) {
    let end = first.end;
    for (const next of sentences.slice(at + 1)) {
      if (columns(text.slice(first.start, next.end)) > width) break;
      end = next.end;
    }
    return { start: first.start, end, cutStart: false, cutEnd: false };
  }
  // One sentence longer than the excerpt: whole words around the focus, a quarter of it before.
  const words = segments(locale, text.slice(first.start, first.end), 'word').map((w) => ({ start: w.start + first.start, end: w.end + first.start }));
  let start = first.start;
  for (const w of words) {
    if (w.start > focus) break;
    if (columns(text.slice(w.start, focus)) <= width / 4) {
      start = w.start;
      break;
    }
  }
  let end = start;
  for (const w of words) {
    if (w.start < start) continue;
    if (columns(text.slice(start, w.end)) > width) break;
    end = w.end;
  }
  end = Math.max(end, Math.min(first.end, focus + 1));
  return { start, end, cutStart: start > first.start, cutEnd: end < first.end };
}

function excerpt(locale: Locale, text: string, words: readonly Word[], from: number, to: number, hits: readonly number[], terms: readonly string[], width: number): ExcerptPart[] {
  const start = words[from]?.start ?? text.length;
  const end = to > from ? words[to - 1]!.end : start;
  // The match with the most others within one excerpt after it.
  let focus = hits[0] ?? from;
  let best = -1;
  for (const h of hits) {
    const count = hits.filter((o) => o >= h && columns(text.slice(words[h]!.start, words[o]!.end)) <= width).length;
    if (count > best) {
      best = count;
      focus = h;
    }
  }
  const span = window(locale, text, start, end, words[focus]?.start ?? start, width);
  const marks = hits
    .flatMap((h) => markRanges(text, words[h]!, terms))
    .filter(([a, b]) => a >= span.start && b <= span.end)
    .sort((a, b) => a[0] - b[0]);
  const parts: ExcerptPart[] = [];
  const plain = (t: string): void => {
    if (t) parts.push({ text: t });
  };
  let cursor = span.start;
  for (const [a, b] of marks) {
    if (a < cursor) continue;
    // Touching highlights (the segments of one Chinese word) become one.
    const last = parts.at(-1);
    if (a === cursor && last?.mark) last.text += text.slice(a, b);
    else {
      plain(text.slice(cursor, a));
      parts.push({ text: text.slice(a, b), mark: true });
    }
    cursor = b;
  }
  plain(text.slice(cursor, span.end));
  // Trim the edges and mark a cut with an ellipsis.
  if (parts[0] && !parts[0].mark) parts[0].text = parts[0].text.trimStart();
  const tail = parts.at(-1);
  if (tail && !tail.mark) tail.text = tail.text.trimEnd();
  if (span.cutStart) parts.unshift({ text: '… ' });
  if (span.cutEnd) parts.push({ text: ' …' });
  return parts.filter((p) => p.text.length > 0);
}

/**
 * The view of one result: its sections with matches (best first) and their excerpts.
 * `locations` are the match positions on the page; `url` is the page URL to link (in the reader's cloud).
 */
export function resultView(data: PagefindResultData, locations: readonly number[], url: string, options: ExcerptOptions): ResultView {
  const { locale, terms } = options;
  const width = options.width ?? 160;
  const { text, words } = pageWords(data);
  const title = decodeFromIndex(data.meta['title'] ?? '');
  const anchors = data.anchors
    .filter((a) => /^h[2-6]$/i.test(a.element) && a.id && a.location < words.length)
    .sort((a, b) => a.location - b.location);
  const bounds = [{ from: 0, title, anchor: undefined as string | undefined, heading: title }, ...anchors.map((a) => ({ from: a.location, title: decodeFromIndex(a.text ?? a.id), anchor: a.id, heading: decodeFromIndex(a.text ?? '') }))];
  const sections: SectionMatch[] = [];
  for (const [i, b] of bounds.entries()) {
    const to = bounds[i + 1]?.from ?? words.length;
    const hits = locations.filter((l) => l >= b.from && l < to && l < words.length);
    if (hits.length === 0) continue;
    let skip = headingWords(text, words, b.from, to, b.heading);
    // Pagefind ends a heading with a full stop of its own (a word of its own in Chinese and Japanese).
    while (b.from + skip < to && !/[\p{L}\p{N}]/u.test(text.slice(words[b.from + skip]!.start, words[b.from + skip]!.end))) skip++;
    const inBody = hits.filter((h) => h >= b.from + skip);
    // A match in the heading says more about the section than one in its text, and words of the
    // query side by side (a phrase) more than apart: each counts twice.
    const adjacent = hits.filter((h) => hits.includes(h - 1)).length;
    const weight = hits.length + (hits.length - inBody.length) + adjacent;
    sections.push({
      title: b.title,
      url: b.anchor ? `${url}#${b.anchor}` : url,
      ...(b.anchor ? { anchor: b.anchor } : {}),
      excerpt: excerpt(locale, text, words, b.from + skip, to, inBody, terms, width),
      hits: weight,
    });
  }
  // The section with the most matches first; ties keep page order.
  const ranked = sections.map((s, i) => ({ s, i })).sort((a, b) => b.s.hits - a.s.hits || a.i - b.i).map((x) => x.s);
  const best = ranked[0];
  return {
    title,
    url: best?.url ?? url,
    excerpt: best?.excerpt ?? excerpt(locale, text, words, 0, words.length, [], terms, width),
    sections: ranked.slice(0, options.sections ?? 3),
    meta: data.meta,
  };
}
