/**
 * The build renders each distinct article page once and writes the other clouds' files from it
 * (src/lib/render/derive.ts). Proof: the fixture, whose pages differ between clouds in every way
 * a page can (a <CloudOnly> block, a cloud fact, the sidebar, previous and next, fallback and
 * translation notices), built with and without that (KB_DERIVE=0), gives the same files, byte for
 * byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIn, createIsolatedRoot, type BuildResult, type IsolatedRoot } from '../../scripts/lib/isolated-build.ts';

const fixture = join(import.meta.dirname, 'derive-fixture', 'content');
const roots: IsolatedRoot[] = [];
afterAll(() => roots.forEach((r) => r.remove()));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function build(env: Record<string, string>): Promise<{ site: IsolatedRoot; result: BuildResult }> {
  const site = createIsolatedRoot(fixture);
  roots.push(site);
  const result = await buildIn(site.root, { KB_SKIP_SEARCH: '1', ...env });
  if (!result.ok) throw new Error(`build failed:\n${result.output.slice(-4000)}`);
  return { site, result };
}

describe('rendering each distinct page once', () => {
  let derived: { site: IsolatedRoot; result: BuildResult };
  let rendered: { site: IsolatedRoot; result: BuildResult };
  beforeAll(async () => {
    [derived, rendered] = await Promise.all([build({}), build({ KB_DERIVE: '0' })]);
  }, 300_000);

  it('writes some article pages from another cloud\'s rendering', () => {
    const line = /(\d+) article pages written from (\d+) renderings/.exec(derived.result.output);
    expect(line).not.toBeNull();
    expect(Number(line![1])).toBeGreaterThan(Number(line![2]));
    expect(rendered.result.output).not.toMatch(/written from/);
  });

  it('gives byte for byte the files that rendering every page gives', () => {
    const files = filesUnder(rendered.site.dist);
    expect(filesUnder(derived.site.dist)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(derived.site.dist, file)).equals(readFileSync(join(rendered.site.dist, file))));
    expect(differing).toEqual([]);
  });
});
