/**
 * Reads one DocFX localized Markdown file: its front matter, and its body split into the
 * translation (target text) and the aligned English (source text), each converted to an MDX body.
 */
import { cloudInfo, CLOUDS, localeFromDocfx, sortClouds, type Cloud, type Locale } from '../site.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { parseFrontmatter, splitFrontmatter } from '../mdx/parse.ts';
import { convertBody, rewriteImage, rewriteLink, type ConvertContext, type ConvertedBody, type ConvertOptions } from './convert.ts';
import type { Repository } from './repository.ts';
import { splitPairs } from './pairs.ts';
import { importRule, type ImportRuleId } from './rules.ts';

export interface InputFile {
  /** The file as shown in diagnostics (relative to the project when it is inside it). */
  file: string;
  text: string;
  /**
   * Where the file sits in its DocFX repository. Without it (loose files, such as the seeds) the
   * article id is the `#` heading's `<a name>` anchor, else the file name, and the article serves
   * the clouds of its "Applies to" list, or the global cloud when it has none.
   */
  repository?: { repository: Repository; path: string };
}

export interface DocfxArticle {
  file: string;
  locale: Locale;
  slug: string;
  clouds: Cloud[];
  /**
   * The English file the input is a translation of, by repository path (`<slug>` and the cloud of
   * its variant pattern), whatever its "Applies to" list says; undefined for loose files.
   */
  englishFile?: string;
  /** The DocFX front matter (the parsed YAML map), keys lower-cased (`MS.Topic` → `ms.topic`). */
  frontmatter: Record<string, unknown>;
  target: ConvertedBody;
  source: ConvertedBody;
  /** Non-blank English lines of the body with their input line numbers (for comparing inputs). */
  sourceLines: { line: number; text: string }[];
  /**
   * The English half of every sentence pair, in order, each with its input line: what the
   * translation says its English source is. Two inputs with the same `ms.openlocfilehash` must
   * agree on these; text outside the pairs may differ (it can be translated in place).
   */
  pairs: { line: number; text: string }[];
  /** Every image URL of the file, as written, with the line of its first use. */
  images: { url: string; line: number }[];
  /** How the file's links were rewritten: to article links, to other documentation sites, kept as written. */
  links: { articles: number; external: number; kept: number };
  /**
   * Converts the English again with the pieces of `source.outside` whose indices are in `clear`
   * left out (when another locale's file of the same English differs there). Reports nothing.
   */
  reconvertSource(clear: ReadonlySet<number>): ConvertedBody;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** English cloud names (`name` and `shortName` of every cloud in site.ts) → cloud id. */
function cloudByName(name: string): Cloud | undefined {
  const needle = name.replace(/\s+/g, ' ').trim().toLowerCase();
  return CLOUDS.find((c) => c.name.en.toLowerCase() === needle || c.shortName.en.toLowerCase() === needle)?.id;
}

function slugFromFileName(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  return (
    base
      .replace(/\.[^.]*$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'article'
  );
}

/** Front matter keys in lower case (DocFX reads `Description` and `MS.Topic` as their lower-case keys); the first spelling wins. */
function lowerCaseKeys(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const lower = key.toLowerCase();
    if (!(lower in out)) out[lower] = value;
  }
  return out;
}

/** Whether the "Applies to" items are all clouds (then the list is data, not text for readers). */
function allClouds(items: readonly { text: string }[]): boolean {
  return items.length > 0 && items.every((item) => cloudByName(item.text) !== undefined);
}

/** Reads a DocFX file; returns undefined (and reports errors) when it cannot be imported. */
export function readDocfx(input: InputFile, report: (d: Diagnostic) => void): DocfxArticle | undefined {
  const file = input.file;
  let failed = false;
  const error = (line: number, column: number, rule: ImportRuleId, message: string, hint?: string): void => {
    failed = true;
    report({ file, line, column, ...importRule(rule), message, ...(hint ? { hint } : {}) });
  };
  const text = input.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  const split = splitFrontmatter(text);
  if (split.yaml === undefined) {
    error(1, 1, 'import/frontmatter', 'the file has no front matter (a --- block with ms.* keys at the top)', 'DocFX localized files start with YAML front matter between --- lines.');
    return undefined;
  }
  const fm = parseFrontmatter(text);
  // The first YAML error only: the others usually follow from it.
  const yamlError = fm.errors[0];
  if (yamlError) error(yamlError.position.line, yamlError.position.column, 'import/frontmatter', `the front matter is not valid YAML: ${yamlError.message}`, 'Fix the YAML between the --- lines (quote values that contain ": ").');
  if (failed) return undefined;
  if (typeof fm.data !== 'object' || fm.data === null || Array.isArray(fm.data)) {
    error(2, 1, 'import/frontmatter', 'the front matter is not a map of keys to values');
    return undefined;
  }
  const data = lowerCaseKeys(fm.data as Record<string, unknown>);
  const keyLine = (key: string): { line: number; column: number } => {
    const found = Object.keys(fm.keyLines).find((k) => k.toLowerCase() === key);
    return found ? fm.keyLines[found]! : { line: 1, column: 1 };
  };

  const contentLocale = data['ms.contentlocale'];
  let locale: Locale | undefined;
  if (contentLocale === undefined || contentLocale === null || String(contentLocale).trim() === '') {
    error(1, 1, 'import/locale', 'the front matter has no ms.contentlocale, so the language of the translation is unknown', 'Add ms.contentlocale (for example ko-KR).');
  } else {
    locale = localeFromDocfx(String(contentLocale));
    if (!locale) {
      const at = keyLine('ms.contentlocale');
      error(at.line, at.column, 'import/locale', `ms.contentlocale ${JSON.stringify(String(contentLocale))} is not a locale of the site`, 'The site has en-US, ko-KR, zh-CN and ja-JP (see src/lib/site.ts).');
    }
  }

  // Front matter lines become empty lines, so that offsets and lines are the file's.
  const body = text.split('\n').map((line, index) => (index + 1 < split.bodyStartLine ? '' : line)).join('\n');
  const split2 = splitPairs(body, file, (d) => {
    failed = true;
    report(d);
  });
  if (failed || !locale || !split2) return undefined;

  // Warnings are reported once per line even though both sides are converted.
  const seen = new Set<string>();
  const where = input.repository;
  const ctx: ConvertContext = {
    file,
    report: (d: Diagnostic): void => {
      const key = `${d.line}:${d.rule}`;
      if (d.severity !== 'error' && seen.has(key)) return;
      seen.add(key);
      if (d.severity === 'error') failed = true;
      report(d);
    },
    ...(where
      ? {
          link: (url: string) => {
            const rewritten = linkUrl(where.repository, where.path, url);
            if (countLinks) links[rewritten.endsWith('.mdx') || /\.mdx#/.test(rewritten) ? 'articles' : /^https?:/.test(rewritten) && !/^https?:/.test(url) ? 'external' : 'kept']++;
            return rewritten;
          },
        }
      : {}),
    image: (url: string, line: number) => {
      if (!images.some((i) => i.url === url)) images.push({ url, line });
    },
  };
  const images: { url: string; line: number }[] = [];
  /** Links rewritten (counted on the English side only): to articles, to other documentation sites, kept. */
  const links = { articles: 0, external: 0, kept: 0 };
  let countLinks = true;
  let removeAppliesTo = false;
  const sourceOptions: ConvertOptions = {
    lines: split2.source.lines,
    ...(locale === 'en' ? {} : { outside: split2.outside }),
    appliesTo: { find: true, remove: (items) => (removeAppliesTo = allClouds(items)) },
  };
  const source = convertBody(split2.source.text, ctx, sourceOptions);
  countLinks = false;
  const target =
    locale === 'en'
      ? source
      : convertBody(split2.target.text, ctx, {
          lines: split2.target.lines,
          headingIds: source.headingIds,
          ...(source.appliesTo ? { appliesTo: { line: source.appliesTo.line, remove: removeAppliesTo } } : {}),
        });

  if (source.title === undefined || source.title === '' || target.title === undefined || target.title === '') {
    error(split.bodyStartLine, 1, 'import/no-title', 'the article has no # heading to take its title from', 'DocFX articles start with # <a name="slug"></a>Title.');
  }

  if (source.left > 0) {
    report({
      file, line: split.bodyStartLine, column: 1, ...importRule('import/translated-outside-pairs'),
      message: `${source.left} piece${source.left === 1 ? '' : 's'} of text outside the sentence pairs (alt text, table cells, list items, text in raw HTML) ${source.left === 1 ? 'is' : 'are'} translated; left out of the English`,
      hint: 'Write the English text into the English file by hand, or import the English DocFX repository.',
    });
  }

  const address = where ? where.repository.addressOf(where.path) : undefined;
  let slug = address?.slug ?? source.titleAnchor;
  if (address === undefined && (slug === undefined || !SLUG.test(slug))) {
    slug = slugFromFileName(file);
    report({
      file, line: source.titleLine, column: 1, ...importRule('import/slug-from-file-name'),
      message: `the # heading has no <a name="…"></a> slug anchor${source.titleAnchor ? ` that is a valid slug (${JSON.stringify(source.titleAnchor)})` : ''}; using the file name: ${slug}`,
      hint: 'Rename the output file if the slug is wrong; slugs are lower-case ASCII, digits and hyphens.',
    });
  }

  // The clouds: a variant file's cloud; else the "Applies to" list; else the docset's default.
  const clouds: Cloud[] = [];
  const others: string[] = [];
  for (const item of source.appliesTo?.items ?? []) {
    const cloud = cloudByName(item.text);
    if (cloud) clouds.push(cloud);
    else others.push(item.text);
  }
  if (others.length > 0 && source.appliesTo) {
    report({
      file, line: source.appliesTo.line, column: 1, ...importRule('import/applies-to-other'),
      message: `"Applies to" names ${others.map((o) => JSON.stringify(o)).join(', ')}, which ${others.length === 1 ? 'is not a cloud' : 'are not clouds'}; the list is kept in the text`,
      hint: `Clouds are: ${CLOUDS.map((c) => c.name.en).join('; ')}. Other items (audiences, products) stay as text for readers.`,
    });
  }
  let articleClouds: Cloud[];
  if (address?.variantCloud) articleClouds = [address.variantCloud];
  else if (clouds.length > 0) articleClouds = clouds;
  else articleClouds = address?.defaultClouds ?? DEFAULT_CLOUDS;
  if (failed) return undefined;

  // A variant's title keeps the cloud's name when the front matter has it and the heading not
  // ("Billing (Partner Center operated by 21Vianet)").
  if (address?.variantCloud) {
    const info = cloudInfo(address.variantCloud);
    const fmTitle = stringValue(data['title'])?.replace(/\s*\|[^|]*$/, '').trim();
    if (fmTitle && fmTitle.includes(info.shortName[locale]) && !(target.title ?? '').includes(info.shortName[locale])) target.title = fmTitle;
    if (source.title && fmTitle?.includes(info.shortName[locale]) && !source.title.includes(info.shortName.en)) source.title = `${source.title} (${info.name.en})`;
  }

  const nonBlank: { line: number; text: string }[] = [];
  split2.source.text.split('\n').forEach((line, index) => {
    const t = line.replace(/&nbsp;/gi, ' ').trim();
    if (t !== '') nonBlank.push({ line: split2.source.lines[index] ?? index + 1, text: t });
  });

  return {
    file,
    locale,
    slug: slug ?? slugFromFileName(file),
    clouds: sortClouds(articleClouds),
    ...(address ? { englishFile: `${address.slug}.${address.variantCloud ?? ''}` } : {}),
    frontmatter: data,
    target,
    source,
    sourceLines: nonBlank,
    pairs: split2.pairs,
    images,
    links,
    // The same conversion again, its findings already reported (the text is kept, not the tree).
    reconvertSource: (clear) => convertBody(split2.source.text, { ...ctx, report: () => undefined }, { ...sourceOptions, clear }),
  };
}

function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Clouds of a loose file without an "Applies to" list: the global Partner Center's. */
const DEFAULT_CLOUDS: Cloud[] = ['global'];

/** The URL a link of a repository file becomes in MDX. */
function linkUrl(repository: Repository, from: string, url: string): string {
  const hash = /#.*$/s.exec(url)?.[0] ?? '';
  // Images (a `:::image` lightbox link to the large image) are served from public/media/.
  if (/^[^?#]*\.(png|jpe?g|gif|svg|webp)(?:[?#]|$)/i.test(url) && !/^[a-z][a-z0-9+.-]*:/i.test(url)) return rewriteImage(url);
  const target = repository.resolveLink(from, url);
  switch (target.kind) {
    case 'article':
      return `${target.slug}.mdx${hash}`;
    case 'external':
      return target.url;
    default:
      return rewriteLink(url);
  }
}
