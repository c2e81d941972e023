/**
 * BENCHMARKS.md from measured results: pure formatting, so the layout is testable and a re-run
 * writes the same structure. Hand-written notes between `<!-- notes -->` and `<!-- /notes -->` in
 * an existing file are kept.
 */
import type { PhaseResult } from './build-log.ts';
import { formatBytes, formatInt, formatMs } from './stats.ts';
import { LOCALE_CODES, type Locale } from '../site.ts';
import { scoresTable, type ScoreRow } from '../search/judged.ts';
import type { TypedSearchCost } from './search-latency.ts';

/** The site's locales, from the one registry (src/lib/site.ts). */
export const LANGS = LOCALE_CODES;
export type Lang = Locale;

export interface SizeResult {
  raw: number;
  gzip: number;
}

export interface NResult {
  n: number;
  runs: number;
  pages: number;
  htmlFiles: number;
  buildMs: number;
  buildRunsMs: number[];
  peakTreeRss: number;
  peakProcessHwm: number;
  /** The build's phases (`build-log.ts`), medians over the runs (absent in results saved before them). */
  phases?: PhaseResult[];
  /** Bytes of every HTML file written (absent in results saved before it). */
  htmlBytes?: number;
  pagesPerSecond: number;
  /** Medians of the build's own log lines. */
  profile: { checksMs: number; bundleMs: number; renderMs: number; htmlPassMs: number; searchIndexMs: number; searchTailMs: number; otherMs: number };
  checkColdMs: number;
  checkWarmMs: number;
  checkEditMs: number;
  /** Re-check after one edit in `npm run check -- --watch` (absent in results saved before it existed). */
  checkWatchMs?: number;
  /** In-process parts of a cold check: parse (on workers), model, checks. */
  checkSplit?: { loadMs: number; checksMs: number } | undefined;
  articleHtml: Record<Lang, SizeResult> & { all: SizeResult; sampled: number };
  js: SizeResult & { inlineRaw: number; external: string[] };
  pagefindIndex: Record<Lang, number> & { wasm: Record<string, number>; pagefindJs: SizeResult };
  search: Record<Lang, { query: string; prepared: string; results: number; total: number; fetched: number; files: number; largest: string }>;
  /** A reader's search in Chromium on Fast 4G (absent in results saved before it existed). */
  typedSearch?: Record<Lang, TypedSearchCost> | undefined;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memory: number;
  load: string;
  node: string;
  astro: string;
  pagefind: string;
  mdx: string;
  date: string;
}

export const TARGETS = {
  buildMs: 33_000,
  peakMemory: 1024 ** 3,
  /** "Cold": a new process, with the content-hash parse cache that the build (or CI's cache) left. */
  checkColdMs: 5_000,
  checkWatchMs: 1_000,
  articleGzip: 10 * 1024,
  jsBytes: 1024,
  searchBytes: 100 * 1024,
  /** From the last keystroke to the results on the page, on Chrome DevTools' "Fast 4G" profile. */
  searchResultsMs: 300,
  /** Growth: time and memory per page at a larger N at most this much above N = 1,000's. */
  perPageGrowth: 0.2,
};

/** One step of the growth table: from one N to the next, each figure's factor. */
export interface GrowthStep {
  from: NResult;
  to: NResult;
  pages: number;
  buildMs: number;
  peakTreeRss: number;
  htmlFiles: number;
  /** Factors of the per-page figures: build time, peak memory, HTML bytes per HTML file. */
  msPerPage: number;
  memoryPerPage: number;
  htmlBytesPerFile: number;
}

const perPage = (r: NResult): { ms: number; memory: number; html: number } => ({
  ms: r.buildMs / r.pages,
  memory: r.peakTreeRss / r.pages,
  html: r.htmlBytes === undefined ? Number.NaN : r.htmlBytes / r.htmlFiles,
});

/** The growth factor of each figure between consecutive N (results in increasing N). */
export function growthSteps(results: readonly NResult[]): GrowthStep[] {
  const sorted = [...results].sort((a, b) => a.n - b.n);
  return sorted.slice(1).map((to, i) => {
    const from = sorted[i]!;
    const [a, b] = [perPage(from), perPage(to)];
    return {
      from,
      to,
      pages: to.pages / from.pages,
      buildMs: to.buildMs / from.buildMs,
      peakTreeRss: to.peakTreeRss / from.peakTreeRss,
      htmlFiles: to.htmlFiles / from.htmlFiles,
      msPerPage: b.ms / a.ms,
      memoryPerPage: b.memory / a.memory,
      htmlBytesPerFile: b.html / a.html,
    };
  });
}

