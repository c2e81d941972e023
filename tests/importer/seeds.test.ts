import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provenanceHashOfSource } from '../../src/lib/hash.ts';
import { applyPlan, MANIFEST_NAME, planImport, sha256 } from '../../src/lib/importer/index.ts';
import { parseFrontmatter, parseMdx } from '../../src/lib/mdx/parse.ts';
import { articleSchema } from '../../src/lib/schema.ts';
import { runCli, SEEDS, SEEDS_DIR, seed, snapshotDir, tempDir } from './helpers.ts';

const EXPECTED = [
  'en/customer-support.mdx',
  'en/provide-billing-support.china.mdx',
  'en/provide-billing-support.mdx',
  'ja/provide-billing-support.mdx',
  'ko/customer-support.mdx',
  'ko/provide-billing-support.china.mdx',
  'ko/provide-billing-support.mdx',
  'zh/provide-billing-support.mdx',
];

const allSeeds = () => SEEDS.map((f) => seed(f));

function importInto(dir: string, inputs = allSeeds(), force = false) {
  const plan = planImport(inputs, { contentDir: dir, force });
  return { plan, written: applyPlan(plan) };
}

function frontmatterOf(text: string): Record<string, unknown> {
  return parseFrontmatter(text).data as Record<string, unknown>;
}

describe('importing the five seeds', () => {
  const dir = tempDir();
  const { plan } = importInto(dir);

  it('writes the expected files and no errors or warnings', () => {
    expect(plan.diagnostics).toEqual([]);
    expect(plan.files.map((f) => f.contentPath).sort()).toEqual(EXPECTED);
    expect(plan.files.every((f) => f.action === 'create')).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')).files)).toEqual(EXPECTED);
  });

  for (const path of EXPECTED) {
    it(`${path} matches its snapshot, parses as MDX and validates`, async () => {
      const text = readFileSync(join(dir, path), 'utf8');
      await expect(text).toMatchFileSnapshot(`__snapshots__/seeds/${path}`);
      const parsed = parseMdx(text);
      expect(parsed.frontmatter.errors).toEqual([]);
      expect(articleSchema.safeParse(parsed.frontmatter.data).success).toBe(true);
      expect(parsed.expressions.every((e) => e.headingId)).toBe(true);
      expect(parsed.headings.every((h) => h.depth >= 2)).toBe(true);
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
      expect(text).not.toMatch(/\n\n\n/);
      expect(text).not.toMatch(/<span|sxs-lookup|data-ttu-id|\]\([^)]*\.md[)#]/);
    });
  }

  it('gives every translation the same heading ids and link targets as its English file', () => {
    for (const path of EXPECTED.filter((p) => !p.startsWith('en/'))) {
      const translation = parseMdx(readFileSync(join(dir, path), 'utf8'));
      const english = parseMdx(readFileSync(join(dir, 'en', path.slice(3)), 'utf8'));
      expect(translation.headings.map((h) => h.id)).toEqual(english.headings.map((h) => h.id));
      expect(translation.links.map((l) => l.url)).toEqual(english.links.map((l) => l.url));
    }
  });

  it('maps the front matter (locale, clouds, method, docfx keys)', () => {
    const ko = frontmatterOf(readFileSync(join(dir, 'ko/provide-billing-support.mdx'), 'utf8'));
    expect(ko).toMatchObject({
      title: '청구 지원 제공',
      clouds: ['global', 'usgov', 'germany'],
      assetId: 'DE0942BB-A0D0-4CF9-A60E-0BD095692C26',
      translation: { method: 'human' },
      author: 'MaggiePucciEvans',
      docfx: { openlocfilehash: 'd9f550f05d1555781ddd29c8d1eb95297a9e9a53', sourcegitcommit: '0b00306bfb0b406e64ad857cb360de4533740e6a' },
    });
    const china = frontmatterOf(readFileSync(join(dir, 'ko/provide-billing-support.china.mdx'), 'utf8'));
    expect(china).toMatchObject({ clouds: ['china'], translation: { method: 'machine' }, docfx: { locfileid: '57585766', topic: 'article', lasthandoff: '03/05/2019' } });
    expect(china).not.toHaveProperty('baseHash');
  });

  it('records the provenance hash of the English file it wrote, and the base hash for the china variant', () => {
    for (const path of EXPECTED.filter((p) => !p.startsWith('en/'))) {
      const translation = frontmatterOf(readFileSync(join(dir, path), 'utf8')) as { translation: { sourceHash: string } };
      const english = readFileSync(join(dir, 'en', path.slice(3)), 'utf8');
      expect(translation.translation.sourceHash).toBe(provenanceHashOfSource(english));
    }
    const chinaEn = frontmatterOf(readFileSync(join(dir, 'en/provide-billing-support.china.mdx'), 'utf8'));
    expect(chinaEn['baseHash']).toBe(provenanceHashOfSource(readFileSync(join(dir, 'en/provide-billing-support.mdx'), 'utf8')));
    expect(frontmatterOf(readFileSync(join(dir, 'en/provide-billing-support.mdx'), 'utf8'))).not.toHaveProperty('baseHash');
  });

  it('gives the china variant a baseHash only when the base English is known', () => {
    const alone = tempDir();
    importInto(alone, [seed('001')]);
    expect(frontmatterOf(readFileSync(join(alone, 'en/provide-billing-support.china.mdx'), 'utf8'))).not.toHaveProperty('baseHash');
    // The base written later (on disk) is found by the next import of the variant.
    importInto(alone, [seed('000')]);
    const { plan: again } = importInto(alone, [seed('001')]);
    expect(again.files.find((f) => f.contentPath === 'en/provide-billing-support.china.mdx')?.action).toBe('update');
    expect(frontmatterOf(readFileSync(join(alone, 'en/provide-billing-support.china.mdx'), 'utf8'))['baseHash']).toBe(
      provenanceHashOfSource(readFileSync(join(alone, 'en/provide-billing-support.mdx'), 'utf8')),
    );
  });

  it('produces byte-identical English from the three global translations', () => {
    const texts = ['000', '002', '003'].map((name) => {
      const d = tempDir();
      importInto(d, [seed(name)]);
      return readFileSync(join(d, 'en/provide-billing-support.mdx'), 'utf8');
    });
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    expect(readFileSync(join(dir, 'en/provide-billing-support.mdx'), 'utf8')).toBe(texts[0]);
  });

  it('is idempotent: a second import reports everything unchanged and writes nothing', () => {
    const before = snapshotDir(dir);
    const { plan: second, written } = importInto(dir);
    expect(second.diagnostics).toEqual([]);
    expect(second.files.map((f) => f.action)).toEqual(EXPECTED.map(() => 'unchanged'));
    expect(second.manifestChanged).toBe(false);
    expect(written).toEqual([]);
    expect(snapshotDir(dir)).toEqual(before);
  });
});

