/**
 * Translation checks: provenance (stale, no source, no hash), and structure against the English
 * source: the same section ids, the same link targets and the same components. Machine and
 * missing translations are listed as info lines.
 */
import { Subject, type Diagnostic, type SourcePosition } from '../diagnostics.ts';
import { isReservedId } from '../layout-ids.ts';
import type { ParsedElement } from '../mdx/parse.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import { suggest, type Resolution } from '../model/resolve.ts';
import { idOtherLocalesGive } from '../model/section-ids.ts';
import type { Article, ArticleFile, Variant } from '../model/types.ts';
import { LOCALE_CODES, SOURCE_LOCALE, sortClouds, type Cloud, type Locale } from '../site.ts';
import { bodyStartLine, diagnostic, listing, type CheckContext } from './context.ts';
import { targetKey } from './link-index.ts';
import { isAllowedElement } from './safety.ts';
import { ackFix, cloudsEdit, keyPosition } from './variants.ts';
import { append } from '../append.ts';

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
  key: string;
  position: SourcePosition;
  /** For a link, the URL as written (the edit that aligns a translation copies the English one). */
  url?: string;
  /** Occurrences of different kinds are never paired (`<Callout>` with `<CloudFact>`). */
  kind: string;
}

interface SourceOccurrence extends Occurrence {
  /**
   * False for what the English may not contain or does not resolve (an unsafe element, a broken
   * link): the English has an error there, and a translation is not asked to copy it.
   */
  sound: boolean;
}

/**
 * Compares what a translation has with what its English source has, as multisets by key. Extra
 * occurrences are reported where they are in the translation; what is missing is reported once, at
 * the body's start, naming the English lines. An unsound source occurrence (an error in the
 * English) is never asked for, and explains one extra occurrence of the translation (its correct
 * counterpart: a translation made before the English link was misspelled).
 */
function compareMultisets(
  rule: 'translation/links' | 'translation/components',
  file: ArticleFile,
  source: ArticleFile,
  mine: readonly Occurrence[],
  theirs: readonly SourceOccurrence[],
  noun: (key: string) => string,
  start: SourcePosition,
): Diagnostic[] {
  const remaining = new Map<string, number>();
  for (const o of mine) remaining.set(o.key, (remaining.get(o.key) ?? 0) + 1);
  const missing: SourceOccurrence[] = [];
  for (const o of theirs) {
    const left = remaining.get(o.key) ?? 0;
    if (left > 0) remaining.set(o.key, left - 1);
    else missing.push(o);
  }
  const wanted = new Map<string, number>();
  for (const o of theirs) wanted.set(o.key, (wanted.get(o.key) ?? 0) + 1);
  const seen = new Map<string, number>();
  const extras = mine.filter((o) => {
    const n = (seen.get(o.key) ?? 0) + 1;
    seen.set(o.key, n);
    return n > (wanted.get(o.key) ?? 0);
  });
  const explained = missing.filter((o) => !o.sound).length;
  const unexplained = extras.slice(explained);
  const asked = missing.filter((o) => o.sound);
  const out: Diagnostic[] = [];
  const count = (k: string, list: readonly Occurrence[]): number => list.filter((o) => o.key === k).length;
  // An extra occurrence and a missing one of the same kind are one difference: this one should be that one.
  for (const extra of unexplained) {
    const i = asked.findIndex((o) => o.kind === extra.kind);
    if (i >= 0) {
      const [wanted] = asked.splice(i, 1);
      const edit = extra.url !== undefined && wanted!.url !== undefined ? { line: extra.position.line, column: extra.position.column, find: extra.url, replace: wanted!.url } : undefined;
      out.push(
        diagnostic(rule, file.path, extra.position, `${noun(extra.key)} here is ${noun(wanted!.key).replace(/^A /, 'a ').replace(/^The /, 'the ')} in the English source (${source.path}:${wanted!.position.line}).`, edit ? `Replace "${edit.find}" with "${edit.replace}".` : `Make it as in the English source (${source.path}:${wanted!.position.line}).`, {
          fix: edit ? { edits: [edit] } : undefined,
          // A link or element of the translation that is itself an error (a misspelled link) is reported as that.
          dependsOn: [Subject.at(file.path, extra.position)],
        }),
      );
      continue;
    }
    out.push(
      diagnostic(rule, file.path, extra.position, `${noun(extra.key)} appears here ${count(extra.key, mine)} time(s) but ${count(extra.key, theirs)} time(s) in the English source ${source.path}.`, `Delete it here, or change the English source first (a translation keeps the ${rule === 'translation/links' ? 'links' : 'components'} of its source).`, {
        dependsOn: [Subject.at(file.path, extra.position)],
      }),
    );
  }
  if (asked.length > 0) {
    const what = asked.map((o) => `${noun(o.key)} (${source.path}:${o.position.line})`);
    out.push(diagnostic(rule, file.path, start, `${what.length === 1 ? `${what[0]} is` : `${listing(what)} are`} in the English source but not here.`, `Add ${asked.length === 1 ? 'it' : 'them'} to the matching sentence${asked.length === 1 ? '' : 's'} of this translation.`));
  }
  return out;
}

