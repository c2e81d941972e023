/**
 * Link resolution. The same function writes a link's URL into the page (the site's `a` component)
 * and decides whether the link check calls it broken, so a check passes if and only if the built
 * site has no such fault.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { CloudRef } from '../render/cloud-token.ts';
import type { Cloud, Locale } from '../site.ts';
import type { KnowledgeBase } from './kb.ts';
import type { ArticleFile } from './types.ts';
import { articleUrl } from './urls.ts';

export interface LinkContext {
  locale: Locale;
  cloud: Cloud;
  /** The file of the linking page (for `#anchor` links to the same page). */
  slug: string;
  /**
   * The cloud written into an article link's URL (default: `cloud`); a token in a page rendered for
   * several clouds (`render/cloud-token.ts`).
   */
  hrefCloud?: CloudRef;
}

export type ArticleLinkStatus = 'ok' | 'missing-article' | 'not-in-cloud' | 'missing-anchor';

export type Resolution =
  | { kind: 'external'; href: string }
  | { kind: 'unsafe'; href: string; scheme: string }
  | { kind: 'malformed'; href: string; reason: string }
  | { kind: 'site-path'; href: string }
  | { kind: 'asset'; href: string; exists: boolean }
  | {
      kind: 'article';
      /** The URL to write into the page (meaningful when status is ok or missing-anchor). */
      href: string;
      slug: string;
      anchor: string | undefined;
      status: ArticleLinkStatus;
      /** The target is shown in English because it is not translated into the reader's locale. */
      fallback: boolean;
      /** The slug as written, when a redirect was followed. */
      redirectedFrom: string | undefined;
      /** "Did you mean" candidates for a missing slug or anchor. */
      suggestions: string[];
      /** The target file the reader sees (undefined when missing or not in cloud). */
      target: ArticleFile | undefined;
    };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const UNSAFE_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file']);
const EXTERNAL_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const ASSET_EXTENSION = /\.(png|jpe?g|gif|svg|webp|avif|pdf|zip|txt|csv|xlsx?|docx?|pptx?|mp4|webm)$/i;
const MAX_REDIRECTS = 5;

/** Browsers ignore ASCII whitespace and control characters inside a scheme; so must we. */
function schemeOf(href: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\u0000-\u0020\u007f]/g, '');
  return SCHEME.exec(cleaned)?.[1]?.toLowerCase();
}

export function resolveLink(kb: KnowledgeBase, context: LinkContext, href: string): Resolution {
  const trimmed = href.trim();
  const scheme = schemeOf(trimmed);
  if (scheme !== undefined) {
    if (UNSAFE_SCHEMES.has(scheme)) return { kind: 'unsafe', href, scheme };
    if (!EXTERNAL_SCHEMES.has(scheme)) return { kind: 'malformed', href, reason: `the "${scheme}:" scheme is not supported` };
    if (scheme === 'http' || scheme === 'https') {
      try {
        const url = new URL(trimmed);
        if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
          return { kind: 'malformed', href, reason: `"${url.hostname}" is not a full host name` };
        }
      } catch {
        return { kind: 'malformed', href, reason: 'it is not a valid URL' };
      }
    }
    return { kind: 'external', href: trimmed };
  }
  if (trimmed.startsWith('//')) return { kind: 'external', href: 'https:' + trimmed };

  const hashIndex = trimmed.indexOf('#');
  const pathPart = (hashIndex >= 0 ? trimmed.slice(0, hashIndex) : trimmed).replace(/\?.*$/, '');
  const anchor = hashIndex >= 0 ? decodeSafe(trimmed.slice(hashIndex + 1)) || undefined : undefined;

  if (pathPart.startsWith('/')) {
    if (ASSET_EXTENSION.test(pathPart) || !/^\/(en|ko|zh|ja)(\/|$)/.test(pathPart)) {
      const path = decodeSafe(pathPart);
      return { kind: 'asset', href: pathPart, exists: kb.assets.has(path) };
    }
    return { kind: 'site-path', href: trimmed };
  }
  if (pathPart !== '' && ASSET_EXTENSION.test(pathPart)) {
    const path = '/' + decodeSafe(pathPart).replace(/^(\.\.?\/)+/, '');
    return { kind: 'asset', href: path, exists: kb.assets.has(path) };
  }

  let slug: string;
  if (pathPart === '') {
    slug = context.slug;
  } else {
    const segment = pathPart.replace(/\/+$/, '').split('/').at(-1) ?? '';
    slug = segment.replace(/\.mdx?$/i, '').split('.')[0] ?? '';
    if (slug === '' || slug === '.' || slug === '..') {
      return { kind: 'malformed', href, reason: 'it does not name an article' };
    }
  }
  return resolveArticle(kb, context, slug, anchor);
}

/**
 * Where a slug leads through `content/redirects.yaml` (at most five hops): the article it names
 * and the anchor a redirect adds, unless the link had one. A slug that is an article goes nowhere.
 */
export function followRedirects(kb: KnowledgeBase, written: string, writtenAnchor?: string): { slug: string; anchor: string | undefined; redirected: boolean } {
  let slug = written;
  let anchor = writtenAnchor;
  let redirected = false;
  for (let hops = 0; !kb.articles.has(slug) && kb.redirects[slug] && hops < MAX_REDIRECTS; hops++) {
    const [to, redirectAnchor] = kb.redirects[slug]!.split('#');
    redirected = true;
    slug = to!;
    anchor ??= redirectAnchor;
  }
  return { slug, anchor, redirected };
}

function resolveArticle(kb: KnowledgeBase, context: LinkContext, written: string, writtenAnchor: string | undefined): Resolution {
  const { slug, anchor, redirected } = followRedirects(kb, written, writtenAnchor);
  const redirectedFrom = redirected ? written : undefined;
  const base = {
    kind: 'article' as const,
    slug,
    anchor,
    redirectedFrom,
    href: articleUrl(context.locale, context.hrefCloud ?? context.cloud, slug, anchor),
  };
  const article = kb.article(slug);
  if (!article) {
    return { ...base, status: 'missing-article', fallback: false, suggestions: suggest(written, [...kb.articles.keys()]), target: undefined };
  }
  const page = kb.page(context.locale, context.cloud, slug);
  if (!page) {
    return { ...base, status: 'not-in-cloud', fallback: false, suggestions: [], target: undefined };
  }
  if (anchor !== undefined && !page.file.parsed.headings.some((h) => h.id === anchor)) {
    return {
      ...base,
      status: 'missing-anchor',
      fallback: page.fallback,
      suggestions: suggest(anchor, page.file.parsed.headings.map((h) => h.id)),
      target: page.file,
    };
  }
  return { ...base, status: 'ok', fallback: page.fallback, suggestions: [], target: page.file };
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Up to three candidates close enough to be a plausible typo. */
export function suggest(input: string, candidates: string[]): string[] {
  if (candidates.length === 0) return [];
  const limit = Math.max(2, Math.floor(input.length / 3));
  const best = closest(input, candidates);
  return candidates
    .map((c) => ({ c, d: distance(input, c) }))
    .filter(({ d, c }) => d <= limit || c === best && d <= limit + 2 || c.includes(input) || input.includes(c))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ c }) => c);
}
