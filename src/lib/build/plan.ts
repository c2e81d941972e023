/**
 * What a build renders, derives and indexes, decided from the checked model before Astro renders:
 * the distinct article pages (`render/distinct-pages.ts`), the pages written from them
 * (`render/derive.ts`), the shard's part of the site (`shard.ts`) and the search documents of the
 * locales it indexes. The build's own steps (`src/integration.ts`) only carry this out.
 */
import type { BuiltSite, DeferredFragment } from '../checks/html.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import type { Translate } from '../render/body.ts';
import { newCloudToken } from '../render/cloud-token.ts';
import { DerivationPlan } from '../render/derive.ts';
import { distinctPages, type RenderedPage } from '../render/distinct-pages.ts';
import { localesInIndexOrder, searchDocuments, type SearchDocument } from '../search/indexer.ts';
import { LOCALE_CODES, type Cloud, type Locale } from '../site.ts';
import { append } from '../append.ts';
import { ShardPlan, type Shard } from './shard.ts';

export interface BuildPlanOptions {
  /** Build only this shard of the site. */
  shard?: Shard | undefined;
  /** Make the search documents (false with `KB_SKIP_SEARCH=1`). */
  search: boolean;
  /** Render each distinct page once (false with `KB_DERIVE=0`: every page is rendered). */
  derive: boolean;
  /**
   * Takes the search documents as they are made, a language's together, in
   * `localesInIndexOrder`'s order (`openSearchIndex` indexes them meanwhile); else they are in
   * the plan's `documents`.
   */
  documents?: (documents: BuildPlan['documents']) => void;
}

export interface BuildPlan {
  shard: ShardPlan | undefined;
  derivation: DerivationPlan | undefined;
  /** The search documents of the locales this build indexes (`search/indexer.ts`), unless taken by `documents`. */
  documents: Array<SearchDocument & { locale: Locale }>;
  /** Distinct article pages of this build, and its article pages. */
  distinct: number;
  articlePages: number;
}

export function planBuild(kb: KnowledgeBase, t: (locale: Locale) => Translate, options: BuildPlanOptions): BuildPlan {
  const shard = options.shard ? new ShardPlan(kb, options.shard) : undefined;
  const owns = (locale: Locale, slug: string): boolean => !shard || shard.ownsArticle(locale, slug);
  const indexes = (locale: Locale): boolean => options.search && (!shard || shard.ownsLocale(locale));
  const token = newCloudToken();
  // Every page a reader can open is searchable (untranslated ones and clouds whose text differs
  // too), so every distinct page of an indexed locale is computed, keyed by its first cloud, and
  // made into search documents as soon as its variant's groups are known (a computed page is large:
  // keeping every one until the end took 0.4 GB at N = 1,000).
  const computed = new Map<Cloud, RenderedPage>();
  const documents: BuildPlan['documents'] = [];
  const emit = options.documents ?? ((made: BuildPlan['documents']) => void append(documents, made));
  const all = distinctPages(kb, t, token, {
    // The languages whose index Pagefind makes first are computed first.
    locales: localesInIndexOrder(LOCALE_CODES),
    // A locale's search documents come from every article, whichever shard renders it.
    includes: (locale, slug) => owns(locale, slug) || indexes(locale),
    also: (page) => indexes(page.locale),
    rendered: (rendered) => {
      if (indexes(rendered.page.locale)) computed.set(rendered.page.cloud, rendered);
    },
    variantDone: (variantGroups) => {
      if (computed.size === 0) return;
      emit(searchDocuments(kb, variantGroups.map((g) => ({ rendered: computed.get(g.clouds[0]!)!, clouds: g.clouds })), token));
      computed.clear();
    },
  });
  const groups = all.filter((group) => owns(group.locale, group.slug));
  return {
    shard,
    derivation: options.derive ? new DerivationPlan(token, groups) : undefined,
    documents,
    distinct: groups.length,
    articlePages: groups.reduce((n, g) => n + g.clouds.length, 0),
  };
}

/**
 * The built site as the built-HTML pass reads it after Astro wrote `built`: the templates whose
 * files the pass writes, and in a shard, the pages of `sitePages` (every page of the whole site)
 * that other shards write, with the fragment checks on them left to the merge.
 */
export function siteToCheck(built: BuiltSite, plan: BuildPlan, sitePages: ReadonlySet<string>): BuiltSite & { deferred?: DeferredFragment[] } {
  const derivation = plan.derivation;
  const site: BuiltSite = { ...built };
  if (derivation) site.derived = { token: derivation.token, templates: derivation.templates, write: true };
  if (plan.shard) {
    const derived = new Set(derivation?.templates.flatMap((t) => t.pages.map((p) => p.file)));
    site.elsewhere = new Set([...sitePages].filter((page) => !built.files.has(page) && !derived.has(page)));
    site.deferred = [];
  }
  return site;
}
