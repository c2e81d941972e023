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
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { provenanceHashOfSource } from '../hash.ts';
import { MdxSyntaxError, parseMdx } from '../mdx/parse.ts';
import { articleSchema, type ArticleFrontmatter } from '../schema.ts';
import { SOURCE_LOCALE, type Cloud, type Locale } from '../site.ts';
import { readDocfx, type DocfxArticle, type InputFile } from './docfx.ts';
import { planImages, type AssetCopy } from './images.ts';
import { printArticle } from './frontmatter.ts';
import type { Repository } from './repository.ts';
import { navigationYaml, redirectsYaml } from './site-data.ts';
import { parse as parseYaml } from 'yaml';
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
  /** The clouds of an article file. */
  clouds?: Cloud[];
}

export interface ImportPlan {
  contentDir: string;
  files: PlannedFile[];
  diagnostics: Diagnostic[];
  /** The manifest after the import: content path → sha256 of the text the importer wrote. */
  manifest: Record<string, string>;
  /** What the manifest records of each English file's source after the import (see `EnglishRecord`). */
  english: Record<string, EnglishRecord>;
  manifestChanged: boolean;
  /** The input files left out because of an error (each has at least one error diagnostic). */
  skipped: string[];
  /** The input files whose articles are in `files`. */
  imported: string[];
  /** Image files to copy into the public folder with the import. */
  assets: AssetCopy[];
  /** Links of the imported files (English side), by how they were rewritten. */
  links: { articles: number; external: number; kept: number };
  /**
   * False when nothing may be written: with `strict`, any error; otherwise only when every input
   * was skipped. A plan that is ok may still have skipped inputs.
   */
  ok: boolean;
}

export interface ImportOptions {
  contentDir: string;
  force?: boolean;
  /** All or nothing: any error leaves every file unwritten (without it, a file with errors is skipped). */
  strict?: boolean;
  /** How to show an output path in diagnostics and the plan; default: relative to the working directory. */
  displayPath?: (absolutePath: string) => string;
  /** Where images go (`public/`); without it, images are neither looked for nor copied. */
  publicDir?: string;
  /** A folder to take images from that are not in the repository (`--assets DIR`). */
  assets?: string;
}

/**
 * What the manifest keeps about the English file of one DocFX source: the source's
 * `ms.openlocfilehash`, the sha256 of the English halves of its sentence pairs, and the input it
 * was imported from. A later import of the same source hash with other pair English is a conflict,
 * as it is within one run.
 */
export interface EnglishRecord {
  openlocfilehash: string;
  pairs: string;
  from: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A YAML scalar as written in a front-matter line (`"A: b"` → `A: b`). */
function parseYamlScalar(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = parseYaml(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

interface Manifest {
  files: Record<string, string>;
  english: Record<string, EnglishRecord>;
}

function readManifestFile(contentDir: string): Manifest {
  const text = readText(join(contentDir, MANIFEST_NAME));
  const empty: Manifest = { files: {}, english: {} };
  if (text === undefined) return empty;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return empty;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return empty;
  const record = data as Record<string, unknown>;
  const strings = (value: unknown): Record<string, string> =>
    typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
  // Version 1 was the map of files alone.
  if (record['version'] !== 2) return { files: strings(record), english: {} };
  const english: Record<string, EnglishRecord> = {};
  for (const [path, value] of Object.entries((record['english'] ?? {}) as Record<string, unknown>)) {
    const v = value as Partial<EnglishRecord> | null;
    if (v && typeof v.openlocfilehash === 'string' && typeof v.pairs === 'string' && typeof v.from === 'string') english[path] = { openlocfilehash: v.openlocfilehash, pairs: v.pairs, from: v.from };
  }
  return { files: strings(record['files']), english };
}

/** The files the importer wrote (content path → sha256 of the text it wrote). */
export function readManifest(contentDir: string): Record<string, string> {
  return readManifestFile(contentDir).files;
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]!]));
}

