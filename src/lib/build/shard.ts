/**
 * A sharded build: `npm run build -- --shard K/N` builds a deterministic K-th of N parts of the site,
 * so that N machines build it side by side and `npm run build:merge` joins their folders
 * (`merge.ts`). Every shard reads and checks the whole model (cheap with the shared parse cache).
 *
 * The site's pages are cut by locale, then by article: the units (locale, slug) in locale order,
 * then slug order, are split into N consecutive runs of equal length. A unit is every page of that
 * article in that locale (each cloud's page, "not in this cloud" pages, its side-by-side view, the
 * old URLs of a moved article). A locale's own pages (home and search per cloud, status, language
 * page) and its search index go to the shard of its first unit. Pages without parameters (`/`,
 * 404, robots.txt, sitemap.xml) are the same in every shard; each shard writes them.
 */
import type { KnowledgeBase } from '../model/kb.ts';
import { LOCALE_CODES, type Locale } from '../site.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Reads `K/N` (1 ≤ K ≤ N); throws an error that says what to write. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard takes K/N, the K-th of N shards with 1 ≤ K ≤ N (for example --shard 1/4), not "${value}"`);
  }
  return { index, count };
}

/** The shard of `--shard K/N` (or `--shard=K/N`) in a command line, else of `KB_SHARD`; undefined for a whole build. */
export function shardFromCommandLine(argv: readonly string[], env: Record<string, string | undefined>): Shard | undefined {
  const at = argv.findIndex((a) => a === '--shard' || a.startsWith('--shard='));
  if (at >= 0) {
    const value = argv[at]!.includes('=') ? argv[at]!.slice('--shard='.length) : argv[at + 1];
    if (value === undefined) throw new Error('--shard takes K/N, for example --shard 1/4');
    return parseShard(value);
  }
  return env['KB_SHARD'] ? parseShard(env['KB_SHARD']) : undefined;
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** Which pages and search indexes a shard builds. */
export class ShardPlan {
  readonly shard: Shard;
  readonly #units = new Map<string, number>();
  readonly #firstOfLocale = new Map<Locale, number>();

  constructor(kb: KnowledgeBase, shard: Shard) {
    this.shard = shard;
    const slugs = [...new Set([...kb.articles.keys(), ...Object.keys(kb.redirects)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const total = slugs.length * LOCALE_CODES.length;
    let unit = 0;
    for (const locale of LOCALE_CODES) {
      for (const slug of slugs) {
        const owner = Math.floor((unit * shard.count) / total) + 1;
        this.#units.set(`${locale}\0${slug}`, owner);
        if (!this.#firstOfLocale.has(locale)) this.#firstOfLocale.set(locale, owner);
        unit++;
      }
    }
  }

  /** Whether this shard builds the pages of an article (or an old slug) in a locale. */
  ownsArticle(locale: Locale, slug: string): boolean {
    return this.#units.get(`${locale}\0${slug}`) === this.shard.index;
  }

  /** Whether this shard builds a locale's own pages and its search index. */
  ownsLocale(locale: Locale): boolean {
    return (this.#firstOfLocale.get(locale) ?? 1) === this.shard.index;
  }

  /** Whether this shard builds the page of a route with these parameters. */
  owns(params: Readonly<Record<string, string | undefined>>): boolean {
    const locale = params['locale'] as Locale | undefined;
    if (locale === undefined) return true;
    const slug = params['slug'];
    return slug === undefined ? this.ownsLocale(locale) : this.ownsArticle(locale, slug);
  }
}
