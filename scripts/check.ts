/**
 * `npm run check`: loads the content model, runs every check, prints the diagnostics and exits 1
 * on any error (on any warning too with --strict) that the baseline does not accept. See USAGE.
 */
import { appendFileSync, existsSync, readdirSync, renameSync, statSync, watch as watchFiles, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { baselineOf, pruneBaseline, writeBaseline } from '../src/lib/checks/baseline.ts';
import { baselineNote, cacheDir, checkLoaded, checkProject, projectFromInput, readProjectInput, refreshProjectInput } from '../src/lib/checks/project.ts';
import { createParseCache } from '../src/lib/model/parse-cache.ts';
import { exitCode, format, FORMATS, formatMarkdownSummary, reportSummary, type Format, type ReportOptions } from '../src/lib/report/index.ts';
import { UserError } from '../src/lib/user-error.ts';
import { parseCommandLine, usageError } from './lib/cli.ts';

const USAGE = `usage: npm run check -- [options]

  --format human|github|json   output format (default human)
  --output FILE                write the report to FILE instead of standard output (for json and
                               github: npm's own banner never gets into it); the summary line still
                               goes to standard output
  --quiet                      errors only
  --verbose                    every info line, and the consequences folded into each finding
  --strict                     warnings fail as well
  --summary FILE               also write a Markdown summary (appended to $GITHUB_STEP_SUMMARY too)
  --root DIR                   project root (default: the current folder)
  --content-dir DIR            content folder (default: $KB_CONTENT_DIR, else <root>/content)
  --html DIR                   also check the links of a built site (for example dist)
  --external                   also fetch external links (cached in node_modules/.cache/partner-kb/)
  --watch                      keep running: re-check whenever content, locales, src or public change
  --update-baseline            accept every current error and warning: write <content>/.check-baseline.json
  --prune-baseline             remove baseline entries that no longer occur (never adds one)
  --ignore-baseline            report every finding, baselined or not
  --help                       this text
`;
const CLI = {
  name: 'npm run check',
  usage: USAGE,
  options: {
    format: { type: 'string', default: 'human' },
    output: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    summary: { type: 'string' },
    root: { type: 'string', default: '.' },
    'content-dir': { type: 'string' },
    external: { type: 'boolean', default: false },
    html: { type: 'string' },
    watch: { type: 'boolean', default: false },
    'update-baseline': { type: 'boolean', default: false },
    'prune-baseline': { type: 'boolean', default: false },
    'ignore-baseline': { type: 'boolean', default: false },
  },
} as const;

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, CLI);
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  if (!FORMATS.includes(values.format as Format)) return usageError(CLI, `--format must be one of ${FORMATS.join(', ')}`).exit;
  if (values.quiet && values.verbose) return usageError(CLI, '--quiet and --verbose cannot be used together').exit;
  if (values['update-baseline'] && values['prune-baseline']) return usageError(CLI, '--update-baseline and --prune-baseline cannot be used together').exit;
  const kind = values.format as Format;
  const root = resolve(values.root);
  const contentDir = values['content-dir'] ? resolve(values['content-dir']) : undefined;
  const report: ReportOptions = { quiet: values.quiet, verbose: values.verbose };
  if (values.watch) return watch(root, contentDir, kind, report, !values['ignore-baseline']);

  const updating = values['update-baseline'] || values['prune-baseline'];
  const checked = await checkProject({ root, contentDir, html: values.html, external: values.external, useBaseline: !values['ignore-baseline'] && !values['update-baseline'] });
  const shownPath = shown(checked.baseline.path);
  if (updating) {
    const next = values['update-baseline'] ? baselineOf(checked.all, checked.baseline.path, root, checked.lineText) : pruneBaseline(checked.baseline, checked.outcome.stale);
    writeBaseline(next);
    const removed = checked.baseline.entries.length - next.entries.length;
    process.stdout.write(
      values['update-baseline']
        ? `${shownPath}: ${next.entries.length} accepted finding${next.entries.length === 1 ? '' : 's'}. Commit it; npm run check and the build now fail only on new findings.\n`
        : `${shownPath}: removed ${removed} entr${removed === 1 ? 'y that no longer occurs' : 'ies that no longer occur'}; ${next.entries.length} left.\n`,
    );
    return 0;
  }

  const { reported } = checked.outcome;
  const options: ReportOptions = { ...report, baseline: baselineNote(checked, shownPath) };
  const text = format(reported, kind, options);
  if (values.output) {
    const tmp = `${values.output}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, values.output);
    process.stdout.write(`${reportSummary(reported, options)} (report: ${values.output})\n`);
  } else {
    process.stdout.write(text);
  }
  const summary = formatMarkdownSummary(reported, { baselined: checked.outcome.baselined.length });
  if (values.summary) {
    if (values.summary === process.env['GITHUB_STEP_SUMMARY']) appendFileSync(values.summary, summary);
    else writeFileSync(values.summary, summary);
  }
  if (process.env['GITHUB_STEP_SUMMARY'] && values.summary !== process.env['GITHUB_STEP_SUMMARY']) {
    appendFileSync(process.env['GITHUB_STEP_SUMMARY'], summary);
  }
  return exitCode(reported, { strict: values.strict });
}

/** A path as the reader knows it: from the current folder when it is below it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/**
 * Watch mode: the model's inputs and parses stay in memory, so after an edit only the changed
 * files are read and parsed again before every check runs. Each run ends with one line,
 * `[check] <counts> in <ms> ms`, on standard error.
 */
async function watch(root: string, contentDir: string | undefined, kind: Format, report: ReportOptions, useBaseline: boolean): Promise<number> {
  const input = readProjectInput(root, contentDir);
  const parseCache = createParseCache({ dir: cacheDir(root, 'parse') });
  await parseCache.prime(input.content.articles.map((a) => a.text));
  const run = (): void => {
    const started = performance.now();
    const checked = checkLoaded(projectFromInput(input, parseCache), root, { useBaseline });
    const options: ReportOptions = { ...report, baseline: baselineNote(checked, shown(checked.baseline.path)) };
    process.stdout.write(format(checked.outcome.reported, kind, options));
    process.stderr.write(`[check] ${reportSummary(checked.outcome.reported, options)} in ${Math.round(performance.now() - started)} ms; watching for changes\n`);
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
  for (const dir of new Set([input.contentDir, ...['locales', 'src', 'public'].map((d) => join(root, d))])) watchTree(dir, changed);
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
    // A user's mistake (an unreadable baseline, a missing built site) is one line; anything else is a bug.
    if (error instanceof UserError) {
      process.stderr.write(`npm run check: ${error.message}\n`);
    } else {
      process.stderr.write(`check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
