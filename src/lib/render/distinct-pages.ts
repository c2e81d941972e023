/**
 * Which article pages are the same page: an article variant that serves several clouds is, in one
 * locale, usually the same page in each of them apart from where it names the cloud
 * (`cloud-token.ts`). The build renders each distinct page once and writes the other clouds' files
 * from it (`derive.ts`).
 *
 * Decided from the model, exactly: the view and the body of the variant's page at its first cloud
 * are computed with a recording `ReaderCloud` (`reader-cloud.ts`) and the cloud written as a token;
 * each other cloud of the variant whose reader gets the same answer to every question joins that
 * page. A cloud that does not (its `<CloudOnly>` blocks, cloud facts, links, navigation or
 * neighbours differ) gets a page of its own, compared with in turn.
 */
import type { ElementContent } from 'hast';
import type { KnowledgeBase } from '../model/kb.ts';
import type { Page } from '../model/types.ts';
import { LOCALE_CODES, type Cloud, type Locale } from '../site.ts';
import { articleView, type ArticleView } from '../view.ts';
import { renderBodyTree, type Translate } from './body.ts';
import type { CloudToken } from './cloud-token.ts';
import { ReaderCloud, sameAnswers, type CloudAnswers } from './reader-cloud.ts';

/** One distinct article page: the clouds whose files are one rendering, the first one rendered. */
export interface PageGroup {
  locale: Locale;
  slug: string;
  clouds: Cloud[];
}

/** A page as computed for a group, with the token for the cloud (what search documents reuse). */
export interface RenderedPage {
  page: Page;
  view: ArticleView;
  body: ElementContent[];
}

export interface DistinctPagesOptions {
  /** The locales in the order their pages are computed; default LOCALE_CODES. */
  locales?: readonly Locale[];
  /** Only these (locale, slug) pairs (a shard of the build); default every article page. */
  includes?: (locale: Locale, slug: string) => boolean;
  /** Called with the page computed for each group of more than one cloud, and for `also` pages. */
  rendered?: (rendered: RenderedPage) => void;
  /** Pages to compute even when their group has one cloud (the search index wants them). */
  also?: (page: Page) => boolean;
  /**
   * Called with a (locale, variant)'s groups once they are complete, after `rendered` for each of
   * its pages: what was kept of them can be let go (the search documents are made per variant).
   */
  variantDone?: (groups: readonly PageGroup[]) => void;
}

/**
 * Every article page of the site (in locale, article, variant order), partitioned into distinct
 * pages. A group's files are identical apart from the cloud tokens, given `token` as the page's
 * `shown` cloud. Cost: one view and body per (locale, variant) of more than one cloud.
 */
export function distinctPages(kb: KnowledgeBase, t: (locale: Locale) => Translate, token: CloudToken, options: DistinctPagesOptions = {}): PageGroup[] {
  const groups: PageGroup[] = [];
  for (const locale of options.locales ?? LOCALE_CODES) {
    for (const article of kb.articles.values()) {
      if (options.includes && !options.includes(locale, article.slug)) continue;
      for (const variant of article.variants) {
        const pages = variant.clouds.map((cloud) => kb.page(locale, cloud, article.slug)).filter((p): p is Page => p?.variant === variant);
        const compute = (page: Page): CloudAnswers => {
          const asking = new ReaderCloud(kb, locale, page.cloud, token);
          const view = articleView(kb, page, asking);
          const body = renderBodyTree(page.file.parsed.hast, { kb, locale, cloud: page.cloud, slug: article.slug, t: t(locale), asking });
          options.rendered?.({ page, view, body });
          return asking.answers;
        };
        const mine: Array<{ group: PageGroup; answers: CloudAnswers | undefined }> = [];
        for (const page of pages) {
          const joins = pages.length > 1 ? mine.find((g) => g.answers && sameAnswers(kb, locale, page.cloud, token, g.answers)) : undefined;
          if (joins) {
            joins.group.clouds.push(page.cloud);
            continue;
          }
          const wanted = pages.length > 1 || options.also?.(page) === true;
          const group = { locale, slug: article.slug, clouds: [page.cloud] };
          mine.push({ group, answers: wanted ? compute(page) : undefined });
          groups.push(group);
        }
        options.variantDone?.(mine.map((m) => m.group));
      }
    }
  }
  return groups;
}
