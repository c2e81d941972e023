/**
 * Section-by-section differences between two texts of an article, aligned by section id (the
 * language-independent anchors), with a word-level diff of each changed line. Words are found by
 * `Intl.Segmenter` for the text's locale, so Chinese and Japanese, written without spaces, are
 * compared word by word rather than as one long "word" per sentence (jsdiff's `diffWords` takes
 * the segmenter).
 *
 * Used for what changed in English since a translation was made (`npm run kb -- diff <slug>
 * --locale ko`, the compare page) and for how two cloud variants differ.
 */
import { diffArrays, diffWords } from 'diff';
import type { ParsedSection } from '../mdx/parse.ts';
import type { Locale } from '../site.ts';

/** A run of words: kept (`=`), only in the newer text (`+`) or only in the older (`-`). */
export interface WordChange {
  op: '=' | '+' | '-';
  text: string;
}

/** One line of a section (a paragraph, list item, table row or code line; see `ParsedSection.text`). */
export type LineChange =
  | { op: 'same'; text: string }
  | { op: 'added'; text: string }
  | { op: 'removed'; text: string }
  | { op: 'changed'; words: WordChange[] };

export interface SectionChange {
  /** The section id; `''` for the text before the first heading. */
  id: string;
  /** The newer title (the older one for a removed section). */
  title: string;
  /** `added`: only in the newer text; `removed`: only in the older; `changed`; `same`. */
  status: 'added' | 'removed' | 'changed' | 'same';
  /** The title's words, when the title changed. */
  titleChange: WordChange[] | undefined;
  /** Every line of the section, in order (all `added` or all `removed` for a whole section). */
  lines: LineChange[];
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: Locale): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) segmenters.set(locale, (s = new Intl.Segmenter(locale, { granularity: 'word' })));
  return s;
}

/** Word-level differences from `older` to `newer`, words as `Intl.Segmenter` finds them in `locale`. */
export function wordDiff(older: string, newer: string, locale: Locale): WordChange[] {
  return diffWords(older, newer, { intlSegmenter: segmenter(locale) }).map((c) => ({ op: c.added ? '+' : c.removed ? '-' : '=', text: c.value }));
}

/**
 * Line differences of two section texts; a removed line directly replaced by an added one is one
 * `changed` line with its word diff.
 */
export function lineDiff(older: string, newer: string, locale: Locale): LineChange[] {
  const split = (text: string) => (text === '' ? [] : text.split('\n'));
  const out: LineChange[] = [];
  let removed: string[] = [];
  const flush = (added: string[]) => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) out.push({ op: 'changed', words: wordDiff(removed[i]!, added[i]!, locale) });
    for (const text of removed.slice(paired)) out.push({ op: 'removed', text });
    for (const text of added.slice(paired)) out.push({ op: 'added', text });
    removed = [];
  };
  for (const change of diffArrays(split(older), split(newer))) {
    if (change.removed) {
      flush([]);
      removed = change.value;
    } else if (change.added) flush(change.value);
    else {
      flush([]);
      for (const text of change.value) out.push({ op: 'same', text });
    }
  }
  flush([]);
  return out;
}

/** The key a section is aligned by: its id, or its place for an untitled one. */
function sectionKey(section: ParsedSection, index: number): string {
  return section.id || (index === 0 ? '' : `(untitled ${index})`);
}

/**
 * The sections of `newer` in order, each compared with the section of the same id in `older`,
 * then the sections only in `older` (removed), each where it stood relative to the kept ones.
 */
export function diffSections(older: readonly ParsedSection[], newer: readonly ParsedSection[], locale: Locale): SectionChange[] {
  const olderByKey = new Map(older.map((s, i) => [sectionKey(s, i), s]));
  const newerKeys = new Set(newer.map((s, i) => sectionKey(s, i)));
  const out: SectionChange[] = [];
  const removedSection = (s: ParsedSection, key: string): SectionChange => ({
    id: key,
    title: s.title,
    status: 'removed',
    titleChange: undefined,
    lines: lineDiff(s.text, '', locale),
  });
  // Sections only in the older text go before the next section both texts have.
  const olderIndex = new Map(older.map((s, i) => [sectionKey(s, i), i]));
  let olderAt = 0;
  const emitRemovedBefore = (end: number) => {
    for (; olderAt < end; olderAt++) {
      const key = sectionKey(older[olderAt]!, olderAt);
      if (!newerKeys.has(key)) out.push(removedSection(older[olderAt]!, key));
    }
  };
  newer.forEach((s, i) => {
    const key = sectionKey(s, i);
    const before = olderByKey.get(key);
    const at = olderIndex.get(key);
    if (at !== undefined && at >= olderAt) {
      emitRemovedBefore(at);
      olderAt = at + 1;
    }
    if (!before) {
      out.push({ id: key, title: s.title, status: 'added', titleChange: undefined, lines: lineDiff('', s.text, locale) });
      return;
    }
    const titleChange = before.title === s.title ? undefined : wordDiff(before.title, s.title, locale);
    const lines = lineDiff(before.text, s.text, locale);
    const changed = titleChange !== undefined || lines.some((l) => l.op !== 'same');
    out.push({ id: key, title: s.title, status: changed ? 'changed' : 'same', titleChange, lines });
  });
  emitRemovedBefore(older.length);
  return out;
}
