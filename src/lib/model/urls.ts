/**
 * The site's URL scheme: `/<locale>/<cloud>/<slug>/`. The reader's locale and cloud are in every
 * URL, so links, the sidebar and search results stay in that cloud without client script, and a
 * link can be shared. Where a page is rendered once for several clouds, the cloud is a token
 * (`render/cloud-token.ts`).
 */
import type { CloudRef } from '../render/cloud-token.ts';
import type { Cloud, Locale } from '../site.ts';

export function articleUrl(locale: Locale, cloud: CloudRef, slug: string, anchor?: string): string {
  return `/${locale}/${cloud}/${slug}/` + (anchor ? `#${anchor}` : '');
}

export function homeUrl(locale: Locale, cloud?: CloudRef): string {
  return cloud ? `/${locale}/${cloud}/` : `/${locale}/`;
}

/** The translation status page, optionally filtered to the article variants of one cloud. */
export function statusUrl(locale: Locale, cloud?: Cloud): string {
  return cloud ? `/${locale}/status/${cloud}/` : `/${locale}/status/`;
}

export function compareUrl(locale: Locale, cloud: CloudRef, slug: string): string {
  return `/${locale}/${cloud}/${slug}/compare/`;
}

export function searchUrl(locale: Locale, cloud: CloudRef): string {
  return `/${locale}/${cloud}/search/`;
}

/** The whole navigation of a locale and cloud, as JSON (see `navTree` in src/lib/view.ts). */
export function navUrl(locale: Locale, cloud: CloudRef): string {
  return `/${locale}/${cloud}/nav.json`;
}
