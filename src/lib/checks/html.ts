/**
 * The built-HTML pass: links the layouts, navigation and components write (not only those in
 * content) must point to pages that were built, and `#fragments` must exist on the target page.
 * Positions are those of the `href`/`src` attribute in the built file.
 */
import { Parser } from 'htmlparser2';
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import { diagnostic, LineIndex } from './context.ts';
import { append } from '../append.ts';

export interface BuiltSite {
  /** The dist folder, project-relative (`dist`), used in reported paths. */
  dir: string;
  /** Every file in it, relative to it, with forward slashes (`en/global/x/index.html`). */
  files: ReadonlySet<string>;
  /** The text of every HTML page (path relative to the dist folder). */
  read: (path: string) => string;
  /** The folder's absolute path, when it is on disk (the pass then reads pages on worker threads). */
  absolute?: string;
}

export interface Link {
  url: string;
  /** Offset of the attribute in the page; turned into a line and column only when reported. */
  offset: number;
}

export interface PageFacts {
  ids: Set<string>;
  links: Link[];
  /** Elements whose id an earlier element of the page already has (offsets of their `id=`). */
  duplicateIds: Array<{ id: string; offset: number }>;
}

/** Attributes that make the browser load or navigate to a URL. */
const URL_ATTRIBUTES: Record<string, string> = { a: 'href', area: 'href', link: 'href', img: 'src', script: 'src', source: 'src', iframe: 'src' };
const ATTRIBUTE_AT: Record<string, RegExp> = { href: /\shref\s*=/i, src: /\ssrc\s*=/i, id: /\sid\s*=/i };
const ORIGIN = 'https://kb.invalid';

/**
 * A copy of a string that does not point into the page it was parsed from. The parser's attribute
 * values are slices of the page's text, and V8 keeps a whole string alive for any slice of it: ids
 * and links kept for every page would otherwise keep every page's HTML in memory.
 */
function own(value: string): string {
  return (' ' + value).slice(1);
}

/**
 * The ids and outgoing links of one built page, with a streaming HTML parser (htmlparser2): the
 * pass reads every page of the site, so it must not build a tree per page.
 */
export function pageFacts(html: string): PageFacts {
  const ids = new Set<string>();
  const links: Link[] = [];
  const duplicateIds: PageFacts['duplicateIds'] = [];
  const attributeOffset = (attribute: string): number => {
    const tagStart = parser.startIndex;
    const found = html.slice(tagStart, parser.endIndex + 1).search(ATTRIBUTE_AT[attribute]!);
    return found >= 0 ? tagStart + found + 1 : tagStart;
  };
  // A <template>'s content is not part of the page (the 404 page keeps every reader's copy in one):
  // its ids are not duplicates of the page's.
  const inPage = new Set<string>();
  let templates = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const id = attributes['id'];
        if (id !== undefined && id !== '') {
          if (templates === 0 && inPage.has(id)) duplicateIds.push({ id: own(id), offset: attributeOffset('id') });
          else if (templates === 0) inPage.add(own(id));
          ids.add(own(id));
        }
        if (name === 'template') templates++;
        if (name === 'a' && attributes['name'] !== undefined) ids.add(own(attributes['name']));
        const attribute = URL_ATTRIBUTES[name];
        const url = attribute ? attributes[attribute] : undefined;
        if (attribute && url !== undefined) links.push({ url: own(url), offset: attributeOffset(attribute) });
      },
      onclosetag(name) {
        if (name === 'template' && templates > 0) templates--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { ids, links, duplicateIds };
}

/**
 * `html/duplicate-id`: a page on which two elements have the same id (a link to it lands on the
 * first; a section id equal to a layout's id is the usual cause, which `content/reserved-id`
 * reports at the heading). Reported at the second element's `id`.
 */
export function checkPageIds(page: string, duplicates: PageFacts['duplicateIds'], site: Pick<SiteFiles, 'dir'>, read: (path: string) => string): Diagnostic[] {
  if (duplicates.length === 0) return [];
  const lines = new LineIndex(read(page));
  return duplicates.map(({ id, offset }) =>
    diagnostic('html/duplicate-id', `${site.dir}/${page}`, lines.position(offset), `The id "${id}" is on two elements of this page, so a link to #${id} lands on the first.`, 'Give one of them another id: a section id that equals an id of the layout is reported by npm run check as content/reserved-id; otherwise find the layout or component that writes it.'),
  );
}

/** The site URL of a built page: `en/global/x/index.html` → `/en/global/x/`. */
export function urlOfPage(path: string): string {
  return '/' + path.replace(/(^|\/)index\.html$/, '$1');
}

function decode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The dist file a site path is served from, or undefined. */
export function fileOfUrl(files: ReadonlySet<string>, pathname: string): string | undefined {
  const path = decode(pathname).replace(/^\/+/, '');
  const candidates = path === '' || path.endsWith('/') ? [path + 'index.html'] : [path, path + '.html', path + '/index.html'];
  return candidates.find((c) => files.has(c));
}

