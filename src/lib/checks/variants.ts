/**
 * Cloud-variant checks: variants of an article are disjoint, every locale has the variants and
 * clouds English has, linked-to section ids exist in every variant a reader can reach, and a
 * non-base variant is reconciled with the current base variant (provenance hash).
 */
import { Subject, type Diagnostic, type Fix, type SourcePosition } from '../diagnostics.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { Article, ArticleFile } from '../model/types.ts';
import { CLOUD_IDS, LOCALE_CODES, SOURCE_LOCALE, sortClouds, type Cloud } from '../site.ts';
import { diagnostic, listing, type CheckContext } from './context.ts';
import { describeWhere } from './links.ts';
import { append } from '../append.ts';

const ACK = (file: ArticleFile): string => `npm run kb -- ack ${file.path}`;

/** The fix that runs `npm run kb -- ack <file>` (what the hint says to run after the review). */
export function ackFix(file: ArticleFile, ...options: string[]): Fix {
  return { command: ['npm', 'run', 'kb', '--', 'ack', file.path, ...options] };
}

/** The position of a front matter key, or the file's first line. */
export function keyPosition(file: ArticleFile, key: string): SourcePosition {
  const p = file.parsed.frontmatter.keyLines[key];
  return p ? { line: p.line, column: p.column } : { line: 1, column: 1 };
}

function fileClouds(file: ArticleFile): Cloud[] {
  return sortClouds(file.frontmatter.clouds as Cloud[]);
}

/**
 * The edit that makes a file's `clouds:` line list `clouds` (when it is written as a flow list on one
 * line, `clouds: [a, b]`), and the hint that says it; otherwise a hint that says what to write.
 */
export function cloudsEdit(file: ArticleFile, context: Pick<CheckContext, 'texts'>, clouds: readonly string[]): { hint: string; fix: Fix | undefined } {
  const at = keyPosition(file, 'clouds');
  const line = context.texts?.get(file.path)?.split('\n')[at.line - 1]?.replace(/\r$/, '');
  const written = line !== undefined && /^clouds:\s*\[[^\]]*\]\s*$/.test(line.slice(at.column - 1)) ? line.slice(at.column - 1).trimEnd() : undefined;
  const wanted = `clouds: [${clouds.join(', ')}]`;
  return written
    ? { hint: `Replace "${written}" with "${wanted}".`, fix: { edits: [{ line: at.line, column: at.column, find: written, replace: wanted }] } }
    : { hint: `Use ${wanted}.`, fix: undefined };
}

/**
 * Of two files of one locale that both serve `cloud`, the one that should not: the one whose
 * translations (the same variant in the other locales) all leave `cloud` out, when only one of
 * the two is so (an author added the cloud to it); undefined when that does not tell.
 */
function addedTo(article: Article, a: ArticleFile, b: ArticleFile, cloud: Cloud): ArticleFile | undefined {
  const leftOut = (file: ArticleFile): boolean => {
    const variant = article.variants.find((v) => v.key === file.variantKey);
    const others = LOCALE_CODES.filter((l) => l !== file.locale).map((l) => variant?.files[l]).filter((f): f is ArticleFile => f !== undefined);
    return others.length > 0 && others.every((f) => !fileClouds(f).includes(cloud));
  };
  const [inA, inB] = [leftOut(a), leftOut(b)];
  return inA === inB ? undefined : inA ? a : b;
}

