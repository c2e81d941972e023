/**
 * An author's journey, as in a pull request: in a copy of the real content, break a link in a
 * Korean article and change an English article under its translations; `npm run check` fails and
 * says exactly where; fixing the link and acknowledging the reviewed translation makes it pass.
 * In watch mode, an edit is reported as soon as it is saved.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedRoot, PROJECT_ROOT, type IsolatedRoot } from '../../scripts/lib/isolated-build.ts';

const run = promisify(execFile);
const node = join(PROJECT_ROOT, 'node_modules', '.bin', 'node');

async function cli(script: 'check' | 'kb', root: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(node, [join(PROJECT_ROOT, 'scripts', `${script}.ts`), ...args, ...(script === 'check' ? ['--root', root] : [])], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** 1-based line and column of the first occurrence of `needle` in a file. */
function positionOf(path: string, needle: string): { line: number; column: number } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
}

let site: IsolatedRoot;
beforeAll(() => {
  site = createIsolatedRoot(join(PROJECT_ROOT, 'content'), 'kb-author-');
});
afterAll(() => site.remove());

describe('author journey', () => {
  const ko = () => join(site.content, 'ko', 'customer-support.mdx');
  const en = () => join(site.content, 'en', 'provide-technical-support.mdx');

  it('the real content passes', async () => {
    const { code, out } = await cli('check', site.root);
    expect(out).toMatch(/^0 errors, 0 warnings/m);
    expect(code).toBe(0);
  });

  it('a broken link and a changed English source fail the check with file:line:column diagnostics', async () => {
    writeFileSync(ko(), readFileSync(ko(), 'utf8').replace('(provide-billing-support.mdx)', '(provide-biling-support.mdx)'));
    writeFileSync(en(), readFileSync(en(), 'utf8').replace('You are the first point of contact', 'You are always the first point of contact'));
    const link = positionOf(ko(), '[청구 지원 제공](provide-biling-support.mdx)');

    const { code, out } = await cli('check', site.root);
    expect(code).toBe(1);
    expect(out).toContain(`content/ko/customer-support.mdx:${link.line}:${link.column} error link/missing-article`);
    expect(out).toContain('hint: Replace "provide-biling-support.mdx" with "provide-billing-support.mdx".');
    // One fault, one error: the translation's link that differs from English is the same fault.
    expect(out).not.toContain('error translation/links');
    for (const locale of ['ko', 'zh', 'ja']) {
      expect(out).toMatch(new RegExp(`content/${locale}/provide-technical-support\\.mdx:\\d+:\\d+ warning translation/stale`));
    }
  });

  it('fixing the link and acknowledging the reviewed translations makes it pass again', async () => {
    writeFileSync(ko(), readFileSync(ko(), 'utf8').replace('(provide-biling-support.mdx)', '(provide-billing-support.mdx)'));
    for (const locale of ['ko', 'zh', 'ja']) {
      const acked = await cli('kb', site.root, 'ack', `content/${locale}/provide-technical-support.mdx`);
      expect(acked.code, acked.out).toBe(0);
    }
    const { code, out } = await cli('check', site.root);
    expect(out).toMatch(/^0 errors, 0 warnings/m);
    expect(code).toBe(0);
  });

  it('with --watch, an edit is re-checked at once: the error appears, and goes when it is fixed', async () => {
    const child = spawn(node, [join(PROJECT_ROOT, 'scripts', 'check.ts'), '--root', site.root, '--watch'], { cwd: site.root, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    const reports: string[] = [];
    let waiting: (() => void) | undefined;
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.startsWith('[check]')) continue;
        reports.push(`${line}\n${out}`);
        out = '';
        waiting?.();
      }
    });
    const report = async (n: number): Promise<string> => {
      while (reports.length < n) await new Promise<void>((r) => (waiting = r));
      return reports[n - 1]!;
    };
    try {
      expect(await report(1)).toMatch(/^\[check\] 0 errors, 0 warnings/);
      const original = readFileSync(en(), 'utf8');
      writeFileSync(en(), original + '\n<Widget />\n');
      const broken = await report(2);
      expect(broken).toMatch(/^\[check\] [1-9]\d* errors?, /);
      expect(broken).toMatch(/content\/en\/provide-technical-support\.mdx:\d+:1 error safety\/component <Widget> is not a component the site provides/);
      writeFileSync(en(), original);
      expect(await report(3)).toMatch(/^\[check\] 0 errors, 0 warnings/);
    } finally {
      child.kill();
    }
  });
});
