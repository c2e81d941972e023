/**
 * A translator's journey through a vendor, in a git clone of a copy of the real content: the
 * English of an article changes; `kb status` shows the Korean translation outdated and `kb diff`
 * shows what changed; `kb export --stale` writes XLIFF; the vendor edits the changed unit; `kb
 * import-xliff` writes it back; `npm run check` passes and the outdated notice is gone.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import xliff2js from 'xliff/xliff2js';
import js2xliff from 'xliff/js2xliff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitContent, createIsolatedRoot, PROJECT_ROOT, type IsolatedRoot } from '../../scripts/lib/isolated-build.ts';
import { loadKnowledgeBase } from '../../src/lib/model/load.ts';
import { articleView } from '../../src/lib/view.ts';

const run = promisify(execFile);
const node = join(PROJECT_ROOT, 'node_modules', '.bin', 'node');

async function cli(script: 'check' | 'kb', root: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(node, [join(PROJECT_ROOT, 'scripts', `${script}.ts`), ...args, '--root', root], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const SLUG = 'customer-self-support';
let site: IsolatedRoot;
beforeAll(() => {
  site = createIsolatedRoot(join(PROJECT_ROOT, 'content'), 'kb-translator-');
  commitContent(site.root, '2025-01-01T12:00:00Z');
});
afterAll(() => site.remove());

describe('translator journey (XLIFF through a vendor)', () => {
  const english = () => join(site.content, 'en', `${SLUG}.mdx`);
  const korean = () => join(site.content, 'ko', `${SLUG}.mdx`);
  const xlf = () => join(site.root, 'ko.xlf');
  let changedUnit = '';

  it('a change to the English makes the Korean translation outdated, and kb diff shows what changed', async () => {
    const text = readFileSync(english(), 'utf8');
    const paragraph = /^(?!#|---|\w+:|\s*$)(.+\.)$/m.exec(text.split(/\n---\n/)[1]!)![1]!;
    writeFileSync(english(), text.replace(paragraph, `${paragraph} Check the status page first.`));
    commitContent(site.root, '2025-02-01T12:00:00Z');
    const status = await cli('kb', site.root, 'status');
    expect(status.out).toMatch(new RegExp(`^${SLUG}\\s+outdated\\*?\\s+outdated\\*?\\s+outdated\\*?`, 'm'));
    const diff = await cli('kb', site.root, 'diff', SLUG, '--locale', 'ko');
    expect(diff.code).toBe(0);
    expect(diff.out).toContain('{+Check the status page first.+}');
    expect(diff.out).toMatch(/the English changed in [0-9a-f]{7} \(2025-02-01\)/);
  });

  it('exports the outdated translation; the vendor edits the changed unit; the import writes it back', async () => {
    const exported = await cli('kb', site.root, 'export', '--locale', 'ko', '--stale', '--out', xlf());
    expect(exported.code, exported.out).toBe(0);
    expect(exported.out).toMatch(/ko\.xlf: 1 file\(s\), \d+ unit\(s\) for ko\./);
    const doc = await xliff2js(readFileSync(xlf(), 'utf8'));
    const units = doc.resources![SLUG]!;
    const [id, unit] = Object.entries(units).find(([, u]) => JSON.stringify(u.source).includes('Check the status page first.'))!;
    changedUnit = id;
    expect(JSON.stringify(unit.note)).toContain('English before the change');
    const target = Array.isArray(unit.target) ? unit.target : [unit.target];
    const last = target.length - 1;
    target[last] = `${target[last] as string} 먼저 상태 페이지를 확인하세요.`;
    unit.target = target;
    writeFileSync(xlf(), await js2xliff(doc as Parameters<typeof js2xliff>[0], { indent: '  ' }));

    const before = readFileSync(korean(), 'utf8');
    const imported = await cli('kb', site.root, 'import-xliff', xlf(), '--method', 'human');
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toContain(`content/ko/${SLUG}.mdx: 1 unit(s) written`);
    const after = readFileSync(korean(), 'utf8');
    expect(after).toContain('먼저 상태 페이지를 확인하세요.');
    expect(after).toMatch(/method: human/);
    // Only that block and the provenance lines changed.
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed.length).toBeLessThanOrEqual(3);
  });

  it('the check passes, the status is up to date, and the outdated notice is gone', async () => {
    const check = await cli('check', site.root);
    // Chinese and Japanese still wait for their translators (a warning each); Korean is done.
    expect(check.out).toMatch(/^0 errors, 2 warnings/m);
    expect(check.out).toMatch(/content\/zh\/customer-self-support\.mdx:\d+:\d+ warning translation\/stale/);
    expect(check.out).not.toMatch(/content\/ko\/customer-self-support\.mdx:\d+:\d+ warning/);
    expect(check.code).toBe(0);
    expect((await cli('kb', site.root, 'status')).out).toMatch(new RegExp(`^${SLUG}\\s+up to date\\s+outdated`, 'm'));
    const { kb } = loadKnowledgeBase({ root: site.root });
    const page = kb.page('ko', 'global', SLUG)!;
    expect(articleView(kb, page).notices.map((n) => n.kind)).toEqual([]);
    // Importing the same document again changes nothing.
    const again = await cli('kb', site.root, 'import-xliff', xlf());
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('0 file(s) written, 1 unchanged');
    expect(changedUnit).not.toBe('');
  });
});
