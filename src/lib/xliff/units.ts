/**
 * The XLIFF units of one translation (one article variant in one locale): one unit per
 * translatable block of today's English (`blocks.ts`), its source the English block and its
 * target the translation's block aligned with it. The export writes these units; the import
 * computes them again to tell what a translator changed and to check what comes back.
 *
 * Alignment of an outdated translation: the translation was made from an older English (found
 * in git history, `english-change.ts`), so its blocks are aligned with that older English by id,
 * and the older English with today's by a diff of each section's blocks: a block that only moved
 * keeps its translation, a changed block gets the translation of the block it replaced, a new
 * block gets none. Without that history (or for a current translation), blocks align by id
 * within sections whose blocks are of the same kinds in both files.
 */
import { diffArrays } from 'diff';
import { englishChangeSince } from '../model/english-change.ts';
import type { SourceHistory } from '../model/history.ts';
import { translationPathOf } from '../model/status.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { ArticleFile, Variant } from '../model/types.ts';
import { SOURCE_LOCALE, type Locale } from '../site.ts';
import { blocksOf, SPACE_SUBTYPE, type Block, type InlineAttributes, type XliffPart, type XliffValue } from './blocks.ts';

export interface Unit {
  id: string;
  english: Block;
  /** The translation's block aligned with it, if any. */
  translated: Block | undefined;
  source: XliffValue;
  /** The translation's text with its placeholders renumbered as the English's; undefined when untranslated. */
  target: XliffValue | undefined;
  notes: string[];
}

export interface TranslationUnits {
  /** `<file id>`: the slug, with `.<variant>` for a non-base variant. */
  fileId: string;
  slug: string;
  variant: Variant;
  english: ArticleFile;
  englishText: string;
  /** The translation's path (where it would be, when missing). */
  path: string;
  /** The translation's text, undefined when missing. */
  text: string | undefined;
  /** The translation's blocks. */
  translatedBlocks: Block[];
  /** English blocks whose translation is the translation's block of the same id, in a file of the same shape. */
  inPlace: boolean;
  units: Unit[];
  /** Every English block (translatable or not), in order. */
  englishBlocks: Block[];
  /** English block id → aligned translation block. */
  aligned: Map<string, Block>;
}

export function fileIdOf(slug: string, variantKey: string): string {
  return variantKey ? `${slug}.${variantKey}` : slug;
}

/** Plain text of a value (placeholders as their `disp`), for notes. */
export function plainText(value: XliffValue): string {
  return value
    .map((p) => (typeof p === 'string' ? p : 'Standalone' in p ? (p.Standalone.disp ?? '') : plainText(p.Span.contents)))
    .join('');
}

const blockKey = (b: Block) => `${b.kind}:${JSON.stringify(b.value)}`;

function bySection(blocks: readonly Block[]): Map<string, Block[]> {
  const out = new Map<string, Block[]>();
  for (const b of blocks) out.set(b.section, [...(out.get(b.section) ?? []), b]);
  return out;
}

/** English block id → translation block, by id, in sections whose blocks have the same kinds. */
function alignById(english: readonly Block[], translated: readonly Block[]): Map<string, Block> {
  const out = new Map<string, Block>();
  const t = bySection(translated);
  for (const [section, blocks] of bySection(english)) {
    const other = t.get(section);
    if (section === '_meta') {
      // Title and description: each by its own id.
      for (const b of blocks) {
        const match = other?.find((o) => o.id === b.id);
        if (match) out.set(b.id, match);
      }
      continue;
    }
    if (!other || other.length !== blocks.length || other.some((b, i) => b.kind !== blocks[i]!.kind)) continue;
    blocks.forEach((b, i) => out.set(b.id, other[i]!));
  }
  return out;
}

