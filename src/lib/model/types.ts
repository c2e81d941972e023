/**
 * The content model: one typed graph of articles, variants, translations, anchors and links, built
 * once from `content/` and read by the site and by every check.
 */
import type { ArticleFrontmatter } from '../schema.ts';
import type { ParsedMdx } from '../mdx/parse.ts';
import type { Cloud, Locale } from '../site.ts';

/** One MDX file: one variant of one article in one locale. */
export interface ArticleFile {
  /** Project-relative path with forward slashes: `content/ko/provide-billing-support.china.mdx`. */
  path: string;
  locale: Locale;
  slug: string;
  /** `''` for the base variant (`<slug>.mdx`), else the key of `<slug>.<key>.mdx`. */
  variantKey: string;
  frontmatter: ArticleFrontmatter;
  parsed: ParsedMdx;
  /** This file's own provenance hash (what translations of it, or variants reconciled with it, record). */
  hash: string;
}

/** The files of one variant: the English source and its translations. */
export interface Variant {
  key: string;
  /** The clouds this variant serves, from its English file (registry order). */
  clouds: Cloud[];
  files: Partial<Record<Locale, ArticleFile>>;
}

export interface Article {
  slug: string;
  assetId: string | undefined;
  /** Union of the clouds of its variants (registry order). */
  clouds: Cloud[];
  /** Base variant first, then the others by key. */
  variants: Variant[];
}

/** Localized text: one string per locale. */
export type Localized = Record<Locale, string>;

export interface NavSection {
  id: string;
  title: Localized;
  items: string[];
}

export interface Navigation {
  sections: NavSection[];
}

/** fact name → cloud → locale → text. */
export type CloudFacts = Record<string, Record<Cloud, Localized>>;

export interface TerminologyRule {
  term: string;
  use: string;
}

export interface Terminology {
  officialNames: Partial<Record<Cloud, Partial<Localized>>>;
  forbidden: Partial<Record<Cloud, Partial<Record<Locale, TerminologyRule[]>>>>;
  /** Per locale: groups of terms search treats as one (`search/synonyms.ts`). */
  synonyms: Partial<Record<Locale, string[][]>>;
}

/** old slug → new slug, optionally with `#anchor`. */
export type Redirects = Record<string, string>;

/** What a reader at (locale, cloud) sees at `/<locale>/<cloud>/<slug>/`. */
export interface Page {
  locale: Locale;
  cloud: Cloud;
  article: Article;
  variant: Variant;
  /** The file shown: the translation, or the English file when there is none (fallback). */
  file: ArticleFile;
  /** True when `file` is English shown in place of a missing translation. */
  fallback: boolean;
  /** The cloud whose URL is canonical for this (locale, variant): the variant's first cloud. */
  canonicalCloud: Cloud;
}

export type TranslationState =
  | { state: 'source' }
  | { state: 'current'; machine: boolean }
  | { state: 'stale'; machine: boolean; recorded: string; current: string }
  | { state: 'orphan' }
  | { state: 'missing' };
