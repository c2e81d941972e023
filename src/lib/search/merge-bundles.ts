/**
 * Pagefind bundles written one language at a time, merged into one bundle.
 *
 * Indexing every language in one Pagefind process holds every language's index at once (1.6 GB at
 * 5,000 pages); one process per language needs only the largest (Japanese, 0.8 GB). The bundles
 * are disjoint apart from Pagefind's own files: each language's index, fragment, filter and meta
 * files carry its language in their names, and `pagefind-entry.json` lists the languages. Merged,
 * the bundle is byte for byte what one process writes. A shared file that differs between the
 * bundles, or a different Pagefind version, is an error rather than a silently broken search.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const ENTRY_FILE = 'pagefind-entry.json';

interface Entry {
  version: string;
  languages: Record<string, unknown>;
  [key: string]: unknown;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/**
 * Moves every file of `parts` into `out` (created), merging their entry files; removes `parts`.
 * With `copy`, copies them and leaves `parts` as they are (the bundles of a sharded build's folders).
 */
export function mergePagefindBundles(parts: readonly string[], out: string, { copy = false }: { copy?: boolean } = {}): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let entry: Entry | undefined;
  for (const part of parts) {
    const own = JSON.parse(readFileSync(join(part, ENTRY_FILE), 'utf8')) as Entry;
    if (!entry) entry = { ...own, languages: {} };
    const { languages: _theirs, ...rest } = own;
    const { languages: _ours, ...mine } = entry;
    if (JSON.stringify(rest) !== JSON.stringify(mine)) {
      throw new Error(`Pagefind bundles disagree on ${ENTRY_FILE} (${JSON.stringify(mine)} vs ${JSON.stringify(rest)}) in ${part}`);
    }
    for (const [language, value] of Object.entries(own.languages)) {
      if (language in entry.languages) throw new Error(`Pagefind bundles both index the language "${language}" (${part})`);
      entry.languages[language] = value;
    }
    for (const file of filesUnder(part)) {
      if (file === ENTRY_FILE) continue;
      const target = join(out, file);
      if (existsSync(target)) {
        if (!readFileSync(target).equals(readFileSync(join(part, file)))) throw new Error(`Pagefind bundles disagree on ${file} (${part})`);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      if (copy) copyFileSync(join(part, file), target);
      else renameSync(join(part, file), target);
    }
  }
  if (!entry) throw new Error('no Pagefind bundle to merge');
  const languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(join(out, ENTRY_FILE), JSON.stringify({ ...entry, languages }));
  if (!copy) for (const part of parts) rmSync(part, { recursive: true, force: true });
}
