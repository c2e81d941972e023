/** Timing lines of an `astro build` log, for the benchmark's build profile. */

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
