/**
 * `npm run kb -- import-xliff ko.xlf [--method human|machine]`: writes the targets of an XLIFF
 * 2.0 document (read by the `xliff` library) back into the translation files.
 *
 * - Every unit is checked against today's English before anything is written: its file and unit
 *   must exist, its source must be today's English block, and its target must hold each of the
 *   source's placeholders exactly once. A document with any such fault is refused whole, with
 *   every fault named by document, file and unit id.
 * - A unit whose target is the translation's current text changes nothing, so a round trip without
 *   edits leaves every file byte for byte as it was. A file with changed units has only those
 *   blocks rewritten (the rest of it, front matter included, stays as it was) when it has the
 *   English's shape; otherwise (a missing translation, or English that was restructured since)
 *   it is rebuilt on today's English, keeping the translation's own text for the blocks the
 *   document does not change, and its front matter.
 * - A rewritten file records today's English hash as its source and the method given
 *   (`human` by default), and must pass the checks before anything is written; files are written
 *   each atomically (temporary file, then rename).
 */
import xliff2js from 'xliff/xliff2js';
import { setFrontmatterValue } from '../model/ack.ts';
import type { SourceHistory } from '../model/history.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import { LOCALES, type Locale } from '../site.ts';
import { blockText, SPACE_SUBTYPE, type XliffValue } from './blocks.ts';
import { throughLibrary } from './export.ts';
import { canonicalValue, placeholderIds, shape, translationUnits, type TranslationUnits, type Unit } from './units.ts';

export interface ImportPlan {
  locale: Locale | undefined;
  /** Files to write, with their new text. */
  writes: { path: string; text: string; units: number }[];
  /** Files the document covers that stay as they are. */
  unchanged: string[];
  /** Every fault; nothing may be written when there is one. */
  errors: string[];
}

function localeOf(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  return LOCALES.find((l) => l.code === lower || l.htmlLang.toLowerCase() === lower || l.docfxLocales.includes(lower))?.code;
}

/** `line:column` from the XML parser's message (`…\nLine: 3\nColumn: 14\nChar: >`). */
function xmlPosition(message: string): string {
  const line = /Line: (\d+)/.exec(message)?.[1];
  const column = /Column: (\d+)/.exec(message)?.[1];
  return line ? `:${Number(line) + 1}:${Number(column ?? 0) + 1}` : '';
}

const same = (a: XliffValue, b: XliffValue) => JSON.stringify(shape(a)) === JSON.stringify(shape(b));

/** Why a target cannot be written back for its source, or undefined when it can. */
function placeholderFault(source: XliffValue, target: XliffValue): string | undefined {
  const want = placeholderIds(source);
  const have = placeholderIds(target);
  const missing = [...want.ids.keys()].filter((id) => !have.ids.has(id));
  const extra = [...have.ids.keys()].filter((id) => !want.ids.has(id));
  const twice = [...have.counts].filter(([, n]) => n > 1).map(([id]) => id);
  const changed = [...have.ids].filter(([id, element]) => want.ids.has(id) && want.ids.get(id) !== element).map(([id]) => id);
  const faults = [
    missing.length > 0 ? `placeholder(s) ${missing.join(', ')} of the source are missing from the target` : '',
    extra.length > 0 ? `the target has placeholder(s) ${extra.join(', ')} that the source does not have` : '',
    twice.length > 0 ? `placeholder(s) ${twice.join(', ')} appear more than once` : '',
    changed.length > 0 ? `placeholder(s) ${changed.join(', ')} changed between <ph> and <pc>` : '',
  ].filter(Boolean);
  const spaces = (value: XliffValue): string[] =>
    value.flatMap((p) => (typeof p === 'string' ? [] : 'Standalone' in p ? (p.Standalone.subType === SPACE_SUBTYPE ? [p.Standalone.id] : []) : spaces(p.Span.contents)));
  const sourceSpaces = new Set(spaces(source));
  const strange = spaces(target).filter((id) => !sourceSpaces.has(id));
  if (strange.length > 0) faults.push(`the target has space placeholder(s) ${strange.join(', ')} that the source does not have`);
  return faults.length > 0 ? `${faults.join('; ')}. Keep every <ph> and <pc> of the source in the target, once each (move them, do not change or drop them).` : undefined;
}

