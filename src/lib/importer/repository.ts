/**
 * A DocFX repository as the importer sees it: its files, its docsets, and how a file's path becomes
 * an article id. In DocFX the URL of an article is its file path (`partner-center/billing.md` is
 * published at `/partner-center/billing`), so the article id comes from the path, never from a
 * heading's anchor (anchors are section ids):
 *
 * - in the main docset (the docset folder with the most Markdown files), the path below the docset
 *   folder, without `.md`: `partner-center/billing.md` → `billing`;
 * - subfolders and other docsets are kept with `--`, which a file name never produces (names are
 *   lower-cased and every run of other characters becomes one `-`):
 *   `partner-center/announcements/2020-may.md` → `announcements--2020-may`,
 *   `marketplace/get-support.md` → `marketplace--get-support`;
 * - a file that matches a variant pattern (`Archive/China-{slug}.md`) is that cloud's variant of
 *   the main docset's `{slug}`.
 *
 * Two paths that still give one id (`Billing.md` and `billing.md`) are reported by the importer.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Cloud } from '../site.ts';
import { DEFAULT_IMPORT_CONFIG, type ImportConfig } from './config.ts';

export interface Docset {
  /** Repository-relative folder (`partner-center`), '' for a repository that is one docset. */
  folder: string;
  /** The URL path DocFX published it under (`partner-center`), from docfx.json `build.dest`. */
  url: string;
  /** Prefix of its article ids: '' for the main docset, else `<folder>--`. */
  prefix: string;
}

export interface ArticleAddress {
  /** The article id (slug): lower-case ASCII letters, digits and hyphens. */
  slug: string;
  /** The cloud of a variant file (by pattern), else undefined. */
  variantCloud: Cloud | undefined;
  /** The clouds of the article when the file lists none. */
  defaultClouds: Cloud[];
}

/** Where a link of an input points, as the importer rewrites it. */
export type LinkTarget =
  | { kind: 'article'; slug: string; path: string }
  | { kind: 'external'; url: string }
  /** A file of the repository that is not an article (a landing page, an image, a TOC). */
  | { kind: 'file'; path: string }
  | { kind: 'unresolved' };

const posix = (path: string): string => path.split(sep).join('/');

/** Lower-case ASCII letters and digits, every other run of characters one `-`. */
export function slugSegment(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'article';
}

export class Repository {
  readonly root: string;
  readonly config: ImportConfig;
  readonly docsets: Docset[];
  /** Lower-cased repository-relative path → the path as it is on disk. */
  private readonly files = new Map<string, string>();
  /** Lower-cased repository-relative folders that hold a file (`''` the root). */
  private readonly folders = new Set<string>(['']);

  /**
   * @param root absolute path of the repository
   * @param paths every file of the repository, repository-relative with `/`
   * @param docfx docset folder → its docfx.json text
   */
  constructor(root: string, paths: Iterable<string>, docfx: ReadonlyMap<string, string>, config: ImportConfig = DEFAULT_IMPORT_CONFIG) {
    this.root = root;
    this.config = config;
    for (const path of paths) {
      this.files.set(path.toLowerCase(), path);
      for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) this.folders.add(path.slice(0, i).toLowerCase());
    }
    const counts = new Map<string, number>();
    for (const folder of docfx.keys()) counts.set(folder, 0);
    for (const path of this.files.values()) {
      if (!/\.md$/i.test(path)) continue;
      const folder = this.docsetFolderOf(path, [...docfx.keys()]);
      if (folder !== undefined) counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
    const main = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    this.docsets = [...docfx].map(([folder, text]) => ({
      folder,
      url: docsetUrl(text) ?? (folder.split('/').pop() || ''),
      prefix: folder === main ? '' : `${folder.split('/').map(slugSegment).join('--')}--`,
    }));
  }