/**
 * Linearity: at every N above 1,000, build time and peak memory per page at most 20 % above
 * N = 1,000's (less is fine: the fixed part of both is spread over more pages). The issue's target.
 */
function nonLinear(results: readonly NResult[]): string[] {
  const base = results.find((r) => r.n === 1000);
  if (!base) return [];
  const missed: string[] = [];
  for (const r of results.filter((x) => x.n > base.n)) {
    const [a, b] = [perPage(base), perPage(r)];
    const at = `N = ${formatInt(r.n)}`;
    if (b.ms > a.ms * (1 + TARGETS.perPageGrowth)) missed.push(`${at}: build time per page ${(b.ms).toFixed(2)} ms is ${((b.ms / a.ms - 1) * 100).toFixed(0)}% above N = 1,000's ${(a.ms).toFixed(2)} ms (> 20%)`);
    if (b.memory > a.memory * (1 + TARGETS.perPageGrowth)) missed.push(`${at}: peak memory per page ${formatBytes(b.memory)} is ${((b.memory / a.memory - 1) * 100).toFixed(0)}% above N = 1,000's ${formatBytes(a.memory)} (> 20%)`);
  }
  return missed;
}

function queryLabel(s: { query: string; prepared: string } | undefined): string {
  if (!s) return '';
  return s.prepared === s.query ? `“${s.query}”` : `“${s.query}” (searched as “${s.prepared}”)`;
}

/** The build's time and memory targets hold up to N = 1,000; above it, growth must stay linear. */
const boundedBuild = (r: NResult): boolean => r.n <= 1000;

/** Which targets a result misses (for the summary and the notes). */
export function missedTargets(results: readonly NResult[]): string[] {
  const missed: string[] = [];
  for (const r of results) {
    const at = `N = ${formatInt(r.n)}`;
    if (boundedBuild(r) && r.buildMs > TARGETS.buildMs) missed.push(`${at}: full build ${formatMs(r.buildMs)} > 33 s`);
    if (boundedBuild(r) && r.peakTreeRss >= TARGETS.peakMemory) missed.push(`${at}: peak memory ${formatBytes(r.peakTreeRss)} ≥ 1 GB`);
    if (r.checkWarmMs >= TARGETS.checkColdMs) missed.push(`${at}: cold check ${formatMs(r.checkWarmMs)} ≥ 5 s`);
    if (!(r.checkWatchMs !== undefined && r.checkWatchMs < TARGETS.checkWatchMs)) missed.push(`${at}: one-file re-check ${r.checkWatchMs === undefined ? 'not measured' : formatMs(r.checkWatchMs)} ≥ 1 s`);
    if (r.articleHtml.all.gzip > TARGETS.articleGzip) missed.push(`${at}: article HTML ${formatBytes(r.articleHtml.all.gzip)} gzip > 10 KB`);
    if (r.js.raw > TARGETS.jsBytes) missed.push(`${at}: ${formatBytes(r.js.raw)} JS before interaction > 1 KB`);
    for (const l of LANGS) if (r.search[l].total > TARGETS.searchBytes) missed.push(`${at}: cold search (${l}) ${formatBytes(r.search[l].total)} > 100 KB`);
    for (const l of LANGS) {
      const typed = r.typedSearch?.[l];
      if (typed && typed.firstResultsMs > TARGETS.searchResultsMs) missed.push(`${at}: results ${formatMs(typed.firstResultsMs)} after the last keystroke (${l}, Fast 4G) > 300 ms`);
    }
  }
  const first = results[0];
  const last = results.at(-1);
  if (first && last && last !== first) {
    const growth = last.articleHtml.all.gzip / first.articleHtml.all.gzip - 1;
    // Sampling noise between corpora is well under 2%; more than that is growth with N.
    if (growth > 0.02) missed.push(`article HTML grows with N: ${formatBytes(first.articleHtml.all.gzip)} → ${formatBytes(last.articleHtml.all.gzip)} gzip (+${(growth * 100).toFixed(1)}%) from N = ${formatInt(first.n)} to N = ${formatInt(last.n)}`);
  }
  return [...missed, ...nonLinear(results)];
}

/** A pass/fail mark where the target applies, nothing where it does not. */
const mark = (applies: boolean, pass: boolean): string => (applies ? ` ${pass ? '✅' : '❌'}` : '');

