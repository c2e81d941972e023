/**
 * View models: everything a page shows, computed from the content model. Pages and components only
 * render these, so the behaviour (which links exist, which notices show, what the pickers offer) is
 * tested here without a build.
 */
import type { KnowledgeBase } from './model/kb.ts';
import type { ExcludedFile } from './model/build.ts';
import type { Page } from './model/types.ts';
import { followRedirects } from './model/resolve.ts';
import { articleUrl, compareUrl, homeUrl, navUrl } from './model/urls.ts';
import type { CloudRef } from './render/cloud-token.ts';
import { ReaderCloud } from './render/reader-cloud.ts';
import { CLOUD_IDS, LOCALE_CODES, SITE, SOURCE_LOCALE, type Cloud, type Locale } from './site.ts';

export interface LinkItem {
  href: string;
  label: string;
  /** The target is shown in English (not translated into the reader's locale). */
  fallback?: boolean;
  current?: boolean;
}

export interface Notice {
  kind: 'fallback' | 'machine' | 'stale';
  /** On a stale notice: the outdated translation was also made by machine (one notice says both). */
  machine?: boolean;
  /** For stale: the English file whose change made the translation stale (its date is "since when"). */
  sourcePath?: string;
  /** Link to the English original (machine, stale). */
  englishHref?: string;
  /** Link to the side-by-side view (machine, stale). */
  compareHref?: string;
}

export interface ArticleView {
  title: string;
  description: string | undefined;
  /** `<html lang>` of the content: the UI locale, or `en` on a fallback page. */
  contentLocale: Locale;
  /**
   * The URL search engines should index for this content: the translation at its variant's first
   * cloud, or the English page when the reader gets English (a fallback is a copy of it).
   */
  canonicalPath: string;
  /**
   * hreflang alternates: the canonical URL of every locale that has this variant translated (English
   * always), never a fallback copy or another cloud's duplicate URL. Same list on every copy.
   */
  hreflang: { locale: Locale; href: string }[];
  /** Pagefind indexes only canonical, translated pages (one per locale and variant). */
  indexable: boolean;
  appliesTo: Cloud[];
  notices: Notice[];
  breadcrumbs: LinkItem[];
  /**
   * The current section's articles and one link to the home page's list of sections: never the
   * whole navigation, so a page's weight does not grow with the knowledge base. The other
   * sections come on demand from `navHref` (see `navTree`).
   */
  sidebar: { sectionId: string | undefined; sectionTitle: string | undefined; items: LinkItem[]; allSectionsHref: string; navHref: string };
  toc: { id: string; text: string; depth: number }[];
  previous: LinkItem | undefined;
  next: LinkItem | undefined;
  /** The same article in each locale, in this cloud (the language picker). */
  alternates: { locale: Locale; href: string }[];
  /** The same article in each cloud, in this locale (undefined href where it does not exist). */
  clouds: { cloud: Cloud; href: string | undefined }[];
  /** Edit the file shown, or (on a fallback page) start the translation from the English file. */
  edit: { href: string; kind: 'edit' | 'translate' };
  /** "Was this page helpful?": a new issue in the repository, prefilled with where the reader was. */
  feedback: { href: string };
  sourcePath: string;
  section: string | undefined;
}

export function editUrl(path: string): string {
  return `${SITE.repository}/edit/${SITE.branch}/${path}`;
}

/** GitHub's "create a file" URL, pre-filled with the path of the missing translation. */
export function translateUrl(path: string): string {
  return `${SITE.repository}/new/${SITE.branch}?filename=${encodeURIComponent(path)}`;
}

/**
 * A new GitHub issue prefilled with the page the reader gives feedback on: its URL, locale, cloud,
 * navigation section and source file. A plain link: no server and nothing recorded until the reader
 * submits the issue themselves. Written in English, for the maintainers who triage it.
 */