  private docsetFolderOf(path: string, folders: string[]): string | undefined {
    const lower = path.toLowerCase();
    return folders.filter((f) => f === '' || lower.startsWith(f.toLowerCase() + '/')).sort((a, b) => b.length - a.length)[0];
  }

  /** The main docset (ids without a prefix), if the repository has a docfx.json. */
  get main(): Docset | undefined {
    return this.docsets.find((d) => d.prefix === '');
  }

  /** The path as it is on disk for a path written in any letter case, or undefined. */
  find(path: string): string | undefined {
    return this.files.get(path.toLowerCase());
  }

  /** Every file of the repository, repository-relative. */
  paths(): string[] {
    return [...this.files.values()].sort();
  }

  private variantOf(path: string): { slug: string; cloud: Cloud; pattern: string } | undefined {
    for (const { pattern, cloud } of this.config.variants) {
      const [before, after] = pattern.split('{slug}') as [string, string];
      const lower = path.toLowerCase();
      if (lower.startsWith(before.toLowerCase()) && lower.endsWith(after.toLowerCase()) && path.length > before.length + after.length) {
        const slug = path.slice(before.length, path.length - after.length);
        if (!slug.includes('/')) return { slug, cloud, pattern };
      }
    }
    return undefined;
  }

  private cloudsOf(path: string): Cloud[] {
    const folders = Object.keys(this.config.clouds.folders).filter((f) => path.toLowerCase().startsWith(f.toLowerCase() + '/'));
    const folder = folders.sort((a, b) => b.length - a.length)[0];
    return folder ? this.config.clouds.folders[folder]! : this.config.clouds.default;
  }

  /** The article id of a repository-relative Markdown path (see the module comment). */
  addressOf(path: string): ArticleAddress {
    const variant = this.variantOf(path);
    if (variant) return { slug: this.slugOf(`${this.main?.folder ? this.main.folder + '/' : ''}${variant.slug}`), variantCloud: variant.cloud, defaultClouds: [variant.cloud] };
    return { slug: this.slugOf(path.replace(/\.(md|yml)$/i, '')), variantCloud: undefined, defaultClouds: this.cloudsOf(path) };
  }

  private slugOf(pathWithoutExtension: string): string {
    const docset = this.docsets.find((d) => d.folder === this.docsetFolderOf(pathWithoutExtension + '.md', this.docsets.map((x) => x.folder)));
    const inDocset = docset && docset.folder ? pathWithoutExtension.slice(docset.folder.length + 1) : pathWithoutExtension;
    const prefix = docset ? docset.prefix : '';
    return prefix + inDocset.split('/').map(slugSegment).join('--');
  }