function row(label: string, results: readonly NResult[], cell: (r: NResult) => string, target: string, pass?: (r: NResult) => boolean): string {
  const cells = results.map((r) => cell(r) + (pass ? ` ${pass(r) ? '✅' : '❌'}` : ''));
  return `| ${label} | ${cells.join(' | ')} | ${target} |`;
}

/** Each phase of the build: its time and the peak memory of the tree in it, Astro's and Pagefind's. */
function phaseTable(results: readonly NResult[]): string[] {
  const measured = results.filter((r) => r.phases);
  if (measured.length === 0) return [];
  return [
    '### Build phases',
    '',
    'Each phase ends at a line the build prints (src/lib/bench/build-log.ts); memory is sampled every 100 ms. A cell: the',
    "phase's time, the peak RSS of the build's process tree in it, and the peaks of the Astro process (with its worker",
    'threads) and of Pagefind (one process per language, one after the other). Medians of the runs.',
    '',
    `| phase | ${measured.map((r) => `N = ${formatInt(r.n)}`).join(' | ')} |`,
    `|---|${measured.map(() => '---:').join('|')}|`,
    ...measured[0]!.phases!.map((phase, i) => {
      const cells = measured.map((r) => {
        const p = r.phases![i];
        return p ? `${formatMs(p.ms)}, ${formatBytes(p.peakTreeRss)} (Astro ${formatBytes(p.peakAstro)}, Pagefind ${formatBytes(p.peakPagefind)})` : '';
      });
      return `| ${phase.name} | ${cells.join(' | ')} |`;
    }),
    '',
  ];
}

/** The growth factor of each figure from one N to the next. */
function growthTable(results: readonly NResult[]): string[] {
  const steps = growthSteps(results);
  if (steps.length === 0) return [];
  const factor = (x: number): string => (Number.isFinite(x) ? `×${x.toFixed(2)}` : 'not measured');
  const line = (label: string, cell: (s: GrowthStep) => string): string => `| ${label} | ${steps.map(cell).join(' | ')} |`;
  const ms = (r: NResult): string => `${(r.buildMs / r.pages).toFixed(2)} ms`;
  const mem = (r: NResult): string => formatBytes(r.peakTreeRss / r.pages);
  return [
    '### Growth',
    '',
    'From each N to the next: the figure at both and its factor. Linear growth keeps the per-page figures flat; the',
    'target: at N above 1,000, build time and peak memory per page at most 20 % above N = 1,000\'s.',
    '',
    `| | ${steps.map((s) => `N = ${formatInt(s.from.n)} → ${formatInt(s.to.n)}`).join(' | ')} |`,
    `|---|${steps.map(() => '---:').join('|')}|`,
    line('pages', (s) => `${formatInt(s.from.pages)} → ${formatInt(s.to.pages)} (${factor(s.pages)})`),
    line('build time', (s) => `${formatMs(s.from.buildMs)} → ${formatMs(s.to.buildMs)} (${factor(s.buildMs)})`),
    line('peak memory', (s) => `${formatBytes(s.from.peakTreeRss)} → ${formatBytes(s.to.peakTreeRss)} (${factor(s.peakTreeRss)})`),
    line('HTML files', (s) => `${formatInt(s.from.htmlFiles)} → ${formatInt(s.to.htmlFiles)} (${factor(s.htmlFiles)})`),
    line('build time per page', (s) => `${ms(s.from)} → ${ms(s.to)} (${factor(s.msPerPage)})`),
    line('peak memory per page', (s) => `${mem(s.from)} → ${mem(s.to)} (${factor(s.memoryPerPage)})`),
    line('bytes per HTML file', (s) => (s.from.htmlBytes === undefined || s.to.htmlBytes === undefined ? 'not measured' : `${formatBytes(s.from.htmlBytes / s.from.htmlFiles)} → ${formatBytes(s.to.htmlBytes / s.to.htmlFiles)} (${factor(s.htmlBytesPerFile)})`)),
    '',
  ];
}

