import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/mdx/parse.ts';
import { parseMdx, MdxSyntaxError } from '../../src/lib/mdx/parse.ts';
import { ackText, planAck, setFrontmatterValue } from '../../src/lib/model/ack.ts';
import { buildModel } from '../../src/lib/model/build.ts';
import { cacheKey, createParseCache } from '../../src/lib/model/parse-cache.ts';
import { rowsForCloud, statusRows, statusTotals, translationPathOf } from '../../src/lib/model/status.ts';
import { formatStatusMarkdown, formatStatusText } from '../../src/lib/report/status.ts';
import { hashOf, mdx, modelInput } from './helpers.ts';

const en = mdx({ title: 'Billing', clouds: ['global', 'usgov'], body: '## A {/* #a */}\n\nText.\n' });
const china = mdx({ title: 'Billing', clouds: ['china'], extra: 'baseHash: bbbbbbbbbbbbbbbb', body: '## A {/* #a */}\n\nOther.\n' });
const ko = mdx({ title: '청구', clouds: ['global', 'usgov'], extra: 'translation:\n  sourceHash: cccccccccccccccc # keep this comment\n  method: machine', body: '## 가 {/* #a */}\n' });

describe('ack', () => {
  const { kb } = buildModel(modelInput({ files: { 'content/en/billing.mdx': en, 'content/en/billing.china.mdx': china, 'content/ko/billing.mdx': ko } }));

  it('records the English source hash in a translation, changing only that line', () => {
    const plan = planAck(kb, 'content/ko/billing.mdx');
    expect(plan).toMatchObject({ ok: true, key: 'translation.sourceHash', hash: hashOf(en), against: 'content/en/billing.mdx' });
    const after = ackText(ko, plan as Extract<typeof plan, { ok: true }>);
    expect(after).toBe(ko.replace('cccccccccccccccc', hashOf(en)));
  });

  it('--method human flips machine to human as well', () => {
    const plan = planAck(kb, 'content/ko/billing.mdx') as Extract<ReturnType<typeof planAck>, { ok: true }>;
    expect(ackText(ko, plan, 'human')).toBe(ko.replace('cccccccccccccccc', hashOf(en)).replace('method: machine', 'method: human'));
  });

  it('records the base variant hash in a non-base English variant', () => {
    const plan = planAck(kb, 'content/en/billing.china.mdx') as Extract<ReturnType<typeof planAck>, { ok: true }>;
    expect(plan.key).toBe('baseHash');
    expect(ackText(china, plan)).toBe(china.replace('bbbbbbbbbbbbbbbb', hashOf(en)));
    expect(planAck(kb, 'content/en/billing.mdx')).toMatchObject({ ok: false });
  });

  it('inserts a missing key and keeps flow mappings and CRLF intact', () => {
    const noHash = mdx({ title: 'T', clouds: ['china'], body: 'x\n' });
    expect(setFrontmatterValue(noHash, 'baseHash', 'dddddddddddddddd')).toBe(noHash.replace('clouds: [china]\n', 'clouds: [china]\nbaseHash: dddddddddddddddd\n'));
    const flow = '---\r\ntitle: T\r\nclouds: [global]\r\ntranslation: { sourceHash: eeeeeeeeeeeeeeee, method: machine }\r\n---\r\nBody\r\n';
    const out = setFrontmatterValue(flow, 'translation.sourceHash', 'ffffffffffffffff');
    expect(out).toBe(flow.replace('eeeeeeeeeeeeeeee', 'ffffffffffffffff'));
    expect(setFrontmatterValue(noHash, 'baseHash', '1234567890123456')).toContain("baseHash: '1234567890123456'");
    const inserted = setFrontmatterValue(noHash, 'translation.sourceHash', 'dddddddddddddddd');
    expect(parseFrontmatter(inserted).data).toMatchObject({ translation: { sourceHash: 'dddddddddddddddd' } });
  });
});