/** Path and fragment of a same-site href, resolved against the page it is on; undefined if off-site. */
function sameSiteTarget(href: string, page: string): { pathname: string; fragment: string } | undefined {
  // Fast path for what layouts write: root-relative paths without dot segments or a query.
  if (href.startsWith('/') && !href.startsWith('//') && !/\/\.\.?(\/|#|$)|[?\\]/.test(href)) {
    const hash = href.indexOf('#');
    return hash < 0 ? { pathname: href, fragment: '' } : { pathname: href.slice(0, hash), fragment: decode(href.slice(hash + 1)) };
  }
  let url: URL;
  try {
    url = new URL(href, ORIGIN + urlOfPage(page));
  } catch {
    return undefined;
  }
  if (url.origin !== ORIGIN) return undefined;
  return { pathname: url.pathname, fragment: decode(url.hash.slice(1)) };
}

interface Resolved {
  pathname: string;
  fragment: string;
  /** The file that serves `pathname`, if it was built. */
  target: string | undefined;
}

/** Resolutions of root-relative hrefs, which do not depend on the page (most links are the same nav links). */
const rootRelative = new WeakMap<ReadonlySet<string>, Map<string, Resolved | null>>();

function resolveHref(href: string, page: string, files: ReadonlySet<string>): Resolved | undefined {
  const memo = href.startsWith('/') && !href.startsWith('//') ? rootRelative.get(files) ?? rootRelative.set(files, new Map()).get(files)! : undefined;
  const known = memo?.get(href);
  if (known !== undefined) return known ?? undefined;
  const same = sameSiteTarget(href, page);
  const resolved = same ? { ...same, target: fileOfUrl(files, same.pathname) } : undefined;
  memo?.set(href, resolved ?? null);
  return resolved;
}

/** What the link check of one page needs to know about the site. */
export interface SiteFiles {
  /** The dist folder as reported (`dist`). */
  dir: string;
  files: ReadonlySet<string>;
}

/**
 * The diagnostics of one built page's links: unsafe URLs, pages that were not built and missing
 * `#fragments`. `idsOf` gives the ids of a page of the site; `read` the text of a page, needed only
 * to turn the offset of a faulty link into a line and column.
 */
export function checkPageLinks(page: string, links: readonly Link[], site: SiteFiles, idsOf: (path: string) => ReadonlySet<string>, read: (path: string) => string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = `${site.dir}/${page}`;
  let lines: LineIndex | undefined;
  const at = (link: Link): SourcePosition => (lines ??= new LineIndex(read(page))).position(link.offset);
  for (const link of links) {
    const href = link.url.trim();
    if (href === '') continue;
    if (/^\s*(javascript|data|vbscript):/i.test(href)) {
      out.push(diagnostic('html/unsafe-url', reported, at(link), `The built page has a link with a ${href.split(':')[0]!.toLowerCase()}: URL.`, 'Find the layout or component that writes it.'));
      continue;
    }
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(href) || href.startsWith('//')) continue;
    const resolved = resolveHref(href, page, site.files);
    if (!resolved) continue;
    const target = resolved.target;
    if (!target) {
      out.push(diagnostic('html/broken-link', reported, at(link), `The link "${link.url}" points to ${resolved.pathname}, which was not built.`, 'Find the layout, navigation entry or component that writes this URL; the page it names does not exist for this locale and cloud.'));
      continue;
    }
    const fragment = resolved.fragment;
    if (fragment === '' || fragment === 'top' || !target.endsWith('.html')) continue;
    if (!idsOf(target).has(fragment)) {
      out.push(diagnostic('html/broken-fragment', reported, at(link), `The link "${link.url}" points to "#${fragment}", which is not an id on ${site.dir}/${target}.`, 'The target page has no element with that id: check the section ids of the target variant in this locale.'));
    }
  }
  return out;
}

/** The HTML pages of a built site, in report order. */
export function htmlPages(site: BuiltSite): string[] {
  return [...site.files].filter((f) => f.endsWith('.html')).sort();
}

/** The built-HTML pass on one thread (`html-parallel.ts` spreads it over the machine's cores). */
export function checkBuiltHtml(site: BuiltSite): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Facts of pages read so far (ids and links, never the HTML: the site can be hundreds of MB).
  const known = new Map<string, PageFacts>();
  const factsOf = (path: string): PageFacts => {
    let f = known.get(path);
    if (!f) known.set(path, (f = pageFacts(site.read(path))));
    return f;
  };
  for (const page of htmlPages(site)) {
    const facts = factsOf(page);
    // A page's links are checked once; its ids stay for links from later pages.
    known.set(page, { ids: facts.ids, links: [], duplicateIds: [] });
    append(out, checkPageIds(page, facts.duplicateIds, site, site.read));
    append(out, checkPageLinks(page, facts.links, site, (path) => factsOf(path).ids, site.read));
  }
  return out;
}