export function formatReport(machine: Machine, results: readonly NResult[], notes = '', quality = ''): string {
  const head = `| | ${results.map((r) => `N = ${formatInt(r.n)} (${formatInt(r.pages)} pages)`).join(' | ')} | target |`;
  const sep = `|---|${results.map(() => '---:').join('|')}|---|`;
  const growth =
    results.length >= 2 ? (results.at(-1)!.articleHtml.all.gzip / results[0]!.articleHtml.all.gzip - 1) * 100 : 0;
  const lines: string[] = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (scripts/bench.ts, src/lib/bench/): a synthetic corpus of N articles in each of',
    'en, ko, zh and ja (4–7 sections, lists, a Callout, a CloudFact, 3–8 internal links; about 25% with a 21Vianet',
    'variant), built in a throwaway project root with `astro build`. Times and memory are medians of the runs;',
    'every build starts clean (no dist/, .astro/, Vite or parse cache). A "page" is one article variant in one',
    'locale, however many cloud URLs serve it.',
    '',
    '## Machine',
    '',
    `- ${machine.cpus} CPUs: ${machine.cpuModel}; ${formatBytes(machine.memory)} memory; load average at start: ${machine.load}`,
    `- Node ${machine.node}, Astro ${machine.astro}, @astrojs/mdx ${machine.mdx}, Pagefind ${machine.pagefind}`,
    `- ${machine.date}`,
    '',
    '## Results',
    '',
    head,
    sep,
    row('Full build (wall, `buildIn`)', results, (r) => `${formatMs(r.buildMs)} (runs: ${r.buildRunsMs.map(formatMs).join(', ')})${mark(boundedBuild(r), r.buildMs <= TARGETS.buildMs)}`, '≤ 33 s up to N = 1,000'),
    row('— content model + checks', results, (r) => formatMs(r.profile.checksMs), ''),
    row('— Vite bundle of pages', results, (r) => formatMs(r.profile.bundleMs), ''),
    row('— page rendering (Astro static generation)', results, (r) => formatMs(r.profile.renderMs), ''),
    row('— built-HTML link pass', results, (r) => formatMs(r.profile.htmlPassMs), ''),
    row('— Pagefind index, waited for after the HTML pass', results, (r) => formatMs(r.profile.searchTailMs), ''),
    row('— (Pagefind in all, from the checks on, while pages render)', results, (r) => formatMs(r.profile.searchIndexMs), ''),
    row('— rest (Node/Astro startup, content sync, search module)', results, (r) => formatMs(r.profile.otherMs), ''),
    row('Peak memory (sum of RSS of the build process tree)', results, (r) => `${formatBytes(r.peakTreeRss)}${mark(boundedBuild(r), r.peakTreeRss < TARGETS.peakMemory)}`, '< 1 GB up to N = 1,000'),
    row('— largest single process (VmHWM)', results, (r) => formatBytes(r.peakProcessHwm), ''),
    row('Pages per second', results, (r) => r.pagesPerSecond.toFixed(1), ''),
    row('HTML files written', results, (r) => formatInt(r.htmlFiles), ''),
    row('— bytes per HTML file', results, (r) => (r.htmlBytes === undefined ? 'not measured' : formatBytes(r.htmlBytes / r.htmlFiles)), ''),
    row('All checks, cold: a new `npm run check` process, parse cache from the build', results, (r) => formatMs(r.checkWarmMs), '< 5 s', (r) => r.checkWarmMs < TARGETS.checkColdMs),
    row('— the first run on a machine, no parse cache at all', results, (r) => formatMs(r.checkColdMs), ''),
    row('— the same after one file changed', results, (r) => formatMs(r.checkEditMs), ''),
    row('Re-check after one file changed (`npm run check -- --watch`)', results, (r) => (r.checkWatchMs === undefined ? 'not measured' : formatMs(r.checkWatchMs)), '< 1 s', (r) => r.checkWatchMs !== undefined && r.checkWatchMs < TARGETS.checkWatchMs),
    row('Article HTML, all locales (raw / gzip)', results, (r) => `${formatBytes(r.articleHtml.all.raw)} / ${formatBytes(r.articleHtml.all.gzip)}`, '≤ 10 KB gzip, flat in N', (r) => r.articleHtml.all.gzip <= TARGETS.articleGzip),
    ...LANGS.map((l) => row(`— ${l}`, results, (r) => `${formatBytes(r.articleHtml[l].raw)} / ${formatBytes(r.articleHtml[l].gzip)}`, '')),
    row('JS before interaction (raw / gzip)', results, (r) => `${formatBytes(r.js.raw)} / ${formatBytes(r.js.gzip)}`, '≤ 1 KB', (r) => r.js.raw <= TARGETS.jsBytes),
    ...LANGS.map((l) => row(`Pagefind index, ${l}`, results, (r) => formatBytes(r.pagefindIndex[l]), '')),
    row('Pagefind wasm (per language family)', results, (r) => Object.entries(r.pagefindIndex.wasm).map(([k, v]) => `${k} ${formatBytes(v)}`).join(', '), ''),
    ...LANGS.map((l) =>
      row(`Cold search, ${l}: ${queryLabel(results[0]?.search[l])}`, results, (r) => `${formatBytes(r.search[l].total)} (${r.search[l].files} files, ${r.search[l].results} results)`, '≤ 100 KB', (r) => r.search[l].total <= TARGETS.searchBytes),
    ),
    ...typedSearchRows(results),
    '',
    `Article HTML gzip grows by ${growth.toFixed(1)}% from the first to the last N. Article HTML is the mean over sampled canonical`,
    `article pages (${results.map((r) => r.articleHtml.sampled).join(' / ')} pages). JS before interaction counts inline scripts and`,
    '`<script src>`/modulepreload of the heaviest sampled page (the search module loads on focus, not before).',
    'Cold search = `pagefind.js` at gzip size + every byte fetched by `init`, one `search` (the reader\'s words of',
    '`planQuery`, filtered to the global cloud as the UI does) and the first result\'s `data()`. Pagefind\'s',
    'index files and wasm are already gzip-compressed, so fetched bytes are transfer bytes.',
    ...(results.some((r) => r.typedSearch) ? TYPED_SEARCH_NOTE : []),
    '',
    ...phaseTable(results),
    ...growthTable(results),
    '### Largest file of each cold search',
    '',
    `| | ${results.map((r) => `N = ${formatInt(r.n)}`).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    ...LANGS.map((l) => `| ${l} | ${results.map((r) => r.search[l].largest).join(' | ')} |`),
    '',
    ...(quality ? [quality] : []),
    '## Targets missed',
    '',
    ...(missedTargets(results).length ? missedTargets(results).map((m) => `- ${m}`) : ['None.']),
    '',
    '<!-- notes -->',
    notes.trim() || '_No notes yet._',
    '<!-- /notes -->',
    '',
  ];
  return lines.join('\n');
}

const TYPED_SEARCH_NOTE = [
  'A reader\'s search (src/lib/bench/search-latency.ts) is measured in Chromium on Chrome DevTools\' "Fast 4G"',
  'profile (`Network.emulateNetworkConditions`: 165 ms latency, 9 Mbit/s down, 1.5 Mbit/s up) from a site served',
  'with gzip for text files: on an article page, focusing the search box loads the search module, Pagefind\'s',
  'engine and the search data ("after focus"); the query is then typed key by key (150 ms apart), and "after',
  'typing" counts every byte from the first keystroke until the results of the whole query are shown, and the',
  'time from the last keystroke until then.',
];

function typedSearchRows(results: readonly NResult[]): string[] {
  if (!results.some((r) => r.typedSearch)) return [];
  const measured = (r: NResult, l: Lang): TypedSearchCost | undefined => r.typedSearch?.[l];
  return LANGS.flatMap((l) => [
    row(`Search, ${l}: after focus (module, engine, data)`, results, (r) => (measured(r, l) ? `${formatBytes(measured(r, l)!.preloadBytes)} (${measured(r, l)!.preloadRequests} files)` : 'not measured'), ''),
    row(
      `— after typing “${results.find((r) => r.typedSearch)?.typedSearch?.[l]?.query ?? ''}”: bytes, time to results`,
      results,
      (r) => (measured(r, l) ? `${formatBytes(measured(r, l)!.queryBytes)} (${measured(r, l)!.queryRequests} files), ${formatMs(measured(r, l)!.firstResultsMs)}` : 'not measured'),
      '≤ 300 ms',
      (r) => measured(r, l) !== undefined && measured(r, l)!.firstResultsMs <= TARGETS.searchResultsMs,
    ),
  ]);
}

/** The search quality section: the judged queries' scores on the project's content. */
export function qualitySection(rows: readonly ScoreRow[], queries: number): string {
  return [
    '## Search quality',
    '',
    `\`npm run search:eval\` on the project's content/: ${queries} judged queries (tests/search/queries/), success@1, success@3`,
    'and mean reciprocal rank per language and cloud.',
    '',
    scoresTable(rows),
    '',
  ].join('\n');
}

/** The hand-written notes of an existing report, to carry over into a new one. */
export function extractNotes(existing: string): string {
  const m = /<!-- notes -->\n([\s\S]*?)\n<!-- \/notes -->/.exec(existing);
  return m?.[1] ?? '';
}
