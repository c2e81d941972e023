/**
 * Navigation and redirects of a DocFX repository, as `content/navigation.yaml` and
 * `content/redirects.yaml`:
 *
 * - each docset's `TOC.yml` (nested `items`, `href`, `displayName`) or `TOC.md` (`#` … `###`
 *   headings with links), and the Markdown TOC of any other folder (`Archive/TOC.md`), gives one
 *   sidebar section per top-level entry, with the articles below it in reading order (a TOC an
 *   entry points to is read in its place). An article is listed once, in its first section; entries
 *   that are not imported articles (landing pages, other sites) are left out;
 * - `.openpublishing.redirection.json` gives `old-id: new-id` for every redirect whose target is an
 *   imported article (redirects to other sites cannot be expressed and are counted).
 *
 * Section titles come from the TOC of each locale's repository; the English title is the English
 * title of the entry's own article, else (an entry without a page) of its first article, with a
 * warning; a locale without a TOC shows the English title.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { LOCALE_CODES, SOURCE_LOCALE, type Locale } from '../site.ts';
import type { Repository } from './repository.ts';
import { importRule } from './rules.ts';

interface TocNode {
  name: string;
  href: string | undefined;
  items: TocNode[];
  line: number;
}

/** Reads a TOC.yml or TOC.md; returns its top-level entries. */
function readToc(repository: Repository, path: string, seen: Set<string>): TocNode[] {
  if (seen.has(path.toLowerCase())) return [];
  seen.add(path.toLowerCase());
  let text: string;
  try {
    text = readFileSync(join(repository.root, path), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return [];
  }
  if (/\.md$/i.test(path)) {
    const root: TocNode = { name: '', href: undefined, items: [], line: 0 };
    const stack: { depth: number; node: TocNode }[] = [{ depth: 0, node: root }];
    text.split('\n').forEach((line, index) => {
      const m = /^(#{1,6})\s+(?:\[([^\]]*)\]\(([^)]*)\)|(.+))\s*$/.exec(line);
      if (!m) return;
      const depth = m[1]!.length;
      const node: TocNode = { name: (m[2] ?? m[4] ?? '').trim(), href: m[3]?.trim(), items: [], line: index + 1 };
      while (stack.length > 1 && stack.at(-1)!.depth >= depth) stack.pop();
      stack.at(-1)!.node.items.push(node);
      stack.push({ depth, node });
    });
    return root.items;
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    return [];
  }
  const lines = text.split('\n');
  let searchFrom = 0;
  const convert = (value: unknown): TocNode[] =>
    (Array.isArray(value) ? value : []).flatMap((entry): TocNode[] => {
      if (typeof entry !== 'object' || entry === null) return [];
      const e = entry as Record<string, unknown>;
      const name = typeof e['name'] === 'string' ? e['name'] : '';
      const at = lines.findIndex((l, i) => i >= searchFrom && l.includes(name));
      if (at >= 0) searchFrom = at + 1;
      const href = typeof e['href'] === 'string' ? e['href'] : typeof e['topicHref'] === 'string' ? e['topicHref'] : undefined;
      return [{ name, href, items: convert(e['items']), line: at + 1 }];
    });
  return convert(data);
}

interface Section {
  id: string;
  /** Title by locale. */
  title: Partial<Record<Locale, string>>;
  /** The English title was taken from the section's first article, not its own page. */
  borrowed: boolean;
  items: string[];
  file: string;
  line: number;
}

/** The TOC files a repository's navigation starts from: each docset's, then other folders' Markdown TOCs. */
function rootTocs(repository: Repository): string[] {
  const tocs: string[] = [];
  const folders = [...repository.docsets].sort((a, b) => (a.prefix === '' ? -1 : b.prefix === '' ? 1 : a.folder < b.folder ? -1 : 1)).map((d) => d.folder);
  for (const folder of folders) {
    const toc = repository.find(`${folder ? folder + '/' : ''}TOC.yml`) ?? repository.find(`${folder ? folder + '/' : ''}TOC.md`);
    if (toc) tocs.push(toc);
  }
  for (const path of repository.paths()) {
    if (/(^|\/)toc\.md$/i.test(path) && path.split('/').length === 2 && !tocs.some((t) => t.toLowerCase() === path.toLowerCase())) tocs.push(path);
  }
  return tocs;
}

export interface SiteDataInput {
  repositories: readonly Repository[];
  /** Locale of each repository (from its articles' ms.contentlocale). */
  localeOf: (repository: Repository) => Locale | undefined;
  /** Article ids that exist after the import, with their English titles. */
  englishTitles: ReadonlyMap<string, string>;
  /** How a repository file is shown in diagnostics. */
  display: (repository: Repository, path: string) => string;
  report: (d: Diagnostic) => void;
}

/** The navigation of the repositories as YAML (undefined when they have no TOC with an imported article). */
export function navigationYaml(input: SiteDataInput): string | undefined {
  const sections: Section[] = [];
  const listed = new Set<string>();
  for (const repository of input.repositories) {
    const locale = input.localeOf(repository);
    for (const toc of rootTocs(repository)) {
      const seen = new Set<string>();
      for (const entry of readToc(repository, toc, seen)) {
        const items: string[] = [];
        let own: string | undefined;
        const walk = (node: TocNode, from: string, top: boolean): void => {
          if (node.href) {
            const target = repository.resolveLink(from, node.href);
            if (target.kind === 'article' && input.englishTitles.has(target.slug)) {
              if (top) own = target.slug;
              items.push(target.slug);
            } else if (target.kind === 'file' && /toc\.(md|yml)$/i.test(target.path)) {
              for (const child of readToc(repository, target.path, seen)) walk(child, target.path, false);
            }
          }
          for (const child of node.items) walk(child, from, false);
        };
        walk(entry, toc, true);
        const unique = [...new Set(items)];
        if (unique.length === 0) continue;
        // The same section in another locale's repository: the one with the same first article.
        const existing = sections.find((s) => s.items[0] === unique[0]);
        if (existing) {
          if (locale && !existing.title[locale]) existing.title[locale] = entry.name;
          for (const slug of unique) if (!listed.has(slug)) (existing.items.push(slug), listed.add(slug));
          continue;
        }
        const fresh = unique.filter((slug) => !listed.has(slug));
        if (fresh.length === 0) continue;
        for (const slug of fresh) listed.add(slug);
        const englishOwn = own ? input.englishTitles.get(own) : undefined;
        const title: Partial<Record<Locale, string>> = { [SOURCE_LOCALE]: englishOwn ?? input.englishTitles.get(fresh[0]!)! };
        if (locale && locale !== SOURCE_LOCALE && entry.name.trim()) title[locale] = entry.name.trim();
        let id = fresh[0]!;
        for (let n = 2; sections.some((s) => s.id === id); n++) id = `${fresh[0]!}-${n}`;
        sections.push({ id, title, borrowed: englishOwn === undefined, items: fresh, file: input.display(repository, toc), line: entry.line || 1 });
      }
    }
  }
  if (sections.length === 0) return undefined;
  for (const section of sections) {
    const missing = LOCALE_CODES.filter((l) => !section.title[l]);
    if (section.borrowed || missing.length > 0) {
      input.report({
        file: section.file, line: section.line, column: 1, ...importRule('import/navigation-title'),
        message: `the sidebar section ${JSON.stringify(section.title[SOURCE_LOCALE])} ${section.borrowed ? 'has no page of its own, so its English title is that of its first article' : 'has an English title'}${missing.length > 0 ? `; ${missing.join(', ')} show${missing.length === 1 ? 's' : ''} the English title` : ''}`,
        hint: `Write the section's titles in content/navigation.yaml (section ${section.id}).`,
      });
    }
    for (const locale of missing) section.title[locale] = section.title[SOURCE_LOCALE]!;
  }
  const doc = new Document({
    sections: sections.map((s) => ({ id: s.id, title: Object.fromEntries(LOCALE_CODES.map((l) => [l, s.title[l]])), items: s.items })),
  });
  doc.commentBefore = ' The sidebar, from the DocFX tables of contents (written by npm run import).';
  return doc.toString({ lineWidth: 0 });
}

/** The redirects of the repositories as YAML (undefined when none leads to an imported article). */
export function redirectsYaml(input: SiteDataInput): string | undefined {
  const redirects = new Map<string, string>();
  for (const repository of input.repositories) {
    const path = repository.find('.openpublishing.redirection.json');
    if (!path) continue;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(repository.root, path), 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      input.report({ file: input.display(repository, path), line: 1, column: 1, ...importRule('import/redirects'), message: `the redirection file is not valid JSON: ${(error as Error).message}; no redirects imported`, hint: 'Fix the JSON and import again.' });
      continue;
    }
    const list = (data as { redirections?: unknown }).redirections;
    const entries = (Array.isArray(list) ? list : []).flatMap((entry) => {
      const { source_path: source, redirect_url: url } = entry as { source_path?: unknown; redirect_url?: unknown };
      return typeof source === 'string' && typeof url === 'string' ? [{ from: repository.addressOf(source.replace(/\\/g, '/')).slug, source, url }] : [];
    });
    const sources = new Set(entries.map((e) => e.from));
    let other = 0;
    for (const { from, source, url } of entries) {
      const target = repository.resolveLink(source, url);
      // A target that is itself a redirected page (a chain) has no file: its id from the path.
      const slug = target.kind === 'article' ? target.slug : target.kind === 'unresolved' ? docsetSlug(repository, url) : undefined;
      if (slug === undefined || !(input.englishTitles.has(slug) || sources.has(slug)) || input.englishTitles.has(from) || from === slug) {
        other++;
        continue;
      }
      redirects.set(from, slug + (/#([A-Za-z0-9_-]+)$/.exec(url)?.[0] ?? ''));
    }
    if (other > 0) {
      input.report({
        file: input.display(repository, path), line: 1, column: 1, ...importRule('import/redirects'),
        message: `${other} redirect${other === 1 ? '' : 's'} lead${other === 1 ? 's' : ''} to another site, to a page that was not imported, or from a page that still exists; not imported`,
        hint: 'Redirects to other sites belong in the web server configuration.',
      });
    }
  }
  // A chain (a → b, b → c) points straight at its end; a loop is left out.
  const resolved = new Map<string, string>();
  for (const [from] of redirects) {
    let to = redirects.get(from)!;
    const seen = new Set([from]);
    while (redirects.has(to.split('#')[0]!) && !seen.has(to.split('#')[0]!)) {
      seen.add(to.split('#')[0]!);
      to = redirects.get(to.split('#')[0]!)!;
    }
    if (!seen.has(to.split('#')[0]!)) resolved.set(from, to);
  }
  for (const [from, to] of resolved) if (!input.englishTitles.has(to.split('#')[0]!)) resolved.delete(from);
  if (resolved.size === 0) return undefined;
  const doc = new Document(Object.fromEntries([...resolved].sort(([a], [b]) => (a < b ? -1 : 1))));
  doc.commentBefore = ' Old DocFX URLs → article ids, from .openpublishing.redirection.json (written by npm run import).';
  return doc.toString({ lineWidth: 0 });
}

/** The article id a site-absolute URL into a docset names, whether or not the file exists. */
function docsetSlug(repository: Repository, url: string): string | undefined {
  const [, first = '', ...rest] = url.replace(/[?#].*$/s, '').split('/');
  const docset = url.startsWith('/') ? repository.docsets.find((d) => d.url.toLowerCase() === first.toLowerCase()) : undefined;
  if (!docset || rest.length === 0) return undefined;
  return repository.addressOf([docset.folder, ...rest].filter((s) => s !== '').join('/').replace(/(\.md)?$/i, '.md')).slug;
}
