/**
 * Builds the knowledge base from source texts. Pure: it takes texts (not paths to read) and returns
 * the model plus the diagnostics found while building it (file names, MDX syntax, schema). A file
 * with such an error is left out of the model, so the site build fails on the diagnostic rather
 * than on a half-understood file.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { Subject, type Diagnostic, type SourcePosition, type TextEdit } from '../diagnostics.ts';
import { diagnostic } from '../rules.ts';
import { provenanceHash } from '../hash.ts';
import { isReservedId } from '../layout-ids.ts';
import { proposeHeadingId } from '../mdx/heading-ids.ts';
import { MdxSyntaxError, parseFrontmatter, parseMdx, type FrontmatterResult, type ParsedMdx } from '../mdx/parse.ts';
import { articleSchema, type ArticleFrontmatter } from '../schema.ts';
import { suggest } from './resolve.ts';
import { listing } from '../checks/context.ts';
import { idLinksWant, idOtherLocalesGive } from './section-ids.ts';
import { CLOUD_IDS, isLocale, LOCALE_CODES, SOURCE_LOCALE, sortClouds, type Cloud } from '../site.ts';
import { cloudFactsSchema, navigationSchema, redirectsSchema, terminologySchema } from '../data-schema.ts';
import { KnowledgeBase } from './kb.ts';
import type { Article, ArticleFile, CloudFacts, Navigation, Redirects, Terminology, Variant } from './types.ts';
import { append } from '../append.ts';

export interface SourceText {
  /** Path shown to authors: project-relative, forward slashes (`content/ko/x.mdx`). */
  path: string;
  /** For article files: the path inside the content folder (`ko/x.mdx`); defaults to `path` minus `content/`. */
  contentPath?: string;
  text: string;
}

export interface ModelInput {
  /** Every `content/<locale>/*.mdx` file. */
  articles: SourceText[];
  navigation?: SourceText | undefined;
  cloudFacts?: SourceText | undefined;
  terminology?: SourceText | undefined;
  redirects?: SourceText | undefined;
  /** Site paths of the files in `public/` (`/media/x.png`). */
  assets?: Iterable<string>;
  /** What reading the files reported (`model/read.ts`: encoding, symbolic links), reported with the rest. */
  readDiagnostics?: Diagnostic[];
  /** A cache of parse results by content hash (see `parse-cache.ts`); optional. */
  parse?: (text: string) => ParsedMdx;
}

/** A file of `content/` left out of the model because it did not parse or validate. */
export interface ExcludedFile {
  path: string;
  locale: string;
  slug: string;
  variantKey: string;
  /** Why: its syntax or schema errors. */
  diagnostics: Diagnostic[];
}

export interface ModelResult {
  kb: KnowledgeBase;
  diagnostics: Diagnostic[];
}

/** Where a diagnostic about a whole file points. */
const FILE_START = { line: 1, column: 1 };

const FILE_NAME = /^([^/]+)\/([a-z0-9][a-z0-9-]*)(?:\.([a-z0-9][a-z0-9-]*))?\.mdx$/;

export function buildModel(input: ModelInput): ModelResult {
  const diagnostics: Diagnostic[] = [];
  for (const d of input.readDiagnostics ?? []) diagnostics.push(d);
  const parse = input.parse ?? parseMdx;
  const files: ArticleFile[] = [];
  const excluded = new Map<string, ExcludedFile>();

  for (const source of input.articles) {
    const file = readArticleFile(source, parse, diagnostics, excluded);
    if (file) files.push(file);
  }

  const articles = assemble(files);
  const kb: KnowledgeBase = new KnowledgeBase({
    articles,
    navigation: readData('navigation', input.navigation, navigationSchema, diagnostics) as Navigation | undefined ?? { sections: [] },
    cloudFacts: (readData('cloudFacts', input.cloudFacts, cloudFactsSchema, diagnostics) as CloudFacts | undefined) ?? {},
    terminology: (readData('terminology', input.terminology, terminologySchema, diagnostics) as Terminology | undefined) ?? {
      officialNames: {},
      forbidden: {},
      synonyms: {},
    },
    redirects: (readData('redirects', input.redirects, redirectsSchema, diagnostics) as Redirects | undefined) ?? {},
    assets: new Set(input.assets ?? []),
    excluded,
  });
  for (const file of files) append(diagnostics, duplicateIds(kb, file));
  return { kb, diagnostics };
}

