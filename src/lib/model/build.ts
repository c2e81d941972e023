/**
 * Builds the knowledge base from source texts. Pure: it takes texts (not paths to read) and returns
 * the model plus the diagnostics found while building it (file names, MDX syntax, schema). A file
 * with such an error is left out of the model, so the site build fails on the diagnostic rather
 * than on a half-understood file.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.ts';
import { diagnostic } from '../rules.ts';
import { provenanceHash } from '../hash.ts';
import { MdxSyntaxError, parseFrontmatter, parseMdx, type FrontmatterResult, type ParsedMdx } from '../mdx/parse.ts';
import { articleSchema, type ArticleFrontmatter } from '../schema.ts';
import { CLOUD_IDS, isLocale, LOCALE_CODES, SOURCE_LOCALE, sortClouds, type Cloud } from '../site.ts';
import { cloudFactsSchema, navigationSchema, redirectsSchema, terminologySchema } from '../data-schema.ts';
import { KnowledgeBase } from './kb.ts';
import type { Article, ArticleFile, CloudFacts, Navigation, Redirects, Terminology, Variant } from './types.ts';

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
  /** A cache of parse results by content hash (see `parse-cache.ts`); optional. */
  parse?: (text: string) => ParsedMdx;
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
  const parse = input.parse ?? parseMdx;
  const files: ArticleFile[] = [];

  for (const source of input.articles) {
    const file = readArticleFile(source, parse, diagnostics);
    if (file) files.push(file);
  }

  const articles = assemble(files);
  const kb = new KnowledgeBase({
    articles,
    navigation: readData(input.navigation, navigationSchema, diagnostics) as Navigation | undefined ?? { sections: [] },
    cloudFacts: (readData(input.cloudFacts, cloudFactsSchema, diagnostics) as CloudFacts | undefined) ?? {},
    terminology: (readData(input.terminology, terminologySchema, diagnostics) as Terminology | undefined) ?? {
      officialNames: {},
      forbidden: {},
    },
    redirects: (readData(input.redirects, redirectsSchema, diagnostics) as Redirects | undefined) ?? {},
    assets: new Set(input.assets ?? []),
  });
  return { kb, diagnostics };
}

function readArticleFile(
  source: SourceText,
  parse: (text: string) => ParsedMdx,
  diagnostics: Diagnostic[],
): ArticleFile | undefined {
  const match = FILE_NAME.exec(source.contentPath ?? source.path.replace(/^content\//, ''));
  const [, locale, slug, variantKey] = match ?? [];
  if (!match || !locale || !slug) {
    diagnostics.push(
      diagnostic(
        'content/file-name',
        source.path,
        FILE_START,
        'Article files must be named content/<locale>/<slug>.mdx or content/<locale>/<slug>.<variant>.mdx.',
        'Use lower-case letters, digits and hyphens in the slug and variant key.',
      ),
    );
    return undefined;
  }
  if (!isLocale(locale)) {
    diagnostics.push(
      diagnostic('content/file-name', source.path, FILE_START, `"${locale}" is not a locale of this site.`, `Put the file in one of: ${LOCALE_CODES.map((l) => `content/${l}/`).join(', ')}.`),
    );
    return undefined;
  }

  let parsed: ParsedMdx;
  try {
    parsed = parse(source.text);
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    diagnostics.push(
      diagnostic(
        'content/mdx-syntax',
        source.path,
        error.position,
        `Invalid MDX: ${error.message.replace(/\.$/, '')}.`,
        'Content is MDX: escape a literal "{" or "<" with a backslash (\\{, \\<) and close every tag.',
      ),
    );
    return undefined;
  }

  const frontmatter = validateFrontmatter(source.path, parsed.frontmatter, diagnostics);
  if (!frontmatter) return undefined;

  const seen = new Map<string, number>();
  for (const heading of parsed.headings) {
    const first = seen.get(heading.id);
    if (first !== undefined) {
      diagnostics.push(
        diagnostic('content/duplicate-id', source.path, { line: heading.line, column: heading.column }, `The heading id "${heading.id}" is already used on line ${first}.`, 'Give each section its own id: ## Title {/* #unique-id */}.'),
      );
    } else {
      seen.set(heading.id, heading.line);
    }
  }

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
        diagnostic('schema/frontmatter', file, error.position, `Front matter is not valid YAML: ${error.message}`, 'Quote values that contain ":" or "#", and indent nested keys with spaces.'),
      );
    }
    return undefined;
  }
  const result = articleSchema.safeParse(frontmatter.data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    const position = lineOfField(frontmatter, issue.path.map(String));
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

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'unrecognized_keys') return `has unknown keys: ${issue.keys.join(', ')}`;
  return issue.message.replace(/\.$/, '');
}

function lineOfField(frontmatter: FrontmatterResult, path: string[]): { line: number; column: number } {
  for (let i = path.length; i > 0; i--) {
    const position = frontmatter.keyLines[path.slice(0, i).join('.')];
    if (position) return { line: position.line, column: position.column };
  }
  return { line: 1, column: 1 };
}

function readData<T extends z.ZodType>(source: SourceText | undefined, schema: T, diagnostics: Diagnostic[]): z.infer<T> | undefined {
  if (!source) return undefined;
  let data: unknown;
  try {
    data = parseYaml(source.text);
  } catch (error) {
    const e = error as { message: string; linePos?: Array<{ line: number; col: number }> };
    diagnostics.push(
      diagnostic('schema/data-file', source.path, { line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1 }, `Not valid YAML: ${e.message.split('\n')[0]}`),
    );
    return undefined;
  }
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  // Re-use the front matter machinery to find the line of each failing key.
  const located = parseFrontmatter(`---\n${source.text}\n---\n`);
  for (const issue of result.error.issues) {
    const position = lineOfField(located, issue.path.map(String));
    diagnostics.push(
      diagnostic('schema/data-file', source.path, { line: Math.max(1, position.line - 1), column: position.column }, `"${issue.path.join('.')}" ${describeIssue(issue)}.`),
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