export function checkTranslations(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const article of kb.articles.values()) {
    for (const variant of article.variants) {
      const source = variant.files[SOURCE_LOCALE];
      const untranslated: string[] = [];
      const lost = source ? idsLostInEnglish(variant, source) : new Map<number, string>();
      if (source) append(out, reportLostIds(variant, source, lost));
      for (const locale of LOCALE_CODES) {
        if (locale === SOURCE_LOCALE) continue;
        const file = variant.files[locale];
        if (!file) {
          // A file that exists but did not parse is not "missing": its own error says what is wrong.
          if (!kb.excluded.has(Subject.file(locale, article.slug, variant.key))) untranslated.push(locale);
          continue;
        }
        const ack = `npm run kb -- ack ${file.path}`;
        if (!source) {
          // A misspelled name: the English article it is near, which has no file of this locale yet.
          const meant = meantArticle(kb, file);
          const to = meant ? file.path.replace(/[^/]+$/, `${meant}${variant.key ? `.${variant.key}` : ''}.mdx`) : undefined;
          out.push(
            diagnostic('translation/no-source', file.path, { line: 1, column: 1 }, `This translation has no English source ${englishPath(file)}.`, to ? `Rename ${file.path} to ${to} (the English source is ${englishPath({ ...file, path: to })}).` : `Name the file after its English source${englishNames(article)}, or add the English file first.`, {
              fix: to ? { rename: { from: file.path, to } } : undefined,
              dependsOn: [Subject.file(SOURCE_LOCALE, article.slug, variant.key)],
              // The same fact seen as a variant set: \`variant/locale-set\` is folded into this; and
              // the article it was meant to translate then looks untranslated (fallback links).
              subjects: [`no-source:${file.path}`, ...(meant ? [Subject.file(locale, meant, variant.key)] : [])],
            }),
          );
          continue;
        }
        const state = kb.translationState(variant, locale);
        if (!file.frontmatter.translation) {
          out.push(diagnostic('translation/missing-provenance', file.path, keyPosition(file, 'title'), `This translation does not record which English text it was made from.`, `Run \`${ack} --method machine\` to record its English source (use --method human once a person has reviewed it against ${source.path}).`, { fix: ackFix(file, '--method', 'machine') }));
        } else if (state.state === 'stale') {
          out.push(
            diagnostic('translation/stale', file.path, keyPosition(file, 'translation.sourceHash'), `The English source ${source.path} changed since this translation was made (recorded ${state.recorded}, now ${state.current}).`, `Update the translation to the current English, then run \`${ack}\`.`, {
              fix: ackFix(file),
              // Reviewing against an English file that has errors is premature: they come first.
              dependsOn: [Subject.errorsIn(source.path)],
            }),
          );
        }
        if (file.frontmatter.translation?.method === 'machine') {
          out.push(diagnostic('translation/machine', file.path, keyPosition(file, 'translation.method'), 'Machine translation that no person has reviewed yet.', `After reviewing it, run \`${ack} --method human\`.`, { fix: ackFix(file, '--method', 'human') }));
        }
        // A stale translation differs from the current English by definition: the translator
        // brings it up to date (ids, links and components too) and then acknowledges it; its
        // structure is compared again from then on. Until then it is one warning, not one per change.
        append(out, compareTranslation(kb, context, file, source, lost, state.state !== 'stale'));
      }
      if (source && untranslated.length > 0) {
        out.push(
          diagnostic('translation/missing', source.path, { line: 1, column: 1 }, `Not translated into ${listing(untranslated)}; readers there get this English page.`, `Add ${untranslated.map((l) => source.path.replace('content/en/', `content/${l}/`)).join(', ')}.`, {
            // One locale's file under a misspelled name is the cause (\`translation/no-source\` names it).
            dependsOn: untranslated.length === 1 ? [Subject.file(untranslated[0]!, article.slug, variant.key)] : undefined,
          }),
        );
      }
    }
  }
  return out;
}

