/**
 * The built-HTML pass: links the layouts, navigation and components write (not only those in
 * content) must point to pages that were built, and `#fragments` must exist on the target page.
 * Positions are those of the `href`/`src` attribute in the built file.
 */
import { Parser } from 'htmlparser2';
import { compareDiagnostics, type Diagnostic, type SourcePosition } from '../diagnostics.ts';
import { fillCloudTokens, type CloudToken } from '../render/cloud-token.ts';
import { writeTemplateFiles, type PageTemplate } from '../render/derive.ts';
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
  /**
   * Article pages rendered once for several clouds (`render/derive.ts`): each template is read and
   * parsed once, and checked as each of its clouds' pages; `files` need not hold those yet.
   */
  derived?: DerivedPages;
  /**
   * In a shard of the build (`build/shard.ts`): the site's pages that other shards write. A link
   * to one of them exists; whether its `#fragment` does is left to the merge (`deferred`).
   */
  elsewhere?: ReadonlySet<string>;
  /** Where the pass puts the fragment checks it leaves to the merge (required with `elsewhere`). */
  deferred?: DeferredFragment[];
}

/** A link's `#fragment` on a page another shard writes: the diagnostic, should the id be missing there. */
export interface DeferredFragment {
  diagnostic: Diagnostic;
  target: string;
  fragment: string;
}

/** The diagnostics of deferred fragment checks whose target page, as `idsOf` gives its ids, lacks the id. */
export function missingFragments(deferred: readonly DeferredFragment[], idsOf: (path: string) => ReadonlySet<string>): Diagnostic[] {
  return deferred.filter((d) => !idsOf(d.target).has(d.fragment)).map((d) => d.diagnostic);
}

export interface DerivedPages {
  token: CloudToken;
  templates: readonly PageTemplate[];
  /** The pass also writes each template's files (its own last), since it reads every template anyway. */
  write: boolean;
}

/** One text the pass reads, and the pages it is: a built page is itself, a template is each of its clouds' pages. */
export interface PassUnit {
  /** The file read. */
  source: string;
  /** Set for a template: its pages, with the cloud each is filled in for. */
  template?: PageTemplate;
}