/** English block id → translation block, through the older English the translation was made from. */
function alignThroughHistory(english: readonly Block[], older: readonly Block[], translated: readonly Block[]): Map<string, Block> {
  const olderToTranslated = alignById(older, translated);
  const out = new Map<string, Block>();
  const olderBySection = bySection(older);
  for (const [section, blocks] of bySection(english)) {
    const before = olderBySection.get(section) ?? [];
    let i = 0;
    let j = 0;
    let removed: Block[] = [];
    const pair = (added: Block[]) => {
      added.forEach((b, k) => {
        const was = removed[k];
        const t = was && was.kind === b.kind ? olderToTranslated.get(was.id) : undefined;
        if (t) out.set(b.id, t);
      });
      removed = [];
    };
    for (const change of diffArrays(before.map(blockKey), blocks.map(blockKey))) {
      const n = change.count ?? change.value.length;
      if (change.removed) {
        removed = before.slice(i, i + n);
        i += n;
      } else if (change.added) {
        pair(blocks.slice(j, j + n));
        j += n;
      } else {
        removed = [];
        for (let k = 0; k < n; k++) {
          const t = olderToTranslated.get(before[i + k]!.id);
          if (t) out.set(blocks[j + k]!.id, t);
        }
        i += n;
        j += n;
      }
    }
  }
  return out;
}

function mapIds(value: XliffValue, ids: ReadonlyMap<string, string>): XliffValue {
  return value.map((p): XliffPart => {
    if (typeof p === 'string') return p;
    if ('Standalone' in p) return { Standalone: { ...p.Standalone, id: ids.get(p.Standalone.id) ?? p.Standalone.id } };
    return { Span: { ...p.Span, id: ids.get(p.Span.id) ?? p.Span.id, contents: mapIds(p.Span.contents, ids) } };
  });
}

/**
 * The translation's value with its placeholder ids changed to those of the English placeholders
 * they stand for: same link target, same code, same component; else the next of the same kind.
 * A translation that reorders two links keeps each link's own URL.
 */
function renumber(translated: Block, english: Block): XliffValue {
  const used = new Set<string>();
  const ids = new Map<string, string>();
  const englishEntries = [...english.placeholders];
  const kindOf = (signature: string) => signature.split(':')[0];
  for (const [id, p] of translated.placeholders) {
    const exact = englishEntries.find(([eid, e]) => !used.has(eid) && e.element === p.element && e.signature === p.signature);
    const similar = exact ?? englishEntries.find(([eid, e]) => !used.has(eid) && e.element === p.element && kindOf(e.signature) === kindOf(p.signature));
    if (similar) {
      used.add(similar[0]);
      ids.set(id, similar[0]);
    } else {
      ids.set(id, `x${id}`);
    }
  }
  return mapIds(translated.value, ids);
}

/** The units of a variant's translation into `locale`. Throws MdxSyntaxError for a file that does not parse. */
export function translationUnits(kb: KnowledgeBase, history: SourceHistory, variant: Variant, locale: Locale, read: (path: string) => string): TranslationUnits {
  const english = variant.files[SOURCE_LOCALE]!;
  const translation = variant.files[locale];
  const path = translation?.path ?? translationPathOf(english.path, locale);
  const englishText = read(english.path);
  const text = translation ? read(translation.path) : undefined;
  const englishBlocks = blocksOf(englishText);
  const translatedBlocks = text === undefined ? [] : blocksOf(text);
  let aligned = new Map<string, Block>();
  let olderById = new Map<string, Block>();
  if (translation) {
    const change = translation.frontmatter.translation?.sourceHash === english.hash ? undefined : englishChangeSince(kb, history, translation);
    if (change?.status === 'changed') {
      const older = blocksOf(change.from.text);
      olderById = new Map(older.map((b) => [b.id, b]));
      aligned = alignThroughHistory(englishBlocks, older, translatedBlocks);
    } else {
      aligned = alignById(englishBlocks, translatedBlocks);
    }
  }
  const olderAligned = olderById.size > 0 ? alignThroughHistory(englishBlocks, [...olderById.values()], [...olderById.values()]) : undefined;
  // Front matter fields are edited in place in any case; the body only when it has the English's shape.
  const body = (blocks: Block[]) => blocks.filter((b) => b.section !== '_meta');
  const translatedIds = new Set(body(translatedBlocks).filter((b) => b.translatable).map((b) => b.id));
  const inPlace =
    translation !== undefined &&
    body(englishBlocks).every((b) => !b.translatable || aligned.get(b.id)?.id === b.id) &&
    [...translatedIds].every((id) => aligned.get(id)?.id === id);

  const clouds = variant.clouds.join(' ');
  const units: Unit[] = [];
  for (const block of englishBlocks) {
    if (!block.translatable) continue;
    const t = aligned.get(block.id);
    const notes = [`article: ${english.slug}`, `file: ${path}`, `section: ${block.section}`, `clouds: ${clouds}`];
    if (olderAligned) {
      const before = olderAligned.get(block.id);
      if (!before) notes.push('English: new since the translation was made');
      else if (blockKey(before) !== blockKey(block)) notes.push(`English before the change: ${plainText(before.value)}`);
    }
    units.push({ id: block.id, english: block, translated: t, source: block.value, target: t ? renumber(t, block) : undefined, notes });
  }
  return { fileId: fileIdOf(english.slug, variant.key), slug: english.slug, variant, english, englishText, path, text, translatedBlocks, inPlace, units, englishBlocks, aligned };
}

