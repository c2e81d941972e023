/** Timing lines of an `astro build` log, for the benchmark's build profile and its phases. */
import { medianOf } from './stats.ts';

export interface BuildProfile {
  checksMs: number;
  bundleMs: number;
  renderMs: number;
  htmlPassMs: number;
  /** Pagefind, from its start (right after the checks) to its index written; overlaps rendering. */
  searchIndexMs: number;
  /** The part of it the build waits for after the HTML pass. */
  searchTailMs: number;
  astroTotalMs: number;
}

/** Astro's durations: "850ms", "12.34s" or "1m 5s". */
export function astroDuration(text: string): number {
  const m = /^(?:(\d+)m\s*)?([\d.]+)(ms|s)$/.exec(text.trim());
  if (!m) return Number.NaN;
  return Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 's' ? 1000 : 1);
}

const DURATION = '((?:\\d+m\\s*)?[\\d.]+(?:ms|s))(?=\\W|$)';

/**
 * The build's own timing lines. Astro 7 prints, in order: "[build] ✓ Completed in X" (build info),
 * "Building static entrypoints…", an unprefixed "✓ Completed in X" when the pages are generated,
 * "[build] ✓ Completed in X" (bundling + generation), then the integration's lines and
 * "[build] N page(s) built in X" (everything after startup, hooks included).
 */
export function parseBuildLog(output: string): BuildProfile {
  const ms = (re: RegExp): number => {
    const m = re.exec(output);
    return m ? Number(m[1]) : Number.NaN;
  };
  const lines = output.split('\n');
  const entry = lines.findIndex((l) => l.includes('Building static entrypoints'));
  const after = entry >= 0 ? lines.slice(entry) : [];
  const generated = after.map((l) => new RegExp(`^\\S+ ✓ Completed in ${DURATION}`).exec(l)).find(Boolean);
  const staticBuild = after.map((l) => new RegExp(`\\[build\\] ✓ Completed in ${DURATION}`).exec(l)).find(Boolean);
  const total = new RegExp(`page\\(s\\) built in ${DURATION}`).exec(output);
  const renderMs = generated ? astroDuration(generated[1]!) : Number.NaN;
  return {
    checksMs: ms(/content model and checks: (\d+) ms/),
    bundleMs: staticBuild ? astroDuration(staticBuild[1]!) - renderMs : Number.NaN,
    renderMs,
    htmlPassMs: ms(/built-HTML pass: (\d+) ms/),
    searchIndexMs: ms(/search index: \d+ pages in (\d+) ms/),
    searchTailMs: ms(/search index: \d+ pages in \d+ ms, (\d+) ms of it after the HTML pass/),
    astroTotalMs: total ? astroDuration(total[1]!) : Number.NaN,
  };
}

/** A phase of the build, as its log lines mark it. */
export interface BuildPhase {
  name: string;
  /** The log line that ends it (the last phase ends with the build). */
  ends: RegExp | undefined;
}

/**
 * The build's phases in order, each ended by a line the build prints: the integration's lines, and
 * Astro's "generating static routes" and the unprefixed "✓ Completed in" that follows the routes.
 */
export const BUILD_PHASES: readonly BuildPhase[] = [
  { name: 'startup, content model and checks', ends: /content model and checks: \d+ ms/ },
  { name: 'distinct pages and search documents', ends: /distinct of \d+ article pages/ },
  { name: 'Vite bundle of the pages', ends: /generating static routes/ },
  { name: 'rendering (Pagefind beside it)', ends: /^(?:\d\d:\d\d:\d\d )?✓ Completed in /u },
  { name: 'built-HTML pass, derived pages', ends: /built-HTML pass: \d+ ms/ },
  { name: 'search index tail, exit', ends: undefined },
];

/**
 * When each phase ended, in ms from the start, from the build's output lines with the time each
 * arrived; a phase whose line never came ends with the next one that did (or the build's `endMs`).
 */
export function phaseEnds(lines: ReadonlyArray<{ text: string; at: number }>, endMs: number, phases: readonly BuildPhase[] = BUILD_PHASES): number[] {
  const ends: Array<number | undefined> = [];
  let from = 0;
  for (const phase of phases) {
    const found = phase.ends ? lines.findIndex((l, i) => i >= from && phase.ends!.test(l.text.trim())) : -1;
    if (found >= 0) {
      ends.push(lines[found]!.at);
      from = found + 1;
    } else ends.push(undefined);
  }
  ends[ends.length - 1] = endMs;
  // A missing line: the phase ends where the next known one does.
  for (let i = ends.length - 2; i >= 0; i--) ends[i] ??= ends[i + 1];
  return ends as number[];
}

/** One memory sample of the build's process tree, in bytes of resident memory. */
export interface MemorySample {
  at: number;
  total: number;
  /** The Astro process (the build's own Node process, with its threads). */
  astro: number;
  /** Pagefind's indexing processes. */
  pagefind: number;
}

export interface PhaseResult {
  name: string;
  ms: number;
  peakTreeRss: number;
  peakAstro: number;
  peakPagefind: number;
}

/** Each phase's duration and the peaks of the samples taken during it. */
export function phasePeaks(samples: readonly MemorySample[], ends: readonly number[], phases: readonly BuildPhase[] = BUILD_PHASES): PhaseResult[] {
  return phases.map((phase, i) => {
    const start = i === 0 ? 0 : ends[i - 1]!;
    const end = ends[i]!;
    const during = samples.filter((s) => s.at >= start && s.at <= end);
    const peak = (key: 'total' | 'astro' | 'pagefind'): number => during.reduce((m, s) => Math.max(m, s[key]), 0);
    return { name: phase.name, ms: end - start, peakTreeRss: peak('total'), peakAstro: peak('astro'), peakPagefind: peak('pagefind') };
  });
}

/** The median of each phase's figures over several runs of the same build. */
export function medianPhases(runs: ReadonlyArray<readonly PhaseResult[]>): PhaseResult[] {
  return (runs[0] ?? []).map((phase, i) => {
    const figures = runs.map((run) => {
      const { name: _, ...values } = run[i]!;
      return values;
    });
    return { name: phase.name, ...medianOf(figures) };
  });
}
