/**
 * The DocFX importer: plans what the import of some files would write (`planImport`, which only
 * reads), and writes a plan atomically (`applyPlan`, the only function that writes).
 *
 * One bilingual DocFX file gives two articles: the translation in `content/<locale>/` and the
 * aligned English in `content/en/`. A manifest (`content/.import-manifest.json`) records the
 * sha256 of every file the importer wrote, so a file an author edited since is never overwritten
 * without `force`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { provenanceHashOfSource } from '../hash.ts';
import { MdxSyntaxError, parseFrontmatter, parseMdx } from '../mdx/parse.ts';
import { articleSchema, type ArticleFrontmatter } from '../schema.ts';
import { SOURCE_LOCALE, type Locale } from '../site.ts';
import { readDocfx, type DocfxArticle, type InputFile } from './docfx.ts';
import { printArticle } from './frontmatter.ts';
import { importRule } from './rules.ts';

export type { InputFile } from './docfx.ts';

export const MANIFEST_NAME = '.import-manifest.json';

export type FileAction = 'create' | 'update' | 'unchanged' | 'skipped-author-edited';

export interface PlannedFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the content directory, with forward slashes (`ko/customer-support.mdx`). */
  contentPath: string;
  /** The path as shown to the user. */
  displayPath: string;
  text: string;
  action: FileAction;
  /** True when written because of `force` over an author's edit. */
  forced: boolean;
  /** The input files this file comes from. */
  sources: string[];
}

export interface ImportPlan {
  contentDir: string;
  files: PlannedFile[];
  diagnostics: Diagnostic[];
  /** The manifest after the import: content path → sha256 of the text the importer wrote. */
  manifest: Record<string, string>;
  manifestChanged: boolean;
  /** False when an error was reported: nothing may be written. */
  ok: boolean;
}

export interface ImportOptions {
  contentDir: string;
  force?: boolean;
  /** How to show an output path in diagnostics and the plan; default: relative to the working directory. */
  displayPath?: (absolutePath: string) => string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function readManifest(contentDir: string): Record<string, string> {
  const text = readText(join(contentDir, MANIFEST_NAME));
  if (text === undefined) return {};
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
    return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

function printManifest(manifest: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.keys(manifest).sort().map((k) => [k, manifest[k]!]));
  return JSON.stringify(sorted, null, 2) + '\n';
}

function fileName(article: DocfxArticle): string {
  // The base variant serves the global cloud; another variant is named after its first cloud.
  const variant = article.clouds.includes('global') ? '' : `.${article.clouds[0]}`;
  return `${article.slug}${variant}.mdx`;
}

function stringValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** `ms.*` keys other than the mapped ones → `docfx`, provenance keys first, the rest in input order. */
function docfxOf(fm: Record<string, unknown>): Record<string, string> | undefined {
  const mapped = new Set(['ms.contentlocale', 'ms.assetid', 'ms.translationtype']);
  const first = ['ms.openlocfilehash', 'ms.sourcegitcommit', 'ms.locfileid'];
  const keys = [...first.filter((k) => k in fm), ...Object.keys(fm).filter((k) => k.startsWith('ms.') && !first.includes(k))];
  const docfx: Record<string, string> = {};
  for (const key of keys) {
    if (mapped.has(key)) continue;
    const value = stringValue(fm[key]);
    if (value !== undefined) docfx[key.slice(3)] = value;
  }
  return Object.keys(docfx).length > 0 ? docfx : undefined;
}

function withOptional<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/** The English article (front matter without baseHash, which is added once all bases are known). */
function englishFrontmatter(article: DocfxArticle): ArticleFrontmatter {
  const fm = article.frontmatter;
  // The English file's description. A DocFX translation's front matter holds the *translated*
  // description only; the English one is not in the file. The nearest English text is the first
  // paragraph of the body: in DocFX articles the description is (a translation of) that paragraph,
  // as in the seeds, and it is text from the file, not invented. An English DocFX input (en-US)
  // has its own description, which is used as is.
  const description = article.locale === SOURCE_LOCALE ? stringValue(fm['description']) : article.source.firstParagraph;
  // Only what derives from the English source goes into the English file, so that every translation
  // of one English source (same ms.openlocfilehash) produces the same English, byte for byte: the
  // per-translation keys (sourcegitcommit, locfileid, lasthandoff, …) stay in the translations.
  const openlocfilehash = stringValue(fm['ms.openlocfilehash']);
  const docfx = article.locale === SOURCE_LOCALE ? docfxOf(fm) : openlocfilehash ? { openlocfilehash } : undefined;
  return withOptional({
    title: article.source.title ?? '',
    description: description?.trim() ? description.trim() : undefined,
    clouds: article.clouds,
    assetId: stringValue(fm['ms.assetid']),
    author: stringValue(fm['author']),
    docfx,
  });
}

function translationFrontmatter(article: DocfxArticle, sourceHash: string): ArticleFrontmatter {
  const fm = article.frontmatter;
  const description = stringValue(fm['description'])?.trim();
  const type = stringValue(fm['ms.translationtype'])?.trim().toUpperCase();
  return withOptional({
    title: article.target.title ?? '',
    description: description ? description : undefined,
    clouds: article.clouds,
    assetId: stringValue(fm['ms.assetid']),
    // HT (human translation) was reviewed by a person; MT, or anything else, was not.
    translation: { sourceHash, method: type === 'HT' ? 'human' : 'machine' },
    author: stringValue(fm['author']),
    docfx: docfxOf(fm),
  });
}

function firstDifference(a: DocfxArticle, b: DocfxArticle): { lineA: number; lineB: number; textA: string; textB: string } | undefined {
  const n = Math.max(a.sourceLines.length, b.sourceLines.length);
  for (let i = 0; i < n; i++) {
    const x = a.sourceLines[i];
    const y = b.sourceLines[i];
    if (x?.text !== y?.text) {
      return {
        lineA: x?.line ?? a.sourceLines.at(-1)?.line ?? 1,
        lineB: y?.line ?? b.sourceLines.at(-1)?.line ?? 1,
        textA: x?.text ?? '(end of file)',
        textB: y?.text ?? '(end of file)',
      };
    }
  }
  return undefined;
}

function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 1;
}

