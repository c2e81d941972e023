/**
 * Sharded builds without building: which shard builds what (src/lib/build/shard.ts), the built-HTML
 * pass of a shard, and the merge of shard folders (src/lib/build/merge.ts), on small folders.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBuiltHtml, type DeferredFragment } from '../../src/lib/checks/html.ts';
import { MANIFEST, mergeShards, sourceFingerprint, type ShardManifest } from '../../src/lib/build/merge.ts';
import { parseShard, shardFromCommandLine, ShardPlan } from '../../src/lib/build/shard.ts';
import { LOCALE_CODES } from '../../src/lib/site.ts';
import { mdx, model } from '../model/helpers.ts';

const article = (title: string) => mdx({ title, clouds: '[global, usgov, germany, china]' }, '## Section {/* #section */}\n\nText.\n');
const kb = model(
  { 'en/a.mdx': article('A'), 'en/b.mdx': article('B'), 'en/c.mdx': article('C') },
  { redirects: { path: 'content/redirects.yaml', text: 'old-a: a\n' } },
).kb;

describe('--shard K/N', () => {
  it('is read from the command line (either form) or KB_SHARD, and refused unless 1 ≤ K ≤ N', () => {
    expect(shardFromCommandLine(['astro', 'build', '--shard', '2/3'], {})).toEqual({ index: 2, count: 3 });
    expect(shardFromCommandLine(['astro', 'build', '--shard=1/2'], {})).toEqual({ index: 1, count: 2 });
    expect(shardFromCommandLine(['astro', 'build'], { KB_SHARD: '3/4' })).toEqual({ index: 3, count: 4 });
    expect(shardFromCommandLine(['astro', 'build'], {})).toBeUndefined();
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard takes K\/N, the K-th of N shards with 1 ≤ K ≤ N/);
    expect(() => shardFromCommandLine(['--shard'], {})).toThrow(/--shard takes K\/N/);
  });

  it('cuts the site by locale, then by article, into runs of equal length, each page in exactly one shard', () => {
    // 4 slugs (a, b, c and the old slug old-a) × 4 locales = 16 units.
    const plans = [1, 2, 3].map((index) => new ShardPlan(kb, { index, count: 3 }));
    const owners = LOCALE_CODES.flatMap((locale) => ['a', 'b', 'c', 'old-a'].map((slug) => plans.filter((p) => p.ownsArticle(locale, slug)).map((p) => p.shard.index)));
    expect(owners).toEqual([[1], [1], [1], [1], [1], [1], [2], [2], [2], [2], [2], [3], [3], [3], [3], [3]]);
    // A locale's own pages and its search index: the shard of its first unit.
    expect(LOCALE_CODES.map((locale) => plans.find((p) => p.ownsLocale(locale))!.shard.index)).toEqual([1, 1, 2, 3]);
    expect(plans.map((p) => p.owns({ locale: 'ko', cloud: 'usgov', slug: 'c' }))).toEqual([false, true, false]);
    expect(plans.map((p) => p.owns({ locale: 'zh', cloud: 'china' }))).toEqual([false, true, false]);
    expect(plans.map((p) => p.owns({}))).toEqual([true, true, true]);
  });
});

describe('the built-HTML pass of a shard', () => {
  it('accepts links to pages other shards write, and leaves their #fragments to the merge', () => {
    const pages: Record<string, string> = { 'en/global/a/index.html': '<a href="/ko/global/b/#part">b</a>\n<a href="/ja/global/c/">c</a>' };
    const deferred: DeferredFragment[] = [];
    const site = { dir: 'shard', files: new Set(Object.keys(pages)), read: (p: string) => pages[p]!, elsewhere: new Set(['ko/global/b/index.html']), deferred };
    const diagnostics = checkBuiltHtml(site);
    expect(diagnostics.map((d) => d.message)).toEqual(['The link "/ja/global/c/" points to /ja/global/c/, which was not built.']);
    expect(deferred).toEqual([{ target: 'ko/global/b/index.html', fragment: 'part', diagnostic: expect.objectContaining({ rule: 'html/broken-fragment', file: 'shard/en/global/a/index.html', line: 1, column: 4 }) }]);
  });
});