export function feedbackUrl(page: { title: string; url: string; locale: Locale; cloud: CloudRef; slug: string; section: string | undefined; sourcePath: string }): string {
  const body = [
    `Page: ${page.url}`,
    `Article: ${page.slug} (${page.sourcePath})`,
    `Locale: ${page.locale}`,
    `Cloud: ${page.cloud}`,
    `Section: ${page.section ?? '(none)'}`,
    '',
    'What was missing, wrong or unclear?',
    '',
  ].join('\n');
  const query = new URLSearchParams({ title: `Feedback: ${page.title}`, body, labels: 'feedback' });
  return `${SITE.repository}/issues/new?${query.toString()}`;
}

/**
 * The canonical URL of what a page shows: the variant's first cloud, in the page's locale, or in
 * English when the page is an English fallback (the copy is never canonical, nor claimed as a
 * translation).
 */
export function canonicalPathOf(page: Page): string {
  return articleUrl(page.fallback ? SOURCE_LOCALE : page.locale, page.canonicalCloud, page.article.slug);
}

/** Whether a page goes into the search index: each translated variant once, at its canonical URL. */
export function isIndexable(page: Page): boolean {
  return !page.fallback && page.cloud === page.canonicalCloud;
}

/**
 * What an article page shows. Everything that depends on the reader's cloud is asked of `asking`
 * (by default the page's own cloud), and the cloud is written as `asking.shown`, so that one view
 * can serve every cloud that gets the same answers (`render/reader-cloud.ts`).
 */
