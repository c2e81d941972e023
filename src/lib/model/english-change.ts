/**
 * What changed in English since a translation was made: the English version the translation
 * records (found in git history by its hash, `history.ts`) compared with today's English, section
 * by section (`section-diff.ts`). One answer for `npm run kb -- diff <slug> --locale ko`, the
 * compare page and the XLIFF export.
 */
import { parseMdx, type ParsedSection } from '../mdx/parse.ts';
import { SOURCE_LOCALE } from '../site.ts';
import type { FileVersion, SourceHistory } from './history.ts';
import type { KnowledgeBase } from './kb.ts';
import { diffSections, wordDiff, type SectionChange, type WordChange } from './section-diff.ts';
import type { ArticleFile } from './types.ts';

export type EnglishChange =
  /** The translation records today's English: nothing to show. */
  | { status: 'current'; english: ArticleFile }
  /** The translation records an older English, found in history. */
  | {
      status: 'changed';
      english: ArticleFile;
      /** The English version the translation was made from. */
      from: FileVersion;
      /** Its sections, for aligning the translation with today's English. */
      fromSections: ParsedSection[];
      /** The commit that changed it (undefined: the change is not committed yet). */
      changedBy: FileVersion | undefined;
      /** Front matter fields a translator translates (title, description) that changed. */
      fields: { field: 'title' | 'description'; words: WordChange[] }[];
      sections: SectionChange[];
    }
  /** The translation records an older English that history does not have (`message` says why). */
  | { status: 'unknown'; english: ArticleFile; reason: 'no-git' | 'shallow' | 'not-found' | 'no-hash'; message: string };

/**
 * The English change since a translation was made, or undefined for a file that is not a
 * translation with an English source.
 */
export function englishChangeSince(kb: KnowledgeBase, history: SourceHistory, translation: ArticleFile): EnglishChange | undefined {
  if (translation.locale === SOURCE_LOCALE) return undefined;
  const english = kb.sourceOf(translation);
  if (!english) return undefined;
  const recorded = translation.frontmatter.translation?.sourceHash;
  if (recorded === undefined) {
    return { status: 'unknown', english, reason: 'no-hash', message: `${translation.path} records no translation.sourceHash, so the English it was made from is unknown.` };
  }
  if (recorded === english.hash) return { status: 'current', english };
  const found = history.find(english.path, recorded);
  if (!found.found) return { status: 'unknown', english, reason: found.reason, message: found.message };
  let parsed: ReturnType<typeof parseMdx>;
  try {
    parsed = parseMdx(found.version.text);
  } catch {
    return { status: 'unknown', english, reason: 'not-found', message: `${english.path} at ${found.version.commit.slice(0, 7)} (hash ${recorded}) is not valid MDX, so it cannot be compared.` };
  }
  const before = (parsed.frontmatter.data ?? {}) as { title?: unknown; description?: unknown };
  const fields: { field: 'title' | 'description'; words: WordChange[] }[] = [];
  for (const field of ['title', 'description'] as const) {
    const old = typeof before[field] === 'string' ? before[field] : '';
    const now = english.frontmatter[field] ?? '';
    if (old !== now) fields.push({ field, words: wordDiff(old, now, SOURCE_LOCALE) });
  }
  return {
    status: 'changed',
    english,
    from: found.version,
    fromSections: parsed.sections,
    changedBy: found.changedBy,
    fields,
    sections: diffSections(parsed.sections, english.parsed.sections, SOURCE_LOCALE),
  };
}
