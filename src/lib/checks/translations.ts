/**
 * Translation checks: provenance (stale, no source, no hash), and structure against the English
 * source: the same section ids, the same link targets and the same components. Machine and
 * missing translations are listed as info lines.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import type { ParsedElement } from '../mdx/parse.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { ArticleFile } from '../model/types.ts';
import { LOCALE_CODES, SOURCE_LOCALE, sortClouds, type Cloud } from '../site.ts';
import { bodyStartLine, diagnostic, listing, type CheckContext } from './context.ts';
import { targetKey } from './link-index.ts';
import { keyPosition } from './variants.ts';

/** Attributes whose value is prose (translated), not structure. */
export const TEXT_ATTRIBUTES: ReadonlySet<string> = new Set(['title', 'alt', 'label', 'aria-label']);

/** `Callout type="note"`: an element with its non-text attributes, sorted. */
export function componentSignature(element: ParsedElement): string {
  const attributes = element.attributes
    .filter((a) => !TEXT_ATTRIBUTES.has(a.name))
    .map((a) => (a.value === null ? a.name : a.value === undefined ? `${a.name}={…}` : `${a.name}="${a.value}"`))
    .sort();
  return [element.name ?? '<>', ...attributes].join(' ');
}

interface Occurrence {
  position: SourcePosition;
}

function countBy<T extends Occurrence>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Compares two multisets; reports extra occurrences at their position in the translation and
 * missing ones at the body's start, naming the English line.
 */
function compareMultisets(
  rule: 'translation/links' | 'translation/components',
  file: ArticleFile,
  source: ArticleFile,
  mine: Map<string, Occurrence[]>,
  theirs: Map<string, Occurrence[]>,
  noun: (key: string) => string,
  start: SourcePosition,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, list] of mine) {
    const expected = theirs.get(key)?.length ?? 0;
    for (const extra of list.slice(expected)) {
      out.push(diagnostic(rule, file.path, extra.position, `${noun(key)} appears here ${list.length} time(s) but ${expected} time(s) in the English source ${source.path}.`, 'A translation keeps the links and components of its source; change the English first if the structure should change.'));
    }
  }
  for (const [key, list] of theirs) {
    const have = mine.get(key)?.length ?? 0;
    if (have >= list.length) continue;
    const first = list[have]!;
    out.push(diagnostic(rule, file.path, start, `${noun(key)} appears ${list.length} time(s) in the English source (${source.path}:${first.position.line}) but ${have} time(s) here.`, 'Carry it over from the English source.'));
  }
  return out;
}

export function checkTranslations(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const article of kb.articles.values()) {
    for (const variant of article.variants) {
      const source = variant.files[SOURCE_LOCALE];
      const untranslated: string[] = [];
      for (const locale of LOCALE_CODES) {
        if (locale === SOURCE_LOCALE) continue;
        const file = variant.files[locale];
        if (!file) {
          untranslated.push(locale);
          continue;
        }
        const ack = `npm run kb -- ack ${file.path}`;
        if (!source) {
          out.push(diagnostic('translation/no-source', file.path, { line: 1, column: 1 }, `This translation has no English source content/en/${file.path.split('/').pop()}.`, 'Name the file after its English source, or add the English file first.'));
          continue;
        }
        const state = kb.translationState(variant, locale);
        if (!file.frontmatter.translation) {
          out.push(diagnostic('translation/missing-provenance', file.path, keyPosition(file, 'title'), `This translation does not record which English text it was made from.`, `Run \`${ack} --method machine\` to record its English source (use --method human once a person has reviewed it against ${source.path}).`));
        } else if (state.state === 'stale') {
          out.push(diagnostic('translation/stale', file.path, keyPosition(file, 'translation.sourceHash'), `The English source ${source.path} changed since this translation was made (recorded ${state.recorded}, now ${state.current}).`, `Update the translation to the current English, then run \`${ack}\`.`));
        }
        if (file.frontmatter.translation?.method === 'machine') {
          out.push(diagnostic('translation/machine', file.path, keyPosition(file, 'translation.method'), 'Machine translation that no person has reviewed yet.', `After reviewing it, run \`${ack} --method human\`.`));
        }
        out.push(...compareTranslation(kb, context, file, source));
      }
      if (source && untranslated.length > 0) {
        out.push(diagnostic('translation/missing', source.path, { line: 1, column: 1 }, `Not translated into ${listing(untranslated)}; readers there get this English page.`, `Add ${untranslated.map((l) => source.path.replace('content/en/', `content/${l}/`)).join(', ')}.`));
      }
    }
  }
  return out;
}