/**
 * `content/duplicate-id`: a heading whose id an earlier heading of the file already has, reported
 * at the later one. The proposed id is, first, the one the heading had before (what the same
 * heading of the article's other locales uses, if they agree, or the one section id that links to
 * the article still point to and the file lacks): a duplicate is most often an id pasted over
 * another, and restoring it keeps translations and links working. Otherwise a new id from the
 * heading's own text (ASCII, not taken), which nothing links to yet.
 */
function duplicateIds(kb: KnowledgeBase, file: ArticleFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const headings = file.parsed.headings;
  const seen = new Map<string, number>();
  const taken = new Set(headings.map((h) => h.id));
  headings.forEach((heading, index) => {
    const first = seen.get(heading.id);
    if (first === undefined) {
      seen.set(heading.id, heading.line);
      return;
    }
    const free = (id: string | undefined): id is string => id !== undefined && !taken.has(id) && !isReservedId(id);
    const id = heading.explicit ? [idOtherLocalesGive(kb, file, index), idLinksWant(kb, file)].find(free) ?? proposeHeadingId(heading.text, taken, isReservedId) : undefined;
    if (id) taken.add(id);
    out.push(
      diagnostic('content/duplicate-id', file.path, { line: heading.line, column: heading.column }, `The heading id "${heading.id}" is already used on line ${first}.`, id ? `Replace "#${heading.id}" with "#${id}" here (section ids are the same in every locale).` : 'Give each section its own id: ## Title {/* #unique-id */}.', {
        fix: id ? { edits: [{ line: heading.line, column: heading.column, find: `#${heading.id}`, replace: `#${id}` }] } : undefined,
        subjects: [Subject.heading(file.path, heading.line)],
      }),
    );
  });
  return out;
}


