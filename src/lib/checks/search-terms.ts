/**
 * `search/unknown-synonym`: a group of search synonyms (`synonyms` in content/terminology.yaml)
 * none of whose words appears in what readers of its locale can open (the locale's articles, or the
 * English of those not yet translated, and the cloud facts in that locale). Search looks every word
 * of the group up, so such a group finds nothing whatever a reader types: a misspelling, or a group
 * that lacks the word the articles use. Reported at the group's line in terminology.yaml.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { Subject, type Diagnostic, type SourcePosition } from '../diagnostics.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import { LOCALE_CODES, SOURCE_LOCALE, type Locale } from '../site.ts';
import { diagnostic, listing, type CheckContext } from './context.ts';

const TERMINOLOGY_PATH = 'content/terminology.yaml';

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

/** Everything a reader of `locale` can read, lower-cased, one text. */
function readable(kb: KnowledgeBase, locale: Locale): string {
  const parts: string[] = [];
  for (const article of kb.articles.values()) {
    for (const variant of article.variants) {
      const file = variant.files[locale] ?? variant.files[SOURCE_LOCALE];
      if (!file) continue;
      parts.push(file.frontmatter.title, file.frontmatter.description ?? '', file.parsed.body);
    }
  }
  for (const clouds of Object.values(kb.cloudFacts)) for (const texts of Object.values(clouds)) parts.push(texts[locale]);
  return normalize(parts.join('\n'));
}

/** Where each group of `synonyms.<locale>` starts in terminology.yaml (1-based), by locale and index. */
function groupPositions(text: string | undefined): Map<string, SourcePosition> {
  const positions = new Map<string, SourcePosition>();
  if (text === undefined) return positions;
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const synonyms = document.get('synonyms', true);
  if (!isMap(synonyms)) return positions;
  for (const pair of synonyms.items) {
    const locale = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    if (!isSeq(pair.value)) continue;
    for (const [i, group] of pair.value.items.entries()) {
      const offset = (group as { range?: [number, number, number] }).range?.[0];
      if (offset === undefined) continue;
      const { line, col } = lines.linePos(offset);
      positions.set(`${locale}/${i}`, { line, column: col });
    }
  }
  return positions;
}

export function checkSynonyms(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const positions = groupPositions(context.terminology?.text);
  for (const locale of LOCALE_CODES) {
    const groups = kb.terminology.synonyms[locale] ?? [];
    if (groups.length === 0) continue;
    const text = readable(kb, locale);
    const excluded = [...kb.excluded.values()].filter((f) => f.locale === locale).map((f) => Subject.file(f.locale, f.slug, f.variantKey));
    for (const [i, group] of groups.entries()) {
      if (group.some((term) => text.includes(normalize(term)))) continue;
      out.push(
        diagnostic(
          'search/unknown-synonym',
          context.terminology?.path ?? TERMINOLOGY_PATH,
          positions.get(`${locale}/${i}`) ?? { line: 1, column: 1 },
          `No ${locale} article has any of the synonyms ${listing(group, true)}, so searching for them finds nothing.`,
          `Check the spelling, or add to the group the word the ${locale} articles use for it.`,
          // A file of the locale that did not parse may be the one that has the words.
          { dependsOn: excluded },
        ),
      );
    }
  }
  return out;
}