function compareTranslation(kb: KnowledgeBase, context: CheckContext, file: ArticleFile, source: ArticleFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const start: SourcePosition = { line: bodyStartLine(file, context), column: 1 };

  // Clouds.
  const mineClouds = sortClouds(file.frontmatter.clouds as Cloud[]);
  const theirClouds = sortClouds(source.frontmatter.clouds as Cloud[]);
  if (mineClouds.join() !== theirClouds.join()) {
    out.push(diagnostic('translation/clouds', file.path, keyPosition(file, 'clouds'), `This translation lists clouds ${listing(mineClouds)}, but its English source ${source.path} lists ${listing(theirClouds)}.`, `Use clouds: [${theirClouds.join(', ')}].`));
  }

  // Section ids: the author-given ids of the English source.
  const sourceIds = source.parsed.headings.filter((h) => h.explicit);
  const sourceIdSet = new Set(sourceIds.map((h) => h.id));
  const mine = file.parsed.headings;
  const mineIdSet = new Set(mine.filter((h) => h.explicit).map((h) => h.id));
  source.parsed.headings.forEach((heading, index) => {
    if (!heading.explicit || mineIdSet.has(heading.id)) return;
    const counterpart = mine[index];
    const position = counterpart && !sourceIdSet.has(counterpart.id) ? { line: counterpart.line, column: counterpart.column } : start;
    out.push(diagnostic('translation/anchors', file.path, position, `The section id "#${heading.id}" of the English source (${source.path}:${heading.line}) is missing in this translation.`, `Keep the id as written in English: ## … {/* #${heading.id} */}.`));
  });
  for (const heading of mine) {
    if (heading.explicit && !sourceIdSet.has(heading.id)) {
      out.push(diagnostic('translation/anchors', file.path, heading, `The section id "#${heading.id}" is not in the English source ${source.path}.`, `Section ids are the same in every locale; use the English heading's id${sourceIds.length > 0 ? ` (one of ${listing(sourceIds.map((h) => '#' + h.id)).replace(/ and /, ', ')})` : ''}.`));
    }
  }

  // Link targets, resolved in each file's own locale and first cloud.
  const cloud = kb.article(file.slug)?.variants.find((v) => v.files[file.locale] === file)?.clouds[0];
  if (cloud) {
    const targets = (f: ArticleFile): Map<string, Occurrence[]> =>
      countBy(
        (context.links.byFile.get(f.path) ?? [])
          .filter((e) => e.locale === f.locale && e.cloud === cloud)
          .map((e) => ({ position: { line: e.link.line, column: e.link.column }, key: targetKey(e.resolution) })),
        (o) => o.key,
      );
    out.push(...compareMultisets('translation/links', file, source, targets(file), targets(source), (k) => `A link to "${k}"`, start));
  }

  // Components.
  const components = (f: ArticleFile): Map<string, Occurrence[]> =>
    countBy(
      f.parsed.elements.map((e) => ({ position: { line: e.line, column: e.column }, key: componentSignature(e) })),
      (o) => o.key,
    );
  out.push(...compareMultisets('translation/components', file, source, components(file), components(source), (k) => `The component <${k}>`, start));
  return out;
}