/**
 * The article a translation with no English source was meant for: the nearest slug (edit distance,
 * `suggest`) of an article whose English file of the same variant exists and has no file of this
 * locale. Undefined when none is near.
 */
function meantArticle(kb: KnowledgeBase, file: ArticleFile): string | undefined {
  const candidates = [...kb.articles.values()]
    .filter((a) => a.slug !== file.slug && a.variants.some((v) => v.key === file.variantKey && v.files[SOURCE_LOCALE] && !v.files[file.locale as Locale]))
    .map((a) => a.slug);
  const near = suggest(file.slug, candidates);
  return near.length === 1 ? near[0] : undefined;
}

/** ` (one of content/en/x.mdx, content/en/x.china.mdx)`: the English files of an article, if any. */
function englishNames(article: Article): string {
  const names = article.variants.map((v) => v.files[SOURCE_LOCALE]?.path).filter((p): p is string => p !== undefined);
  return names.length > 0 ? ` (${names.length === 1 ? names[0] : `one of ${listing(names)}`})` : '';
}

/** `content/en/x.mdx` for `content/ko/x.mdx`, wherever content lives. */
function englishPath(file: ArticleFile): string {
  return file.path.replace(new RegExp(`(^|/)${file.locale}/([^/]+)$`), `$1${SOURCE_LOCALE}/$2`);
}

/**
 * Section ids the English source lost: heading `index` of the English has no id of its own, while
 * every translation that has this heading gives it the same id, which the English does not use.
 * Then the English is what changed, and the finding belongs there (not "delete your id" three times).
 */
function idsLostInEnglish(variant: Variant, source: ArticleFile): Map<number, string> {
  const lost = new Map<number, string>();
  const englishIds = new Set(source.parsed.headings.filter((h) => h.explicit).map((h) => h.id));
  const translations = LOCALE_CODES.filter((l) => l !== SOURCE_LOCALE).map((l) => variant.files[l]).filter((f): f is ArticleFile => f !== undefined);
  source.parsed.headings.forEach((heading, index) => {
    if (heading.explicit) return;
    const ids = new Set<string>();
    let having = 0;
    for (const t of translations) {
      const counterpart = t.parsed.headings[index];
      if (!counterpart || counterpart.depth !== heading.depth) continue;
      having++;
      ids.add(counterpart.explicit ? counterpart.id : '');
    }
    const [id] = [...ids];
    if (having > 0 && ids.size === 1 && id && !englishIds.has(id)) lost.set(index, id);
  });
  return lost;
}

function reportLostIds(variant: Variant, source: ArticleFile, lost: ReadonlyMap<number, string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [index, id] of lost) {
    const heading = source.parsed.headings[index]!;
    const locales = LOCALE_CODES.filter((l) => l !== SOURCE_LOCALE && variant.files[l]?.parsed.headings[index]?.id === id);
    const comment = `{/* #${id} */}`;
    out.push(
      diagnostic('translation/anchors', source.path, heading, `This heading has no section id, but its translations (${listing(locales)}) give it "#${id}".`, `Add ${comment} at the end of the heading (line ${heading.endLine ?? heading.line}).`, {
        fix: { edits: [{ line: heading.endLine ?? heading.line, column: heading.endColumn ?? heading.column, find: '', replace: ` ${comment}` }] },
        subjects: [Subject.heading(source.path, heading.line)],
      }),
    );
  }
  return out;
}