describe('npm run build:merge', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const temp = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-merge-'));
    dirs.push(dir);
    return dir;
  };
  const write = (dir: string, files: Record<string, string>): void => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  const pages = ['en/global/a/index.html', 'ko/global/b/index.html'];
  const deferred = (fragment: string): DeferredFragment[] => [
    {
      target: 'ko/global/b/index.html',
      fragment,
      diagnostic: { file: 'shards/1/en/global/a/index.html', line: 1, column: 4, severity: 'error', rule: 'html/broken-fragment', message: `The link "/ko/global/b/#${fragment}" points to "#${fragment}", which is not an id on shards/1/ko/global/b/index.html.`, hint: 'h' },
    },
  ];
  function shards(options: { fragment?: string; fingerprints?: [string, string]; labels?: [string, string]; asset?: [string, string]; pages?: string[] } = {}): [string, string] {
    const [one, two] = [temp(), temp()];
    const manifest = (shard: string, dir: string, fingerprint: string, own: DeferredFragment[]): string =>
      JSON.stringify({ shard, fingerprint, dir, pages: options.pages ?? pages, deferred: own } satisfies ShardManifest);
    write(one, { 'en/global/a/index.html': '<a href="/ko/global/b/#part">b</a>', '_astro/site.css': options.asset?.[0] ?? 'body{}', [MANIFEST]: manifest(options.labels?.[0] ?? '1/2', 'shards/1', options.fingerprints?.[0] ?? 'f', deferred(options.fragment ?? 'part')) });
    write(two, { 'ko/global/b/index.html': '<h2 id="part">B</h2>', '_astro/site.css': options.asset?.[1] ?? 'body{}', [MANIFEST]: manifest(options.labels?.[1] ?? '2/2', 'shards/2', options.fingerprints?.[1] ?? 'f', []) });
    return [one, two];
  }

  it('joins the shards\' files into one site, without the manifests, and checks the fragments between them', () => {
    const out = join(temp(), 'dist');
    const result = mergeShards(shards(), out, 'dist');
    expect(result).toEqual({ files: 3, diagnostics: [] });
    expect(readFileSync(join(out, 'ko/global/b/index.html'), 'utf8')).toContain('id="part"');
    expect(existsSync(join(out, MANIFEST))).toBe(false);
  });

  it('reports a #fragment that is missing on another shard\'s page, named in the merged site', () => {
    const { diagnostics } = mergeShards(shards({ fragment: 'gone' }), join(temp(), 'dist'), 'dist');
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'dist/en/global/a/index.html', line: 1, column: 4, rule: 'html/broken-fragment', message: 'The link "/ko/global/b/#gone" points to "#gone", which is not an id on dist/ko/global/b/index.html.' }),
    ]);
  });

  it('refuses shards that do not make one build, saying why', () => {
    const out = join(temp(), 'dist');
    expect(() => mergeShards([shards()[0]], out)).toThrow(/the folders hold shards 1\/2: shard 2\/2 is missing/);
    expect(() => mergeShards(shards({ labels: ['1/2', '1/2'] }), out)).toThrow(/shard 1\/2 is there more than once/);
    expect(() => mergeShards(shards({ fingerprints: ['f', 'g'] }), out)).toThrow(/were built from different sources; build every shard from the same commit/);
    expect(() => mergeShards(shards({ asset: ['body{}', 'p{}'] }), out)).toThrow(/_astro\/site.css differs between shard 1\/2 and shard 2\/2/);
    expect(() => mergeShards(shards({ pages: [...pages, 'ja/global/c/index.html'] }), out)).toThrow(/no shard wrote 1 page\(s\) of the site, such as ja\/global\/c\/index.html/);
    const plain = temp();
    expect(() => mergeShards([plain, shards()[1]], out)).toThrow(/is not the folder of a sharded build \(no \.kb-shard\.json\); build it with npm run build -- --shard K\/N/);
  });

  it('fingerprints what a build is made from', () => {
    const root = temp();
    write(root, { 'content/en/a.mdx': 'a', 'src/x.ts': 'x' });
    const before = sourceFingerprint(root);
    expect(sourceFingerprint(root)).toBe(before);
    write(root, { 'content/en/a.mdx': 'b' });
    expect(sourceFingerprint(root)).not.toBe(before);
  });
});

