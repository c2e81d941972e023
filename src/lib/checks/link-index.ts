/**
 * Every link of every page a reader can reach, resolved once with the site's own resolver
 * (`resolveLink`): each file in each cloud of its variant, in its own locale, and each English file
 * again in every locale where it stands in for a missing translation. The link, variant and
 * translation checks all read this index, so no check resolves a link a second way.
 */
import type { ParsedLink } from '../mdx/parse.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import { resolveLink, type Resolution } from '../model/resolve.ts';
import type { ArticleFile } from '../model/types.ts';
import type { Cloud, Locale } from '../site.ts';
import { cloudOnlyRanges, shownTo } from './terminology.ts';

export interface ResolvedLink {
  /** The file the link is written in. */
  file: ArticleFile;
  link: ParsedLink;
  /** The reader's locale and cloud. */
  locale: Locale;
  cloud: Cloud;
  /** True when `file` is English shown to a reader of `locale` in place of a missing translation. */
  fallbackPage: boolean;
  resolution: Resolution;
}

export interface LinkIndex {
  all: ResolvedLink[];
  /** By the linking file's path. */
  byFile: Map<string, ResolvedLink[]>;
  /** Section id → the files of an article (any variant, any locale) that have it; computed once per slug. */
  anchorsOf(slug: string): ReadonlyMap<string, ArticleFile[]>;
}

export function buildLinkIndex(kb: KnowledgeBase): LinkIndex {
  const all: ResolvedLink[] = [];
  const rangesByFile = new Map<ArticleFile, ReturnType<typeof cloudOnlyRanges>>();
  const cloudOnly = (file: ArticleFile): ReturnType<typeof cloudOnlyRanges> => {
    let ranges = rangesByFile.get(file);
    if (!ranges) rangesByFile.set(file, (ranges = cloudOnlyRanges(file)));
    return ranges;
  };
  const byFile = new Map<string, ResolvedLink[]>();
  // A resolution depends only on the reader's locale and cloud, the URL and (for `#anchor` links)
  // the linking article; translations repeat their source's links, so share identical ones.
  const memos = new Map<string, Map<string, Resolution>>();
  for (const page of kb.pages()) {
    const { file } = page;
    const links = file.parsed.links;
    if (links.length === 0) continue;
    let list = byFile.get(file.path);
    if (!list) byFile.set(file.path, (list = []));
    const context = { locale: page.locale, cloud: page.cloud, slug: file.slug };
    const reader = `${page.locale}/${page.cloud}`;
    let memo = memos.get(reader);
    if (!memo) memos.set(reader, (memo = new Map()));
    const resolveMemo = (url: string): Resolution => {
      const key = /^\s*([?#]|$)/.test(url) ? `${context.slug}\0${url}` : url;
      let resolution = memo.get(key);
      if (!resolution) memo.set(key, (resolution = resolveLink(kb, context, url)));
      return resolution;
    };
    // A link inside <CloudOnly> exists only for the clouds the block is shown to.
    const ranges = cloudOnly(file);
    for (const link of links) {
      if (ranges.length > 0 && !shownTo(ranges, link, page.cloud)) continue;
      const entry: ResolvedLink = {
        file,
        link,
        locale: page.locale,
        cloud: page.cloud,
        fallbackPage: page.fallback,
        resolution: resolveMemo(link.url),
      };
      all.push(entry);
      list.push(entry);
    }
  }
  const anchors = new Map<string, Map<string, ArticleFile[]>>();
  const anchorsOf = (slug: string): ReadonlyMap<string, ArticleFile[]> => {
    let map = anchors.get(slug);
    if (map) return map;
    anchors.set(slug, (map = new Map()));
    for (const variant of kb.article(slug)?.variants ?? []) {
      for (const file of Object.values(variant.files)) {
        for (const heading of file.parsed.headings) {
          const list = map.get(heading.id);
          if (list) list.push(file);
          else map.set(heading.id, [file]);
        }
      }
    }
    return map;
  };
  return { all, byFile, anchorsOf };
}

/** `slug#anchor` for an article link, the URL for anything else: what a link points to. */
export function targetKey(resolution: Resolution): string {
  if (resolution.kind === 'article') return resolution.anchor ? `${resolution.slug}#${resolution.anchor}` : resolution.slug;
  return resolution.href;
}
