/**
 * The Astro side's access to the content model: built once per process, on first use (not at
 * import), and failing the build with every content error the check baseline does not accept,
 * named by file, line and field.
 *
 * In `npm run dev` the model is rebuilt after each change and checked like `npm run check` does
 * (`checkLoaded`, baseline included): the findings the baseline does not accept are printed in the
 * terminal, with how many it does, and pages show their own file's (see `devFindings`).
 * A file with errors never stops the server: its pages show the diagnostics, the others work.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TFunction } from 'i18next';
import { GIT_LOG_ARGS, parseGitLog } from './lib/git-dates.ts';
import { format, reportSummary } from './lib/report/index.ts';
import type { Diagnostic } from './lib/diagnostics.ts';
import { baselineNote, checkLoaded, projectFromInput, readProjectInput, type ProjectCheck } from './lib/checks/project.ts';
import { resourcesFromFiles, translators } from './lib/i18n.ts';
import type { KnowledgeBase } from './lib/model/kb.ts';
import { SourceHistory } from './lib/model/history.ts';
import { createParseCache } from './lib/model/parse-cache.ts';
import { UserError } from './lib/user-error.ts';

import { contentGeneration, sharedModel, sharedShardPlan, sitePages } from './shared-model.ts';
import { cacheDir } from './lib/checks/project.ts';
import type { Locale } from './lib/site.ts';

let model: KnowledgeBase | undefined;
let modelGeneration = -1;

/** In `npm run dev`: the findings of the current model by file, and the texts they point into. */
let dev: { byFile: Map<string, Diagnostic[]>; lines: (file: string, line: number) => string | undefined } | undefined;
let devParseCache: ReturnType<typeof createParseCache> | undefined;

export function getKb(): KnowledgeBase {
  // In `astro dev` the model is rebuilt after each change under content/ (the integration's watcher
  // counts them), so that an edit shows at once and other requests reuse the model.
  if (model && (!import.meta.env.DEV || modelGeneration === contentGeneration())) return model;
  const generation = contentGeneration();
  if (import.meta.env.DEV) {
    model = checkForDev();
    modelGeneration = generation;
    return model;
  }
  // In a build, the integration has already built and checked it.
  const shared = sharedModel();
  if (shared) return (model = shared);
  // Pages rendered without the integration: the same checks and baseline as the build.
  const checked = checkedModel(createParseCache({ dir: cacheDir(process.cwd(), 'parse') }));
  const errors = checked.outcome.reported.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`Content has ${errors.length} error(s) the check baseline does not accept:\n${format(errors, 'human', { baseline: baselineNote(checked, checked.baseline.path) })}`);
  model = checked.project.kb;
  modelGeneration = generation;
  return model;
}

/**
 * The model of the project's content, checked and with the baseline applied, as the build and
 * `npm run check` do it (`checkLoaded`). A baseline that cannot be read is reported and every
 * finding shown, rather than stopping the dev server.
 */
function checkedModel(parseCache: ReturnType<typeof createParseCache>): ProjectCheck {
  const root = process.cwd();
  const input = readProjectInput(root);
  const project = projectFromInput(input, parseCache);
  try {
    return { project, ...checkLoaded(project, root) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    console.error(`[partner-kb] ${error.message}`);
    return { project, ...checkLoaded(project, root, { useBaseline: false }) };
  }
}

/**
 * Builds and checks the model for `npm run dev`, and prints the findings (errors and warnings the
 * baseline does not accept) in the terminal, once per change.
 */
function checkForDev(): KnowledgeBase {
  const root = process.cwd();
  devParseCache ??= createParseCache({ dir: cacheDir(root, 'parse') });
  const checked = checkedModel(devParseCache);
  const { reported } = checked.outcome;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of reported) if (d.severity !== 'info') byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  dev = { byFile, lines: checked.lineText };
  // As `npm run check` says it: the findings, then one line with how many the baseline accepts.
  const file = relative(root, checked.baseline.path);
  const options = { baseline: baselineNote(checked, file.startsWith('..') ? checked.baseline.path : file) };
  const shown = reported.filter((d) => d.severity !== 'info');
  if (shown.length > 0) console.error(`[partner-kb] content checks:\n${format(shown, 'human', options).trimEnd()}`);
  else console.error(`[partner-kb] content checks: ${reportSummary(reported, options)}`);
  return checked.project.kb;
}

/** In `npm run dev`: the findings in one content file (project-relative path); none in a build. */
export function devFindings(path: string): Diagnostic[] {
  return dev?.byFile.get(path) ?? [];
}

/** In `npm run dev`: a line of a content file, for code frames on error pages. */
export function devSourceLine(path: string, line: number): string | undefined {
  return dev?.lines(path, line);
}

// The texts, parsed as the check parses them (a byte order mark is not JSON): see resourcesFromFiles.
const localeTexts = import.meta.glob<string>('../locales/*/*.json', { eager: true, query: '?raw', import: 'default' });
const translator = translators(resourcesFromFiles(Object.entries(localeTexts).map(([path, text]) => ({ path, text }))));

export function getT(locale: Locale): TFunction {
  return translator(locale);
}

let gitDates: Map<string, string> | undefined;

/** Last-updated date (ISO) of a content file from git history; undefined when unknown. */
export function lastUpdated(path: string): string | undefined {
  if (!gitDates) {
    gitDates = new Map();
    try {
      const output = execFileSync('git', GIT_LOG_ARGS, { cwd: process.cwd(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
      let boundaries = new Set<string>();
      const shallowFile = join(process.cwd(), '.git', 'shallow');
      if (existsSync(shallowFile)) boundaries = new Set(readFileSync(shallowFile, 'utf8').split('\n').filter(Boolean));
      gitDates = parseGitLog(output, boundaries);
    } catch {
      // Not a git checkout (a tarball, a fixture): no dates.
    }
  }
  return gitDates.get(path);
}

let history: SourceHistory | undefined;

/** English versions from git history, for the compare pages (one lookup per English file; in
 * `astro dev` a fresh one per page, so that new commits show). */
export function getHistory(): SourceHistory {
  if (import.meta.env.DEV) return new SourceHistory(process.cwd());
  return (history ??= new SourceHistory(process.cwd()));
}

/**
 * The paths of a route that this build renders: in a sharded build only those of the shard
 * (`lib/build/shard.ts`), and never those that `rendered` leaves to be written from another page
 * (`lib/render/derive.ts`). Every path is recorded as a file of the site: `file` is the route's
 * output file with its parameters, such as `[locale]/[cloud]/index.html`, `[locale]/[cloud]/nav.json`
 * or `[locale]/status/[...cloud]/index.html`.
 */
export function pathsOfThisBuild<P extends { params: Record<string, string | undefined> }>(file: string, paths: P[], rendered?: (path: P) => boolean): P[] {
  const pages = sitePages();
  const shard = sharedShardPlan();
  return paths.filter((path) => {
    // `[name]` and `[...name]` take the parameter's value; an absent rest parameter, its segment.
    pages.add(file.replace(/\[(?:\.\.\.)?(\w+)\]\/?/g, (segment: string, name: string) => (path.params[name] ? path.params[name] + (segment.endsWith('/') ? '/' : '') : '')));
    return (!shard || shard.owns(path.params)) && rendered?.(path) !== false;
  });
}

