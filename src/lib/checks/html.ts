/**
 * The built-HTML pass: links the layouts, navigation and components write (not only those in
 * content) must point to pages that were built, and `#fragments` must exist on the target page.
 * Positions are those of the `href`/`src` attribute in the built file.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import { diagnostic } from './context.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

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
  position: SourcePosition;
}

interface PageFacts {
  ids: Set<string>;
  links: Link[];
}

/** Attributes that make the browser load or navigate to a URL. */
const URL_ATTRIBUTES: Record<string, string> = { a: 'href', area: 'href', link: 'href', img: 'src', script: 'src', source: 'src', iframe: 'src' };
const ORIGIN = 'https://kb.invalid';

export function pageFacts(html: string): PageFacts {
  const ids = new Set<string>();
  const links: Link[] = [];
  const walk = (node: Node): void => {
    if ('tagName' in node) {
      const element = node as Element;
      for (const attr of element.attrs) {
        if (attr.name === 'id' || (attr.name === 'name' && element.tagName === 'a')) ids.add(attr.value);
      }
      const urlAttr = URL_ATTRIBUTES[element.tagName];
      const attr = urlAttr ? element.attrs.find((a) => a.name === urlAttr) : undefined;
      if (attr) {
        const loc = element.sourceCodeLocation?.attrs?.[attr.name] ?? element.sourceCodeLocation;
        links.push({ url: attr.value, position: loc ? { line: loc.startLine, column: loc.startCol } : { line: 1, column: 1 } });
      }
      if (element.tagName === 'template') walk((element as unknown as { content: Node }).content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(parse(html, { sourceCodeLocationInfo: true }) as unknown as Node);
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

export function checkBuiltHtml(site: BuiltSite): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pages = [...site.files].filter((f) => f.endsWith('.html')).sort();
  const facts = new Map<string, PageFacts>();
  const factsOf = (path: string): PageFacts => {
    let f = facts.get(path);
    if (!f) facts.set(path, (f = pageFacts(site.read(path))));
    return f;
  };
  for (const page of pages) {
    const reported = `${site.dir}/${page}`;
    for (const link of factsOf(page).links) {
      const href = link.url.trim();
      if (href === '') continue;
      if (/^\s*(javascript|data|vbscript):/i.test(href)) {
        out.push(diagnostic('html/unsafe-url', reported, link.position, `The built page has a link with a ${href.split(':')[0]!.toLowerCase()}: URL.`, 'Find the layout or component that writes it.'));
        continue;
      }
      if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(href) || href.startsWith('//')) continue;
      let url: URL;
      try {
        url = new URL(href, ORIGIN + urlOfPage(page));
      } catch {
        continue;
      }
      if (url.origin !== ORIGIN) continue;
      const target = fileOfUrl(site.files, url.pathname);
      if (!target) {
        out.push(diagnostic('html/broken-link', reported, link.position, `The link "${link.url}" points to ${url.pathname}, which was not built.`, 'Find the layout, navigation entry or component that writes this URL; the page it names does not exist for this locale and cloud.'));
        continue;
      }
      const fragment = decode(url.hash.slice(1));
      if (fragment === '' || fragment === 'top' || !target.endsWith('.html')) continue;
      if (!factsOf(target).ids.has(fragment)) {
        out.push(diagnostic('html/broken-fragment', reported, link.position, `The link "${link.url}" points to "#${fragment}", which is not an id on ${site.dir}/${target}.`, 'The target page has no element with that id: check the section ids of the target variant in this locale.'));
      }
    }
  }
  return out;
}
