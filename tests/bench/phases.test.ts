/**
 * The bench's phases of a build: where each ends, read from the build's own lines as they arrived,
 * and the memory peaks of each. The lines are recorded from `npm run bench -- --n 250` (2026-11-30,
 * Astro 7, the route lines left out); times are ms from the start of the build.
 */
import { describe, expect, it } from 'vitest';
import { BUILD_PHASES, phaseEnds, phasePeaks, type MemorySample } from '../../src/lib/bench/build-log.ts';

const RECORDED: Array<[number, string]> = [
  [6303, '07:44:44 [build] Waiting for integration "partner-kb", hook "astro:config:setup"...'],
  [21889, '07:45:00 [partner-kb] content checks: no errors, 64 warning(s) (npm run check)'],
  [21891, '07:45:00 [partner-kb] content model and checks: 18656 ms'],
  [23891, '07:45:02 [partner-kb] 2000 distinct of 4000 article pages in 2001 ms'],
  [24456, '07:45:02 [vite] Re-optimizing dependencies because vite config has changed'],
  [25150, '07:45:03 [build] ✓ Completed in 21.92s.'],
  [25151, '07:45:03 [build] Building static entrypoints...'],
  [27245, '07:45:05 [vite] ✓ built in 2.03s'],
  [27320, ''],
  [27320, ' generating static routes '],
  [30100, '07:45:08   ├─ /en/global/a/index.html (+3ms)'],
  [40189, '07:45:18 ✓ Completed in 12.89s.'],
  [40196, '07:45:18 [build] ✓ Completed in 15.04s.'],
  [43220, '07:45:21 [build] Waiting for integration "partner-kb", hook "astro:build:done"...'],
  [51512, '07:45:29 [partner-kb] 3000 article pages written from 1000 renderings'],
  [51512, '07:45:29 [partner-kb] built-HTML pass: no errors'],
  [51512, '07:45:29 [partner-kb] built-HTML pass: 11191 ms'],
  [51518, '07:45:29 [partner-kb] search index: 1284 pages in 16080 ms, 21 ms of it after the HTML pass'],
  [51518, '07:45:29 [build] 3021 page(s) built in 48.29s'],
];
const lines = RECORDED.map(([at, text]) => ({ at, text }));
const END = 51738;

describe('build phases', () => {
  it('ends each phase at the line that closes it, the last one with the build', () => {
    expect(phaseEnds(lines, END)).toEqual([21891, 23891, 27320, 40189, 51512, END]);
  });

  it('does not take the "[build] ✓ Completed" lines for the end of rendering, with or without times', () => {
    const untimed = lines.map((l) => ({ ...l, text: l.text.replace(/^\d\d:\d\d:\d\d /, '') }));
    expect(phaseEnds(untimed, END)).toEqual(phaseEnds(lines, END));
    const ends = phaseEnds(untimed.filter((l) => !l.text.startsWith('✓ Completed')), END);
    // Without its own line, rendering ends where the next phase does.
    expect(ends[3]).toBe(51512);
  });

  it('lets a phase whose line never came end with the next one', () => {
    const ends = phaseEnds(lines.filter((l) => !l.text.includes('distinct of')), END);
    expect(ends).toEqual([21891, 27320, 27320, 40189, 51512, END]);
  });

  it('gives each phase its duration and the peaks of the samples taken in it', () => {
    const mb = 2 ** 20;
    const samples: MemorySample[] = [
      { at: 1000, total: 100 * mb, astro: 100 * mb, pagefind: 0 },
      { at: 21000, total: 500 * mb, astro: 500 * mb, pagefind: 0 },
      { at: 30000, total: 1200 * mb, astro: 900 * mb, pagefind: 250 * mb },
      { at: 35000, total: 1000 * mb, astro: 980 * mb, pagefind: 0 },
      { at: 45000, total: 1100 * mb, astro: 1050 * mb, pagefind: 30 * mb },
    ];
    const phases = phasePeaks(samples, phaseEnds(lines, END));
    expect(phases.map((p) => p.name)).toEqual(BUILD_PHASES.map((p) => p.name));
    expect(phases.map((p) => p.ms)).toEqual([21891, 2000, 3429, 12869, 11323, 226]);
    expect(phases[0]).toMatchObject({ peakTreeRss: 500 * mb, peakAstro: 500 * mb, peakPagefind: 0 });
    // The tree's peak is the largest sum, not the sum of the processes' peaks.
    expect(phases[3]).toMatchObject({ peakTreeRss: 1200 * mb, peakAstro: 980 * mb, peakPagefind: 250 * mb });
    expect(phases[4]).toMatchObject({ peakTreeRss: 1100 * mb, peakAstro: 1050 * mb, peakPagefind: 30 * mb });
    expect(phases[5]!.peakTreeRss).toBe(0);
  });
});
