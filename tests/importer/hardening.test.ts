/**
 * The importer's items of issue 19: names validated when planning and written as one set (8),
 * invalid UTF-8 named (12), English replaced under the same source hash across runs (13), prose that
 * MDX would read as code and crafted front-matter keys (14), stale temporary files (15).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan, decodeUtf8, planImport, removeStaleTempFiles } from '../../src/lib/importer/index.ts';
import { parseFrontmatter, parseMdx } from '../../src/lib/mdx/parse.ts';
import { fixture, lineOf, ROOT, runCli, seed, snapshotDir, tempDir } from './helpers.ts';

/** A small bilingual DocFX article in our own words, with the lines given after its title. */
function article(options: { anchor?: string; hash?: string; frontmatter?: string[]; body?: string[] } = {}): string {
  return [
    '---',
    'title: 시험',
    `ms.openlocfilehash: ${options.hash ?? 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'}`,
    'ms.translationtype: HT',
    'ms.contentlocale: ko-KR',
    ...(options.frontmatter ?? []),
    '---',
    `# <a name="${options.anchor ?? 'sample-article'}"></a><span data-ttu-id="x-1">시험</span><span class="sxs-lookup"><span data-stu-id="x-1">Trial</span></span>`,
    '',
    '**<span data-ttu-id="x-2">적용 대상</span><span class="sxs-lookup"><span data-stu-id="x-2">Applies to</span></span>**',
    '',
    '- <span data-ttu-id="x-3">파트너 센터</span><span class="sxs-lookup"><span data-stu-id="x-3">Partner Center</span></span>',
    '',
    ...(options.body ?? ['<span data-ttu-id="x-4">한 문장.</span><span class="sxs-lookup"><span data-stu-id="x-4">One sentence.</span></span>']),
    '',
  ].join('\n');
}

describe('output names (issue 19, item 8)', () => {
  it('a 300-character anchor is an error at the heading when planning; the file is skipped and the others written', () => {
    const long = { file: 'long.md', text: article({ anchor: 'a'.repeat(300) }) };
    const dir = tempDir();
    const plan = planImport([long, seed('004')], { contentDir: dir });
    expect(plan.diagnostics).toEqual([expect.objectContaining({ file: 'long.md', line: lineOf(long.text, '# <a name'), severity: 'error', rule: 'import/file-name' })]);
    expect(plan.skipped).toEqual(['long.md']);
    expect(() => applyPlan(plan)).not.toThrow();
    expect(Object.keys(snapshotDir(dir)).sort()).toEqual(['.import-manifest.json', 'en/customer-support.mdx', 'ko/customer-support.mdx']);
  });

  it('writes a plan as one set: when one file cannot be written, none is in place', () => {
    const dir = tempDir();
    const plan = planImport([seed('004')], { contentDir: dir });
    writeFileSync(join(dir, 'ko'), 'a file where the ko folder should be\n');
    expect(() => applyPlan(plan)).toThrow();
    expect(Object.keys(snapshotDir(dir))).toEqual(['ko']);
  });
});

