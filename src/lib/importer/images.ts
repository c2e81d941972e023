/**
 * The image files an import needs. DocFX often took images from another repository at build time,
 * so a localized repository has none: each file whose images are missing gets one warning, and
 * `--assets DIR` names a folder to take them from. Found images are copied to `public/media/`
 * (where the importer's `/media/…` links point) with the rest of the import.
 */
import { existsSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { rewriteImage } from './convert.ts';
import type { DocfxArticle, InputFile } from './docfx.ts';
import { importRule } from './rules.ts';

export interface AssetCopy {
  /** Absolute path of the image found. */
  from: string;
  /** Absolute path in the public folder. */
  to: string;
}

export interface ImageOptions {
  /** The site's public folder (`public/`). */
  publicDir: string;
  /** A folder to take images from that are not in the repository. */
  assets?: string | undefined;
}

/** Plans the copies of an article's images; reports the ones found nowhere, once for the file. */
export function planImages(article: DocfxArticle, input: InputFile, options: ImageOptions, report: (d: Diagnostic) => void): AssetCopy[] {
  const copies: AssetCopy[] = [];
  const missing: { url: string; line: number }[] = [];
  for (const { url, line } of article.images) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#')) continue;
    const path = decodeURI(url.replace(/[?#].*$/s, '')).replace(/\\/g, '/');
    const site = rewriteImage(path);
    const to = join(options.publicDir, site);
    if (existsSync(to)) continue;
    const candidates: string[] = [];
    const where = input.repository;
    if (where) {
      const found = where.repository.find(posix.normalize(posix.join(posix.dirname(where.path), path)).replace(/^(\.\.\/)+/, ''));
      if (found) candidates.push(join(where.repository.root, found));
    }
    if (options.assets) candidates.push(join(options.assets, site.replace(/^\/media\//, '')), join(options.assets, path.replace(/^(\.\.?\/)+/, '')), join(options.assets, basename(path)));
    const from = candidates.find((c) => existsSync(c));
    if (from) {
      if (!copies.some((c) => c.to === to)) copies.push({ from, to });
    } else missing.push({ url, line });
  }
  if (missing.length > 0) {
    const names = missing.slice(0, 3).map((m) => m.url).join(', ') + (missing.length > 3 ? ', …' : '');
    report({
      file: article.file, line: missing[0]!.line, column: 1, ...importRule('import/missing-image'),
      message: `${missing.length} image${missing.length === 1 ? ' is' : 's are'} not in the repository${options.assets ? ` nor in ${options.assets}` : ''} (${names}); readers would see ${missing.length === 1 ? 'it' : 'them'} missing`,
      hint: 'DocFX took them from another repository: run the import again with --assets <folder of that repository>, or put them in public/media/.',
    });
  }
  return copies;
}

