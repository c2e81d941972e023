import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan, planImport } from '../../src/lib/importer/index.ts';
import { FIXTURES, fixture, lineOf, runCli, seed, snapshotDir, tempDir } from './helpers.ts';

/** A content dir with one file in it, to show that a failed import leaves it exactly as it was. */
function populated(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'en'));
  writeFileSync(join(dir, 'en/existing.mdx'), '---\ntitle: Existing\nclouds: [global]\n---\n');
  return dir;
}

const cases: { name: string; rule: string; marker: string | undefined; message: RegExp }[] = [
  { name: 'broken-frontmatter.txt', rule: 'import/frontmatter', marker: 'description: DocFX: broken', message: /not valid YAML/ },
  { name: 'no-frontmatter.txt', rule: 'import/frontmatter', marker: undefined, message: /no front matter/ },
  { name: 'unpaired-span.txt', rule: 'import/unpaired-span', marker: 'UNPAIRED', message: /no <span class="sxs-lookup"> partner/ },
  { name: 'mismatched-ids.txt', rule: 'import/span-id-mismatch', marker: 'MISMATCH', message: /data-ttu-id="s-4" but data-stu-id="s-5"/ },
  { name: 'unknown-locale.txt', rule: 'import/locale', marker: 'ms.contentlocale: fr-FR', message: /"fr-FR" is not a locale/ },
  { name: 'missing-locale.txt', rule: 'import/locale', marker: undefined, message: /no ms.contentlocale/ },
];

describe('malformed input', () => {
  for (const c of cases) {
    it(`${c.name}: an error naming the file and line; that file is skipped and the others imported`, () => {
      const input = fixture(`malformed/${c.name}`);
      const dir = populated();
      // Imported together with a valid seed: the seed's files are written, the malformed file is not.
      const plan = planImport([seed('004'), input], { contentDir: dir });
      expect(plan.ok).toBe(true);
      expect(plan.skipped).toEqual([input.file]);
      expect(plan.imported).toEqual([seed('004').file]);
      expect(plan.files.map((f) => f.contentPath).sort()).toEqual(['en/customer-support.mdx', 'ko/customer-support.mdx']);
      expect(plan.files.every((f) => f.sources.every((s) => s !== input.file))).toBe(true);
      const errors = plan.diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: input.file, rule: c.rule, line: c.marker ? lineOf(input.text, c.marker) : 1 });
      expect(errors[0]!.message).toMatch(c.message);
      expect(errors[0]!.hint).toBeTruthy();
      applyPlan(plan);
      expect(Object.keys(snapshotDir(dir)).sort()).toEqual(['.import-manifest.json', 'en/customer-support.mdx', 'en/existing.mdx', 'ko/customer-support.mdx']);
    });

    it(`${c.name} with strict: nothing is written for the whole run`, () => {
      const input = fixture(`malformed/${c.name}`);
      const dir = populated();
      const before = snapshotDir(dir);
      const plan = planImport([seed('004'), input], { contentDir: dir, strict: true });
      expect(plan.ok).toBe(false);
      expect(plan.files).toEqual([]);
      expect(plan.skipped).toEqual([input.file]);
      expect(applyPlan(plan)).toEqual([]);
      expect(snapshotDir(dir)).toEqual(before);
    });
  }

  it('reports the column of an unpaired span', () => {
    const input = fixture('malformed/unpaired-span.txt');
    const plan = planImport([input], { contentDir: tempDir() });
    const line = input.text.split('\n')[lineOf(input.text, 'UNPAIRED') - 1]!;
    expect(plan.diagnostics[0]!.column).toBe(line.indexOf('<span') + 1);
  });

  it('the CLI exits 1, prints file:line:column severity rule message and a hint, and writes nothing when no file is left', () => {
    const dir = populated();
    const before = snapshotDir(dir);
    const path = join(FIXTURES, 'malformed/mismatched-ids.txt');
    const input = fixture('malformed/mismatched-ids.txt');
    const result = runCli([path, '--content-dir', dir]);
    expect(result.status).toBe(1);
    const line = lineOf(input.text, 'MISMATCH');
    expect(result.stderr).toMatch(
      new RegExp(`^tests/importer/fixtures/malformed/mismatched-ids\\.txt:${line}:\\d+ error import/span-id-mismatch .+\\n {2}hint: .+`, 'm'),
    );
    expect(result.stderr).toContain('nothing was written');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('reports English that differs between inputs with the same English source, naming both files and the line', () => {
    const mismatch = fixture('english-mismatch.txt');
    const original = seed('000');
    const dir = populated();
    const before = snapshotDir(dir);
    const plan = planImport([original, mismatch], { contentDir: dir, strict: true });
    expect(plan.ok).toBe(false);
    expect(plan.skipped).toEqual([mismatch.file]);
    const line = lineOf(mismatch.text, 'We strongly recommend');
    const originalLine = lineOf(original.text, 'We recommend establishing');
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ file: mismatch.file, line, severity: 'error', rule: 'import/english-mismatch' }),
    ]);
    expect(plan.diagnostics[0]!.message).toContain(`${original.file}:${originalLine}`);
    expect(plan.diagnostics[0]!.message).toContain('d9f550f05d1555781ddd29c8d1eb95297a9e9a53');
    applyPlan(plan);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('reports two inputs that write the same translation', () => {
    const copy = { ...seed('002'), file: 'copy-of-002.txt' };
    const plan = planImport([seed('002'), copy], { contentDir: tempDir() });
    expect(plan.diagnostics.map((d) => [d.rule, d.file])).toEqual([['import/duplicate-output', 'copy-of-002.txt']]);
    expect(plan.skipped).toEqual(['copy-of-002.txt']);
    expect(plan.files.map((f) => f.contentPath).sort()).toEqual(['en/provide-billing-support.mdx', 'zh/provide-billing-support.mdx']);
  });

  it('the CLI imports a folder: every article but the one with an error, a summary by rule, exit 1', () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'docs/sub'), { recursive: true });
    writeFileSync(join(folder, 'docs/customer-support.md'), seed('004').text);
    writeFileSync(join(folder, 'docs/sub/broken.md'), readFileSync(join(FIXTURES, 'malformed/unpaired-span.txt'), 'utf8'));
    writeFileSync(join(folder, 'docs/sub/mismatch.md'), readFileSync(join(FIXTURES, 'malformed/mismatched-ids.txt'), 'utf8'));
    writeFileSync(join(folder, 'README.md'), '# A repository\n');
    const dir = tempDir();
    const result = runCli([folder, '--content-dir', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/README\.md:1:1 info import\/not-an-article /);
    expect(result.stderr).toMatch(/broken\.md:\d+:\d+ error import\/unpaired-span /);
    expect(result.stdout).toContain('import: 1 file imported, 2 skipped\n  import/span-id-mismatch: 1 file\n  import/unpaired-span: 1 file\n');
    expect(Object.keys(snapshotDir(dir)).sort()).toEqual(['.import-manifest.json', 'en/customer-support.mdx', 'ko/customer-support.mdx']);

    const strict = tempDir();
    const all = runCli([folder, '--content-dir', strict, '--strict']);
    expect(all.status).toBe(1);
    expect(all.stderr).toContain('nothing was written');
    expect(snapshotDir(strict)).toEqual({});
  });
});