function printManifest(manifest: Manifest): string {
  return JSON.stringify({ version: 2, files: sorted(manifest.files), english: sorted(manifest.english) }, null, 2) + '\n';
}

/** Longest file name (in UTF-8 bytes) that Linux, macOS and Windows file systems all accept. */
const NAME_MAX = 255;

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

type NumberedLine = { line: number; text: string };

/** The first place where two lists of numbered lines differ (for a conflict message). */
function firstDifference(a: readonly NumberedLine[], b: readonly NumberedLine[]): { lineA: number; lineB: number; textA: string; textB: string } | undefined {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x?.text !== y?.text) {
      return { lineA: x?.line ?? a.at(-1)?.line ?? 1, lineB: y?.line ?? b.at(-1)?.line ?? 1, textA: x?.text ?? '(end of file)', textB: y?.text ?? '(end of file)' };
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
  /** A translation of an older English text: that text (its hash becomes the source hash). */
  sourceText?: string;
}

/** How new an input's English is: an English input first, then the later DocFX handoff and date. */
function newness(version: readonly DocfxArticle[]): number {
  const article = version[0]!;
  if (article.locale === SOURCE_LOCALE) return Number.MAX_SAFE_INTEGER;
  const date = (key: string): number => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(stringValue(article.frontmatter[key])?.trim() ?? '');
    return m ? Number(m[3]) * 10_000 + Number(m[1]) * 100 + Number(m[2]) : 0;
  };
  return date('ms.lasthandoff') * 100_000_000 + date('ms.date');
}

/**
 * Checks that what the importer produced is valid: it parses as MDX, contains no JavaScript and
 * validates with the schema. Returns what is wrong (an importer bug), or undefined.
 */