describe('status', () => {
  const { kb } = buildModel(modelInput({ files: { 'content/en/billing.mdx': en, 'content/en/billing.china.mdx': china, 'content/ko/billing.mdx': ko } }));
  const rows = statusRows(kb);

  it('has one row per article variant and one cell per translation locale, each linking to its compare view or page', () => {
    expect(rows.map((r) => [r.slug, r.variantKey, r.clouds, r.cells.map((c) => c.state)])).toEqual([
      ['billing', '', ['global', 'usgov'], ['stale', 'missing', 'missing']],
      ['billing', 'china', ['china'], ['missing', 'missing', 'missing']],
    ]);
    expect(rows[0]!.cells[0]).toEqual({ locale: 'ko', state: 'stale', machine: true, file: 'content/ko/billing.mdx', href: '/ko/global/billing/compare/' });
    expect(rows[1]!.cells[0]).toMatchObject({ file: 'content/ko/billing.china.mdx', href: '/ko/china/billing/' });
  });

  it('puts a translation beside its English file, in any content folder', () => {
    expect(translationPathOf('content/en/billing.china.mdx', 'ko')).toBe('content/ko/billing.china.mdx');
    expect(translationPathOf('../import/en/en.mdx', 'zh')).toBe('../import/zh/en.mdx');
  });

  it('counts exactly the cells shown, in total and per cloud', () => {
    expect(statusTotals(rows)).toEqual({ current: 0, machine: 0, stale: 1, missing: 5 });
    expect(statusTotals(rowsForCloud(rows, 'china'))).toEqual({ current: 0, machine: 0, stale: 0, missing: 3 });
    expect(formatStatusMarkdown(rows)).toContain('| billing.china | china | missing | missing | missing |');
    expect(formatStatusMarkdown(rows)).toContain('6 translations: 0 up to date, 0 machine, 1 outdated, 5 missing');
  });

  it('keeps the terminal table within 100 columns unless --wide, and says states in words', () => {
    const long = 'a-very-long-article-slug-that-goes-on-and-on-for-longer-than-any-terminal-would-like-it-to';
    const { kb: wideKb } = buildModel(modelInput({ files: { [`content/en/${long}.mdx`]: en } }));
    const text = formatStatusText(statusRows(wideKb));
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(text).toContain('a-very-long-article-slug');
    expect(text).toContain('…');
    const wide = formatStatusText(statusRows(wideKb), { wide: true });
    expect(wide).toContain(long);
    expect(Math.max(...wide.split('\n').map((l) => l.length))).toBeGreaterThan(100);
    expect(formatStatusText(rows)).toMatch(/^billing\s+outdated\*\s+missing\s+missing\s+global usgov$/m);
  });
});

describe('parse cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-parse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns what parseMdx returns, from disk on a second run, and replays syntax errors', async () => {
    const bad = mdx({ body: 'a {unclosed\n' });
    const cold = createParseCache({ dir, workers: 0 });
    await cold.prime([en, bad]);
    expect(cold.parse(en)).toEqual(parseMdx(en));
    expect(cold.stats.parsed).toBe(2);
    const warm = createParseCache({ dir });
    expect(warm.parse(en)).toEqual(parseMdx(en));
    expect(() => warm.parse(bad)).toThrow(MdxSyntaxError);
    expect(warm.stats).toEqual({ memory: 0, disk: 2, parsed: 0, inWorkers: 0 });
  });

  it('sweeps the disk cache: entries no text needs go after a week, used ones are kept and marked fresh, once a day', async () => {
    const sweepDir = mkdtempSync(join(tmpdir(), 'kb-sweep-'));
    try {
      const used = mdx({ body: 'Used.\n' });
      const recent = mdx({ body: 'Edited yesterday.\n' });
      const old = mdx({ body: 'Edited last month.\n' });
      await createParseCache({ dir: sweepDir, workers: 0 }).prime([used, recent, old]);
      const now = Date.now();
      const day = 24 * 60 * 60 * 1000;
      const age = (text: string, days: number) => {
        const t = (now - days * day) / 1000;
        utimesSync(join(sweepDir, `${cacheKey(text)}.json`), t, t);
      };
      age(used, 30);
      age(recent, 1);
      age(old, 30);
      writeFileSync(join(sweepDir, 'stale.123-0.tmp'), '');
      utimesSync(join(sweepDir, 'stale.123-0.tmp'), (now - 30 * day) / 1000, (now - 30 * day) / 1000);

      const cache = createParseCache({ dir: sweepDir });
      await cache.prime([used]);
      expect(cache.sweep({ now })).toEqual({ swept: true, removed: 2 });
      expect(readdirSync(sweepDir).sort()).toEqual(['.swept', `${cacheKey(recent)}.json`, `${cacheKey(used)}.json`].sort());
      expect(now - statSync(join(sweepDir, `${cacheKey(used)}.json`)).mtimeMs).toBeLessThan(day);
      // Swept less than a day ago: nothing is looked at.
      age(recent, 30);
      expect(createParseCache({ dir: sweepDir }).sweep({ now })).toEqual({ swept: false, removed: 0 });
      expect(createParseCache({ dir: sweepDir }).sweep({ now: now + 2 * day })).toEqual({ swept: true, removed: 1 });
    } finally {
      rmSync(sweepDir, { recursive: true, force: true });
    }
  });

  it('parses cold texts on worker threads with the same result', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => mdx({ body: `## S${i} {/* #s${i} */}\n\n[l](x.mdx#${i})\n` }));
    const cache = createParseCache({ workers: 2, minWorkerBatch: 2 });
    await cache.prime(texts);
    expect(cache.stats.parsed).toBe(6);
    for (const text of texts) expect(cache.parse(text)).toEqual(parseMdx(text));
    expect(cache.stats.parsed).toBe(6);
    expect(cache.stats.inWorkers).toBe(6);
  });

  it('parses on the main thread what a worker could not (here: a worker out of memory)', async () => {
    const texts = Array.from({ length: 4 }, (_, i) => mdx({ body: `## T${i} {/* #t${i} */}\n\n${'word '.repeat(20_000)}\n` }));
    const cache = createParseCache({ workers: 2, minWorkerBatch: 2, workerHeapMb: 8 });
    await cache.prime(texts);
    expect(cache.stats.parsed).toBe(4);
    expect(cache.stats.inWorkers).toBeLessThan(4);
    for (const text of texts) expect(cache.parse(text)).toEqual(parseMdx(text));
    expect(cache.stats.parsed).toBe(4);
  });
});