/** `variant/overlap`, `variant/locale-set`, `variant/coverage`. */
export function checkVariantSets(kb: KnowledgeBase, context: Pick<CheckContext, 'texts'> = {}): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const article of kb.articles.values()) {
    // A file of the article that did not parse or validate explains any gap in its variant sets.
    const out: Diagnostic[] = [];
    const english = article.variants.filter((v) => v.files[SOURCE_LOCALE]);
    const englishClouds = sortClouds(english.flatMap((v) => v.clouds));
    for (const locale of LOCALE_CODES) {
      const owner = new Map<Cloud, ArticleFile>();
      for (const variant of article.variants) {
        const file = variant.files[locale];
        if (!file) continue;
        for (const cloud of fileClouds(file)) {
          const first = owner.get(cloud);
          if (first) {
            const culprit = addedTo(article, first, file, cloud);
            if (culprit) {
              // The file an author added the cloud to: the fix there, and its translations, which
              // then "differ", and its content checked for a cloud it should not serve, are its consequences.
              const other = culprit === file ? first : file;
              const edit = cloudsEdit(culprit, context, fileClouds(culprit).filter((c) => c !== cloud));
              out.push(
                diagnostic('variant/overlap', culprit.path, keyPosition(culprit, 'clouds'), `This file and ${other.path} both serve ${cloud}; a reader of ${cloud} can only see one, and the translations of this file leave ${cloud} out.`, `${edit.hint.replace(/\.$/, '')} (${cloud} is served by ${other.path}).`, {
                  fix: edit.fix,
                  subjects: [`cloud:${culprit.path}:${cloud}`],
                }),
              );
            } else {
              out.push(
                diagnostic('variant/overlap', file.path, keyPosition(file, 'clouds'), `This variant and ${first.path} both serve ${cloud}; a reader of ${cloud} can only see one.`, `Remove ${cloud} from the clouds of one of them (variants of one article are disjoint).`),
              );
            }
          } else {
            owner.set(cloud, file);
          }
        }
        if (locale !== SOURCE_LOCALE && !variant.files[SOURCE_LOCALE]) {
          const names = english.map((v) => `content/en/${article.slug}${v.key ? '.' + v.key : ''}.mdx`);
          out.push({
            ...diagnostic('variant/locale-set', file.path, { line: 1, column: 1 }, `This ${locale} file is a variant "${variant.key || '(base)'}" that English does not have.`, names.length > 0 ? `Rename it after one of the English variants (${listing(names)}) or add the English variant first.` : `Add the English file content/en/${file.path.split('/').pop()} first.`),
            dependsOn: [`no-source:${file.path}`],
          });
        }
      }
      if (locale === SOURCE_LOCALE) continue;
      // What a reader of this locale is offered: its own files, plus English for untranslated variants.
      const translated = article.variants.map((v) => v.files[locale]).filter((f): f is ArticleFile => f !== undefined);
      if (translated.length === 0) continue;
      const offered = new Set<Cloud>();
      for (const variant of article.variants) {
        const file = variant.files[locale] ?? variant.files[SOURCE_LOCALE];
        if (file) for (const c of fileClouds(file)) offered.add(c);
      }
      if (englishClouds.length === 0) continue; // no English: variant/locale-set says so
      const missing = englishClouds.filter((c) => !offered.has(c));
      const extra = CLOUD_IDS.filter((c) => offered.has(c) && !englishClouds.includes(c));
      if (missing.length > 0 || extra.length > 0) {
        const at = translated[0]!;
        const parts = [missing.length > 0 ? `misses ${listing(missing)}` : '', extra.length > 0 ? `adds ${listing(extra)}` : ''].filter(Boolean);
        out.push(
          { ...diagnostic('variant/coverage', at.path, keyPosition(at, 'clouds'), `The ${locale} variants of "${article.slug}" cover ${listing(sortClouds(offered))}, but English covers ${listing(englishClouds)} (${parts.join(', ')}).`, `Give each ${locale} file the clouds of its English file.`), dependsOn: [`clouds:${locale}/${article.slug}`] },
        );
      }
    }
    for (const d of out) d.dependsOn = [...(d.dependsOn ?? []), Subject.slug(article.slug)];
    append(found, out);
  }
  return found;
}

