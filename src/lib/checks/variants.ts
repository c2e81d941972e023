/**
 * Cloud-variant checks: variants of an article are disjoint, every locale has the variants and
 * clouds English has, linked-to section ids exist in every variant a reader can reach, and a
 * non-base variant is reconciled with the current base variant (provenance hash).
 */
import type { Diagnostic, SourcePosition } from '../diagnostics.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { ArticleFile } from '../model/types.ts';
import { CLOUD_IDS, LOCALE_CODES, SOURCE_LOCALE, sortClouds, type Cloud } from '../site.ts';
import { diagnostic, listing, type CheckContext } from './context.ts';

const ACK = (file: ArticleFile): string => `npm run kb -- ack ${file.path}`;

/** The position of a front matter key, or the file's first line. */
export function keyPosition(file: ArticleFile, key: string): SourcePosition {
  const p = file.parsed.frontmatter.keyLines[key];
  return p ? { line: p.line, column: p.column } : { line: 1, column: 1 };
}

function fileClouds(file: ArticleFile): Cloud[] {
  return sortClouds(file.frontmatter.clouds as Cloud[]);
}

/** `variant/overlap`, `variant/locale-set`, `variant/coverage`. */
export function checkVariantSets(kb: KnowledgeBase): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const article of kb.articles.values()) {
    const english = article.variants.filter((v) => v.files[SOURCE_LOCALE]);
    const englishClouds = article.clouds;
    for (const locale of LOCALE_CODES) {
      const owner = new Map<Cloud, ArticleFile>();
      for (const variant of article.variants) {
        const file = variant.files[locale];
        if (!file) continue;
        for (const cloud of fileClouds(file)) {
          const first = owner.get(cloud);
          if (first) {
            out.push(
              diagnostic('variant/overlap', file.path, keyPosition(file, 'clouds'), `This variant and ${first.path} both serve ${cloud}; a reader of ${cloud} can only see one.`, `Remove ${cloud} from the clouds of one of them (variants of one article are disjoint).`),
            );
          } else {
            owner.set(cloud, file);
          }
        }
        if (locale !== SOURCE_LOCALE && !variant.files[SOURCE_LOCALE]) {
          const names = english.map((v) => `content/en/${article.slug}${v.key ? '.' + v.key : ''}.mdx`);
          out.push(
            diagnostic('variant/locale-set', file.path, { line: 1, column: 1 }, `This ${locale} file is a variant "${variant.key || '(base)'}" that English does not have.`, names.length > 0 ? `Rename it after one of the English variants (${listing(names)}) or add the English variant first.` : `Add the English file content/en/${file.path.split('/').pop()} first.`),
          );
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
      const missing = englishClouds.filter((c) => !offered.has(c));
      const extra = CLOUD_IDS.filter((c) => offered.has(c) && !englishClouds.includes(c));
      if (missing.length > 0 || extra.length > 0) {
        const at = translated[0]!;
        const parts = [missing.length > 0 ? `misses ${listing(missing)}` : '', extra.length > 0 ? `adds ${listing(extra)}` : ''].filter(Boolean);
        out.push(
          diagnostic('variant/coverage', at.path, keyPosition(at, 'clouds'), `The ${locale} variants of "${article.slug}" cover ${listing(sortClouds(offered))}, but English covers ${listing(englishClouds)} (${parts.join(', ')}).`, `Give each ${locale} file the clouds of its English file.`),
        );
      }
    }
  }
  return out;
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
        out.push(diagnostic('variant/no-base-hash', file.path, keyPosition(file, 'clouds'), `This variant records no baseHash, so nobody can tell when ${base.path} changes under it.`, `Reconcile it with ${base.path}, then run \`${ACK(file)}\`.`));
      } else if (recorded !== base.hash) {
        out.push(diagnostic('variant/stale', file.path, keyPosition(file, 'baseHash'), `The base variant ${base.path} changed since this variant was reconciled with it (recorded ${recorded}, now ${base.hash}).`, `Run \`npm run kb -- diff ${article.slug}\`, carry the changes over, then run \`${ACK(file)}\`.`));
      }
    }
  }
  return out;
}

/**
 * `variant/anchor`: a section id that some page links to must exist in every file of the target a
 * reader can reach (every variant, every locale), when it exists in some of them. (When it exists
 * in none, the link itself is wrong: `link/missing-anchor` reports that at the link.)
 */
export function checkVariantAnchors(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  // slug → anchor → first link to it (for the message).
  const linked = new Map<string, Map<string, { file: string; line: number }>>();
  for (const { resolution: r, file, link } of context.links.all) {
    if (r.kind !== 'article' || r.anchor === undefined || r.status === 'missing-article') continue;
    let anchors = linked.get(r.slug);
    if (!anchors) linked.set(r.slug, (anchors = new Map()));
    if (!anchors.has(r.anchor)) anchors.set(r.anchor, { file: file.path, line: link.line });
  }
  const out: Diagnostic[] = [];
  for (const [slug, anchors] of linked) {
    const article = kb.article(slug);
    if (!article) continue;
    const files = article.variants.flatMap((v) => LOCALE_CODES.map((l) => v.files[l]).filter((f): f is ArticleFile => f !== undefined));
    const ids = new Map(files.map((f) => [f, new Set(f.parsed.headings.map((h) => h.id))]));
    for (const [anchor, from] of anchors) {
      const having = files.filter((f) => ids.get(f)!.has(anchor));
      if (having.length === 0) continue;
      for (const file of files) {
        if (ids.get(file)!.has(anchor)) continue;
        const clouds = kb.article(slug)!.variants.find((v) => v.files[file.locale] === file)?.clouds ?? [];
        out.push(
          diagnostic('variant/anchor', file.path, { line: 1, column: 1 }, `Readers of ${listing(clouds)} in ${file.locale} reach this file through links to "${slug}#${anchor}" (${from.file}:${from.line}), but it has no section "#${anchor}" (${having[0]!.path} has).`, `Add the section id to the matching heading: ## Title {/* #${anchor} */}.`),
        );
      }
    }
  }
  return out;
}
