/**
 * Hands the model that the integration built and checked to the pages, which are rendered in the
 * same process but from a separately bundled module graph (so a module variable is not shared).
 */
import type { KnowledgeBase } from './lib/model/kb.ts';
import type { ShardPlan } from './lib/build/shard.ts';
import type { DerivationPlan } from './lib/render/derive.ts';

const KEY = Symbol.for('partner-kb.model');

export function shareModel(kb: KnowledgeBase): void {
  (globalThis as Record<symbol, unknown>)[KEY] = kb;
}

export function sharedModel(): KnowledgeBase | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as KnowledgeBase | undefined;
}

const GENERATION = Symbol.for('partner-kb.content-generation');

/** In `astro dev`: the integration's file watcher counts changes under content/. */
export function contentChanged(): void {
  const g = globalThis as Record<symbol, unknown>;
  g[GENERATION] = ((g[GENERATION] as number | undefined) ?? 0) + 1;
}

/** How many changes under content/ the dev server has seen (0 outside `astro dev`). */
export function contentGeneration(): number {
  return ((globalThis as Record<symbol, unknown>)[GENERATION] as number | undefined) ?? 0;
}

const PLAN = Symbol.for('partner-kb.derivation-plan');

/**
 * In a build: which article pages Astro renders and which files are written from them afterwards
 * (`lib/render/derive.ts`). Absent in `astro dev` and with `KB_DERIVE=0`: every page is rendered.
 */
export function shareDerivationPlan(plan: DerivationPlan | undefined): void {
  (globalThis as Record<symbol, unknown>)[PLAN] = plan;
}

export function sharedDerivationPlan(): DerivationPlan | undefined {
  return (globalThis as Record<symbol, unknown>)[PLAN] as DerivationPlan | undefined;
}

const SHARD = Symbol.for('partner-kb.shard-plan');
const SITE_PAGES = Symbol.for('partner-kb.site-pages');

/** In a sharded build (`--shard K/N`): which pages this build writes. */
export function shareShardPlan(plan: ShardPlan | undefined): void {
  (globalThis as Record<symbol, unknown>)[SHARD] = plan;
}

export function sharedShardPlan(): ShardPlan | undefined {
  return (globalThis as Record<symbol, unknown>)[SHARD] as ShardPlan | undefined;
}

/**
 * Every page file of the whole site, as the routes list them (whatever this build writes of them):
 * the built-HTML pass of a shard needs to know the pages the other shards write.
 */
export function sitePages(): Set<string> {
  const g = globalThis as Record<symbol, unknown>;
  return (g[SITE_PAGES] ??= new Set<string>()) as Set<string>;
}