describe('invalid UTF-8 (issue 19, item 12)', () => {
  const good = Buffer.from('---\ntitle: 시험\n---\nline three\nab', 'utf8');
  const bad = Buffer.concat([good, Buffer.from([0xff]), Buffer.from('cd\n')]);

  it('names the line and column of the first invalid byte', () => {
    expect(decodeUtf8(good, 'x.md')).toEqual({ text: good.toString('utf8') });
    const result = decodeUtf8(bad, 'x.md');
    expect(result).toEqual({ error: expect.objectContaining({ file: 'x.md', line: 5, column: 3, severity: 'error', rule: 'import/encoding' }) });
  });

  it('accepts a U+FFFD that the file spells out', () => {
    const literal = Buffer.from('a\uFFFDb', 'utf8');
    expect(decodeUtf8(literal, 'x.md')).toEqual({ text: 'a\uFFFDb' });
    const both = Buffer.concat([literal, Buffer.from([0x0a, 0xc3, 0x28])]);
    expect(decodeUtf8(both, 'x.md')).toEqual({ error: expect.objectContaining({ line: 2, column: 1 }) });
  });

  it('the CLI reports the file and skips it', () => {
    const inputs = tempDir();
    writeFileSync(join(inputs, 'broken.md'), Buffer.concat([Buffer.from(article().replace('One sentence.', 'One sent'), 'utf8'), Buffer.from([0xe9]), Buffer.from('nce.\n')]));
    const dir = tempDir();
    const result = runCli([join(inputs, 'broken.md'), '--content-dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.md:\d+:\d+ error import\/encoding /);
    expect(snapshotDir(dir)).toEqual({});
  });
});

describe('the English of one source hash across runs (issue 19, item 13)', () => {
  it('a later run whose pairs have other English for the same ms.openlocfilehash is an error naming the earlier file', () => {
    const dir = tempDir();
    applyPlan(planImport([seed('000')], { contentDir: dir }));
    const english = readFileSync(join(dir, 'en/provide-billing-support.mdx'), 'utf8');
    const mismatch = fixture('english-mismatch.txt');
    const plan = planImport([mismatch], { contentDir: dir });
    expect(plan.diagnostics).toEqual([expect.objectContaining({ file: mismatch.file, severity: 'error', rule: 'import/english-mismatch' })]);
    expect(plan.diagnostics[0]!.message).toContain(seed('000').file);
    expect(plan.diagnostics[0]!.message).toContain('d9f550f05d1555781ddd29c8d1eb95297a9e9a53');
    applyPlan(plan);
    expect(readFileSync(join(dir, 'en/provide-billing-support.mdx'), 'utf8')).toBe(english);
    expect(existsSync(join(dir, 'zh/provide-billing-support.mdx'))).toBe(false);

    const forced = planImport([mismatch], { contentDir: dir, force: true });
    expect(forced.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a later run with the same pairs is no conflict', () => {
    const dir = tempDir();
    applyPlan(planImport([seed('000')], { contentDir: dir }));
    expect(planImport([seed('002')], { contentDir: dir }).diagnostics).toEqual([]);
  });
});

describe('prose that MDX would read as code, and crafted keys (issue 19, item 14)', () => {
  it('escapes paragraphs and list items that start with import or export', () => {
    const text = article({
      body: [
        '<span data-ttu-id="x-4">import 문장.</span><span class="sxs-lookup"><span data-stu-id="x-4">import the file, then check it.</span></span>',
        '',
        '- <span data-ttu-id="x-5">export 항목.</span><span class="sxs-lookup"><span data-stu-id="x-5">export default settings first.</span></span>',
      ],
    });
    const plan = planImport([{ file: 'esm.md', text }], { contentDir: tempDir() });
    expect(plan.diagnostics).toEqual([]);
    for (const file of plan.files) {
      const parsed = parseMdx(file.text);
      expect(parsed.esm).toEqual([]);
    }
    const english = plan.files.find((f) => f.contentPath.startsWith('en/'))!.text;
    expect(english).toContain('&#x69;mport the file, then check it.');
    expect(english).toContain('- &#x65;xport default settings first.');
  });

  it('writes every front-matter key through the YAML serializer, so a key cannot add another', () => {
    const text = article({ frontmatter: ['"ms.injected\\nbaseHash": "0123456789abcdef"', '"ms.a: b": c'] });
    const plan = planImport([{ file: 'keys.md', text }], { contentDir: tempDir() });
    expect(plan.skipped).toEqual([]);
    const ko = parseFrontmatter(plan.files.find((f) => f.contentPath.startsWith('ko/'))!.text).data as Record<string, unknown>;
    expect(ko).not.toHaveProperty('baseHash');
    expect(ko['docfx']).toEqual(expect.objectContaining({ 'injected\nbasehash': '0123456789abcdef', 'a: b': 'c' }));
  });
});

describe('stale temporary files (issue 19, item 15)', () => {
  it('are removed at the start of an import, and git ignores them', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'en'));
    writeFileSync(join(dir, 'en/.0123456789ab.import.tmp'), '');
    writeFileSync(join(dir, '.abcdef012345.import.tmp'), '');
    writeFileSync(join(dir, 'en/keep.mdx'), 'not an import temp file\n');
    applyPlan(planImport([seed('004')], { contentDir: dir }));
    expect(existsSync(join(dir, 'en/.0123456789ab.import.tmp'))).toBe(false);
    expect(existsSync(join(dir, '.abcdef012345.import.tmp'))).toBe(false);
    expect(existsSync(join(dir, 'en/keep.mdx'))).toBe(true);
    expect(removeStaleTempFiles(dir)).toEqual([]);
    const ignored = spawnSync('git', ['check-ignore', '-q', 'content/en/.0123456789ab.import.tmp'], { cwd: ROOT });
    expect(ignored.status).toBe(0);
  });
});

describe('deep nesting (issue 19, item 5)', () => {
  it.each([
    ['2,000 nested >', `${'>'.repeat(2000)} quoted`, 1],
    ['10,000 nested - on one line', `${'- '.repeat(10_000)}item`, 1],
    ['3,000 nested <b>', `${'<b>'.repeat(3000)}x${'</b>'.repeat(3000)}`, 1],
  ])('%s is one import/nesting-depth error at its line; the file is skipped, nothing thrown', (_what, line, column) => {
    const deep = { file: 'deep.md', text: article({ body: ['<span data-ttu-id="x-4">한 문장.</span><span class="sxs-lookup"><span data-stu-id="x-4">One sentence.</span></span>', '', line] }) };
    const plan = planImport([deep, seed('004')], { contentDir: tempDir() });
    const found = plan.diagnostics.filter((d) => d.rule === 'import/nesting-depth');
    expect(found).toEqual([expect.objectContaining({ file: 'deep.md', line: deep.text.split('\n').length - 1, severity: 'error' })]);
    expect(found[0]!.column).toBeGreaterThanOrEqual(column);
    expect(plan.skipped).toEqual(['deep.md']);
  });

});