/** Clouds always; section ids, links and components when `structure` (the translation is not stale). */
function compareTranslation(kb: KnowledgeBase, context: CheckContext, file: ArticleFile, source: ArticleFile, lost: ReadonlyMap<number, string>, structure: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const start: SourcePosition = { line: bodyStartLine(file, context), column: 1 };

  // Clouds.
  const mineClouds = sortClouds(file.frontmatter.clouds as Cloud[]);
  const theirClouds = sortClouds(source.frontmatter.clouds as Cloud[]);
  if (mineClouds.join() !== theirClouds.join()) {
    const at = keyPosition(file, 'clouds');
    const edit = cloudsEdit(file, context, theirClouds);
    out.push(
      diagnostic('translation/clouds', file.path, at, `This translation lists clouds ${listing(mineClouds)}, but its English source ${source.path} lists ${listing(theirClouds)}.`, edit.hint, {
        fix: edit.fix,
        // The locale's variants then cover other clouds than English: `variant/coverage` is folded into this.
        subjects: [`clouds:${file.locale}/${file.slug}`],
        // Unless the English clouds are what is wrong (an overlap, an unknown cloud): then that is the cause.
        dependsOn: [Subject.at(source.path, keyPosition(source, 'clouds'))],
      }),
    );
  }

  if (!structure) return out;

  // Section ids: the author-given ids of the English source.
  const sourceIds = source.parsed.headings.filter((h) => h.explicit);
  const sourceIdSet = new Set(sourceIds.map((h) => h.id));
  const lostIds = new Set(lost.values());
  const mine = file.parsed.headings;
  const mineIdSet = new Set(mine.filter((h) => h.explicit).map((h) => h.id));
  const renamed = new Set<number>();
  source.parsed.headings.forEach((heading, index) => {
    if (!heading.explicit || mineIdSet.has(heading.id)) return;
    const counterpart = mine[index];
    const comment = `{/* #${heading.id} */}`;
    if (counterpart && counterpart.depth === heading.depth && !sourceIdSet.has(counterpart.id) && !lostIds.has(counterpart.id)) {
      // The same heading with another id (or none): one finding, and the edit that aligns it.
      renamed.add(index);
      // An id of the layout is reported as \`content/reserved-id\`, whose fix is then this English id.
      if (counterpart.explicit && isReservedId(counterpart.id) && idOtherLocalesGive(kb, file, index) === heading.id) return;
      const fix = counterpart.explicit
        ? { edits: [{ line: counterpart.line, column: counterpart.column, find: `#${counterpart.id} */}`, replace: `#${heading.id} */}` }] }
        : { edits: [{ line: counterpart.endLine ?? counterpart.line, column: counterpart.endColumn ?? counterpart.column, find: '', replace: ` ${comment}` }] };
      out.push(
        diagnostic('translation/anchors', file.path, counterpart, `The English source gives this section the id "#${heading.id}" (${source.path}:${heading.line})${counterpart.explicit ? `; this translation has "#${counterpart.id}"` : ''}.`, counterpart.explicit ? `Replace "#${counterpart.id}" with "#${heading.id}".` : `Add ${comment} at the end of the heading (line ${counterpart.endLine ?? counterpart.line}).`, {
          fix,
          subjects: [Subject.heading(file.path, counterpart.line)],
        }),
      );
      return;
    }
    out.push(
      diagnostic('translation/anchors', file.path, start, `The section id "#${heading.id}" of the English source (${source.path}:${heading.line}) is missing in this translation.`, `Keep the id as written in English: add ${comment} at the end of the matching heading.`, {
        // The heading at this place repeats another id of the translation: \`content/duplicate-id\` there proposes this one.
        dependsOn: counterpart ? [Subject.heading(file.path, counterpart.line)] : undefined,
      }),
    );
  });
  mine.forEach((heading, index) => {
    if (!heading.explicit || sourceIdSet.has(heading.id) || lostIds.has(heading.id) || renamed.has(index)) return;
    out.push(diagnostic('translation/anchors', file.path, heading, `The section id "#${heading.id}" is not in the English source ${source.path}.`, `Section ids are the same in every locale; use the English heading's id${sourceIds.length > 0 ? ` (one of ${listing(sourceIds.map((h) => '#' + h.id)).replace(/ and /, ', ')})` : ''}.`));
  });

  // Link targets, resolved in each file's own locale and first cloud.
  const cloud = kb.article(file.slug)?.variants.find((v) => v.files[file.locale] === file)?.clouds[0];
  if (cloud) {
    const targets = (f: ArticleFile): SourceOccurrence[] =>
      (context.links.byFile.get(f.path) ?? [])
        .filter((e) => e.locale === f.locale && e.cloud === cloud)
        .map((e) => ({ position: { line: e.link.line, column: e.link.column }, key: targetKey(e.resolution), url: e.link.url, kind: 'link', sound: resolves(e.resolution) && e.link.url.trim() !== '' }));
    append(out, compareMultisets('translation/links', file, source, targets(file), targets(source), (k) => `A link to "${k}"`, start));
  }

  // Components.
  const components = (f: ArticleFile): SourceOccurrence[] => f.parsed.elements.map((e) => ({ position: { line: e.line, column: e.column }, key: componentSignature(e), kind: e.name ?? '', sound: isAllowedElement(e) }));
  append(out, compareMultisets('translation/components', file, source, components(file), components(source), (k) => `The component <${k}>`, start));
  return out;
}

/** Whether a link leads where it says (what the link check accepts without an error). */
function resolves(r: Resolution): boolean {
  if (r.kind === 'external') return true;
  if (r.kind === 'asset') return r.exists;
  if (r.kind === 'article') return r.status === 'ok';
  return false;
}
