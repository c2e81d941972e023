/**
 * The built-HTML pass: links the layouts, navigation and components write (not only those in
 * content) must point to pages that were built, and `#fragments` must exist on the target page.
 * Positions are those of the `href`/`src` attribute in the built file.
 */
import { Parser } from 'htmlparser2';
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import { diagnostic, LineIndex } from './context.ts';

export interface BuiltSite {
  /** The dist folder, project-relative (`dist`), used in reported paths. */
  dir: string;
  /** Every file in it, relative to it, with forward slashes (`en/global/x/index.html`). */
  files: ReadonlySet<string>;
  /** The text of every HTML page (path relative to the dist folder). */
  read: (path: string) => string;
}

interface Link {
  url: string;
  /** Offset of the attribute in the page; turned into a line and column only when reported. */
  offset: number;
}

interface PageFacts {
  ids: Set<string>;
  links: Link[];
}

/** Attributes that make the browser load or navigate to a URL. */
const URL_ATTRIBUTES: Record<string, string> = { a: 'href', area: 'href', link: 'href', img: 'src', script: 'src', source: 'src', iframe: 'src' };
const ATTRIBUTE_AT: Record<string, RegExp> = { href: /\shref\s*=/i, src: /\ssrc\s*=/i };
const ORIGIN = 'https://kb.invalid';

/**
 * The ids and outgoing links of one built page, with a streaming HTML parser (htmlparser2): the
 * pass reads every page of the site, so it must not build a tree per page.
 */
export function pageFacts(html: string): PageFacts {
  const ids = new Set<string>();
  const links: Link[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes['id'] !== undefined) ids.add(attributes['id']);
        if (name === 'a' && attributes['name'] !== undefined) ids.add(attributes['name']);
        const attribute = URL_ATTRIBUTES[name];
        const url = attribute ? attributes[attribute] : undefined;
        if (attribute && url !== undefined) {
          const tagStart = parser.startIndex;
          const found = html.slice(tagStart, parser.endIndex + 1).search(ATTRIBUTE_AT[attribute]!);
          links.push({ url, offset: found >= 0 ? tagStart + found + 1 : tagStart });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { ids, links };
}

/** The site URL of a built page: `en/global/x/index.html` → `/en/global/x/`. */
export function urlOfPage(path: string): string {
  return '/' + path.replace(/(^|\/)index\.html$/, '$1');
}

function decode(value: string): string {
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

export function checkBuiltHtml(site: BuiltSite): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pages = [...site.files].filter((f) => f.endsWith('.html')).sort();
  // Facts of pages read so far (ids and links, never the HTML: the site can be hundreds of MB).
  const known = new Map<string, PageFacts>();
  const factsOf = (path: string): PageFacts => {
    let f = known.get(path);
    if (!f) known.set(path, (f = pageFacts(site.read(path))));
    return f;
  };
  for (const page of pages) {
    const reported = `${site.dir}/${page}`;
    const facts = factsOf(page);
    // A page's links are checked once; its ids stay for links from later pages.
    known.set(page, { ids: facts.ids, links: [] });
    let lines: LineIndex | undefined;
    const at = (link: Link): SourcePosition => (lines ??= new LineIndex(site.read(page))).position(link.offset);
    for (const link of facts.links) {
      const href = link.url.trim();
      if (href === '') continue;
      if (/^\s*(javascript|data|vbscript):/i.test(href)) {
        out.push(diagnostic('html/unsafe-url', reported, at(link), `The built page has a link with a ${href.split(':')[0]!.toLowerCase()}: URL.`, 'Find the layout or component that writes it.'));
        continue;
      }
      if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(href) || href.startsWith('//')) continue;
      const resolved = sameSiteTarget(href, page);
      if (!resolved) continue;
      const target = fileOfUrl(site.files, resolved.pathname);
      if (!target) {
        out.push(diagnostic('html/broken-link', reported, at(link), `The link "${link.url}" points to ${resolved.pathname}, which was not built.`, 'Find the layout, navigation entry or component that writes this URL; the page it names does not exist for this locale and cloud.'));
        continue;
      }
      const fragment = resolved.fragment;
      if (fragment === '' || fragment === 'top' || !target.endsWith('.html')) continue;
      if (!factsOf(target).ids.has(fragment)) {
        out.push(diagnostic('html/broken-fragment', reported, at(link), `The link "${link.url}" points to "#${fragment}", which is not an id on ${site.dir}/${target}.`, 'The target page has no element with that id: check the section ids of the target variant in this locale.'));
      }
    }
  }
  return out;
}