function verify(text: string): string | undefined {
  let parsed;
  try {
    parsed = parseMdx(text);
  } catch (error) {
    if (error instanceof MdxSyntaxError) return `does not parse at its line ${error.position.line}:${error.position.column}: ${error.message}`;
    throw error;
  }
  const esm = parsed.esm[0] ?? parsed.expressions.find((e) => !e.headingId);
  if (esm) return `has JavaScript at its line ${esm.line}:${esm.column}: ${text.split("\n")[esm.line - 1]}`;
  const result = articleSchema.safeParse(parsed.frontmatter.data);
  if (!result.success) return `has invalid front matter: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  return undefined;
}

/** sha256 of the English halves of an article's sentence pairs (see `EnglishRecord`). */
function pairsFingerprint(article: DocfxArticle): string {
  return sha256(article.pairs.map((p) => comparable(p.text)).join('\n'));
}

/** A pair's English as compared between inputs: its words, without HTML tags (anchors move in and out of pairs). */
function comparable(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Plans an import. Reads the inputs' text as given and the content directory; writes nothing.
 *
 * An input with an error is skipped and every other input is planned (with `strict`, any error
 * leaves the plan empty). Errors of one input never stop another: each diagnostic names the input
 * file (or, for `import/author-edited`, the output file) and its line.
 */
export function planImport(inputs: readonly InputFile[], options: ImportOptions): ImportPlan {
  const contentDir = resolve(options.contentDir);
  const displayPath = options.displayPath ?? ((p: string) => relative(process.cwd(), p).replace(/\\/g, '/'));
  const diagnostics: Diagnostic[] = [];
  const failed = new Set<string>();
  const report = (d: Diagnostic): void => {
    diagnostics.push(d);
  };
  /** An error that skips the input it names. */
  const reject = (input: string, d: Diagnostic): void => {
    failed.add(input);
    report(d);
  };
  const manifestBefore = readManifestFile(contentDir);

  const articles: DocfxArticle[] = [];
  for (const input of inputs) {
    let error = false;
    const article = readDocfx(input, (d) => {
      if (d.severity === 'error') error = true;
      report(d);
    });
    if (article && !error) articles.push(article);
    else failed.add(input.file);
  }

  // Output names must be file names every file system accepts (a 300-character anchor is not).
  for (const article of articles) {
    const name = fileName(article);
    if (Buffer.byteLength(name, 'utf8') > NAME_MAX) {
      reject(article.file, {
        file: article.file, line: article.source.titleLine, column: 1, ...importRule('import/file-name'),
        message: `the article id ${JSON.stringify(clip(article.slug))} gives the file name ${name.length} characters long; file systems accept ${NAME_MAX} bytes`,
        hint: 'Give the article a shorter <a name> slug anchor in its # heading (or rename the input file).',
      });
    }
  }

  // One repository path is one English file: translations of two versions of it whose "Applies
  // to" lists differ are versions of that file (below), which serves the newest version's clouds;
  // not two variants that both claim a cloud.
  const byEnglishFile = new Map<string, DocfxArticle[]>();
  for (const article of articles) {
    if (failed.has(article.file) || article.englishFile === undefined) continue;
    byEnglishFile.set(article.englishFile, [...(byEnglishFile.get(article.englishFile) ?? []), article]);
  }
  for (const same of byEnglishFile.values()) {
    if (new Set(same.map((a) => a.clouds.join(' '))).size < 2) continue;
    const newest = same.reduce((a, b) => (newness([b]) > newness([a]) ? b : a));
    for (const article of same) article.clouds = newest.clouds;
  }

  // English: one file per path. Every input that writes it must say the same English in its
  // sentence pairs (else it is a conflict, reported once at the later file, naming the earlier);
  // the same English source (ms.openlocfilehash) must give the same file, within a run and across runs.
  const groups = new Map<string, DocfxArticle[]>();
  const byHash = new Map<string, DocfxArticle>();
  for (const article of articles) {
    if (failed.has(article.file)) continue;
    const name = fileName(article);
    const hash = stringValue(article.frontmatter['ms.openlocfilehash']);
    const earlier = hash === undefined ? undefined : byHash.get(hash);
    if (earlier && fileName(earlier) !== name) {
      reject(article.file, { file: article.file, line: 1, column: 1, ...importRule('import/english-mismatch'), message: `has the same ms.openlocfilehash as ${earlier.file} but produces en/${name}, not en/${fileName(earlier)}`, hint: 'Check the slug anchor and the "Applies to" list of both files.' });
      continue;
    }
    const group = groups.get(name);
    // Another input with other pair English and a source hash of its own was translated from
    // another version of the English file: not a conflict (the newer English is written, see below).
    const other = group?.find((g) => !(hash !== undefined && stringValue(g.frontmatter['ms.openlocfilehash']) !== undefined && stringValue(g.frontmatter['ms.openlocfilehash']) !== hash));
    const diff = other && pairsFingerprint(article) !== pairsFingerprint(other) ? firstDifference(article.pairs.map((p) => ({ ...p, text: comparable(p.text) })), other.pairs.map((p) => ({ ...p, text: comparable(p.text) }))) : undefined;
    if (other && diff) {
      const same = hash !== undefined && hash === stringValue(other.frontmatter['ms.openlocfilehash']);
      const why = same ? `the same English source (ms.openlocfilehash ${hash})` : `the same English file en/${name}`;
      reject(article.file, {
        file: article.file, line: diff.lineA, column: 1, ...importRule('import/english-mismatch'),
        message: `the English of line ${diff.lineA} differs from ${other.file}:${diff.lineB}, which has ${why}`,
        hint: `Here: ${JSON.stringify(clip(diff.textA))}; there: ${JSON.stringify(clip(diff.textB))}. Import the files with the newer English separately, or fix the outdated one.`,
      });
      continue;
    }
    // Across runs: the English imported earlier from the same source hash, as the manifest recorded it.
    const recorded = manifestBefore.english[`${SOURCE_LOCALE}/${name}`];
    if (!group && hash !== undefined && recorded && recorded.openlocfilehash === hash && recorded.pairs !== pairsFingerprint(article) && existsSync(join(contentDir, SOURCE_LOCALE, name)) && !options.force) {
      reject(article.file, {
        file: article.file, line: article.pairs[0]?.line ?? 1, column: 1, ...importRule('import/english-mismatch'),
        message: `the English of its sentence pairs differs from that of ${recorded.from}, imported earlier into en/${name}, which has the same English source (ms.openlocfilehash ${hash})`,
        hint: 'One of the two translations was made from an outdated English file: fix it, or run the import with --force to replace the English with this file\'s.',
      });
      continue;
    }
    if (hash !== undefined && !earlier) byHash.set(hash, article);
    if (group) group.push(article);
    else groups.set(name, [article]);
  }

  // Inputs with the same pairs whose English still differs: the difference is text outside the
  // pairs that one locale translated (in a script the detection does not know, or in numbers and
  // names). Such text is left out of the English of all of them.
  const english = new Map<string, Output>();
  const translations = new Map<string, Output>();
  for (const [name, all] of groups) {
    // Versions of the English file (inputs translated from different English sources): the newest
    // is written; translations of an older one are imported as stale, recording the hash of the
    // English they were made from.
    const versions = new Map<string, DocfxArticle[]>();
    for (const article of all) {
      const fingerprint = pairsFingerprint(article);
      versions.set(fingerprint, [...(versions.get(fingerprint) ?? []), article]);
    }
    const [group, ...older] = [...versions.values()].sort((a, b) => newness(b) - newness(a));
    if (!group) continue;
    for (const version of older) {
      for (const article of version) {
        const olderText = printArticle(englishFrontmatter(article), article.source.body);
        report({
          file: article.file, line: 1, column: 1, ...importRule('import/older-english'),
          message: `was translated from an older English text than ${group[0]!.file} (ms.openlocfilehash ${stringValue(article.frontmatter['ms.openlocfilehash'])}); en/${name} gets the newer English, and this translation is imported as stale`,
          hint: 'Update the translation to the new English, then run `npm run kb -- ack <file>`.',
        });
        if (article.locale === SOURCE_LOCALE) continue;
        const key = `${article.locale}/${name}`;
        if (translations.has(key)) {
          reject(article.file, { file: article.file, line: 1, column: 1, ...importRule('import/duplicate-output'), message: `${translations.get(key)!.sources[0]!.file} already writes ${key}`, hint: 'Import one translation per locale and article variant.' });
        } else translations.set(key, { locale: article.locale, name, text: '', sources: [article], sourceText: olderText });
      }
    }
    // The newest first: its front matter (source hash) is the English file's.
    group.sort((a, b) => newness([b]) - newness([a]));
    const texts = (): string[] => group.map((a) => printArticle({ ...englishFrontmatter(a), docfx: undefined }, a.source.body));
    if (new Set(texts()).size > 1) {
      const longest = group.reduce((n, a) => Math.max(n, a.source.outside.length), 0);
      const cleared = new Map<DocfxArticle, Set<number>>();
      for (let i = 0; i < longest; i++) {
        const values = group.map((a) => a.source.outside[i]);
        if (values.every((v) => v === values[0])) continue;
        for (const a of group) {
          const piece = a.source.outside[i];
          if (piece === undefined || piece === '') continue;
          cleared.set(a, (cleared.get(a) ?? new Set()).add(i));
        }
      }
      for (const [a, indices] of cleared) {
        const again = a.reconvertSource(indices);
        a.source.body = again.body;
        a.source.firstParagraph = again.firstParagraph;
        report({
          file: a.file, line: a.pairs[0]?.line ?? 1, column: 1, ...importRule('import/translated-outside-pairs'),
          message: `${indices.size} piece${indices.size === 1 ? '' : 's'} of text outside the sentence pairs ${indices.size === 1 ? 'differs' : 'differ'} from ${group.find((g) => g !== a)!.file}, which has the same English; left out of the English`,
          hint: 'Write the English text into the English file by hand, or import the English DocFX repository.',
        });
      }
    }
    const [first, ...rest] = group;
    const text = printArticle(englishFrontmatter(first!), first!.source.body);
    const sources = [first!];
    for (const article of rest) {
      const mine = printArticle({ ...englishFrontmatter(article), docfx: englishFrontmatter(first!).docfx }, article.source.body);
      if (mine === text) {
        sources.push(article);
        continue;
      }
      const diff = firstDifference(article.sourceLines, first!.sourceLines);
      reject(article.file, {
        file: article.file, line: diff?.lineA ?? 1, column: 1, ...importRule('import/english-mismatch'),
        message: `the English differs from that of ${first!.file} (line ${firstDifferentLine(mine, text)} of en/${name}) outside the sentence pairs, which say the same`,
        hint: 'Import them separately, or make the text outside the pairs the same in both files.',
      });
    }
    english.set(name, { locale: SOURCE_LOCALE, name, text, sources });
    for (const article of sources) {
      if (article.locale === SOURCE_LOCALE) continue;
      const key = `${article.locale}/${name}`;
      const dup = translations.get(key);
      if (dup) {
        reject(article.file, { file: article.file, line: 1, column: 1, ...importRule('import/duplicate-output'), message: `${dup.sources[0]!.file} already writes ${key}`, hint: 'Import one translation per locale and article variant.' });
      } else translations.set(key, { locale: article.locale, name, text: '', sources: [article] });
    }
    const kept = sources.filter((a) => !failed.has(a.file));
    english.get(name)!.sources = kept;
  }

  const pathOf = (locale: Locale, name: string): string => join(contentDir, locale, name);
  const contentPathOf = (locale: Locale, name: string): string => `${locale}/${name}`;
  const planned: PlannedFile[] = [];
  /** The planned files by content path (a translation's English is looked up for each translation). */
  const plannedByPath = new Map<string, PlannedFile>();
  const manifest: Manifest = { files: { ...manifestBefore.files }, english: { ...manifestBefore.english } };

  const plan = (locale: Locale, name: string, text: string, sources: DocfxArticle[]): PlannedFile | undefined => {
    const contentPath = contentPathOf(locale, name);
    const problem = verify(text);
    if (problem) {
      for (const source of sources) {
        reject(source.file, { file: source.file, line: 1, column: 1, ...importRule('import/invalid-output'), message: `the MDX produced for ${contentPath} ${problem}`, hint: 'This is a bug in the importer; please report it with the input file.' });
      }
      return undefined;
    }
    const file = decide(contentPath, text, sources.map((s) => s.file));
    file.clouds = sources[0]!.clouds;
    return file;
  };
  /** Whether a file is created, updated, unchanged or (an author's edit) left alone. */
  const decide = (contentPath: string, text: string, sources: string[]): PlannedFile => {
    const path = join(contentDir, contentPath);
    const onDisk = readText(path);
    const recorded = manifestBefore.files[contentPath];
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
    }
    const file: PlannedFile = { path, contentPath, displayPath: displayPath(path), text, action, forced, sources };
    planned.push(file);
    plannedByPath.set(contentPath, file);
    return file;
  };

  // What each English file will contain after the import (for baseHash): the planned text, or
  // what stays on disk when the planned text is not written.
  const finalText = new Map<string, string>();
  const englishOutputs = [...english.values()].filter((o) => o.sources.length > 0).sort((a, b) => Number(a.name.split('.').length > 2) - Number(b.name.split('.').length > 2) || a.name.localeCompare(b.name));
  for (const out of englishOutputs) {
    const article = out.sources[0]!;
    const fm = englishFrontmatter(article);
    if (!article.clouds.includes('global')) {
      const baseName = `${article.slug}.mdx`;
      const base = finalText.get(baseName) ?? readText(pathOf(SOURCE_LOCALE, baseName));
      const baseHash = base === undefined ? undefined : provenanceHashOfSource(base);
      if (baseHash) fm.baseHash = baseHash;
    }
    const file = plan(SOURCE_LOCALE, out.name, printArticle(fm, article.source.body), out.sources);
    if (file) finalText.set(out.name, file.action === 'skipped-author-edited' ? readText(file.path) ?? file.text : file.text);
  }
  const sourceHashes = new Map<string, string | undefined>();
  for (const out of [...translations.values()].sort((a, b) => a.locale.localeCompare(b.locale) || a.name.localeCompare(b.name))) {
    const article = out.sources[0]!;
    if (failed.has(article.file)) continue;
    // The translation was made from the English this import writes (not from what an author may
    // have changed in it since), so its source hash is that of the imported English text.
    const sourceText = out.sourceText ?? plannedByPath.get(contentPathOf(SOURCE_LOCALE, out.name))?.text;
    if (sourceText === undefined) continue;
    // Every locale's translation of one English file has the same source hash: computed once.
    let sourceHash = sourceHashes.get(sourceText);
    if (sourceHash === undefined) sourceHashes.set(sourceText, (sourceHash = provenanceHashOfSource(sourceText)));
    if (!sourceHash) throw new Error(`no provenance hash for en/${out.name}`);
    plan(out.locale, out.name, printArticle(translationFrontmatter(article, sourceHash), article.target.body), out.sources);
  }

  // A file is written only if every input it comes from was imported: an English file is never
  // written without its translation, nor the other way round, when one of them failed.
  const isEnglish = (f: PlannedFile): boolean => f.contentPath.startsWith(`${SOURCE_LOCALE}/`);
  const keptEnglish = new Set(planned.filter((f) => isEnglish(f) && f.sources.some((s) => !failed.has(s))).map((f) => f.contentPath));
  const files = planned.filter((f) =>
    isEnglish(f) ? keptEnglish.has(f.contentPath) : !failed.has(f.sources[0]!) && keptEnglish.has(`${SOURCE_LOCALE}/${f.contentPath.slice(f.contentPath.indexOf('/') + 1)}`),
  );

  const inputByFile = new Map(inputs.map((i) => [i.file, i]));
  const articleByFile = new Map(articles.map((a) => [a.file, a]));
  // The repositories' navigation and redirects, over the articles there are after the import.
  const repositories = [...new Set(inputs.flatMap((i) => (i.repository ? [i.repository.repository] : [])))];
  if (repositories.length > 0) {
    const englishTitles = new Map<string, string>();
    const titleOf = (text: string): string | undefined => /^title: (.*)$/m.exec(text)?.[1];
    const slugOf = (name: string): string => name.replace(/(\.[a-z0-9-]+)?\.mdx$/, '');
    for (const name of readdirSafe(join(contentDir, SOURCE_LOCALE))) {
      if (name.endsWith('.mdx')) englishTitles.set(slugOf(name), englishTitles.get(slugOf(name)) ?? parseYamlScalar(titleOf(readText(join(contentDir, SOURCE_LOCALE, name)) ?? '')) ?? slugOf(name));
    }
    for (const file of files.filter(isEnglish).sort((a, b) => a.contentPath.split('.').length - b.contentPath.split('.').length)) {
      const slug = slugOf(file.contentPath.slice(SOURCE_LOCALE.length + 1));
      const title = (parseYamlScalar(titleOf(file.text)) ?? slug);
      if (!englishTitles.has(slug) || file.contentPath.split('.').length === 2) englishTitles.set(slug, title);
    }
    const data = {
      repositories,
      localeOf: (repository: Repository) => articles.find((a) => inputByFile.get(a.file)?.repository?.repository === repository && !failed.has(a.file))?.locale,
      englishTitles,
      display: (repository: Repository, path: string) => displayPath(join(repository.root, path)),
      report,
    };
    const navigation = navigationYaml(data);
    if (navigation !== undefined) files.push(decide('navigation.yaml', navigation, []));
    const redirects = redirectsYaml(data);
    if (redirects !== undefined) files.push(decide('redirects.yaml', redirects, []));
  }
  for (const file of files) {
    if (file.action !== 'skipped-author-edited') manifest.files[file.contentPath] = sha256(file.text);
    if (isEnglish(file) && file.action !== 'skipped-author-edited') {
      const article = articleByFile.get(file.sources.find((s) => !failed.has(s))!)!;
      const hash = stringValue(article.frontmatter['ms.openlocfilehash']);
      if (hash !== undefined) manifest.english[file.contentPath] = { openlocfilehash: hash, pairs: pairsFingerprint(article), from: article.file };
    }
  }
  // Images: found in the repository or the --assets folder, copied with the import; else reported.
  const assets: AssetCopy[] = [];
  const copied = new Set<string>();
  if (options.publicDir) {
    for (const article of articles) {
      if (failed.has(article.file)) continue;
      const input = inputByFile.get(article.file)!;
      for (const copy of planImages(article, input, { publicDir: options.publicDir, assets: options.assets }, report)) {
        if (copied.has(copy.to)) continue;
        copied.add(copy.to);
        assets.push(copy);
      }
    }
  }
  const strictFailure = options.strict === true && failed.size > 0;
  const imported = inputs.map((i) => i.file).filter((f) => !failed.has(f));
  const ok = !strictFailure && (imported.length > 0 || inputs.length === 0);
  const manifestText = printManifest(manifest);
  const manifestChanged = ok && files.length > 0 && (readText(join(contentDir, MANIFEST_NAME)) ?? '') !== manifestText;
  return {
    contentDir,
    files: ok ? files : [],
    diagnostics: diagnostics.sort(compareDiagnostics),
    manifest: manifest.files,
    english: manifest.english,
    manifestChanged,
    skipped: inputs.map((i) => i.file).filter((f) => failed.has(f)),
    imported: ok ? imported : [],
    assets: ok ? assets : [],
    links: articles.filter((a) => !failed.has(a.file)).reduce((sum, a) => ({ articles: sum.articles + a.links.articles, external: sum.external + a.links.external, kept: sum.kept + a.links.kept }), { articles: 0, external: 0, kept: 0 }),
    ok,
  };
}

/** Temporary files of an import that was killed before it could rename them (`.<hex>.import.tmp`). */
const TEMP_FILE = /^\.[0-9a-f]{12}\.import\.tmp$/;

/**
 * Removes the temporary files an interrupted import left in the content folder and its locale
 * folders (they are never content: a finished import renames each one over its target).
 * Returns the paths removed.
 */
export function removeStaleTempFiles(contentDir: string): string[] {
  const removed: string[] = [];
  const sweep = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isFile() && TEMP_FILE.test(entry.name)) {
        rmSync(join(dir, entry.name), { force: true });
        removed.push(join(dir, entry.name));
      } else if (entry.isDirectory() && dir === contentDir && !entry.name.startsWith('.')) sweep(join(dir, entry.name));
    }
  };
  sweep(contentDir);
  return removed;
}

function tempPath(path: string): string {
  return join(dirname(path), `.${randomBytes(6).toString('hex')}.import.tmp`);
}

/**
 * Writes a plan as one set: first every file to a temporary file beside its target, then, only if
 * all of them were written, each is renamed over its target (a rename within a folder is atomic).
 * If any write fails, the temporary files are removed and nothing of the set is in place.
 * Stale temporary files of an earlier, interrupted import are removed first.
 * Returns the paths written.
 */
export function applyPlan(plan: ImportPlan): string[] {
  removeStaleTempFiles(plan.contentDir);
  if (!plan.ok) return [];
  const writes: { path: string; text: string | Buffer }[] = plan.files.filter((f) => f.action === 'create' || f.action === 'update').map((f) => ({ path: f.path, text: f.text }));
  for (const asset of plan.assets) writes.push({ path: asset.to, text: readFileSync(asset.from) });
  if (plan.manifestChanged) {
    writes.push({ path: join(plan.contentDir, MANIFEST_NAME), text: printManifest({ files: plan.manifest, english: plan.english }) });
  }
  const temps: string[] = [];
  try {
    for (const write of writes) {
      mkdirSync(dirname(write.path), { recursive: true });
      const temp = tempPath(write.path);
      temps.push(temp);
      writeFileSync(temp, write.text);
    }
    writes.forEach((write, i) => renameSync(temps[i]!, write.path));
  } finally {
    for (const temp of temps) if (existsSync(temp)) rmSync(temp, { force: true });
  }
  return writes.map((w) => w.path);
}
