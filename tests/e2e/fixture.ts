/**
 * Builds the site the e2e tests run against: the real content/ plus the fixture articles of
 * `fixture-content/`, in an isolated project root (scripts/lib/isolated-build.ts), so the build
 * never races other builds over `.astro/`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIn, commitContent, createIsolatedRoot, type IsolatedRoot } from '../../scripts/lib/isolated-build.ts';
import { provenanceHashOfSource } from '../../src/lib/hash.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(REPO, 'tests/e2e/fixture-content');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/**
 * Lays the fixture articles over the copied content. `always/` files are written as they are;
 * an `if-missing/` group (one English file and its translations) only when the real content does
 * not have the English file. Returns the content paths written.
 */
export function overlayFixtures(content: string): string[] {
  const written: string[] = [];
  for (const rel of filesUnder(join(FIXTURES, 'always'))) {
    mkdirSync(dirname(join(content, rel)), { recursive: true });
    cpSync(join(FIXTURES, 'always', rel), join(content, rel));
    written.push(rel);
  }
  const optional = filesUnder(join(FIXTURES, 'if-missing'));
  const name = (rel: string) => rel.slice(rel.indexOf('/') + 1);
  const missingEnglish = new Set(optional.filter((rel) => rel.startsWith('en/') && !existsSync(join(content, rel))).map(name));
  for (const rel of optional) {
    if (!missingEnglish.has(name(rel)) || existsSync(join(content, rel))) continue;
    mkdirSync(dirname(join(content, rel)), { recursive: true });
    cpSync(join(FIXTURES, 'if-missing', rel), join(content, rel));
    written.push(rel);
  }
  // Hashes only cover title, description and body, never front matter, so one pass is enough.
  for (const rel of written) {
    const path = join(content, rel);
    const text = readFileSync(path, 'utf8');
    const resolved = text.replace(/\{\{hash:([^}]+)\}\}/g, (_, source: string) => {
      const from = source.startsWith('history:') ? join(FIXTURES, 'history', source.slice('history:'.length)) : join(content, source);
      const hash = provenanceHashOfSource(readFileSync(from, 'utf8'));
      if (!hash) throw new Error(`${rel}: cannot hash ${source}`);
      return hash;
    });
    if (resolved !== text) writeFileSync(path, resolved);
  }
  return written;
}

/**
 * Writes `history/`: older texts of fixture articles, committed before `always/` replaces them,
 * so that a translation made from one of them (`{{hash:history:<locale>/<file>}}`) is found in
 * git history by the compare page.
 */
export function layHistory(content: string): string[] {
  const files = filesUnder(join(FIXTURES, 'history'));
  for (const rel of files) {
    mkdirSync(dirname(join(content, rel)), { recursive: true });
    cpSync(join(FIXTURES, 'history', rel), join(content, rel));
  }
  return files;
}

/** Builds the fixture site in an isolated project root and returns the folder of the built HTML. */
export async function buildFixtureSite(): Promise<IsolatedRoot & { written: string[] }> {
  const site = createIsolatedRoot(join(REPO, 'content'), 'partner-kb-e2e-');
  layHistory(site.content);
  commitContent(site.root, '2025-01-01T12:00:00Z');
  const written = overlayFixtures(site.content);
  // Fixed dates, so "Last updated" and the stale notice's date render as in production.
  commitContent(site.root);
  const result = await buildIn(site.root);
  if (!result.ok) {
    if (process.env['E2E_KEEP'] !== '1') site.remove();
    throw new Error(`astro build of the e2e fixture failed:\n${result.output.slice(-6000)}`);
  }
  return { ...site, written };
}
