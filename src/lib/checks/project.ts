/**
 * Reads a project from disk for the CLI and the build: the content (through the parse cache),
 * the UI-string sources and, on request, a built site. The checks themselves never touch the disk.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { UserError } from '../user-error.ts';
import { buildModel, type ModelResult, type SourceText } from '../model/build.ts';
import { contentDirectory, readContent, readPublic } from '../model/load.ts';
import { entryDiagnostic, readTextFile, walkFolder } from '../model/read.ts';
import { createParseCache, type ParseCache } from '../model/parse-cache.ts';
import { applyBaseline, BASELINE_FILE, readBaseline, type Baseline, type BaselineOutcome, type LineText } from './baseline.ts';
import type { UiStringInput } from './context.ts';
import { checkExternalLinks, fileCache, httpFetcher } from './external.ts';
import { foldConsequences } from './fold.ts';
import { checkBuiltHtmlInParallel } from './html-parallel.ts';
import type { BuiltSite } from './html.ts';
import { runChecks, type CheckOptions } from './index.ts';
import { buildLinkIndex, type LinkIndex } from './link-index.ts';
import type { ReportOptions } from '../report/index.ts';
import { append } from '../append.ts';

/** `node_modules/.cache/partner-kb/` of a project. */
export function cacheDir(root: string, ...parts: string[]): string {
  return join(root, 'node_modules', '.cache', 'partner-kb', ...parts);
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) append(out, walk(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out.sort();
}

const posix = (root: string, path: string): string => relative(root, path).split(sep).join('/');

export interface LoadedProject extends ModelResult {
  /** What `runChecks` needs besides the kb. */
  checkOptions: CheckOptions;
  parseCache: ParseCache;
  /** What the model was built from. */
  input: ProjectInput;
}

export interface LoadProjectOptions {
  root: string;
  /** The content folder, absolute or relative to root (default `content`). */
  contentDir?: string | undefined;
  /** Use the on-disk parse cache (default true). */
  diskCache?: boolean;
  parseCache?: ParseCache;
}

/** Loads content through the parse cache (cold files parsed on every core) and builds the model. */
export async function loadProject(options: LoadProjectOptions): Promise<LoadedProject> {
  const { root } = options;
  const parseCache = options.parseCache ?? createParseCache({ dir: options.diskCache === false ? undefined : cacheDir(root, 'parse') });
  const input = readProjectInput(root, options.contentDir);
  await parseCache.prime(input.content.articles.map((a) => a.text));
  const project = projectFromInput(input, parseCache);
  // Every article was just parsed or looked up: entries no file needs any more can go.
  parseCache.sweep();
  return project;
}

/** Everything the model and the checks are made from, as read from disk. */
export interface ProjectInput {
  /** The content folder, absolute. */
  contentDir: string;
  content: ReturnType<typeof readContent>;
  ui: UiStringInput;
  /** What reading `locales/` reported (encoding, symbolic links; see `model/read.ts`). */
  localeDiagnostics: Diagnostic[];
}

export function readProjectInput(root: string, contentDir?: string): ProjectInput {
  const { ui, diagnostics } = readUiStringFiles(root);
  return { contentDir: contentDirectory(root, contentDir), content: readContent({ root, contentDir }), ui, localeDiagnostics: diagnostics };
}

/** The text of a line of any file the project input holds (articles, data files, UI strings). */
export function lineTextOf(input: ProjectInput): LineText {
  const texts = new Map<string, string>();
  const { content, ui } = input;
  for (const source of [...content.articles, content.navigation, content.cloudFacts, content.terminology, content.redirects, ...ui.sources, ...ui.locales]) {
    if (source) texts.set(source.path, source.text);
  }
  const lines = new Map<string, string[]>();
  return (file, line) => {
    let split = lines.get(file);
    if (!split) {
      const text = texts.get(file);
      if (text === undefined) return undefined;
      lines.set(file, (split = text.split('\n')));
    }
    return split[line - 1];
  };
}

/** Builds the model from texts already read; the parse cache makes unchanged files free. */
export function projectFromInput(input: ProjectInput, parseCache: ParseCache): LoadedProject {
  const readDiagnostics = [...(input.content.readDiagnostics ?? []), ...input.localeDiagnostics];
  const { kb, diagnostics } = buildModel({ ...input.content, readDiagnostics, parse: parseCache.parse });
  return {
    kb,
    diagnostics,
    parseCache,
    input,
    checkOptions: {
      modelDiagnostics: diagnostics,
      sources: { articles: input.content.articles, navigation: input.content.navigation, redirects: input.content.redirects, terminology: input.content.terminology },
      ui: input.ui,
    },
  };
}

const DATA_FILES = { 'navigation.yaml': 'navigation', 'cloud-facts.yaml': 'cloudFacts', 'terminology.yaml': 'terminology', 'redirects.yaml': 'redirects' } as const;

/**
 * Brings an input up to date after the given files changed (absolute paths; created, edited or
 * deleted): only those files are read again. For `npm run check -- --watch`.
 */
export function refreshProjectInput(root: string, input: ProjectInput, changed: Iterable<string>): void {
  const content = input.contentDir;
  let ui = false;
  let assets = false;
  for (const absolute of changed) {
    const path = posix(root, absolute);
    if (path.startsWith('src/') || path.startsWith('locales/')) ui = true;
    else if (path.startsWith('public/')) assets = true;
    else if (!posix(content, absolute).startsWith('..')) {
      const inContent = posix(content, absolute);
      // Read as a full load reads it (`model/read.ts`): what it reported about the file is replaced.
      input.content.readDiagnostics = (input.content.readDiagnostics ?? []).filter((d) => d.file !== path);
      let text: string | undefined;
      const stat = lstatSync(absolute, { throwIfNoEntry: false });
      if (stat?.isFile()) {
        const read = readTextFile(root, absolute);
        text = read.text;
        append(input.content.readDiagnostics, read.diagnostics);
      } else if (stat && !stat.isDirectory()) {
        input.content.readDiagnostics.push(entryDiagnostic(root, absolute, stat));
      }
      const data = DATA_FILES[inContent as keyof typeof DATA_FILES];
      if (data) {
        input.content[data] = text === undefined ? undefined : { path, text };
      } else if (/\.mdx?$/.test(inContent)) {
        const articles = input.content.articles.filter((a) => a.path !== path);
        if (text !== undefined) articles.push({ path, contentPath: inContent, text });
        input.content.articles = articles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      }
    }
  }
  if (ui) ({ ui: input.ui, diagnostics: input.localeDiagnostics } = readUiStringFiles(root));
  if (assets) {
    const read = readPublic(root);
    input.content.assets = read.assets;
    input.content.readDiagnostics = [...(input.content.readDiagnostics ?? []).filter((d) => !d.file.startsWith('public/')), ...read.diagnostics];
  }
}

/** `.astro`/`.ts`/`.tsx`/`.mdx` under src/, and every `locales/<lng>/*.json`. */
export function readUiStrings(root: string): UiStringInput {
  return readUiStringFiles(root).ui;
}

/**
 * The UI-string sources, and what reading `locales/` reported: locale files are read as content is
 * (`model/read.ts`: a byte order mark is dropped, bytes that are not UTF-8 and symbolic links are
 * reported), so the check and the build parse the same text.
 */
export function readUiStringFiles(root: string): { ui: UiStringInput; diagnostics: Diagnostic[] } {
  const read = (path: string): SourceText => ({ path: posix(root, path), text: readFileSync(path, 'utf8') });
  const locales = walkFolder(root, join(root, 'locales'));
  const diagnostics = [...locales.diagnostics];
  const readLocale = (path: string): SourceText => {
    const file = readTextFile(root, path);
    append(diagnostics, file.diagnostics);
    return { path: file.path, text: file.text };
  };
  return {
    ui: {
      sources: walk(join(root, 'src'), (n) => /\.(astro|tsx?|mts|jsx?|mjs)$/.test(n)).map(read),
      locales: locales.files.filter((p) => p.endsWith('.json')).map(readLocale),
    },
    diagnostics,
  };
}

/** A built site folder for the HTML pass. */
export function readBuiltSite(root: string, dir: string): BuiltSite {
  const absolute = resolve(root, dir);
  if (!existsSync(absolute)) throw new UserError(`${dir} does not exist; build the site first (npm run build).`);
  const files = new Set(walk(absolute, () => true).map((p) => posix(absolute, p)));
  return { dir: posix(root, absolute) || dir, files, absolute, read: (path) => readFileSync(join(absolute, path), 'utf8') };
}

export interface ProjectCheckOptions extends LoadProjectOptions {
  /** Also check the links of a built site (folder, relative to root). */
  html?: string | undefined;
  /** Also fetch external links (cached in node_modules/.cache/partner-kb/external.json). */
  external?: boolean | undefined;
  /** Leave out findings the baseline accepts (default true). */
  useBaseline?: boolean | undefined;
}

export interface ProjectCheck {
  project: LoadedProject;
  /** Every finding, folded and in report order, before the baseline. */
  all: Diagnostic[];
  baseline: Baseline;
  /** `all` split by the baseline (nothing baselined when `useBaseline` is false). */
  outcome: BaselineOutcome;
  /** Line texts of the project's files, for fingerprints. */
  lineText: LineText;
}

/**
 * Everything `npm run check` does before reporting, and what the build runs: load, check, fold,
 * optionally the built-HTML and external passes, then the baseline. Throws `BaselineError` for a
 * baseline file that cannot be read.
 */
export async function checkProject(options: ProjectCheckOptions): Promise<ProjectCheck> {
  const { root } = options;
  const project = await loadProject(options);
  const links = buildLinkIndex(project.kb);
  const more: Diagnostic[] = [];
  if (options.html) append(more, await checkBuiltHtmlInParallel(readBuiltSite(root, options.html)));
  if (options.external) append(more, await checkExternalLinks(links, { fetcher: httpFetcher, cache: fileCache(cacheDir(root, 'external.json')), timeoutMs: 10_000 }));
  return { project, ...checkLoaded(project, root, { useBaseline: options.useBaseline, links, more }) };
}

/**
 * The checks of a loaded project, folded, with the baseline applied: the one path from a model to
 * what is reported, for `npm run check` (once and `--watch`), the build and `npm run dev`. `more`
 * are findings of other passes (built HTML, external links), folded in with the rest. Throws
 * `BaselineError` for a baseline file that cannot be read.
 */
export function checkLoaded(
  project: LoadedProject,
  root: string,
  options: { useBaseline?: boolean | undefined; links?: LinkIndex; more?: readonly Diagnostic[] } = {},
): Omit<ProjectCheck, 'project'> {
  let all = runChecks(project.kb, { ...project.checkOptions, ...(options.links ? { links: options.links } : {}) });
  if (options.more && options.more.length > 0) all = foldConsequences([...all, ...options.more]);
  const lineText = lineTextOf(project.input);
  const baseline = options.useBaseline === false ? { path: join(project.input.contentDir, BASELINE_FILE), exists: false, entries: [] } : readBaseline(project.input.contentDir);
  return { all, baseline, outcome: applyBaseline(all, baseline, root, lineText), lineText };
}

/** What a summary line says about the baseline (`reportSummary`); nothing when there is no baseline file. */
export function baselineNote(checked: Pick<ProjectCheck, 'baseline' | 'outcome'>, file: string): ReportOptions['baseline'] {
  return checked.baseline.exists ? { file, baselined: checked.outcome.baselined.length, stale: checked.outcome.stale.length } : undefined;
}