function readArticleFile(
  source: SourceText,
  parse: (text: string) => ParsedMdx,
  diagnostics: Diagnostic[],
  excluded: Map<string, ExcludedFile>,
): ArticleFile | undefined {
  const contentPath = source.contentPath ?? source.path.replace(/^content\//, '');
  const match = FILE_NAME.exec(contentPath);
  const [, locale, slug, variantKey] = match ?? [];
  if (!match || !locale || !slug || !isLocale(locale)) {
    const proposed = properName(contentPath);
    const to = proposed ? source.path.slice(0, source.path.length - contentPath.length) + proposed.path : undefined;
    const message =
      match && locale && !isLocale(locale)
        ? `"${locale}" is not a locale of this site.`
        : 'Article files must be named content/<locale>/<slug>.mdx or content/<locale>/<slug>.<variant>.mdx.';
    const hint = to
      ? `Rename ${source.path} to ${to}.`
      : match && locale && !isLocale(locale)
        ? `Put the file in one of: ${LOCALE_CODES.map((l) => `content/${l}/`).join(', ')}.`
        : 'Use lower-case letters, digits and hyphens in the slug and variant key.';
    const d = diagnostic('content/file-name', source.path, FILE_START, message, hint, { fix: to ? { rename: { from: source.path, to } } : undefined });
    diagnostics.push(d);
    // What the file was meant to be: its article and translation look missing until it is renamed.
    if (proposed) {
      const key = Subject.file(proposed.locale, proposed.slug, proposed.variantKey);
      d.subjects = [Subject.slug(proposed.slug), key];
      excluded.set(key, { path: source.path, locale: proposed.locale, slug: proposed.slug, variantKey: proposed.variantKey, diagnostics: [d] });
    }
    return undefined;
  }

  // A file left out of the model is the cause of what then looks missing: links to its article,
  // its translations' source, its locale's coverage (see checks/fold.ts).
  const identity = { locale, slug, variantKey: variantKey ?? '' };
  const subjects = [Subject.slug(slug), Subject.file(locale, slug, identity.variantKey)];
  const exclude = (found: Diagnostic[]): undefined => {
    for (const d of found) d.subjects = subjects;
    append(diagnostics, found);
    excluded.set(Subject.file(locale, slug, identity.variantKey), { ...identity, path: source.path, diagnostics: found });
    return undefined;
  };

  let parsed: ParsedMdx;
  try {
    parsed = parse(source.text);
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    return exclude([
      diagnostic(
        error.rule,
        source.path,
        error.position,
        error.rule === 'content/nesting-depth' ? `${error.message}.` : `Invalid MDX: ${error.message.replace(/\.$/, '')}.`,
        error.hint,
        { fix: error.edits ? { edits: error.edits } : undefined },
      ),
    ]);
  }

  const found: Diagnostic[] = [];
  const frontmatter = validateFrontmatter(source.path, parsed.frontmatter, found, source.text);
  if (!frontmatter) return exclude(found);

  return {
    path: source.path,
    locale,
    slug,
    variantKey: variantKey ?? '',
    frontmatter,
    parsed,
    hash: fileHash(parsed, frontmatter),
  };
}

/**
 * The name a misnamed article file was meant to have: lower case, `_` and spaces as hyphens, `.md`
 * as `.mdx`, and a near-miss locale folder corrected (`kr/` → `ko/`). Undefined when that is not
 * a valid name either.
 */
function properName(contentPath: string): { path: string; locale: string; slug: string; variantKey: string } | undefined {
  const parts = contentPath.split('/');
  if (parts.length !== 2) return undefined;
  const [folder, name] = parts as [string, string];
  const locale = isLocale(folder) ? folder : suggest(folder.toLowerCase(), [...LOCALE_CODES])[0];
  if (!locale) return undefined;
  const fixed = name.toLowerCase().replace(/[_\s]+/g, '-').replace(/\.md$/, '.mdx');
  const match = FILE_NAME.exec(`${locale}/${fixed}`);
  if (!match) return undefined;
  return { path: `${locale}/${fixed}`, locale, slug: match[2]!, variantKey: match[3] ?? '' };
}

/** Hashes by parse: a parse cache hands out the same parse for the same text, so a model rebuilt
 * after one edit (`npm run check -- --watch`) hashes only the edited file. */
const hashes = new WeakMap<ParsedMdx, string>();

function fileHash(parsed: ParsedMdx, frontmatter: ArticleFrontmatter): string {
  let hash = hashes.get(parsed);
  if (hash === undefined) {
    hash = provenanceHash({ title: frontmatter.title, description: frontmatter.description, body: parsed.body });
    hashes.set(parsed, hash);
  }
  return hash;
}

/** Validates front matter with the schema and reports each issue at the line of its field. */
export function validateFrontmatter(
  file: string,
  frontmatter: FrontmatterResult,
  diagnostics: Diagnostic[],
  source?: string,
): ArticleFile['frontmatter'] | undefined {
  if (frontmatter.startLine === undefined) {
    diagnostics.push(
      diagnostic('schema/frontmatter', file, FILE_START, 'The file has no front matter.', 'Start the file with a --- block that has at least title and clouds (see CONTRIBUTING.md).'),
    );
    return undefined;
  }
  if (frontmatter.errors.length > 0) {
    for (const error of frontmatter.errors) {
      diagnostics.push(
        diagnostic('schema/frontmatter', file, error.position, error.hint ? `${error.message}.` : `Front matter is not valid YAML: ${error.message}`, error.hint ?? 'Quote values that contain ": " or " #", and indent nested keys with spaces.', {
          fix: error.edits ? { edits: error.edits } : undefined,
        }),
      );
    }
    return undefined;
  }
  const result = articleSchema.safeParse(frontmatter.data ?? {});
  if (result.success) return result.data;
  const data = (frontmatter.data ?? {}) as Record<string, unknown>;
  const lines = source?.split('\n').map((l) => l.replace(/\r$/, ''));
  // An unknown key near a known one that is missing is that key misspelled: one finding, the rename.
  const renamed = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const position = frontmatter.keyLines[key] ?? { line: 1, column: 1 };
      const near = suggest(key, Object.keys(articleSchema.shape).filter((k) => data[k] === undefined))[0];
      if (near) renamed.add(near);
      diagnostics.push(
        diagnostic('schema/frontmatter', file, position, `Front matter has an unknown key "${key}".`, near ? `Replace "${key}" with "${near}".` : `Remove the "${key}:" line; the keys are ${listing(Object.keys(articleSchema.shape))}.`, {
          fix: near ? { edits: [{ line: position.line, column: position.column, find: key, replace: near }] } : undefined,
        }),
      );
    }
  }
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys' || renamed.has(String(issue.path[0]))) continue;
    const field = issue.path.join('.');
    const position = lineOfField(frontmatter, issue.path.map(String));
    const advice = clearerIssue(issue, data, frontmatter, position, lines);
    if (advice) {
      diagnostics.push(diagnostic('schema/frontmatter', file, advice.position ?? position, advice.message, advice.hint, { fix: advice.edits ? { edits: advice.edits } : undefined }));
      continue;
    }
    const cloud = issue.path[0] === 'clouds' && typeof issue.path[1] === 'number' && issue.code === 'invalid_value' ? unknownCloud(frontmatter, issue.path[1], position, source) : undefined;
    if (cloud) {
      diagnostics.push(diagnostic('schema/frontmatter', file, position, cloud.message, cloud.hint, { fix: cloud.edits ? { edits: cloud.edits } : undefined }));
      continue;
    }
    diagnostics.push(
      diagnostic(
        'schema/frontmatter',
        file,
        position,
        field ? `Front matter field "${field}" ${describeIssue(issue)}.` : `Front matter ${describeIssue(issue)}.`,
        'See the front matter reference in CONTRIBUTING.md.',
      ),
    );
  }
  return undefined;
}