// ---- Values as the xliff library writes and reads them -----------------------------------------

/** The value in a fixed shape: strings merged, only the attributes this project writes. */
export function canonicalValue(raw: unknown): XliffValue | { unsupported: string } {
  const parts = raw === undefined || raw === null || raw === '' ? [] : Array.isArray(raw) ? raw : [raw];
  const out: XliffValue = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (typeof out.at(-1) === 'string') out[out.length - 1] = (out.at(-1) as string) + part;
      else out.push(part);
      continue;
    }
    const [kind] = Object.keys(part as object);
    const attributes = (part as Record<string, InlineAttributes & { contents?: unknown }>)[kind!]!;
    const pick = (a: InlineAttributes): InlineAttributes => {
      const out: InlineAttributes = { id: String(a.id) };
      for (const key of ['type', 'subType', 'disp', 'dispStart', 'dispEnd']) if (a[key] !== undefined) out[key] = String(a[key]);
      return out;
    };
    if (kind === 'Standalone') out.push({ Standalone: pick(attributes) });
    else if (kind === 'Span') {
      const contents = canonicalValue(attributes.contents);
      if (!Array.isArray(contents)) return contents;
      out.push({ Span: { ...pick(attributes), contents } });
    } else return { unsupported: kind ?? 'unknown' };
  }
  return out;
}

/**
 * The value as handed to the library's writer. Its writer turns every `&amp;` of a text into `&`
 * before escaping (to avoid escaping twice), which would lose a literal "&amp;": split there, the
 * two halves are written as `&amp;` + `amp;` and read back as the original.
 */
export function forWriting(value: XliffValue): XliffPart[] {
  return value.flatMap((p): XliffPart[] => {
    if (typeof p === 'string') return p.includes('&amp;') ? p.split(/(?<=&)(?=amp;)/) : [p];
    if ('Standalone' in p) return [p];
    return [{ Span: { ...p.Span, contents: forWriting(p.Span.contents) } }];
  });
}

/** Placeholder ids of a value (without space placeholders) with their element. */
export function placeholderIds(value: XliffValue, out = new Map<string, 'ph' | 'pc'>(), counts = new Map<string, number>()): { ids: Map<string, 'ph' | 'pc'>; counts: Map<string, number> } {
  for (const p of value) {
    if (typeof p === 'string') continue;
    const attributes = 'Standalone' in p ? p.Standalone : p.Span;
    if (attributes.subType === SPACE_SUBTYPE) continue;
    out.set(attributes.id, 'Standalone' in p ? 'ph' : 'pc');
    counts.set(attributes.id, (counts.get(attributes.id) ?? 0) + 1);
    if ('Span' in p) placeholderIds(p.Span.contents, out, counts);
  }
  return { ids: out, counts };
}

/**
 * What a value says, without what a translation tool may change and the import must not take for
 * an edit: the attributes it may drop or add (`disp`, `type`…), and white space at the ends of a
 * text. An XLIFF 2.0 segment's text does not preserve white space unless `xml:space="preserve"`
 * says so: a tool may collapse each run to one space, trim the segment, and lay out inline tags on
 * lines of their own (a line break before `<pc>` becomes a space). So each text between two tags
 * (or a tag and the segment's edge) counts collapsed and trimmed; a change of white space alone is
 * no edit. What is left: the texts so normalized and the placeholders by element and id. Sources
 * and unchanged targets compare by it.
 */
export function shape(value: XliffValue): unknown[] {
  return value.flatMap((p): unknown[] => {
    if (typeof p === 'string') {
      const text = p.replace(/\s+/g, ' ').trim();
      return text ? [text] : [];
    }
    return ['Standalone' in p ? { ph: p.Standalone.id } : { pc: p.Span.id, contents: shape(p.Span.contents) }];
  });
}
