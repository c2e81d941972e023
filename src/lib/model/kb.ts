/**
 * The knowledge base: queries over the content graph. Immutable once built.
 */
import { CLOUD_IDS, LOCALE_CODES, SOURCE_LOCALE, type Cloud, type Locale } from '../site.ts';
import type {
  Article,
  ArticleFile,
  CloudFacts,
  Navigation,
  NavSection,
  Page,
  Redirects,
  Terminology,
  TranslationState,
  Variant,
} from './types.ts';
import type { ExcludedFile } from './build.ts';

export interface KnowledgeBaseData {
  articles: Map<string, Article>;
  navigation: Navigation;
  cloudFacts: CloudFacts;
  terminology: Terminology;
  redirects: Redirects;
  assets: Set<string>;
  /** Files left out because they did not parse or validate, by `Subject.file` key (see build.ts). */
  excluded?: ReadonlyMap<string, ExcludedFile>;
}

export class KnowledgeBase {
  readonly articles: ReadonlyMap<string, Article>;
  readonly navigation: Navigation;
  readonly cloudFacts: CloudFacts;
  readonly terminology: Terminology;
  readonly redirects: Redirects;
  readonly assets: ReadonlySet<string>;
  /** Files of `content/` left out of the model (syntax or schema errors), by `Subject.file` key. */
  readonly excluded: ReadonlyMap<string, ExcludedFile>;

  constructor(data: KnowledgeBaseData) {
    this.articles = data.articles;
    this.navigation = data.navigation;
    this.cloudFacts = data.cloudFacts;
    this.terminology = data.terminology;
    this.redirects = data.redirects;
    this.assets = data.assets;
    this.excluded = data.excluded ?? new Map();
  }

  article(slug: string): Article | undefined {
    return this.articles.get(slug);
  }

  /** Every article file, in slug, variant, locale order. */
  files(): ArticleFile[] {
    const files: ArticleFile[] = [];
    for (const article of this.articles.values()) {
      for (const variant of article.variants) {
        for (const locale of LOCALE_CODES) {
          const file = variant.files[locale];
          if (file) files.push(file);
        }
      }
    }
    return files;
  }

  /** The variant of an article that serves a cloud (the first one, if variants overlap). */
  variantFor(slug: string, cloud: Cloud): Variant | undefined {
    return this.articles.get(slug)?.variants.find((v) => v.clouds.includes(cloud));
  }

  /** What a reader at (locale, cloud) sees for an article, or undefined if it is not in that cloud. */
  page(locale: Locale, cloud: Cloud, slug: string): Page | undefined {
    const article = this.articles.get(slug);
    const variant = article?.variants.find((v) => v.clouds.includes(cloud));
    if (!article || !variant) return undefined;
    const translated = variant.files[locale];
    const file = translated ?? variant.files[SOURCE_LOCALE];
    if (!file) return undefined;
    return {
      locale,
      cloud,
      article,
      variant,
      file,
      fallback: translated === undefined,
      canonicalCloud: variant.clouds[0] ?? cloud,
    };
  }

  /** Every page of the site: each article in each locale and in each cloud it is published for. */
  pages(): Page[] {
    const pages: Page[] = [];
    for (const locale of LOCALE_CODES) {
      for (const cloud of CLOUD_IDS) {
        for (const slug of this.articles.keys()) {
          const page = this.page(locale, cloud, slug);
          if (page) pages.push(page);
        }
      }
    }
    return pages;
  }

  /** The English file a translation was made from (same slug and variant). */
  sourceOf(file: ArticleFile): ArticleFile | undefined {
    return this.articles.get(file.slug)?.variants.find((v) => v.key === file.variantKey)?.files[SOURCE_LOCALE];
  }

  /** The base variant's file in the same locale, for a file of another variant. */
  baseOf(file: ArticleFile): ArticleFile | undefined {
    if (file.variantKey === '') return undefined;
    return this.articles.get(file.slug)?.variants.find((v) => v.key === '')?.files[file.locale];
  }

  /** Where a locale's file of a variant stands against its English source. */
  translationState(variant: Variant, locale: Locale): TranslationState {
    if (locale === SOURCE_LOCALE) return variant.files[locale] ? { state: 'source' } : { state: 'missing' };
    const file = variant.files[locale];
    if (!file) return { state: 'missing' };
    const source = variant.files[SOURCE_LOCALE];
    const translation = file.frontmatter.translation;
    if (!source || !translation) return { state: 'orphan' };
    const machine = translation.method === 'machine';
    if (translation.sourceHash === source.hash) return { state: 'current', machine };
    return { state: 'stale', machine, recorded: translation.sourceHash, current: source.hash };
  }

  /** The article's title in a locale (English when not translated), for links and navigation. */
  title(slug: string, locale: Locale, cloud?: Cloud): string | undefined {
    const article = this.articles.get(slug);
    if (!article) return undefined;
    const variant = (cloud && article.variants.find((v) => v.clouds.includes(cloud))) || article.variants[0];
    return (variant?.files[locale] ?? variant?.files[SOURCE_LOCALE])?.frontmatter.title;
  }

  #sections: Map<string, NavSection> | undefined;

  /** The navigation section that lists an article. */
  sectionOf(slug: string): NavSection | undefined {
    this.#sections ??= new Map(this.navigation.sections.flatMap((s) => s.items.map((item) => [item, s] as const)).reverse());
    return this.#sections.get(slug);
  }

  readonly #readingOrder = new Map<Cloud, { order: string[]; index: Map<string, number> }>();

  /** Articles in navigation order that exist in a cloud (computed once per cloud). */
  readingOrder(cloud: Cloud): string[] {
    return this.#order(cloud).order;
  }

  #order(cloud: Cloud): { order: string[]; index: Map<string, number> } {
    let cached = this.#readingOrder.get(cloud);
    if (!cached) {
      const order = this.navigation.sections
        .flatMap((s) => s.items)
        .filter((slug) => this.articles.get(slug)?.clouds.includes(cloud));
      cached = { order, index: new Map(order.map((slug, i) => [slug, i])) };
      this.#readingOrder.set(cloud, cached);
    }
    return cached;
  }

  /** The previous and next article in reading order, within the reader's cloud. */
  neighbours(slug: string, cloud: Cloud): { previous: string | undefined; next: string | undefined } {
    const { order, index } = this.#order(cloud);
    const at = index.get(slug);
    if (at === undefined) return { previous: undefined, next: undefined };
    return { previous: order[at - 1], next: order[at + 1] };
  }

  /** A cloud fact in a locale, or undefined when the fact is not defined. */
  fact(name: string, cloud: Cloud, locale: Locale): string | undefined {
    return this.cloudFacts[name]?.[cloud]?.[locale];
  }
}