/**
 * What a schema issue means for the fields authors get wrong most (a missing or empty title, clouds
 * written as one value, a cloud listed twice), said with what to write; undefined for the others.
 */
function clearerIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>, frontmatter: FrontmatterResult, position: SourcePosition, lines: string[] | undefined): { message: string; hint: string; edits?: TextEdit[] | undefined; position?: SourcePosition } | undefined {
  const [field] = issue.path;
  if (field === 'title' && issue.path.length === 1) {
    if (data.title === undefined || data.title === null) {
      return { message: 'Front matter has no title.', hint: 'Add a line "title: " with the article\'s title (in the file\'s language) after the first "---".' };
    }
    return { message: 'Front matter field "title" is empty.', hint: 'Write the article\'s title (in the file\'s language) after "title: ".' };
  }
  if (field === 'clouds' && issue.path.length === 1 && issue.code === 'invalid_type') {
    if (data.clouds === undefined || data.clouds === null) {
      return { message: 'Front matter has no clouds.', hint: `Add a line "clouds: [global]" after the title, with the clouds this file serves (of ${CLOUD_IDS.join(', ')}).` };
    }
    const line = lines?.[position.line - 1];
    const written = line?.slice(position.column - 1).trimEnd();
    const values = String(data.clouds).split(/[\s,]+/).filter(Boolean);
    const wanted = `clouds: [${values.join(', ')}]`;
    const edits = written !== undefined && /^clouds:\s*[^[\s]/.test(written) ? [{ line: position.line, column: position.column, find: written, replace: wanted }] : undefined;
    return { message: `Front matter field "clouds" must be a list, even of one cloud.`, hint: edits ? `Replace "${written}" with "${wanted}".` : `Write it as a list: ${wanted}.`, edits };
  }
  if (field === 'clouds' && issue.path.length === 1 && issue.code === 'custom' && Array.isArray(data.clouds)) {
    const list = data.clouds.map(String);
    const index = list.findIndex((c, i) => list.indexOf(c) !== i);
    const at = frontmatter.keyLines[`clouds.${index}`];
    if (index < 0 || !at) return undefined;
    const removal = removeCloud(frontmatter, index, at, lines);
    return { message: `Front matter field "clouds" lists "${list[index]}" twice.`, hint: `Remove the second "${list[index]}" from clouds.`, edits: removal, position: at };
  }
  return undefined;
}

/**
 * An unknown cloud in `clouds`: a near miss is replaced, anything else removed from the list (the
 * edit takes the item out with its separator, in a flow list `[a, b]` or a block list `- b`).
 */
function unknownCloud(frontmatter: FrontmatterResult, index: number, position: SourcePosition, source: string | undefined): { message: string; hint: string; edits?: TextEdit[] | undefined } | undefined {
  const list = (frontmatter.data as { clouds?: unknown } | undefined)?.clouds;
  if (!Array.isArray(list)) return undefined;
  const value = String(list[index]);
  const message = `"${value}" is not a cloud of this site (clouds: ${CLOUD_IDS.join(', ')}).`;
  const near = suggest(value, [...CLOUD_IDS]).filter((c) => !list.includes(c))[0];
  if (near) return { message, hint: `Replace "${value}" with "${near}".`, edits: [{ line: position.line, column: position.column, find: value, replace: near }] };
  if (list.length === 1) return { message, hint: `Replace "${value}" with the cloud this variant serves (one of ${CLOUD_IDS.join(', ')}).` };
  const hint = `Remove "${value}" from clouds.`;
  return { message, hint, edits: removeCloud(frontmatter, index, position, source?.split('\n').map((l) => l.replace(/\r$/, ''))) };
}

/** The edit that takes item `index` out of `clouds` with its separator, in a flow list `[a, b]` or a block list `- b`. */
function removeCloud(frontmatter: FrontmatterResult, index: number, position: SourcePosition, lines: string[] | undefined): TextEdit[] | undefined {
  const list = (frontmatter.data as { clouds?: unknown[] } | undefined)?.clouds ?? [];
  const value = String(list[index]);
  const line = lines?.[position.line - 1];
  if (line === undefined) return undefined;
  if (/^\s*-\s/.test(line) && line.trim() === `- ${value}`) return [{ line: position.line, column: 1, find: `${line}\n`, replace: '' }];
  const previous = index > 0 ? frontmatter.keyLines[`clouds.${index - 1}`] : undefined;
  if (previous && previous.line === position.line) {
    const separator = line.slice(previous.column - 1 + String(list[index - 1]).length, position.column - 1);
    return [{ line: position.line, column: previous.column, find: `${String(list[index - 1])}${separator}${value}`, replace: String(list[index - 1]) }];
  }
  const next = frontmatter.keyLines[`clouds.${index + 1}`];
  if (next && next.line === position.line) return [{ line: position.line, column: position.column, find: line.slice(position.column - 1, next.column - 1), replace: '' }];
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined && issue.message.includes('undefined')) return 'is required';
  if (issue.code === 'unrecognized_keys') return `has unknown keys: ${issue.keys.join(', ')}`;
  return issue.message.replace(/\.$/, '');
}