function clip(text: string): string {
  return text.length > 70 ? text.slice(0, 69) + '…' : text;
}

interface Output {
  locale: Locale;
  name: string;
  text: string;
  sources: DocfxArticle[];
}

/** Checks that what the importer wrote is valid: it parses as MDX and validates with the schema. */
function verify(text: string, article: DocfxArticle, contentPath: string, report: (d: Diagnostic) => void): void {
  const fail = (message: string): void =>
    report({ file: article.file, line: 1, column: 1, ...importRule('import/invalid-output'), message: `the MDX produced for ${contentPath} ${message}`, hint: 'This is a bug in the importer; please report it with the input file.' });
  try {
    parseMdx(text);
  } catch (error) {
    if (error instanceof MdxSyntaxError) fail(`does not parse at its line ${error.position.line}:${error.position.column}: ${error.message}`);
    else throw error;
  }
  const result = articleSchema.safeParse(parseFrontmatter(text).data);
  if (!result.success) fail(`has invalid front matter: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

/** Plans an import. Reads the inputs' text as given and the content directory; writes nothing. */
export function planImport(inputs: readonly InputFile[], options: ImportOptions): ImportPlan {
  const contentDir = resolve(options.contentDir);
  const displayPath = options.displayPath ?? ((p: string) => relative(process.cwd(), p).replace(/\\/g, '/'));
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic): void => {
    diagnostics.push(d);
  };
  const manifestBefore = readManifest(contentDir);
  const empty = (): ImportPlan => ({ contentDir, files: [], diagnostics: diagnostics.sort(compareDiagnostics), manifest: manifestBefore, manifestChanged: false, ok: false });

  const articles: DocfxArticle[] = [];
  for (const input of inputs) {
    const article = readDocfx(input, report);
    if (article) articles.push(article);
  }
  if (diagnostics.some((d) => d.severity === 'error')) return empty();

  // English: one file per path; every input that writes it must produce the same English.
  const english = new Map<string, Output>();
  const translations = new Map<string, Output>();
  for (const article of articles) {
    const name = fileName(article);
    const text = printArticle(englishFrontmatter(article), article.source.body);
    const existing = english.get(name);
    if (!existing) english.set(name, { locale: SOURCE_LOCALE, name, text, sources: [article] });
    else {
      existing.sources.push(article);
      if (existing.text !== text) {
        const other = existing.sources[0]!;
        const diff = firstDifference(article, other);
        const hash = stringValue(article.frontmatter['ms.openlocfilehash']);
        const same = hash !== undefined && hash === stringValue(other.frontmatter['ms.openlocfilehash']);
        const why = same ? `the same English source (ms.openlocfilehash ${hash})` : `the same English file en/${name}`;
        report({
          file: article.file,
          line: diff?.lineA ?? 1,
          column: 1,
          ...importRule('import/english-mismatch'),
          message: diff
            ? `the English of line ${diff.lineA} differs from ${other.file}:${diff.lineB}, which has ${why}`
            : `the English differs from that of ${other.file} (line ${firstDifferentLine(text, existing.text)} of en/${name}), which has ${why}`,
          hint: diff
            ? `Here: ${JSON.stringify(clip(diff.textA))}; there: ${JSON.stringify(clip(diff.textB))}. Import the files with the newer English separately, or fix the outdated one.`
            : 'Import them separately, or fix the outdated one.',
        });
      }
    }
    if (article.locale !== SOURCE_LOCALE) {
      const key = `${article.locale}/${name}`;
      const dup = translations.get(key);
      if (dup) {
        report({ file: article.file, line: 1, column: 1, ...importRule('import/duplicate-output'), message: `${dup.sources[0]!.file} already writes ${key}`, hint: 'Import one translation per locale and article variant.' });
      } else translations.set(key, { locale: article.locale, name, text: '', sources: [article] });
    }
  }
  // The same English source (ms.openlocfilehash) must give the same English, whatever its path.
  const byHash = new Map<string, { article: DocfxArticle; text: string; name: string }>();
  for (const out of english.values()) {
    for (const article of out.sources) {
      const hash = stringValue(article.frontmatter['ms.openlocfilehash']);
      if (!hash) continue;
      const seen = byHash.get(hash);
      if (!seen) byHash.set(hash, { article, text: out.text, name: out.name });
      else if (seen.name !== out.name) {
        report({ file: article.file, line: 1, column: 1, ...importRule('import/english-mismatch'), message: `has the same ms.openlocfilehash as ${seen.article.file} but produces en/${out.name}, not en/${seen.name}`, hint: 'Check the slug anchor and the "Applies to" list of both files.' });
      }
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return empty();

  const pathOf = (locale: Locale, name: string): string => join(contentDir, locale, name);
  const contentPathOf = (locale: Locale, name: string): string => `${locale}/${name}`;
  const files: PlannedFile[] = [];
  const manifest = { ...manifestBefore };

  const plan = (locale: Locale, name: string, text: string, sources: DocfxArticle[]): PlannedFile => {
    const path = pathOf(locale, name);
    const contentPath = contentPathOf(locale, name);
    verify(text, sources[0]!, contentPath, report);
    const onDisk = readText(path);
    const recorded = manifestBefore[contentPath];
    let action: FileAction;
    let forced = false;
    if (onDisk === undefined) action = 'create';
    else if (onDisk === text) action = 'unchanged';
    else if (recorded !== undefined && sha256(onDisk) === recorded) action = 'update';
    else if (options.force) {
      action = 'update';
      forced = true;
    } else action = 'skipped-author-edited';
    if (action === 'skipped-author-edited') {
      report({
        file: displayPath(path), line: 1, column: 1, ...importRule('import/author-edited'),
        message: recorded === undefined ? 'was not written by the importer; not overwritten' : 'was edited since the last import; not overwritten',
        hint: 'Merge the import by hand, or run the import with --force to overwrite the file.',
      });
    } else {
      manifest[contentPath] = sha256(text);
    }
    const file: PlannedFile = { path, contentPath, displayPath: displayPath(path), text, action, forced, sources: sources.map((s) => s.file) };
    files.push(file);
    return file;
  };

  // What each English file will contain after the import (for baseHash): the planned text, or
  // what stays on disk when the planned text is not written.
  const finalText = new Map<string, string>();
  const englishOutputs = [...english.values()].sort((a, b) => Number(a.name.split('.').length > 2) - Number(b.name.split('.').length > 2) || a.name.localeCompare(b.name));
  for (const out of englishOutputs) {
    const article = out.sources[0]!;
    const fm = englishFrontmatter(article);
    if (!article.clouds.includes('global')) {
      const baseName = `${article.slug}.mdx`;
      const base = finalText.get(baseName) ?? readText(pathOf(SOURCE_LOCALE, baseName));
      const baseHash = base === undefined ? undefined : provenanceHashOfSource(base);
      if (baseHash) fm.baseHash = baseHash;
    }
    const planned = plan(SOURCE_LOCALE, out.name, printArticle(fm, article.source.body), out.sources);
    finalText.set(out.name, planned.action === 'skipped-author-edited' ? readText(planned.path) ?? planned.text : planned.text);
  }
  for (const out of [...translations.values()].sort((a, b) => a.locale.localeCompare(b.locale) || a.name.localeCompare(b.name))) {
    const article = out.sources[0]!;
    // The translation was made from the English this import writes (not from what an author may
    // have changed in it since), so its source hash is that of the imported English text.
    const sourceText = files.find((f) => f.contentPath === contentPathOf(SOURCE_LOCALE, out.name))!.text;
    const sourceHash = provenanceHashOfSource(sourceText);
    if (!sourceHash) throw new Error(`no provenance hash for en/${out.name}`);
    plan(out.locale, out.name, printArticle(translationFrontmatter(article, sourceHash), article.target.body), out.sources);
  }

  const ok = !diagnostics.some((d) => d.severity === 'error');
  const manifestChanged = files.length > 0 && (readText(join(contentDir, MANIFEST_NAME)) ?? '') !== printManifest(manifest);
  return { contentDir, files: ok ? files : [], diagnostics: diagnostics.sort(compareDiagnostics), manifest, manifestChanged: ok && manifestChanged, ok };
}

/** Writes a file atomically: a temporary file in the same directory, renamed over the target. */
function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.import.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } finally {
    if (existsSync(temp)) rmSync(temp, { force: true });
  }
}

/** Writes a plan: the files to create or update, then the manifest. Returns the paths written. */
export function applyPlan(plan: ImportPlan): string[] {
  if (!plan.ok) return [];
  const written: string[] = [];
  for (const file of plan.files) {
    if (file.action === 'create' || file.action === 'update') {
      writeAtomic(file.path, file.text);
      written.push(file.path);
    }
  }
  if (plan.manifestChanged) {
    const path = join(plan.contentDir, MANIFEST_NAME);
    writeAtomic(path, printManifest(plan.manifest));
    written.push(path);
  }
  return written;
}