export function articleView(kb: KnowledgeBase, page: Page, asking: ReaderCloud = new ReaderCloud(kb, page.locale, page.cloud)): ArticleView {
  const { locale, article, variant, file } = page;
  const cloud = asking.shown;
  const slug = article.slug;
  const fm = file.frontmatter;
  const state = kb.translationState(variant, locale);
  const notices: Notice[] = [];
  const englishHref = articleUrl(SOURCE_LOCALE, cloud, slug);
  // One side-by-side page per translation, at its canonical cloud.
  const compareHref = compareUrl(locale, page.canonicalCloud, slug);
  if (page.fallback) notices.push({ kind: 'fallback' });
  if (state.state === 'current' && state.machine) notices.push({ kind: 'machine', englishHref, compareHref });
  // An outdated machine translation: one notice that says both, with one link to the English.
  if (state.state === 'stale') {
    notices.push({ kind: 'stale', ...(state.machine ? { machine: true } : {}), englishHref, compareHref, sourcePath: variant.files[SOURCE_LOCALE]!.path });
  }

  const section = kb.sectionOf(slug);
  const link = (target: string): LinkItem | undefined => {
    const targetPage = asking.page(target);
    if (!targetPage) return undefined;
    return {
      href: articleUrl(locale, cloud, target),
      label: targetPage.file.frontmatter.title,
      ...(targetPage.fallback ? { fallback: true } : {}),
      ...(target === slug ? { current: true } : {}),
    };
  };
  const { previous, next } = asking.neighbours(slug);

  const translationPath = file.path.replace(/^content\/en\//, `content/${locale}/`);
  return {
    title: fm.title,
    description: fm.description,
    contentLocale: file.locale,
    canonicalPath: canonicalPathOf(page),
    hreflang: LOCALE_CODES.filter((l) => variant.files[l] !== undefined).map((l) => ({ locale: l, href: articleUrl(l, page.canonicalCloud, slug) })),
    indexable: isIndexable(page),
    appliesTo: variant.clouds,
    notices,
    breadcrumbs: [
      { href: homeUrl(locale, cloud), label: '' },
      ...(section ? [{ href: `${homeUrl(locale, cloud)}#${section.id}`, label: section.title[locale] }] : []),
    ],
    sidebar: {
      sectionId: section?.id,
      navHref: navUrl(locale, cloud),
      sectionTitle: section?.title[locale],
      items: (section?.items ?? [slug]).map(link).filter((x): x is LinkItem => x !== undefined),
      allSectionsHref: `${homeUrl(locale, cloud)}#sections`,
    },
    toc: file.parsed.headings.filter((h) => h.depth === 2 || h.depth === 3).map((h) => ({ id: h.id, text: h.text, depth: h.depth })),
    previous: previous ? link(previous) : undefined,
    next: next ? link(next) : undefined,
    alternates: LOCALE_CODES.map((l) => ({ locale: l, href: articleUrl(l, cloud, slug) })),
    clouds: CLOUD_IDS.map((c) => ({ cloud: c, href: article.clouds.includes(c) ? articleUrl(locale, c, slug) : undefined })),
    edit: page.fallback ? { href: translateUrl(translationPath), kind: 'translate' } : { href: editUrl(file.path), kind: 'edit' },
    feedback: {
      href: feedbackUrl({ title: fm.title, url: new URL(articleUrl(locale, cloud, slug), SITE.url).href, locale, cloud, slug, section: section?.id, sourcePath: file.path }),
    },
    sourcePath: file.path,
    section: section?.id,
  };
}

/** What a reader sees at `/<locale>/<cloud>/<slug>/` when the article does not exist in that cloud. */
export function notInCloudView(kb: KnowledgeBase, locale: Locale, cloud: Cloud, slug: string) {
  const article = kb.article(slug);
  if (!article || article.clouds.includes(cloud)) return undefined;
  return {
    title: kb.title(slug, locale) ?? slug,
    availableIn: article.clouds.map((c) => ({ cloud: c, href: articleUrl(locale, c, slug) })),
    alternates: LOCALE_CODES.map((l) => ({ locale: l, href: articleUrl(l, cloud, slug) })),
    clouds: CLOUD_IDS.map((c) => ({ cloud: c, href: articleUrl(locale, c, slug) })),
  };
}

/** Every (locale, cloud, slug) whose article is not published for that cloud. */
export function notInCloudPaths(kb: KnowledgeBase): { locale: Locale; cloud: Cloud; slug: string }[] {
  const out: { locale: Locale; cloud: Cloud; slug: string }[] = [];
  for (const article of kb.articles.values()) {
    for (const cloud of CLOUD_IDS) {
      if (article.clouds.includes(cloud)) continue;
      for (const locale of LOCALE_CODES) out.push({ locale, cloud, slug: article.slug });
    }
  }
  return out;
}

/** A page that cannot be shown because its file did not parse or validate (`npm run dev` only). */
export interface ContentErrorPath {
  locale: Locale;
  cloud: Cloud;
  slug: string;
  /** The files that would have served this page, with their diagnostics. */
  files: ExcludedFile[];
}

/**
 * Every reader's URL that a file left out of the model would have served: its own locale in every
 * cloud (its front matter may not say which), and, for an English file, every other locale that
 * has no translation of its article (they would fall back to it). A URL that another file of the
 * model serves is not taken over. In `npm run dev` these URLs show the diagnostics, with the file,
 * line and column, instead of a 404 or an error for every page.
 */
export function contentErrorPaths(kb: KnowledgeBase): ContentErrorPath[] {
  const paths = new Map<string, ContentErrorPath>();
  for (const file of kb.excluded.values()) {
    const locales = file.locale === SOURCE_LOCALE ? LOCALE_CODES : LOCALE_CODES.filter((l) => l === file.locale);
    for (const locale of locales) {
      for (const cloud of CLOUD_IDS) {
        const page = kb.page(locale, cloud, file.slug);
        // Served by a file of the model: its own translation, or the English another reader falls back to.
        if (page && (!page.fallback || locale !== file.locale)) continue;
        const key = `${locale}/${cloud}/${file.slug}`;
        const path = paths.get(key) ?? { locale, cloud, slug: file.slug, files: [] };
        path.files.push(file);
        paths.set(key, path);
      }
    }
  }
  return [...paths.values()];
}

/** A moved article's old URL, for one reader: where it now is (`content/redirects.yaml`). */
export interface MovedPath {
  locale: Locale;
  cloud: Cloud;
  /** The old slug. */
  slug: string;
  /** The article it moved to, as this reader's URL (its "not in this cloud" page where it does not apply). */
  to: { href: string; title: string };
  /** The canonical URL of the article it moved to; undefined where it does not apply to the cloud. */
  canonical: string | undefined;
}

/**
 * Every locale and cloud of every old slug that `content/redirects.yaml` leads to an article, so
 * that a bookmark or a search engine's link to a moved article still arrives. A redirect that leads
 * nowhere is the data check's business, not a page.
 */
export function movedPaths(kb: KnowledgeBase): MovedPath[] {
  const out: MovedPath[] = [];
  for (const old of Object.keys(kb.redirects)) {
    if (kb.articles.has(old)) continue;
    const { slug, anchor } = followRedirects(kb, old);
    if (!kb.articles.has(slug)) continue;
    for (const locale of LOCALE_CODES) {
      for (const cloud of CLOUD_IDS) {
        const target = kb.page(locale, cloud, slug);
        // The "not in this cloud" page (no target) has no sections; a variant may lack one that
        // another has (the redirect check reports that): the reader lands on the page itself.
        const section = anchor !== undefined && target?.file.parsed.headings.some((h) => h.id === anchor) ? anchor : undefined;
        out.push({
          locale,
          cloud,
          slug: old,
          to: { href: articleUrl(locale, cloud, slug, section), title: kb.title(slug, locale) ?? slug },
          canonical: target ? canonicalPathOf(target) : undefined,
        });
      }
    }
  }
  return out;
}

/** The home page of a locale and cloud: the navigation's sections with their articles. */
export function homeView(kb: KnowledgeBase, locale: Locale, cloud: Cloud) {
  const listed = new Set(kb.navigation.sections.flatMap((s) => s.items));
  const unlisted = [...kb.articles.keys()].filter((slug) => !listed.has(slug));
  const sections = kb.navigation.sections.map((s) => ({ id: s.id, title: s.title[locale], items: s.items }));
  if (unlisted.length > 0) sections.push({ id: 'other-articles', title: '', items: unlisted }); // titled by the page
  return sections
    .map((s) => ({
      ...s,
      items: s.items
        .map((slug) => {
          const page = kb.page(locale, cloud, slug);
          return page
            ? { href: articleUrl(locale, cloud, slug), label: page.file.frontmatter.title, description: page.file.frontmatter.description, fallback: page.fallback }
            : undefined;
        })
        .filter((x) => x !== undefined),
    }))
    .filter((s) => s.items.length > 0);
}

/**
 * The whole navigation of one locale and cloud, as the sidebar loads it on demand
 * (`/<locale>/<cloud>/nav.json`, one file the browser caches for every page): the sections in
 * order, each with the articles of that cloud. Pages carry only the current section, so their
 * weight does not grow with the knowledge base.
 */
export interface NavTree {
  /** The marker shown after an untranslated article's title (`(EN)`). */
  marker: string;
  sections: { id: string; title: string; items: { href: string; label: string; fallback?: true }[] }[];
}

/** `/<locale>/<cloud>/nav.json` for one reader; `t` gives the marker and the title of unlisted articles. */
export function navTree(kb: KnowledgeBase, locale: Locale, cloud: Cloud, t: (key: 'article.untranslatedMarker' | 'home.otherArticles') => string): NavTree {
  return {
    marker: t('article.untranslatedMarker'),
    sections: homeView(kb, locale, cloud).map((s) => ({
      id: s.id,
      title: s.title || t('home.otherArticles'),
      items: s.items.map((i) => ({ href: i.href, label: i.label, ...(i.fallback ? { fallback: true as const } : {}) })),
    })),
  };
}

/** Pages that have a side-by-side view: translated pages at their canonical cloud. */
export function comparePages(kb: KnowledgeBase): Page[] {
  return kb.pages().filter((p) => p.locale !== SOURCE_LOCALE && !p.fallback && p.cloud === p.canonicalCloud);
}
