/**
 * Reads one DocFX localized Markdown file: its front matter, and its body split into the
 * translation (target text) and the aligned English (source text), each converted to an MDX body.
 */
import { CLOUDS, localeFromDocfx, sortClouds, type Cloud, type Locale } from '../site.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { parseFrontmatter, splitFrontmatter } from '../mdx/parse.ts';
import { convertBody, type ConvertedBody } from './convert.ts';
import { splitPairs } from './pairs.ts';
import { importRule, type ImportRuleId } from './rules.ts';

export interface InputFile {
  /** The file as shown in diagnostics (relative to the project when it is inside it). */
  file: string;
  text: string;
}

export interface DocfxArticle {
  file: string;
  locale: Locale;
  slug: string;
  clouds: Cloud[];
  /** The DocFX front matter (the parsed YAML map). */
  frontmatter: Record<string, unknown>;
  /** Line of each front matter key, for diagnostics. */
  keyLines: Record<string, { line: number; column: number }>;
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
  const data = fm.data as Record<string, unknown>;

  const contentLocale = data['ms.contentlocale'];
  let locale: Locale | undefined;
  if (contentLocale === undefined || contentLocale === null || String(contentLocale).trim() === '') {
    error(1, 1, 'import/locale', 'the front matter has no ms.contentlocale, so the language of the translation is unknown', 'Add ms.contentlocale (for example ko-KR).');
  } else {
    locale = localeFromDocfx(String(contentLocale));
    if (!locale) {
      const at = fm.keyLines['ms.contentlocale'] ?? { line: 1, column: 1 };
      error(at.line, at.column, 'import/locale', `ms.contentlocale ${JSON.stringify(String(contentLocale))} is not a locale of the site`, 'The site has en-US, ko-KR, zh-CN and ja-JP (see src/lib/site.ts).');
    }
  }

  // Split the sentence pairs line by line. Front matter lines become empty lines, so that line N of
  // either text is line N of the input and every later diagnostic names the input's line.
  const lines = text.split('\n');
  const targetLines: string[] = [];
  const sourceLines: string[] = [];
  const pairs: { line: number; text: string }[] = [];
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (lineNumber < split.bodyStartLine) {
      targetLines.push('');
      sourceLines.push('');
      return;
    }
    const pair = splitPairs(line, lineNumber, file, (d) => {
      failed = true;
      report(d);
    });
    targetLines.push(pair.target);
    sourceLines.push(pair.source);
    for (const text of pair.pairs) pairs.push({ line: lineNumber, text: text.replace(/\s+/g, ' ').trim() });
  });
  if (failed || !locale) return undefined;

  // Warnings are reported once per line even though both sides are converted.
  const seen = new Set<string>();
  const ctx = {
    file,
    report: (d: Diagnostic): void => {
      const key = `${d.line}:${d.rule}`;
      if (d.severity !== 'error' && seen.has(key)) return;
      seen.add(key);
      if (d.severity === 'error') failed = true;
      report(d);
    },
  };
  const source = convertBody(sourceLines.join('\n'), ctx, { findAppliesTo: true });
  const target =
    locale === 'en' ? source : convertBody(targetLines.join('\n'), ctx, { appliesToLine: source.appliesTo?.line });

  if (source.title === undefined || source.title === '' || target.title === undefined || target.title === '') {
    error(split.bodyStartLine, 1, 'import/no-title', 'the article has no # heading to take its title from', 'DocFX articles start with # <a name="slug"></a>Title.');
  }

  let slug = source.titleAnchor;
  if (slug === undefined || !SLUG.test(slug)) {
    slug = slugFromFileName(file);
    report({
      file, line: source.titleLine, column: 1, ...importRule('import/slug-from-file-name'),
      message: `the # heading has no <a name="…"></a> slug anchor${source.titleAnchor ? ` that is a valid slug (${JSON.stringify(source.titleAnchor)})` : ''}; using the file name: ${slug}`,
      hint: 'Rename the output file if the slug is wrong; slugs are lower-case ASCII, digits and hyphens.',
    });
  }

  const clouds: Cloud[] = [];
  if (!source.appliesTo) {
    error(source.titleLine, 1, 'import/no-applies-to', 'the article has no "Applies to" list, so the clouds it serves are unknown', 'Add **Applies to** followed by a list of Partner Center names below the # heading.');
  } else {
    for (const item of source.appliesTo.items) {
      const cloud = cloudByName(item.text);
      if (cloud) clouds.push(cloud);
      else {
        error(item.line, item.column, 'import/unknown-cloud', `"Applies to" names an unknown cloud: ${JSON.stringify(item.text)}`, `Use one of: ${CLOUDS.map((c) => c.name.en).join('; ')}.`);
      }
    }
  }
  if (failed) return undefined;

  const nonBlank: { line: number; text: string }[] = [];
  sourceLines.forEach((line, index) => {
    const t = line.replace(/&nbsp;/gi, ' ').trim();
    if (t !== '') nonBlank.push({ line: index + 1, text: t });
  });

  return {
    file,
    locale,
    slug,
    clouds: sortClouds(clouds),
    frontmatter: data,
    keyLines: fm.keyLines,
    target,
    source,
    sourceLines: nonBlank,
    pairs,
  };
}