/** Each value as a reader of the written document gets it (the library is lossy in white space). */
async function asRead(locale: Locale, file: TranslationUnits): Promise<Map<string, { source: XliffValue; target: XliffValue | undefined }>> {
  const back = await xliff2js(await throughLibrary(locale, [file]));
  const out = new Map<string, { source: XliffValue; target: XliffValue | undefined }>();
  for (const unit of file.units) {
    const read = back.resources?.[file.fileId]?.[unit.id];
    const source = canonicalValue(read?.source);
    const target = unit.target === undefined ? undefined : canonicalValue(read?.target);
    out.set(unit.id, { source: Array.isArray(source) ? source : [], target: target && Array.isArray(target) ? target : undefined });
  }
  return out;
}

/** Replaces spans of a text, given as [start, end, replacement], from the end backwards. */
function splice(text: string, edits: [number, number, string][]): string {
  let out = text;
  for (const [start, end, replacement] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + replacement + out.slice(end);
  return out;
}

/** The front matter part of a file (through the closing `---` line) and the rest. */
function splitAtBody(text: string): [string, string] {
  const match = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? [match[0], text.slice(match[0].length)] : ['', text];
}

/** The new text of a translation whose changed units are `changes` (English block id → target), or a fault. */
function rewrite(file: TranslationUnits, changes: ReadonlyMap<string, XliffValue>, method: 'human' | 'machine'): { text: string } | { fault: string } {
  const englishById = new Map(file.englishBlocks.map((b) => [b.id, b]));
  const render = (id: string, value: XliffValue) => blockText(englishById.get(id)!, value);
  const bodyChanges = [...changes].filter(([id]) => !id.startsWith('_meta.'));
  let text: string;
  if (file.text === undefined) {
    // A new translation: today's English with every block translated; its front matter (translated
    // title and description) less what only English variants record.
    const edits: [number, number, string][] = [];
    for (const block of file.englishBlocks) {
      const value = changes.get(block.id);
      if (value) edits.push([block.start, block.end, render(block.id, value)]);
      else if (block.translatable) return { fault: `unit ${block.id} has no translation: the document has no target for it and there is no translation yet. Translate it in the document and import again.` };
    }
    text = splice(file.englishText, edits).replace(/^baseHash:.*\r?\n/m, '');
  } else {
    const translatedById = new Map(file.translatedBlocks.map((b) => [b.id, b]));
    // Title and description: in the translation's own front matter.
    const metaEdits: [number, number, string][] = [];
    const inserted: string[] = [];
    for (const [id, value] of changes) {
      if (!id.startsWith('_meta.')) continue;
      const t = translatedById.get(id);
      if (t) metaEdits.push([t.start, t.end, render(id, value)]);
      else inserted.push(`${id.slice('_meta.'.length)}: ${render(id, value)}`);
    }
    const [front, body] = splitAtBody(file.text);
    let newBody = body;
    if (bodyChanges.length > 0 && file.inPlace) {
      const offset = front.length;
      newBody = splice(
        body,
        bodyChanges.map(([id, value]) => {
          const t = translatedById.get(id)!;
          return [t.start - offset, t.end - offset, render(id, value)];
        }),
      );
    } else if (bodyChanges.length > 0) {
      // The English was restructured since the translation: rebuild the body on today's English,
      // keeping the translation's own text for blocks the document does not change.
      const edits: [number, number, string][] = [];
      for (const block of file.englishBlocks) {
        if (block.section === '_meta') continue;
        const value = changes.get(block.id);
        const kept = file.aligned.get(block.id);
        if (value) edits.push([block.start, block.end, render(block.id, value)]);
        else if (kept) edits.push([block.start, block.end, file.text.slice(kept.start, kept.end)]);
        else if (block.translatable) {
          return { fault: `unit ${block.id} has no translation: the document has no target for it and ${file.path} has no block that matches it. Translate it in the document and import again.` };
        }
      }
      newBody = splitAtBody(splice(file.englishText, edits))[1];
    }
    let newFront = splice(front, metaEdits);
    if (inserted.length > 0) {
      const eol = newFront.includes('\r\n') ? '\r\n' : '\n';
      newFront = newFront.replace(/^(title:.*\r?\n)/m, `$1${inserted.map((l) => l + eol).join('')}`);
    }
    text = newFront + newBody;
  }
  text = setFrontmatterValue(text, 'translation.method', method);
  text = setFrontmatterValue(text, 'translation.sourceHash', file.english.hash);
  return { text };
}

/**
 * What importing `xml` (read from `documentPath`) would write. `check` gets the new texts by path
 * and returns the errors the checks find in them (`file:line:column rule message`).
 */
export async function planImport(
  kb: KnowledgeBase,
  history: SourceHistory,
  read: (path: string) => string,
  documentPath: string,
  xml: string,
  options: { method: 'human' | 'machine'; check: (texts: ReadonlyMap<string, string>) => string[] },
): Promise<ImportPlan> {
  const plan: ImportPlan = { locale: undefined, writes: [], unchanged: [], errors: [] };
  let doc: Awaited<ReturnType<typeof xliff2js>>;
  try {
    doc = await xliff2js(xml);
  } catch (error) {
    const message = (error as Error).message;
    plan.errors.push(`${documentPath}${xmlPosition(message)}: not well-formed XML (${message.split('\n')[0]}). Fix the file, or export it again.`);
    return plan;
  }
  if (!doc || !doc.resources) {
    plan.errors.push(`${documentPath}: not an XLIFF 2.0 document (it needs <xliff version="2.0" srcLang="en" trgLang="…">). Send the file as exported by npm run kb -- export.`);
    return plan;
  }
  const locale = localeOf(doc.targetLanguage);
  if (!locale || locale === 'en' || localeOf(doc.sourceLanguage) !== 'en') {
    plan.errors.push(`${documentPath}: the document translates from "${doc.sourceLanguage ?? ''}" to "${doc.targetLanguage ?? ''}"; it must translate from en to one of ${LOCALES.filter((l) => l.code !== 'en').map((l) => l.htmlLang).join(', ')}.`);
    return plan;
  }
  plan.locale = locale;
  const byFileId = new Map<string, { slug: string; key: string }>();
  for (const article of kb.articles.values()) for (const v of article.variants) byFileId.set(v.key ? `${article.slug}.${v.key}` : article.slug, { slug: article.slug, key: v.key });

  const newTexts = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [fileId, units] of Object.entries(doc.resources)) {
    const where = byFileId.get(fileId);
    const variant = where && kb.article(where.slug)?.variants.find((v) => v.key === where.key);
    if (!variant || !variant.files.en) {
      plan.errors.push(`${documentPath}: <file id="${fileId}"> names no article variant (no content/en/${fileId}.mdx). Export again: articles may have been renamed.`);
      continue;
    }
    const file = translationUnits(kb, history, variant, locale, read);
    const at = (unitId: string) => `${documentPath}: ${file.path}: unit ${unitId}`;
    const expected = await asRead(locale, file);
    const byId = new Map<string, Unit>(file.units.map((u) => [u.id, u]));
    const changes = new Map<string, XliffValue>();
    for (const [unitId, unit] of Object.entries(units)) {
      if (unit && typeof unit === 'object' && 'groupUnits' in unit) {
        plan.errors.push(`${at(unitId)}: a <group>; the export writes none. Send the units as exported.`);
        continue;
      }
      const english = byId.get(unitId);
      const want = expected.get(unitId);
      if (!english || !want) {
        plan.errors.push(`${at(unitId)}: no such block in today's English (${file.english.path}). The English changed since the export: export again and carry the translation over.`);
        continue;
      }
      const source = canonicalValue(unit.source);
      if (!Array.isArray(source) || !same(source, want.source)) {
        plan.errors.push(`${at(unitId)}: the source is not today's English of ${file.english.path} (it changed since the export, or the source was edited). Export again and carry the translation over.`);
        continue;
      }
      const target = canonicalValue(unit.target);
      if (!Array.isArray(target)) {
        plan.errors.push(`${at(unitId)}: the target uses <${target.unsupported}>, which this import does not read. Keep each <pc> whole (no <sc>/<ec>) and use only the source's placeholders.`);
        continue;
      }
      if (target.length === 0) continue; // not translated: nothing received
      if (want.target && same(target, want.target)) continue; // the translation as it is
      const fault = placeholderFault(source, target);
      if (fault) {
        plan.errors.push(`${at(unitId)}: ${fault}`);
        continue;
      }
      changes.set(unitId, target);
    }
    if (changes.size === 0) {
      if (file.text !== undefined) plan.unchanged.push(file.path);
      continue;
    }
    const result = rewrite(file, changes, options.method);
    if ('fault' in result) {
      plan.errors.push(`${documentPath}: ${file.path}: ${result.fault}`);
      continue;
    }
    newTexts.set(file.path, result.text);
    counts.set(file.path, changes.size);
  }
  if (plan.errors.length > 0 || newTexts.size === 0) return plan;
  const faults = options.check(newTexts);
  if (faults.length > 0) {
    plan.errors.push(...faults.map((f) => `${f} (in the text ${documentPath} would write; nothing was written)`));
    return plan;
  }
  plan.writes = [...newTexts].map(([path, text]) => ({ path, text, units: counts.get(path) ?? 0 }));
  return plan;
}