function lineOfField(frontmatter: FrontmatterResult, path: string[]): SourcePosition {
  for (let i = path.length; i > 0; i--) {
    const position = frontmatter.keyLines[path.slice(0, i).join('.')];
    if (position) return { line: position.line, column: position.column };
  }
  return { line: 1, column: 1 };
}

/**
 * Reads a data file. Its errors are the subject `data:<name>`: what reads the data then looks
 * wrong (a fact that "does not exist" when cloud-facts.yaml did not parse) is folded into them.
 */
function readData<T extends z.ZodType>(name: string, source: SourceText | undefined, schema: T, diagnostics: Diagnostic[]): z.infer<T> | undefined {
  if (!source) return undefined;
  const subjects = [`data:${name}`];
  const file = source.path.split('/').pop();
  // Re-use the front matter machinery: the same positions and advice for the same YAML mistakes.
  const located = parseFrontmatter(`---\n${source.text}\n---\n`);
  const shift = (p: SourcePosition): SourcePosition => ({ line: Math.max(1, p.line - 1), column: p.column });
  if (located.errors.length > 0) {
    for (const error of located.errors) {
      const edits = error.edits?.map((e) => ({ ...e, line: Math.max(1, e.line - 1) }));
      diagnostics.push(
        diagnostic('schema/data-file', source.path, shift(error.position), error.hint ? `${error.message}.` : `Not valid YAML: ${error.message}`, error.hint ?? 'Quote values that contain ": " or " #", and indent nested keys with spaces.', {
          fix: edits ? { edits } : undefined,
          subjects,
        }),
      );
    }
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(source.text);
  } catch (error) {
    const e = error as { message: string; linePos?: Array<{ line: number; col: number }> };
    diagnostics.push(
      diagnostic('schema/data-file', source.path, { line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1 }, `Not valid YAML: ${e.message.split('\n')[0]}`, undefined, { subjects }),
    );
    return undefined;
  }
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const position = lineOfField(located, issue.path.map(String));
    diagnostics.push(
      diagnostic('schema/data-file', source.path, shift(position), `"${issue.path.join('.')}" ${describeIssue(issue)}.`, `CONTRIBUTING.md describes ${file} under "Files".`, { subjects }),
    );
  }
  return undefined;
}

function assemble(files: ArticleFile[]): Map<string, Article> {
  const bySlug = new Map<string, Map<string, Variant>>();
  for (const file of files) {
    let variants = bySlug.get(file.slug);
    if (!variants) bySlug.set(file.slug, (variants = new Map()));
    let variant = variants.get(file.variantKey);
    if (!variant) variants.set(file.variantKey, (variant = { key: file.variantKey, clouds: [], files: {} }));
    variant.files[file.locale] = file;
  }
  const articles = new Map<string, Article>();
  for (const [slug, variants] of [...bySlug].sort(([a], [b]) => a.localeCompare(b))) {
    const list = [...variants.values()].sort((a, b) => (a.key === '' ? -1 : b.key === '' ? 1 : a.key.localeCompare(b.key)));
    for (const variant of list) {
      const source = variant.files[SOURCE_LOCALE] ?? Object.values(variant.files)[0];
      variant.clouds = sortClouds((source?.frontmatter.clouds ?? []) as Cloud[]);
    }
    const base = list[0];
    const assetId = LOCALE_CODES.map((l) => base?.files[l]?.frontmatter.assetId).find((id) => id !== undefined);
    articles.set(slug, {
      slug,
      assetId,
      clouds: CLOUD_IDS.filter((c) => list.some((v) => v.clouds.includes(c))),
      variants: list,
    });
  }
  return articles;
}
