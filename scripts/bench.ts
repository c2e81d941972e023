/**
 * `npm run bench -- [--n 250,1000,4000] [--runs 3,3,1] [--out BENCHMARKS.md] [--keep] [--seed 1] [--sample 60] [--search-only]`
 * `npm run bench -- --import-corpus [--runs 3]`: import time and peak memory of `npm run import` of
 *   both DocFX repositories in ../shared/corpus (target: both together under 15 s and 1 GB).
 *
 * For each N: generates the synthetic corpus (src/lib/bench/corpus.ts) into a throwaway project
 * root, builds it `--runs` times from clean (wall time, peak memory of the build's process tree,
 * the build's own timing lines, each phase's time and memory peaks), counts and weighs the HTML
 * files, times `npm run check` with no parse cache, with the build's, after
 * one edited file, and the re-check after an edit in `--watch`, weighs article pages and their
 * scripts, measures the bytes of one cold search per language and a reader's search in Chromium on
 * "Fast 4G" (bytes after focus and after typing, time to results), and the search quality of the
 * judged queries on the project's own content/. `--search-only`: one build per N and only the
 * reader's search, as a Markdown table on stdout (BENCHMARKS.md untouched). Writes the medians to --out
 * (default BENCHMARKS.md; `-` for stdout only). Never touches content/ or dist/ of the working copy.
 * KB_BENCH_DEBUG=1 echoes the watch process's status lines.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseCommandLine, usageError } from './lib/cli.ts';
import { gzipBytes, scriptsBeforeInteraction, utf8Bytes } from '../src/lib/bench/bytes.ts';
import { editArticle, generateCorpus, type GeneratedCorpus } from '../src/lib/bench/corpus.ts';
import { createRng } from '../src/lib/bench/prng.ts';
import { medianPhases, parseBuildLog, phaseEnds, phasePeaks, type BuildProfile, type PhaseResult } from '../src/lib/bench/build-log.ts';
import { extractNotes, formatReport, LANGS, missedTargets, qualitySection, type Lang, type Machine, type NResult, type SizeResult } from '../src/lib/bench/report.ts';
import { measureSearch, serveStatic } from '../src/lib/bench/search-cost.ts';
import { measureTypedSearch, type TypedSearchCost } from '../src/lib/bench/search-latency.ts';
import { evaluateSearchQuality } from '../src/lib/search/evaluate.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/browser.ts';
import { formatBytes, formatMs, median, mean } from '../src/lib/bench/stats.ts';
import { QUERIES } from '../src/lib/bench/vocab.ts';
import { runChecks } from '../src/lib/checks/index.ts';
import { loadProject } from '../src/lib/checks/project.ts';
import { createParseCache } from '../src/lib/model/parse-cache.ts';
import { planQuery } from '../src/lib/search/query.ts';
import { localeInfo } from '../src/lib/site.ts';
import { buildIn, createIsolatedRoot, PROJECT_ROOT, type IsolatedRoot } from './lib/isolated-build.ts';
import { sampleTreeMemory, type TreeMemory } from './lib/process-memory.ts';

const NODE = join(PROJECT_ROOT, 'node_modules', '.bin', 'node');
const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

// ---------------------------------------------------------------------------------------------
// Project root

/**
 * Gives the isolated root its own node_modules folder (symlinks to every package of the project),
 * so that its caches (`.cache/partner-kb/parse`, `.astro`, `.vite`) are its own: clearing them
 * for a cold run must not touch the working copy's caches, and builds must not share them.
 */
function privateNodeModules(root: string): void {
  const dir = join(root, 'node_modules');
  rmSync(dir, { force: true, recursive: false });
  mkdirSync(dir);
  const shared = join(PROJECT_ROOT, 'node_modules');
  for (const entry of readdirSync(shared)) {
    if (entry === '.cache' || entry === '.astro' || entry === '.vite') continue;
    symlinkSync(join(shared, entry), join(dir, entry));
  }
}

