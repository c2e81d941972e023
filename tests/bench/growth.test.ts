/**
 * The bench's growth report: the factor of each figure from one N to the next, the linearity target
 * (per-page time and memory above N = 1,000 at most 20 % over N = 1,000's) and the tables of
 * BENCHMARKS.md. Pure formatting of given figures, no build.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, growthSteps, LANGS, missedTargets, type Machine, type NResult } from '../../src/lib/bench/report.ts';

const MB = 2 ** 20;

/** A result that meets every target but the figures given. */
function result(n: number, figures: Partial<NResult>): NResult {
  const size = { raw: 18_000, gzip: 5_000 };
  const search = { query: 'q', prepared: 'q', results: 10, total: 50_000, fetched: 40_000, files: 8, largest: '' };
  return {
    n,
    runs: 1,
    pages: n * 5,
    htmlFiles: n * 12,
    htmlBytes: n * 12 * 16_000,
    buildMs: n * 30,
    buildRunsMs: [n * 30],
    peakTreeRss: 500 * MB,
    peakProcessHwm: 400 * MB,
    pagesPerSecond: 0,
    profile: { checksMs: 0, bundleMs: 0, renderMs: 0, htmlPassMs: 0, searchIndexMs: 0, searchTailMs: 0, otherMs: 0 },
    checkColdMs: 1000,
    checkWarmMs: 1000,
    checkEditMs: 1000,
    checkWatchMs: 200,
    articleHtml: { all: size, en: size, ko: size, zh: size, ja: size, sampled: 10 },
    js: { raw: 800, gzip: 400, inlineRaw: 800, external: [] },
    pagefindIndex: { en: 1, ko: 1, zh: 1, ja: 1, wasm: {}, pagefindJs: { raw: 1, gzip: 1 } },
    search: Object.fromEntries(LANGS.map((l) => [l, search])) as NResult['search'],
    ...figures,
  };
}

const MACHINE: Machine = { cpus: 2, cpuModel: 'test', memory: 24 * 1024 ** 3, load: '0.00, 0.00, 0.00', node: 'v24', astro: '7', pagefind: '1.6', mdx: '8', date: '2026-11-30T00:00:00Z' };

describe('growth between N', () => {
  it('gives the factor of each figure from one N to the next, in increasing N', () => {
    const a = result(250, { buildMs: 10_000, peakTreeRss: 400 * MB });
    const b = result(1000, { buildMs: 30_000, peakTreeRss: 800 * MB, htmlBytes: 1000 * 12 * 20_000 });
    const [step, ...rest] = growthSteps([b, a]);
    expect(rest).toEqual([]);
    expect(step!.from.n).toBe(250);
    expect(step!.pages).toBe(4);
    expect(step!.buildMs).toBe(3);
    expect(step!.peakTreeRss).toBe(2);
    expect(step!.htmlFiles).toBe(4);
    expect(step!.msPerPage).toBeCloseTo(0.75);
    expect(step!.memoryPerPage).toBeCloseTo(0.5);
    expect(step!.htmlBytesPerFile).toBeCloseTo(1.25);
  });

  it('misses linearity when time or memory per page at N = 4,000 is more than 20 % above N = 1,000', () => {
    const base = result(1000, { buildMs: 30_000, peakTreeRss: 900 * MB });
    // ×4 pages: ×4.79 is just under 20 % per page over, within; ×5 is not.
    expect(missedTargets([base, result(4000, { buildMs: 143_700, peakTreeRss: 4.79 * 900 * MB })])).toEqual([]);
    const missed = missedTargets([base, result(4000, { buildMs: 150_000, peakTreeRss: 5 * 900 * MB })]);
    expect(missed).toHaveLength(2);
    expect(missed[0]).toMatch(/^N = 4,000: build time per page 7\.50 ms is 25% above N = 1,000's 6\.00 ms/);
    expect(missed[1]).toMatch(/^N = 4,000: peak memory per page .* is 25% above N = 1,000's/);
  });

  it('holds the 33 s and 1 GB targets up to N = 1,000 only', () => {
    const big = { buildMs: 120_000, peakTreeRss: 3000 * MB };
    expect(missedTargets([result(4000, big)])).toEqual([]);
    expect(missedTargets([result(1000, big)])).toEqual(['N = 1,000: full build 120.0 s > 33 s', 'N = 1,000: peak memory 2.93 GB ≥ 1 GB']);
  });

  it('writes the phase and growth tables into the report', () => {
    const phases = [{ name: 'rendering (Pagefind beside it)', ms: 12_000, peakTreeRss: 900 * MB, peakAstro: 700 * MB, peakPagefind: 200 * MB }];
    const report = formatReport(MACHINE, [result(250, { phases }), result(1000, { phases, buildMs: 30_000 })]);
    expect(report).toContain('| rendering (Pagefind beside it) | 12.0 s, 900.0 MB (Astro 700.0 MB, Pagefind 200.0 MB) |');
    expect(report).toContain('| build time | 7.5 s → 30.0 s (×4.00) |');
    expect(report).toContain('| build time per page | 6.00 ms → 6.00 ms (×1.00) |');
    expect(report).toContain('| bytes per HTML file | 15.6 KB → 15.6 KB (×1.00) |');
  });
});
