/**
 * Joins the folders of a sharded build (`shard.ts`) into the site a single build writes.
 *
 * Each shard's folder holds the pages it built, the files every shard writes alike (assets, `/`,
 * 404, robots.txt, sitemap.xml, the search module), the search index of its locales, and a manifest
 * (`MANIFEST`): which shard it is, a fingerprint of the sources it was built from, every page of the
 * whole site, and the `#fragment` links it could not check because their page is another shard's.
 * The merge refuses shards that do not make one whole build (a missing or repeated shard, other
 * sources), a file two shards wrote differently, and a page no shard wrote; it joins the search
 * bundles (`search/merge-bundles.ts`) and then checks the deferred fragments on the joined site.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { missingFragments, pageFacts, type DeferredFragment } from '../checks/html.ts';
import { contentDirectory } from '../model/load.ts';
import { mergePagefindBundles } from '../search/merge-bundles.ts';
import { parseShard, shardLabel, type Shard } from './shard.ts';

/** The manifest a shard writes into its folder; not part of the site. */
export const MANIFEST = '.kb-shard.json';

export interface ShardManifest {
  /** `K/N`. */
  shard: string;
  /** `sourceFingerprint` of the project the shard was built from. */
  fingerprint: string;
  /** The folder as the shard's diagnostics name it (`dist`, `shards/1`). */
  dir: string;
  /** Every page file of the whole site, sorted. */
  pages: string[];
  deferred: DeferredFragment[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * A hash of what a build is made from: every file of the content folder (`content/`, or
 * `KB_CONTENT_DIR`) and of `locales/`, `public/` and `src/` of the project root (paths and bytes).
 * Shards of one build have the same.
 */
export function sourceFingerprint(root: string, contentDir = contentDirectory(root)): string {
  const hash = createHash('sha256');
  for (const [name, dir] of [['content', contentDir], ...['locales', 'public', 'src'].map((f) => [f, join(root, f)])] as const) {
    if (!existsSync(dir)) continue;
    for (const file of filesUnder(dir)) hash.update(`${name}/${file}\0`).update(readFileSync(join(dir, file))).update('\0');
  }
  return hash.digest('hex');
}

export function writeManifest(dir: string, manifest: ShardManifest): void {
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest));
}

function readManifest(dir: string): ShardManifest & { parsed: Shard } {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) throw new Error(`${dir} is not the folder of a sharded build (no ${MANIFEST}); build it with npm run build -- --shard K/N`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as ShardManifest;
  return { ...manifest, parsed: parseShard(manifest.shard) };
}

export interface MergeResult {
  /** Files in the merged site. */
  files: number;
  /** Broken `#fragment` links between pages of different shards. */
  diagnostics: Diagnostic[];
}

/**
 * Writes into `out` (replaced) the site that the shards in `shardDirs` make. `outName` is how the
 * diagnostics name `out`. Throws on shards that do not make one whole build.
 */
export function mergeShards(shardDirs: readonly string[], out: string, outName = out): MergeResult {
  const manifests = shardDirs.map(readManifest);
  const count = manifests[0]?.parsed.count ?? 0;
  if (manifests.length === 0) throw new Error('name the folders of every shard of the build');
  const labels = manifests.map((m) => m.shard);
  for (let index = 1; index <= count; index++) {
    const found = manifests.filter((m) => m.parsed.index === index && m.parsed.count === count).length;
    if (found !== 1) throw new Error(`the folders hold shards ${labels.join(', ')}: shard ${shardLabel({ index, count })} ${found === 0 ? 'is missing' : 'is there more than once'}`);
  }
  if (manifests.length !== count) throw new Error(`the folders hold shards ${labels.join(', ')}, which are not the ${count} shards of one build`);
  if (new Set(manifests.map((m) => m.fingerprint)).size !== 1) {
    throw new Error(`the shards ${labels.join(', ')} were built from different sources; build every shard from the same commit`);
  }

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const writer = new Map<string, string>();
  const bundles: string[] = [];
  shardDirs.forEach((dir, i) => {
    for (const file of filesUnder(dir)) {
      if (file === MANIFEST) continue;
      if (file.startsWith('pagefind/')) {
        if (!bundles.includes(join(dir, 'pagefind'))) bundles.push(join(dir, 'pagefind'));
        continue;
      }
      const target = join(out, file);
      const earlier = writer.get(file);
      if (earlier !== undefined) {
        if (!readFileSync(target).equals(readFileSync(join(dir, file)))) throw new Error(`${file} differs between shard ${earlier} and shard ${labels[i]}; build every shard from the same commit`);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(dir, file), target);
      writer.set(file, labels[i]!);
    }
  });
  if (bundles.length > 0) mergePagefindBundles(bundles, join(out, 'pagefind'), { copy: true });

  const missing = manifests[0]!.pages.filter((page) => !writer.has(page));
  if (missing.length > 0) throw new Error(`no shard wrote ${missing.length} page(s) of the site, such as ${missing.slice(0, 3).join(', ')}`);

  const ids = new Map<string, ReadonlySet<string>>();
  const idsOf = (path: string): ReadonlySet<string> => {
    let found = ids.get(path);
    if (!found) ids.set(path, (found = existsSync(join(out, path)) ? pageFacts(readFileSync(join(out, path), 'utf8')).ids : new Set()));
    return found;
  };
  const diagnostics = manifests.flatMap((m) =>
    missingFragments(m.deferred, idsOf).map((d) => ({
      ...d,
      file: `${outName}/${d.file.slice(m.dir.length + 1)}`,
      message: d.message.replace(` on ${m.dir}/`, ` on ${outName}/`),
    })),
  );
  return { files: filesUnder(out).length, diagnostics };
}
