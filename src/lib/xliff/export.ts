/**
 * `npm run kb -- export --locale ko [--stale] [--missing] [--article slug…]`: the work for one
 * locale as an XLIFF 2.0 document for a translation vendor or a machine-translation service,
 * written by the `xliff` library (never by hand). One `<file>` per article variant, one `<unit>`
 * per translatable block (`units.ts`): the source is today's English, the target the current
 * translation (also for an outdated one, so a translator edits rather than starts over), absent
 * where there is none. Notes name the article, file, section and clouds, and what changed in
 * English. Placeholders (`<ph>`, `<pc>`) protect code, links, components and `<CloudFact>`.
 */
import js2xliff from 'xliff/js2xliff';
import xliff2js from 'xliff/xliff2js';
import type { SourceHistory } from '../model/history.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { Variant } from '../model/types.ts';
import { localeInfo, SOURCE_LOCALE, type Locale } from '../site.ts';
import { canonicalValue, forWriting, translationUnits, type TranslationUnits } from './units.ts';

export interface ExportOptions {
  locale: Locale;
  /** Only outdated translations (with `missing`: outdated and missing ones). */
  stale?: boolean;
  /** Only missing translations. */
  missing?: boolean;
  /** Only these articles (slugs). */
  articles?: readonly string[];
}

export interface ExportResult {
  xml: string;
  files: TranslationUnits[];
  units: number;
}

/** Thrown for a request that cannot be met (an unknown article); the message says what to do. */
export class ExportError extends Error {}

/** The variants an export covers, in slug and variant order. */
export function selectVariants(kb: KnowledgeBase, options: ExportOptions): Variant[] {
  for (const slug of options.articles ?? []) {
    if (!kb.article(slug)) throw new ExportError(`no article "${slug}" (there is no content/en/${slug}.mdx); run npm run kb -- status for the list.`);
  }
  const wanted = new Set(options.articles ?? []);
  const out: Variant[] = [];
  for (const article of kb.articles.values()) {
    if (wanted.size > 0 && !wanted.has(article.slug)) continue;
    for (const variant of article.variants) {
      if (!variant.files[SOURCE_LOCALE]) continue;
      const state = kb.translationState(variant, options.locale).state;
      const filtered = options.stale || options.missing;
      if (filtered && !((options.stale && (state === 'stale' || state === 'orphan')) || (options.missing && state === 'missing'))) continue;
      out.push(variant);
    }
  }
  return out;
}

/** The JS document the xliff library writes. */
export function xliffDocument(locale: Locale, files: readonly TranslationUnits[]) {
  const resources: Record<string, Record<string, { source: unknown; target?: unknown; note: string[] }>> = {};
  for (const file of files) {
    const units: (typeof resources)[string] = {};
    for (const unit of file.units) {
      units[unit.id] = { source: forWriting(unit.source), ...(unit.target ? { target: forWriting(unit.target) } : {}), note: unit.notes };
    }
    resources[file.fileId] = units;
  }
  return { sourceLanguage: localeInfo(SOURCE_LOCALE).htmlLang, targetLanguage: localeInfo(locale).htmlLang, resources };
}

/** Depth of each XLIFF 2.0 structural element: the elements that hold no text of their own. */
const DEPTH: Readonly<Record<string, number>> = { xliff: 0, file: 1, unit: 2, notes: 3, segment: 3, note: 4, source: 4, target: 4 };
const STRUCTURE_TAG = /<(\/?)(xliff|file|unit|notes|note|segment|source|target)(?=[\s>/])/g;

/**
 * The library's compact output (no white space added anywhere), laid out one structural element
 * a line. The library's own indentation also breaks lines inside a segment, between its text and
 * a `<pc>` or `<ph>` (`때문입니다(⏎␠␠<pc …>`), and a tool that normalizes white space reads that as
 * a space the English does not have. Text and attribute values never hold a literal `<` (the
 * library escapes text; `disp` shows look-alikes, see blocks.ts), so every match is a tag. Closing
 * tags of the elements that hold text (`</note>`, `</source>`, `</target>`) stay right after it.
 */
export function layOut(compact: string): string {
  return compact.replace(STRUCTURE_TAG, (tag, close: string, name: string) => {
    if (close && (name === 'note' || name === 'source' || name === 'target')) return tag;
    if (name === 'xliff' && !close) return tag;
    return `\n${'  '.repeat(DEPTH[name]!)}${tag}`;
  });
}

/** Writes units through the library (laid out by `layOut`): the document a vendor gets. */
export async function throughLibrary(locale: Locale, files: readonly TranslationUnits[]): Promise<string> {
  return layOut(await js2xliff(xliffDocument(locale, files), { indent: '' }));
}

export async function exportXliff(kb: KnowledgeBase, history: SourceHistory, read: (path: string) => string, options: ExportOptions): Promise<ExportResult> {
  const files = selectVariants(kb, options).map((variant) => translationUnits(kb, history, variant, options.locale, read));
  const xml = await throughLibrary(options.locale, files);
  // What a reader gets back must be what was meant, unit by unit; the library drops white space
  // between tags and trims line ends (see blocks.ts and forWriting), so check rather than hope.
  const back = await xliff2js(xml);
  for (const file of files) {
    for (const unit of file.units) {
      const read = back.resources?.[file.fileId]?.[unit.id];
      const same = (a: unknown, b: unknown) => JSON.stringify(canonicalValue(a)) === JSON.stringify(canonicalValue(b));
      if (!read || !same(read.source, unit.source) || (unit.target !== undefined && !same(read.target, unit.target))) {
        throw new ExportError(`${file.path}: unit ${unit.id} cannot be written to XLIFF exactly as it is (a bug of the export: report it with this file).`);
      }
    }
  }
  return { xml, files, units: files.reduce((n, f) => n + f.units.length, 0) };
}
