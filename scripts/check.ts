/**
 * `npm run check`: loads the content model, runs every check, prints the diagnostics and exits 1
 * on any error (on any warning too with --strict).
 *
 *   --format human|github|json   output format (default human)
 *   --summary FILE               also write a Markdown summary (appended to $GITHUB_STEP_SUMMARY too)
 *   --strict                     warnings fail as well
 *   --root DIR                   project root (default: the current folder)
 *   --external                   also fetch external links (cached in node_modules/.cache/partner-kb/)
 *   --html DIR                   also check the links of a built site (for example dist)
 *   --watch                      keep running: re-check whenever content, locales, src or public change
 */
import { appendFileSync, existsSync, readdirSync, statSync, watch as watchFiles, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { byPosition, checkBuiltHtmlInParallel, checkExternalLinks, fileCache, httpFetcher, runChecks } from '../src/lib/checks/index.ts';
import { buildLinkIndex } from '../src/lib/checks/link-index.ts';
import { cacheDir, loadProject, projectFromInput, readBuiltSite, readProjectInput, refreshProjectInput } from '../src/lib/checks/project.ts';
import { contentDirectory } from '../src/lib/model/load.ts';
import { createParseCache } from '../src/lib/model/parse-cache.ts';
import { exitCode, format, FORMATS, formatMarkdownSummary, summaryLine, type Format } from '../src/lib/report/index.ts';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'human' },
      summary: { type: 'string' },
      strict: { type: 'boolean', default: false },
      root: { type: 'string', default: '.' },
      external: { type: 'boolean', default: false },
      html: { type: 'string' },
      watch: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('usage: npm run check -- [--format human|github|json] [--summary FILE] [--strict] [--root DIR] [--external] [--html DIR] [--watch]\n');
    return 0;
  }
  if (!FORMATS.includes(values.format as Format)) {
    process.stderr.write(`--format must be one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  const root = resolve(values.root);
  if (values.watch) return watch(root, values.format as Format);
  const project = await loadProject({ root });
  const links = buildLinkIndex(project.kb);
  const diagnostics = runChecks(project.kb, { ...project.checkOptions, links });
  if (values.html) {
    diagnostics.push(...(await checkBuiltHtmlInParallel(readBuiltSite(root, values.html))));
    diagnostics.sort(byPosition);
  }
  if (values.external) {
    diagnostics.push(...(await checkExternalLinks(links, { fetcher: httpFetcher, cache: fileCache(cacheDir(root, 'external.json')), timeoutMs: 10_000 })));
    diagnostics.sort(byPosition);
  }

  process.stdout.write(format(diagnostics, values.format as Format));
  const summary = formatMarkdownSummary(diagnostics);
  if (values.summary) {
    if (values.summary === process.env['GITHUB_STEP_SUMMARY']) appendFileSync(values.summary, summary);
    else writeFileSync(values.summary, summary);
  }
  if (process.env['GITHUB_STEP_SUMMARY'] && values.summary !== process.env['GITHUB_STEP_SUMMARY']) {
    appendFileSync(process.env['GITHUB_STEP_SUMMARY'], summary);
  }
  return exitCode(diagnostics, { strict: values.strict });
}

/**
 * Watch mode: the model's inputs and parses stay in memory, so after an edit only the changed
 * files are read and parsed again before every check runs. Each run ends with one line,
 * `[check] <counts> in <ms> ms`, on standard error.
 */
async function watch(root: string, kind: Format): Promise<number> {
  const input = readProjectInput(root);
  const parseCache = createParseCache({ dir: cacheDir(root, 'parse') });
  await parseCache.prime(input.content.articles.map((a) => a.text));
  const run = (): void => {
    const started = performance.now();
    const project = projectFromInput(input, parseCache);
    const diagnostics = runChecks(project.kb, project.checkOptions);
    process.stdout.write(format(diagnostics, kind));
    process.stderr.write(`[check] ${summaryLine(diagnostics)} in ${Math.round(performance.now() - started)} ms; watching for changes\n`);
  };
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    const changed = [...pending];
    pending.clear();
    try {
      refreshProjectInput(root, input, changed);
      run();
    } catch (error) {
      // A file can vanish between the event and the read (an editor's swap file): report, keep watching.
      process.stderr.write(`[check] could not re-check: ${error instanceof Error ? error.message : String(error)}; watching for changes\n`);
    }
  };
  const changed = (path: string): void => {
    pending.add(path);
    // Editors write a file in several steps; check once they are done.
    clearTimeout(timer);
    timer = setTimeout(flush, 25);
  };
  for (const dir of [contentDirectory(root), ...['locales', 'src', 'public'].map((d) => join(root, d))]) watchTree(dir, changed);
  // Watchers are in place before the first report, so an edit made after it is never missed.
  run();
  return new Promise<number>(() => undefined);
}

/**
 * Watches a folder and every folder below it, one watcher per folder, all registered before this
 * returns (Node's recursive watch on Linux registers subfolders later, and misses early edits).
 */
function watchTree(dir: string, onChange: (path: string) => void): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  watchFiles(dir, (_event, name) => {
    if (!name) return;
    const path = join(dir, name);
    onChange(path);
    // A new folder: watch it too (a second watcher on a folder only repeats events).
    if (existsSync(path) && statSync(path).isDirectory() && !watched.has(path)) watchTree(path, onChange);
  });
  watched.add(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') watchTree(join(dir, entry.name), onChange);
  }
}
const watched = new Set<string>();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