describe('no-clobber, --force and --dry-run', () => {
  it('skips a file an author edited, with a warning, and overwrites it with force', () => {
    const dir = tempDir();
    importInto(dir);
    const path = join(dir, 'ko/customer-support.mdx');
    const edited = readFileSync(path, 'utf8').replace('고객 지원 및 교육', '고객 지원 및 교육 (편집됨)');
    writeFileSync(path, edited);
    const manifestBefore = readFileSync(join(dir, MANIFEST_NAME), 'utf8');

    const { plan } = importInto(dir);
    const file = plan.files.find((f) => f.contentPath === 'ko/customer-support.mdx');
    expect(file?.action).toBe('skipped-author-edited');
    expect(plan.ok).toBe(true);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'import/author-edited', file: file?.displayPath, line: 1 }),
    ]);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(readFileSync(join(dir, MANIFEST_NAME), 'utf8')).toBe(manifestBefore);

    const { plan: forced } = importInto(dir, allSeeds(), true);
    expect(forced.files.find((f) => f.contentPath === 'ko/customer-support.mdx')).toMatchObject({ action: 'update', forced: true });
    expect(forced.diagnostics).toEqual([]);
    const restored = readFileSync(path, 'utf8');
    expect(restored).not.toBe(edited);
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')).files['ko/customer-support.mdx']).toBe(sha256(restored));
  });

  it('does not overwrite a file it did not write (no manifest entry) without force', () => {
    const dir = tempDir();
    importInto(dir, [seed('004')]);
    writeFileSync(join(dir, MANIFEST_NAME), '{}\n');
    writeFileSync(join(dir, 'en/customer-support.mdx'), '---\ntitle: Mine\nclouds: [global]\n---\n');
    const { plan } = importInto(dir, [seed('004')]);
    expect(plan.files.find((f) => f.contentPath === 'en/customer-support.mdx')?.action).toBe('skipped-author-edited');
    expect(readFileSync(join(dir, 'en/customer-support.mdx'), 'utf8')).toContain('title: Mine');
  });

  it('updates a file the importer wrote when the input changed', () => {
    const dir = tempDir();
    const input = seed('004');
    importInto(dir, [input]);
    // A new English source: its text and its hash change together.
    const changed = { ...input, text: input.text.replace('Answers to usage questions', 'Answers to usage and billing questions').replace(/(ms\.openlocfilehash: )\w+/, '$10123456789abcdef0123456789abcdef01234567') };
    const { plan } = importInto(dir, [changed]);
    expect(plan.files.find((f) => f.contentPath === 'en/customer-support.mdx')?.action).toBe('update');
    expect(plan.files.find((f) => f.contentPath === 'ko/customer-support.mdx')?.action).toBe('update'); // new sourceHash
    expect(readFileSync(join(dir, 'en/customer-support.mdx'), 'utf8')).toContain('Answers to usage and billing questions');
  });

  it('--dry-run prints the plan and writes nothing', () => {
    const dir = tempDir();
    const result = runCli([...SEEDS.map((f) => join(SEEDS_DIR, f)), '--dry-run', '--content-dir', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^create +.*en\/provide-billing-support\.mdx$/m);
    expect(result.stdout).toContain('dry run: nothing was written');
    expect(snapshotDir(dir)).toEqual({});
    expect(existsSync(join(dir, MANIFEST_NAME))).toBe(false);
  });

  it('the CLI writes, then reports unchanged and skipped files', () => {
    const dir = tempDir();
    const files = SEEDS.map((f) => join(SEEDS_DIR, f));
    expect(runCli([...files, '--content-dir', dir]).status).toBe(0);
    writeFileSync(join(dir, 'ja/provide-billing-support.mdx'), 'edited\n');
    const second = runCli([...files, '--content-dir', dir, '--dry-run']);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^unchanged +.*en\/customer-support\.mdx$/m);
    expect(second.stdout).toMatch(/^skipped-author-edited +.*ja\/provide-billing-support\.mdx$/m);
    expect(second.stdout).toMatch(/ja\/provide-billing-support\.mdx:1:1 warning import\/author-edited .*\n {2}hint: .*--force/);
  });
});
