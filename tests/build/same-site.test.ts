/**
 * The site is the same however it is built. The fixture, whose pages differ between clouds in every
 * way a page can (a <CloudOnly> block, a cloud fact, the sidebar, previous and next, fallback and
 * translation notices), is built:
 * - as every build does, each distinct article page rendered once and the other clouds' files
 *   written from it (src/lib/render/derive.ts);
 * - with every page rendered (KB_DERIVE=0);
 * - in two shards on two machines (`--shard 1/2`, `--shard 2/2`), joined by `npm run build:merge`.
 * All three give the same files, search index included, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIn, createIsolatedRoot, PROJECT_ROOT, type BuildResult, type IsolatedRoot } from '../../scripts/lib/isolated-build.ts';

const fixture = join(import.meta.dirname, 'derive-fixture', 'content');
const roots: IsolatedRoot[] = [];
afterAll(() => roots.forEach((r) => r.remove()));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** The files of `dir` that differ from those of `reference` (or that only one of them has). */
function differences(dir: string, reference: string): string[] {
  const files = filesUnder(reference);
  const mine = filesUnder(dir);
  return [
    ...files.filter((f) => !mine.includes(f)).map((f) => `missing ${f}`),
    ...mine.filter((f) => !files.includes(f)).map((f) => `extra ${f}`),
    ...files.filter((f) => mine.includes(f) && !readFileSync(join(dir, f)).equals(readFileSync(join(reference, f)))).map((f) => `differs ${f}`),
  ];
}

async function build(env: Record<string, string>, args: string[] = []): Promise<{ site: IsolatedRoot; result: BuildResult }> {
  const site = createIsolatedRoot(fixture);
  roots.push(site);
  const result = await buildIn(site.root, env, args);
  if (!result.ok) throw new Error(`build ${args.join(' ')} failed:\n${result.output.slice(-4000)}`);
  return { site, result };
}

let single: { site: IsolatedRoot; result: BuildResult };
beforeAll(async () => {
  single = await build({});
}, 300_000);

describe('rendering each distinct page once', () => {
  let rendered: { site: IsolatedRoot; result: BuildResult };
  beforeAll(async () => {
    rendered = await build({ KB_DERIVE: '0' });
  }, 300_000);

  it('writes some article pages from another cloud\'s rendering', () => {
    const line = /(\d+) article pages written from (\d+) renderings/.exec(single.result.output);
    expect(line).not.toBeNull();
    expect(Number(line![1])).toBeGreaterThan(Number(line![2]));
    expect(rendered.result.output).not.toMatch(/written from/);
  });

  it('gives byte for byte the files that rendering every page gives', () => {
    expect(filesUnder(single.site.dist)).toContain('pagefind/pagefind-entry.json');
    expect(differences(single.site.dist, rendered.site.dist)).toEqual([]);
  });
});

describe('a build in two shards, joined', () => {
  let merged: string;
  let output: string;
  beforeAll(async () => {
    // Two machines: each builds its shard in its own checkout.
    const [one, two] = await Promise.all([build({}, ['--shard', '1/2', '--outDir', 'shard']), build({}, ['--shard', '2/2', '--outDir', 'shard'])]);
    merged = join(one.site.root, 'merged');
    output = execFileSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'node'), [join(PROJECT_ROOT, 'scripts', 'merge.ts'), join(one.site.root, 'shard'), join(two.site.root, 'shard'), '--out', merged], {
      cwd: one.site.root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const shard of [one, two]) expect(shard.result.output).toMatch(/shard \d\/2: \d+ distinct of \d+ article pages/);
  }, 300_000);

  it('is the site a single build makes, search index included, byte for byte', () => {
    expect(output).toContain('0 errors');
    expect(differences(merged, single.site.dist)).toEqual([]);
  });
});