/** Every text the pass reads, in report order of their first page. */
export function passUnits(site: BuiltSite): PassUnit[] {
  const templates = site.derived?.templates ?? [];
  const derived = new Set(templates.flatMap((t) => t.pages.map((p) => p.file)));
  const units: PassUnit[] = [...site.files].filter((f) => f.endsWith('.html') && !derived.has(f)).map((source) => ({ source }));
  append(units, templates.map((template) => ({ source: template.file, template })));
  return units.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** A page of a unit, with what turns the unit's text (or any value in it) into this page's. */
export interface UnitPage {
  path: string;
  fill: ((value: string) => string) | undefined;
}

export function unitPages(unit: PassUnit, token: CloudToken | undefined): UnitPage[] {
  if (!unit.template) return [{ path: unit.source, fill: undefined }];
  const { locale } = unit.template;
  return unit.template.pages.map(({ file, cloud }) => ({ path: file, fill: (value: string) => fillCloudTokens(value, token!, locale, cloud) }));
}

/** A unit as read: its facts (a template's, with tokens) and its pages. */
export interface UnitRead {
  unit: PassUnit;
  pages: UnitPage[];
  facts: PageFacts;
  /** Each page's ids: the unit's own set when no id names the cloud (the rule), else filled in. */
  ids: Map<string, ReadonlySet<string>>;
}

/**
 * Reads a unit once, writing a template's pages to disk first when the site says so. Only the
 * unit's facts are kept: a page's links are filled in when they are checked (`pageFactsOf`).
 */
export function readUnit(unit: PassUnit, site: Pick<BuiltSite, 'derived' | 'read' | 'absolute'>): UnitRead {
  const text = site.read(unit.source);
  const facts = pageFacts(text);
  const pages = unitPages(unit, site.derived?.token);
  if (unit.template && site.derived?.write) {
    if (!site.absolute) throw new Error('derived pages can only be written into a site folder on disk');
    writeTemplateFiles(site.absolute, unit.template, text, site.derived.token);
  }
  const ids = new Map<string, ReadonlySet<string>>();
  for (const page of pages) {
    const fill = page.fill;
    const named = fill !== undefined && [...facts.ids].some((id) => fill(id) !== id);
    ids.set(page.path, named ? new Set([...facts.ids].map(fill)) : facts.ids);
  }
  return { unit, pages, facts, ids };
}

/** A page's facts: the unit's, with the page's cloud filled in (offsets stay the template's). */
export function pageFactsOf(read: UnitRead, page: UnitPage): PageFacts {
  const fill = page.fill;
  if (!fill) return read.facts;
  return {
    ids: read.ids.get(page.path)! as Set<string>,
    links: read.facts.links.map((l) => ({ url: fill(l.url), offset: l.offset })),
    duplicateIds: read.facts.duplicateIds.map((d) => ({ id: fill(d.id), offset: d.offset })),
  };
}

/** Where the links and duplicate ids of a page are (each with its index in the page's facts). */
export interface PagePositions {
  link(link: Link, index: number): SourcePosition;
  duplicateId(duplicate: { offset: number }, index: number): SourcePosition;
}

/**
 * Positions in a page as a reader gets it. A template's page is read from disk when the pass wrote
 * it, or else filled in from the template, and parsed again: filling changes lengths, never which
 * tags, URLs and ids a page has, so each keeps its index. Only a reported fault asks.
 */
export function pagePositions(unit: PassUnit, page: UnitPage, site: Pick<BuiltSite, 'derived' | 'read'>): PagePositions {
  let lines: LineIndex | undefined;
  let filled: PageFacts | undefined;
  const at = (offset: (filled: PageFacts | undefined) => number): SourcePosition => {
    if (!lines) {
      const text = !page.fill || site.derived?.write ? site.read(page.path) : page.fill(site.read(unit.source));
      lines = new LineIndex(text);
      if (page.fill) filled = pageFacts(text);
    }
    return lines.position(offset(filled));
  };
  return {
    link: (link, index) => at((f) => (f ? f.links[index]!.offset : link.offset)),
    duplicateId: (duplicate, index) => at((f) => (f ? f.duplicateIds[index]!.offset : duplicate.offset)),
  };
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
export function checkPageIds(page: string, duplicates: PageFacts['duplicateIds'], site: Pick<SiteFiles, 'dir'>, position: PagePositions['duplicateId']): Diagnostic[] {
  return duplicates.map(({ id, offset }, index) =>
    diagnostic('html/duplicate-id', `${site.dir}/${page}`, position({ offset }, index), `The id "${id}" is on two elements of this page, so a link to #${id} lands on the first.`, 'Give one of them another id: a section id that equals an id of the layout is reported by npm run check as content/reserved-id; otherwise find the layout or component that writes it.'),
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
  elsewhere?: ReadonlySet<string> | undefined;
}

/**
 * The diagnostics of one built page's links: unsafe URLs, pages that were not built and missing
 * `#fragments`. `idsOf` gives the ids of a page of the site; `position` the line and column of a
 * faulty link (its index in `links`), needed only when one is reported.
 */
export function checkPageLinks(
  page: string,
  links: readonly Link[],
  site: SiteFiles,
  idsOf: (path: string) => ReadonlySet<string>,
  position: (link: Link, index: number) => SourcePosition,
  defer?: (deferred: DeferredFragment) => void,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = `${site.dir}/${page}`;
  const at = (link: Link): SourcePosition => position(link, links.indexOf(link));
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
    const elsewhere = site.elsewhere?.has(target) === true;
    if (elsewhere || !idsOf(target).has(fragment)) {
      const broken = diagnostic('html/broken-fragment', reported, at(link), `The link "${link.url}" points to "#${fragment}", which is not an id on ${site.dir}/${target}.`, 'The target page has no element with that id: check the section ids of the target variant in this locale.');
      if (!elsewhere) out.push(broken);
      else if (defer) defer({ diagnostic: broken, target, fragment });
      else throw new Error(`${target} is written by another shard; its fragments can only be checked by the merge`);
    }
  }
  return out;
}

/** Every page of a site once derived pages are written, and those other shards write, for link targets. */
export function siteFiles(site: BuiltSite): ReadonlySet<string> {
  if (!site.derived && !site.elsewhere) return site.files;
  return new Set([...site.files, ...(site.derived?.templates.flatMap((t) => t.pages.map((p) => p.file)) ?? []), ...(site.elsewhere ?? [])]);
}

/** The diagnostics of one page of a unit: its duplicate ids and its links. */
export function checkUnitPage(
  unit: PassUnit,
  page: UnitPage,
  facts: PageFacts,
  files: SiteFiles,
  idsOf: (path: string) => ReadonlySet<string>,
  site: Pick<BuiltSite, 'derived' | 'read'>,
  defer?: (deferred: DeferredFragment) => void,
): Diagnostic[] {
  const positions = pagePositions(unit, page, site);
  return [...checkPageIds(page.path, facts.duplicateIds, files, positions.duplicateId), ...checkPageLinks(page.path, facts.links, files, idsOf, positions.link, defer)];
}

/**
 * The built-HTML pass on one thread (`html-parallel.ts` spreads it over the machine's cores). Each
 * unit (a page, or a template and its clouds' pages) is read once; a unit read ahead for the ids a
 * link points to keeps its facts until its turn, and then only its ids (never the HTML: the site
 * can be hundreds of MB).
 */
export function checkBuiltHtml(site: BuiltSite): Diagnostic[] {
  const units = passUnits(site);
  const token = site.derived?.token;
  const unitOf = new Map(units.flatMap((unit) => unitPages(unit, token).map((page) => [page.path, unit] as const)));
  const ids = new Map<string, ReadonlySet<string>>();
  const ahead = new Map<PassUnit, UnitRead>();
  const read = (unit: PassUnit): UnitRead => {
    const done = readUnit(unit, site);
    for (const [path, set] of done.ids) ids.set(path, set);
    return done;
  };
  const none: ReadonlySet<string> = new Set();
  const idsOf = (path: string): ReadonlySet<string> => {
    const unit = unitOf.get(path);
    if (!ids.has(path) && unit) ahead.set(unit, read(unit));
    return ids.get(path) ?? none;
  };
  const files = { dir: site.dir, files: siteFiles(site), elsewhere: site.elsewhere };
  const defer = site.deferred && ((d: DeferredFragment): void => void site.deferred!.push(d));
  const out: Diagnostic[] = [];
  for (const unit of units) {
    const done = ahead.get(unit) ?? read(unit);
    ahead.delete(unit);
    for (const page of done.pages) append(out, checkUnitPage(unit, page, pageFactsOf(done, page), files, idsOf, site, defer));
  }
  return out.sort(compareDiagnostics);
}