function writeCorpus(dir: string, corpus: GeneratedCorpus): void {
  for (const [path, text] of corpus.files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

function cleanBuildState(root: string): void {
  for (const p of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache']) rmSync(join(root, p), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Build

function walk(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, keep, out);
    else if (keep(entry.name)) out.push(path);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checks

function timeCheck(root: string): Promise<{ ms: number; code: number | null; output: string }> {
  const started = performance.now();
  return new Promise((resolvePromise) => {
    const child = spawn(NODE, [join(PROJECT_ROOT, 'scripts', 'check.ts'), '--root', root, '--format', 'json'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolvePromise({ ms: performance.now() - started, code, output }));
  });
}

/**
 * `npm run check -- --watch`: milliseconds from writing an edit to the end of the re-check that
 * follows (the `[check]` line), for each of `edits`; the file is restored afterwards.
 */
async function timeWatch(root: string, file: string, edits: string[], original: string): Promise<number[]> {
  const child = spawn(NODE, [join(PROJECT_ROOT, 'scripts', 'check.ts'), '--root', root, '--format', 'json', '--watch'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let buffered = '';
  let waiting: ((line: string) => void) | undefined;
  const lines: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    if (process.env['KB_BENCH_DEBUG']) process.stderr.write(chunk);
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      if (!line.startsWith('[check]')) continue;
      if (waiting) {
        const resolveLine = waiting;
        waiting = undefined;
        resolveLine(line);
      } else lines.push(line);
    }
  });
  const nextRun = (): Promise<string> => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((r) => (waiting = r)));
  try {
    await nextRun();
    const times: number[] = [];
    for (const edit of edits) {
      const started = performance.now();
      writeFileSync(file, edit);
      await nextRun();
      times.push(performance.now() - started);
      // Let the watcher settle before the next edit.
      await new Promise((r) => setTimeout(r, 200));
    }
    return times;
  } finally {
    writeFileSync(file, original);
    child.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// Page weight

function canonicalArticlePages(dist: string, corpus: GeneratedCorpus, sample: number, seed: number): Array<{ lang: Lang; file: string }> {
  const rng = createRng(seed ^ 0x5eed);
  const slugs = rng.sample(corpus.slugs, Math.min(sample, corpus.slugs.length));
  const china = new Set(corpus.chinaSlugs);
  const pages: Array<{ lang: Lang; file: string }> = [];
  for (const slug of slugs) {
    for (const lang of LANGS) {
      pages.push({ lang, file: join(dist, lang, 'global', slug, 'index.html') });
      if (china.has(slug)) pages.push({ lang, file: join(dist, lang, 'china', slug, 'index.html') });
    }
  }
  return pages.filter((p) => existsSync(p.file));
}

function weighPages(dist: string, corpus: GeneratedCorpus, sample: number, seed: number): Pick<NResult, 'articleHtml' | 'js'> {
  const pages = canonicalArticlePages(dist, corpus, sample, seed);
  const sizes: Record<string, SizeResult[]> = { all: [], en: [], ko: [], zh: [], ja: [] };
  let js: NResult['js'] = { raw: 0, gzip: 0, inlineRaw: 0, external: [] };
  for (const page of pages) {
    const html = readFileSync(page.file, 'utf8');
    const size = { raw: utf8Bytes(html), gzip: gzipBytes(html) };
    sizes['all']!.push(size);
    sizes[page.lang]!.push(size);
    const scripts = scriptsBeforeInteraction(html);
    const inline = scripts.inline.join('');
    let raw = utf8Bytes(inline);
    let gzip = inline ? gzipBytes(inline) : 0;
    for (const src of scripts.external) {
      const file = join(dist, new URL(src, 'https://x/').pathname);
      if (!existsSync(file)) continue;
      const body = readFileSync(file);
      raw += body.length;
      gzip += gzipBytes(body);
    }
    if (raw > js.raw) js = { raw, gzip, inlineRaw: utf8Bytes(inline), external: scripts.external };
  }
  const avg = (list: SizeResult[]): SizeResult => ({ raw: mean(list.map((s) => s.raw)), gzip: mean(list.map((s) => s.gzip)) });
  return {
    articleHtml: { all: avg(sizes['all']!), en: avg(sizes['en']!), ko: avg(sizes['ko']!), zh: avg(sizes['zh']!), ja: avg(sizes['ja']!), sampled: pages.length },
    js,
  };
}

const PAGEFIND_KEY: Record<Lang, string> = { en: 'en', ko: 'ko', zh: 'zh-cn', ja: 'ja' };

function pagefindSizes(dist: string): NResult['pagefindIndex'] {
  const dir = join(dist, 'pagefind');
  const files = walk(dir, () => true);
  const size = (f: string): number => statSync(f).size;
  const perLang = Object.fromEntries(
    LANGS.map((l) => {
      const key = PAGEFIND_KEY[l];
      const mine = files.filter((f) => {
        const name = f.slice(dir.length + 1);
        return name.startsWith(`pagefind.${key}_`) || /^(index|fragment|filter)\//.test(name) && name.split('/')[1]!.startsWith(`${key}_`);
      });
      return [l, mine.reduce((s, f) => s + size(f), 0)];
    }),
  ) as Record<Lang, number>;
  const wasm = Object.fromEntries(files.filter((f) => /wasm\.[^/]+\.pagefind$/.test(f)).map((f) => [f.split('/').pop()!.replace(/^wasm\.|\.pagefind$/g, ''), size(f)]));
  const js = readFileSync(join(dir, 'pagefind.js'));
  return { ...perLang, wasm, pagefindJs: { raw: js.length, gzip: gzipBytes(js) } };
}

async function searchCosts(dist: string): Promise<NResult['search']> {
  const server = await serveStatic(dist);
  try {
    const out = {} as NResult['search'];
    for (const l of LANGS) {
      const query = planQuery(l, QUERIES[l]).variants[0]!.terms.join(' ');
      const cost = await measureSearch(dist, server.url, localeInfo(l).htmlLang, query, { cloud: 'global' });
      const largest = [...cost.records].sort((a, b) => b.bytes - a.bytes)[0];
      out[l] = {
        query: QUERIES[l],
        prepared: query,
        results: cost.results,
        total: cost.total,
        fetched: cost.fetched,
        files: cost.records.length + 1,
        largest: largest ? `${largest.url.replace(server.url, '').replace(/\?.*$/, '')} ${formatBytes(largest.bytes)}` : '',
      };
      if (cost.results === 0) log(`warning: the ${l} query found nothing`);
    }
    return out;
  } finally {
    await server.close();
  }
}

/**
 * A reader's search per language in Chromium on Fast 4G (src/lib/bench/search-latency.ts), from
 * the global page of the corpus's first article, the site served with gzip like a real host.
 */
async function typedSearchCosts(dist: string, slug: string): Promise<Record<Lang, TypedSearchCost>> {
  const server = await serveStatic(dist, { gzip: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const out = {} as Record<Lang, TypedSearchCost>;
    for (const l of LANGS) {
      out[l] = await measureTypedSearch(browser, server.url, `/${l}/global/${slug}/`, l, QUERIES[l]);
      log(`search ${l} “${QUERIES[l]}”: after focus ${formatBytes(out[l].preloadBytes)}, after typing ${formatBytes(out[l].queryBytes)}, results ${formatMs(out[l].firstResultsMs)} after the last keystroke (${out[l].results} results)`);
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** `--search-only`: one build of N, then only a reader's search; a Markdown table on stdout. */
async function searchOnly(n: number, seed: number, keep: boolean): Promise<void> {
  const corpus = generateCorpus({ articles: n, seed });
  const iso: IsolatedRoot = createIsolatedRoot(undefined, `kb-bench-${n}-`);
  privateNodeModules(iso.root);
  writeCorpus(iso.content, corpus);
  try {
    const result = await buildIn(iso.root);
    if (!result.ok) throw new Error(`the build of N = ${n} failed:\n${result.output.slice(-4000)}`);
    log(`N = ${n}: built in ${formatMs(result.ms)}`);
    const typed = await typedSearchCosts(iso.dist, corpus.slugs[0]!);
    const lines = [
      `| N = ${n}, load average ${loadavg().map((x) => x.toFixed(2)).join(', ')} | query | after focus | after typing | results after the last keystroke (target ≤ 300 ms) |`,
      '|---|---|--:|--:|--:|',
      ...LANGS.map((l) => `| ${l} | “${typed[l].query}” | ${formatBytes(typed[l].preloadBytes)} (${typed[l].preloadRequests} files) | ${formatBytes(typed[l].queryBytes)} (${typed[l].queryRequests} files) | ${formatMs(typed[l].firstResultsMs)} |`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (keep) log(`kept ${iso.root}`);
    else iso.remove();
  }
}

// ---------------------------------------------------------------------------------------------

async function benchOne(n: number, runs: number, seed: number, sample: number, keep: boolean): Promise<NResult> {
  let t = performance.now();
  const corpus = generateCorpus({ articles: n, seed });
  log(`N = ${n}: ${corpus.files.size} files generated in ${formatMs(performance.now() - t)} (${corpus.chinaSlugs.length} china variants)`);
  const iso: IsolatedRoot = createIsolatedRoot(undefined, `kb-bench-${n}-`);
  privateNodeModules(iso.root);
  writeCorpus(iso.content, corpus);
  try {
    const builds: Array<{ ms: number; mem: TreeMemory; profile: BuildProfile; phases: PhaseResult[] }> = [];
    for (let run = 1; run <= runs; run++) {
      cleanBuildState(iso.root);
      const stop = sampleTreeMemory();
      const result = await buildIn(iso.root);
      const mem = stop();
      if (!result.ok) {
        process.stderr.write(result.output.slice(-6000));
        throw new Error(`the build of N = ${n} failed (root kept at ${iso.root})`);
      }
      const profile = parseBuildLog(result.output);
      const phases = phasePeaks(mem.samples, phaseEnds(result.lines, result.ms));
      builds.push({ ms: result.ms, mem, profile, phases });
      log(`N = ${n}: build ${run}/${runs} ${formatMs(result.ms)}, peak tree RSS ${formatBytes(mem.peakTreeRss)} (checks ${formatMs(profile.checksMs)}, bundle ${formatMs(profile.bundleMs)}, render ${formatMs(profile.renderMs)}, HTML pass ${formatMs(profile.htmlPassMs)}, Pagefind ${formatMs(profile.searchIndexMs)} (${formatMs(profile.searchTailMs)} after the HTML pass), Astro total ${formatMs(profile.astroTotalMs)})`);
      for (const p of phases) log(`  ${p.name}: ${formatMs(p.ms)}, peak ${formatBytes(p.peakTreeRss)} (Astro ${formatBytes(p.peakAstro)}, Pagefind ${formatBytes(p.peakPagefind)})`);
      if (run === runs) writeFileSync(join(tmpdir(), `partner-kb-bench-build-${n}.log`), result.output);
    }
    const html = walk(iso.dist, (f) => f.endsWith('.html'));
    const htmlFiles = html.length;
    const htmlBytes = html.reduce((sum, f) => sum + statSync(f).size, 0);
    const pages = corpus.variantsPerLocale * LANGS.length;

    const cold: number[] = [];
    const warm: number[] = [];
    const edit: number[] = [];
    const edited = join(iso.content, 'en', `${corpus.slugs[0]}.mdx`);
    const original = readFileSync(edited, 'utf8');
    for (let run = 1; run <= runs; run++) {
      rmSync(join(iso.root, 'node_modules', '.cache', 'partner-kb', 'parse'), { recursive: true, force: true });
      const c = await timeCheck(iso.root);
      if (c.code !== 0) throw new Error(`npm run check failed on the corpus:\n${c.output.slice(0, 4000)}`);
      const w = await timeCheck(iso.root);
      writeFileSync(edited, editArticle(original, run));
      const e = await timeCheck(iso.root);
      writeFileSync(edited, original);
      cold.push(c.ms);
      warm.push(w.ms);
      edit.push(e.ms);
      log(`N = ${n}: check cold ${formatMs(c.ms)}, warm ${formatMs(w.ms)}, one file edited ${formatMs(e.ms)}`);
    }
    const watched = await timeWatch(iso.root, edited, [1, 2, 3, 4, 5].map((i) => editArticle(original, 100 + i)), original);
    log(`N = ${n}: re-check in --watch after one edit: ${watched.map(formatMs).join(', ')}`);
    // Where a cold check spends its time, in process: parsing + model, then the checks.
    t = performance.now();
    const project = await loadProject({ root: iso.root, parseCache: createParseCache() });
    const loadMs = performance.now() - t;
    t = performance.now();
    runChecks(project.kb, project.checkOptions);
    const checkSplit = { loadMs, checksMs: performance.now() - t };

    const weights = weighPages(iso.dist, corpus, sample, seed);
    const pagefindIndex = pagefindSizes(iso.dist);
    const search = await searchCosts(iso.dist);
    const typedSearch = await typedSearchCosts(iso.dist, corpus.slugs[0]!);

    const buildMs = median(builds.map((b) => b.ms));
    const part = (key: keyof BuildProfile): number => median(builds.map((b) => b.profile[key]));
    const profile = { checksMs: part('checksMs'), bundleMs: part('bundleMs'), renderMs: part('renderMs'), htmlPassMs: part('htmlPassMs'), searchIndexMs: part('searchIndexMs'), searchTailMs: part('searchTailMs'), otherMs: 0 };
    // Pagefind indexes while pages render (src/integration.ts): only its tail is sequential.
    profile.otherMs = buildMs - profile.checksMs - profile.bundleMs - profile.renderMs - profile.htmlPassMs - profile.searchTailMs;
    return {
      n,
      runs,
      pages,
      htmlFiles,
      buildMs,
      buildRunsMs: builds.map((b) => b.ms),
      peakTreeRss: median(builds.map((b) => b.mem.peakTreeRss)),
      peakProcessHwm: median(builds.map((b) => b.mem.peakProcessHwm)),
      // Each phase's median over the runs (the phases are the same in every run).
      phases: medianPhases(builds.map((b) => b.phases)),
      htmlBytes,
      pagesPerSecond: pages / (buildMs / 1000),
      profile,
      checkColdMs: median(cold),
      checkWarmMs: median(warm),
      checkEditMs: median(edit),
      checkWatchMs: median(watched),
      checkSplit,
      ...weights,
      pagefindIndex,
      search,
      typedSearch,
    };
  } finally {
    if (keep) log(`kept ${iso.root}`);
    else iso.remove();
  }
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function machine(): Machine {
  const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpus: cpus().length,
    cpuModel,
    memory: totalmem(),
    load: loadavg().map((l) => l.toFixed(2)).join(', '),
    node: process.version,
    astro: version('astro'),
    pagefind: version('pagefind'),
    mdx: version('@astrojs/mdx'),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/** The DocFX repositories of ../shared/corpus. */
const CORPUS = ['partner-center-pr.ko-kr', 'partner-center-pr.zh-cn'].map((r) => join(PROJECT_ROOT, '..', 'shared', 'corpus', r));

/**
 * `--import-corpus`: runs `npm run import` of both corpus repositories into a throwaway folder,
 * `runs` times, and prints the wall time and the peak memory of the import's process (medians).
 */
async function benchImport(runs: number): Promise<void> {
  const times: number[] = [];
  const peaks: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const dir = join(tmpdir(), `partner-kb-bench-import-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    const stop = sampleTreeMemory(50);
    const started = performance.now();
    const code = await new Promise<number | null>((done) => {
      const child = spawn(NODE, [join(PROJECT_ROOT, 'scripts', 'import.ts'), ...CORPUS, '--content-dir', join(dir, 'content'), '--public-dir', join(dir, 'public')], { stdio: 'ignore' });
      child.on('close', done);
    });
    const ms = performance.now() - started;
    const { peakProcessHwm } = stop();
    rmSync(dir, { recursive: true, force: true });
    // Exit code 1 means some files were skipped (reported); anything else is a failure.
    if (code !== 0 && code !== 1) throw new Error(`npm run import exited with ${code}`);
    times.push(ms);
    peaks.push(peakProcessHwm);
    log(`import of both corpus repositories ${run}/${runs}: ${formatMs(ms)}, peak ${formatBytes(peakProcessHwm)}`);
  }
  const about = machine();
  process.stdout.write(
    `import of ${CORPUS.map((c) => c.split('/').pop()).join(' + ')} (median of ${runs}): ${formatMs(median(times))}, peak memory ${formatBytes(median(peaks))}` +
      ` (target: under 15 s and 1 GB) on ${about.cpus} × ${about.cpuModel}, load ${about.load}\n`,
  );
}

const USAGE = `usage: npm run bench -- [options]

  --n 250,1000,4000   article counts per locale to measure (default 250,1000,4000)
  --runs 3            runs per count, or one per count (--n 250,1000,4000 --runs 3,3,1);
                      the report gives medians (default 3,3,1)
  --out FILE          report file, or - for standard output (default BENCHMARKS.md)
  --keep              keep the generated project roots (their paths are printed)
  --seed 1            seed of the synthetic corpus
  --sample 60         pages per locale sampled for HTML and JavaScript weight
  --from-json A,B     re-format saved raw results into one report, measuring nothing
  --import-corpus     instead: import both ../shared/corpus repositories (--runs times), time and peak memory
  --search-only       one build per count, then only a reader's search in Chromium (Fast 4G), as a
                      Markdown table on standard output; the report is not written
  --help              this text
`;

async function main(): Promise<void> {
  const parsed = parseCommandLine(process.argv.slice(2), {
    name: 'npm run bench',
    usage: USAGE,
    options: {
      n: { type: 'string', default: '250,1000,4000' },
      runs: { type: 'string', default: '3,3,1' },
      out: { type: 'string', default: 'BENCHMARKS.md' },
      keep: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      sample: { type: 'string', default: '60' },
      'from-json': { type: 'string' },
      'import-corpus': { type: 'boolean', default: false },
      'search-only': { type: 'boolean', default: false },
    },
  });
  if ('exit' in parsed) {
    process.exitCode = parsed.exit;
    return;
  }
  const { values } = parsed;
  if (values['import-corpus']) return benchImport(Math.max(1, Number(values.runs.split(',')[0])));
  if (values['search-only']) {
    for (const n of values.n.split(',').map((x) => Number(x.trim()))) await searchOnly(n, Number(values.seed), values.keep);
    return;
  }
  if (values['from-json']) {
    // Re-format saved runs (for example N = 250 with --runs 3 and N = 1000 with --runs 1, measured
    // one after the other) into one report without measuring again.
    const saved = values['from-json'].split(',').map((f) => JSON.parse(readFileSync(f, 'utf8')) as { machine: Machine; results: NResult[] });
    const out = resolve(PROJECT_ROOT, values.out);
    const results = saved.flatMap((s) => s.results).sort((a, b) => a.n - b.n);
    // The judged queries' quality is of the project's own content/, not of a measured N: computed now.
    const quality = await evaluateSearchQuality(PROJECT_ROOT);
    writeFileSync(out, formatReport(saved[0]!.machine, results, existsSync(out) ? extractNotes(readFileSync(out, 'utf8')) : '', qualitySection(quality.rows, quality.outcomes.length)));
    log(`wrote ${out}`);
    return;
  }
  const ns = values.n.split(',').map((s) => Number(s.trim()));
  const json = join(tmpdir(), `partner-kb-bench-${ns.join('-')}.json`);
  if (ns.some((n) => !Number.isInteger(n) || n < 2)) {
    process.exitCode = usageError({ name: 'npm run bench', usage: USAGE }, '--n takes article counts ≥ 2, for example --n 250,1000').exit;
    return;
  }
  const runs = values.runs.split(',').map((s) => Number(s.trim()));
  if (runs.some((r) => !Number.isInteger(r) || r < 1) || (runs.length !== 1 && runs.length !== ns.length)) {
    process.exitCode = usageError({ name: 'npm run bench', usage: USAGE }, '--runs takes one count of runs ≥ 1, or one per --n, for example --n 250,1000,4000 --runs 3,3,1').exit;
    return;
  }
  const about = machine();
  const results: NResult[] = [];
  for (const [i, n] of ns.entries()) results.push(await benchOne(n, runs[i] ?? runs[0]!, Number(values.seed), Number(values.sample), values.keep));
  const out = values.out === '-' ? undefined : resolve(PROJECT_ROOT, values.out);
  const notes = out && existsSync(out) ? extractNotes(readFileSync(out, 'utf8')) : '';
  const quality = await evaluateSearchQuality(PROJECT_ROOT);
  const report = formatReport(about, results, notes, qualitySection(quality.rows, quality.outcomes.length));
  if (out) {
    writeFileSync(out, report);
    log(`wrote ${out}`);
  } else process.stdout.write(report);
  writeFileSync(json, JSON.stringify({ machine: about, results }, null, 2));
  log(`raw results: ${json} (re-format with --from-json ${json})`);
  const missed = missedTargets(results);
  log(missed.length ? `targets missed:\n  ${missed.join('\n  ')}` : 'every target met');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