/** `variant/stale`, `variant/no-base-hash`: English non-base variants against the English base. */
export function checkVariantProvenance(kb: KnowledgeBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const article of kb.articles.values()) {
    const base = article.variants.find((v) => v.key === '')?.files[SOURCE_LOCALE];
    if (!base) continue;
    for (const variant of article.variants) {
      const file = variant.files[SOURCE_LOCALE];
      if (variant.key === '' || !file) continue;
      const recorded = file.frontmatter.baseHash;
      if (recorded === undefined) {
        out.push(diagnostic('variant/no-base-hash', file.path, keyPosition(file, 'clouds'), `This variant records no baseHash, so nobody can tell when ${base.path} changes under it.`, `Reconcile it with ${base.path}, then run \`${ACK(file)}\`.`, { fix: ackFix(file) }));
      } else if (recorded !== base.hash) {
        out.push(
          diagnostic('variant/stale', file.path, keyPosition(file, 'baseHash'), `The base variant ${base.path} changed since this variant was reconciled with it (recorded ${recorded}, now ${base.hash}).`, `Run \`npm run kb -- diff ${article.slug}\`, carry the changes over, then run \`${ACK(file)}\`.`, {
            fix: ackFix(file),
            // Reconciling with a base that has errors is premature: fix the base first.
            dependsOn: [Subject.errorsIn(base.path)],
          }),
        );
      }
    }
  }
  return out;
}

/**
 * `variant/anchor`: a section id that a page links to must exist in the file a reader of that
 * page's locale and cloud reaches, when some other variant or translation of the target has it (the
 * target dropped or renamed the id). Reported at the target file, once per id, naming the readers
 * and the first link. When no file of the target has the id, the link itself is wrong, and
 * `link/missing-anchor` reports it at the link.
 */
export function checkVariantAnchors(_kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const found = new Map<string, { target: ArticleFile; anchor: string; having: ArticleFile; from: string; where: Set<string> }>();
  for (const { resolution: r, file, link, locale, cloud } of context.links.all) {
    if (r.kind !== 'article' || r.status !== 'missing-anchor' || r.anchor === undefined || !r.target) continue;
    const having = context.links.anchorsOf(r.slug).get(r.anchor);
    if (!having) continue;
    const key = `${r.target.path}#${r.anchor}`;
    let entry = found.get(key);
    if (!entry) {
      // Prefer the same variant in another locale (its headings line up with this file's).
      const sibling = having.find((f) => f.variantKey === r.target!.variantKey) ?? having[0]!;
      found.set(key, (entry = { target: r.target, anchor: r.anchor, having: sibling, from: `${file.path}:${link.line}`, where: new Set() }));
    }
    entry.where.add(`${locale}/${cloud}`);
  }
  const out: Diagnostic[] = [];
  for (const { target, anchor, having, from, where } of found.values()) {
    let position: SourcePosition = { line: 1, column: 1 };
    let counterpart: ArticleFile['parsed']['headings'][number] | undefined;
    // The heading that lost the id: the same heading of a translation of this variant, or, in
    // another variant, a heading with the same text, else the one at the same place without an id.
    const index = having.parsed.headings.findIndex((h) => h.id === anchor);
    const source = having.parsed.headings[index];
    if (having.variantKey === target.variantKey) counterpart = target.parsed.headings[index];
    else if (source) counterpart = target.parsed.headings.find((h) => h.text === source.text && h.depth === source.depth) ?? (target.parsed.headings[index]?.explicit === false ? target.parsed.headings[index] : undefined);
    if (counterpart) position = { line: counterpart.line, column: counterpart.column };
    // The heading that lost its id gets it back; one with another explicit id needs a person to choose.
    const comment = `{/* #${anchor} */}`;
    const fix: Fix | undefined = counterpart && !counterpart.explicit ? { edits: [{ line: counterpart.endLine ?? counterpart.line, column: counterpart.endColumn ?? counterpart.column, find: '', replace: ` ${comment}` }] } : undefined;
    out.push(
      diagnostic('variant/anchor', target.path, position, `This file has no section "#${anchor}", which ${having.path} has and ${from} links to (${describeWhere(where)}).`, fix ? `Add ${comment} at the end of the heading (line ${counterpart!.endLine ?? counterpart!.line}).` : `Keep the section id in every variant and translation: ## Title ${comment}.`, {
        fix,
        dependsOn: [Subject.slug(target.slug), ...(counterpart ? [Subject.heading(target.path, counterpart.line)] : [])],
      }),
    );
  }
  return out;
}
