/**
 * The section id a heading had before an author's change, as the rest of the content still knows
 * it: what the other locales of its file give the same heading, and what links to its article ask
 * for. Hints that replace an id (a duplicate, an id of the layout) propose it first, so that
 * following them keeps translations and links working.
 */
import { LOCALE_CODES, type Cloud, type Locale } from '../site.ts';
import type { KnowledgeBase } from './kb.ts';
import { resolveLink } from './resolve.ts';
import type { ArticleFile } from './types.ts';

/** The id that every other locale of the file's variant gives heading `index` (same depth, written by the author), if they agree. */
export function idOtherLocalesGive(kb: KnowledgeBase, file: ArticleFile, index: number): string | undefined {
  const variant = kb.article(file.slug)?.variants.find((v) => v.key === file.variantKey);
  const heading = file.parsed.headings[index]!;
  const ids = new Set<string>();
  for (const locale of LOCALE_CODES) {
    const other = locale === file.locale ? undefined : variant?.files[locale]?.parsed.headings[index];
    if (other?.explicit && other.depth === heading.depth) ids.add(other.id);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** The one section id that links to the file's article point to (in any file, redirects followed) and the file does not have. */
export function idLinksWant(kb: KnowledgeBase, file: ArticleFile): string | undefined {
  const ids = new Set(file.parsed.headings.map((h) => h.id));
  const wanted = new Set<string>();
  for (const article of kb.articles.values()) {
    for (const variant of article.variants) {
      for (const from of Object.values(variant.files)) {
        if (!from) continue;
        const context = { locale: from.locale as Locale, cloud: (from.frontmatter.clouds[0] ?? 'global') as Cloud, slug: from.slug };
        for (const link of from.parsed.links) {
          const r = resolveLink(kb, context, link.url);
          if (r.kind === 'article' && r.slug === file.slug && r.anchor !== undefined && !ids.has(r.anchor)) wanted.add(r.anchor);
        }
      }
    }
  }
  return wanted.size === 1 ? [...wanted][0] : undefined;
}
