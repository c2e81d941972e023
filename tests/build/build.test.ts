/**
 * Builds a small fixture site with the real pipeline (`astro build` with KB_CONTENT_DIR) and checks
 * that the expected pages exist, and that bad content fails the build naming file and field.
 * Page behaviour is tested on the view models (tests/site); this only proves the wiring.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const astro = join(root, 'node_modules', '.bin', 'astro');

async function build(contentDir: string, outDir: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(astro, ['build', '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, KB_CONTENT_DIR: contentDir, KB_SKIP_SEARCH: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kb-build-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('astro build of a fixture site', () => {
  let out: string;
  let result: { ok: boolean; output: string };
  beforeAll(async () => {
    out = join(work, 'dist');
    result = await build(join(import.meta.dirname, 'fixture', 'content'), out);
  }, 180_000);

  const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

  it('succeeds', () => {
    expect(result.output).not.toMatch(/\[ERROR\]|^\S+:\d+:\d+ error /m);
    expect(result.ok).toBe(true);
  });

  it('builds every article in every locale and cloud it applies to, and nothing else', () => {
    for (const locale of ['en', 'ko', 'zh', 'ja']) {
      for (const cloud of ['global', 'usgov', 'germany', 'china']) {
        expect(existsSync(join(out, locale, cloud, 'alpha', 'index.html')), `${locale}/${cloud}/alpha`).toBe(true);
        expect(existsSync(join(out, locale, cloud, 'beta', 'index.html')), `${locale}/${cloud}/beta`).toBe(true);
        expect(existsSync(join(out, locale, cloud, 'index.html')), `${locale}/${cloud}/`).toBe(true);
      }
      expect(existsSync(join(out, locale, 'index.html'))).toBe(true);
    }
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, '404.html'))).toBe(true);
  });

  it('sets <html lang> per locale, zh as zh-CN', () => {
    expect(page('zh/global/alpha')).toMatch(/<html lang="zh-CN"/);
    expect(page('ko/global/alpha')).toMatch(/<html lang="ko"/);
    expect(page('ja/global/alpha')).toMatch(/<html lang="ja"/);
  });

  it('renders the china variant for china readers, with facts and links in that cloud', () => {
    const china = page('en/china/alpha');
    expect(china).toContain('China details.');
    expect(china).toContain('Alpha is paid to 21Vianet.');
    const usgov = page('ko/usgov/alpha');
    expect(usgov).toContain('미국 정부 독자 전용입니다.');
    expect(usgov).toContain('href="/ko/usgov/beta/#details"');
    expect(page('ko/global/alpha')).not.toContain('미국 정부 독자 전용입니다.');
  });
});

describe('a build with bad content', () => {
  it('fails naming the file, line and field', async () => {
    const content = join(work, 'bad-content');
    cpSync(join(import.meta.dirname, 'fixture', 'content'), content, { recursive: true });
    const path = join(content, 'en', 'beta.mdx');
    writeFileSync(path, readFileSync(path, 'utf8').replace('clouds: [global, usgov, germany, china]', 'clouds: [global, atlantis]'));
    const result = await build(content, join(work, 'bad-dist'));
    expect(result.ok).toBe(false);
    const line = readFileSync(path, 'utf8').split('\n').findIndex((l) => l.startsWith('clouds:')) + 1;
    expect(result.output).toContain(
      `content/en/beta.mdx:${line}:18 error schema/frontmatter Front matter field "clouds.1" unknown cloud "atlantis"`,
    );
  }, 180_000);
});