  /**
   * Where a link written in the file `from` (repository-relative) points. Relative links resolve
   * against the file's folder; `/docset-url/x` into an imported docset; in any letter case, with
   * `\` separators, with or without `.md`, ignoring `?query`. Inside a variant file, a link names
   * its target without the variant's prefix (it was written for its own docset): `billing.md` in
   * `Archive/China-x.md` is `Archive/China-billing.md` when that file exists.
   */
  resolveLink(from: string, url: string): LinkTarget {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return { kind: 'unresolved' };
    const path = url.replace(/\\/g, '/').replace(/[?#].*$/s, '');
    if (path === '') return { kind: 'unresolved' };
    let candidates: string[];
    if (path.startsWith('/')) {
      const [, first = '', ...rest] = path.split('/');
      const docset = this.docsets.find((d) => d.url.toLowerCase() === first.toLowerCase());
      if (!docset) return { kind: 'external', url: this.config.externalBase.replace(/\/$/, '') + url.replace(/\\/g, '/') };
      candidates = [[docset.folder, ...rest].filter((s) => s !== '').join('/')];
    } else {
      const base = dirname(from) === '.' ? '' : dirname(from);
      candidates = [normalize(base ? `${base}/${path}` : path)];
      // In the folder of a variant pattern (its files and its TOC), a plain file name names the
      // variant: `billing.md` in `Archive/` is `Archive/China-billing.md` when that exists.
      if (!path.includes('/')) {
        for (const { pattern } of this.config.variants) {
          const folder = pattern.includes('/') ? pattern.slice(0, pattern.lastIndexOf('/')) : '';
          if (folder.toLowerCase() === (base ?? '').toLowerCase()) candidates.unshift(pattern.replace('{slug}', path.replace(/\.md$/i, '')));
        }
      }
    }
    for (const candidate of candidates) {
      for (const tryPath of [candidate, `${candidate}.md`, `${candidate.replace(/\/$/, '')}/index.md`, `${candidate}.yml`, `${candidate.replace(/\/$/, '')}/index.yml`]) {
        const found = this.find(tryPath.replace(/^\/+/, ''));
        if (!found) continue;
        // Markdown articles and YAML FAQ pages are articles; TOCs and landing pages (index.yml) are not.
        if ((/\.md$/i.test(found) && !/(^|\/)toc\.md$/i.test(found)) || (/\.yml$/i.test(found) && !/(^|\/)(toc|index)\.yml$/i.test(found))) {
          return { kind: 'article', slug: this.addressOf(found).slug, path: found };
        }
        return { kind: 'file', path: found };
      }
    }
    // A site-absolute link into a folder of the docset's URL space that the repository does not
    // have was published there by another repository (`/partner-center/develop/…`): it worked on
    // the published site, so it goes there. A missing file of a folder the repository has is broken.
    const [candidate] = candidates;
    const folder = candidate === undefined ? undefined : path.endsWith('/') ? candidate.replace(/\/+$/, '') : dirname(candidate).replace(/^\.$/, '');
    if (path.startsWith('/') && folder !== undefined && !this.folders.has(folder.toLowerCase())) {
      return { kind: 'external', url: this.config.externalBase.replace(/\/$/, '') + url.replace(/\\/g, '/') };
    }
    return { kind: 'unresolved' };
  }
}

/** `a/./b/../c` → `a/c` (a `..` above the repository stays at its root, as on a web server). */
function normalize(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

function docsetUrl(docfxJson: string): string | undefined {
  try {
    const dest = (JSON.parse(docfxJson) as { build?: { dest?: unknown } }).build?.dest;
    return typeof dest === 'string' && dest.trim() !== '' ? dest.trim().replace(/^\/+|\/+$/g, '') : undefined;
  } catch {
    return undefined;
  }
}

const REPOSITORY_MARKERS = ['.openpublishing.publish.config.json'];

/**
 * The DocFX repository a file or folder belongs to: the nearest folder above (or at) it with an
 * `.openpublishing.publish.config.json`, else the outermost folder with a `docfx.json` (a docset
 * folder); undefined for loose files (such as the seeds), which keep the id of their `#` heading's
 * anchor.
 */
export function findRepositoryRoot(path: string): string | undefined {
  let dir = resolve(path);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  let docfxRoot: string | undefined;
  for (;;) {
    if (REPOSITORY_MARKERS.some((m) => existsSync(join(dir, m)))) return dir;
    if (existsSync(join(dir, 'docfx.json'))) docfxRoot = dir;
    const parent = dirname(dir);
    if (parent === dir) return docfxRoot;
    dir = parent;
  }
}

/** Reads a repository's file list and docfx.json files from disk (hidden folders are skipped). */
export function scanRepository(root: string, config: ImportConfig = DEFAULT_IMPORT_CONFIG): Repository {
  const paths: string[] = [];
  const docfx = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') && entry.name !== '.openpublishing.redirection.json') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const rel = posix(relative(root, path));
        paths.push(rel);
        if (entry.name === 'docfx.json') docfx.set(posix(relative(root, dir)), readFileSync(path, 'utf8'));
      }
    }
  };
  walk(root);
  return new Repository(root, paths, docfx, config);
}
