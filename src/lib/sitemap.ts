/**
 * sitemap.xml: every canonical page (one per locale and article variant; never the duplicate URLs
 * of other clouds served by the same variant, English fallbacks or noindex pages), each with its
 * hreflang alternates and x-default, plus the home page of each locale and cloud. It lists exactly
 * what the pages' heads say (`canonical`, `hreflang`: src/lib/view.ts and the home page), which a
 * test of the built site checks.
 */
import type { KnowledgeBase } from './model/kb.ts';
import { articleUrl, homeUrl } from './model/urls.ts';
import { CLOUD_IDS, LOCALES, SOURCE_LOCALE } from './site.ts';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

interface Entry {
  loc: string;
  alternates: { hreflang: string; href: string }[];
  lastmod?: string | undefined;
}

export function sitemapEntries(kb: KnowledgeBase, siteUrl: string, lastmod: (path: string) => string | undefined = () => undefined): Entry[] {
  const absolute = (path: string) => new URL(path, siteUrl).href;
  const entries: Entry[] = [];
  for (const cloud of CLOUD_IDS) {
    const homeAlternates = LOCALES.map((l) => ({ hreflang: l.htmlLang, href: absolute(homeUrl(l.code, cloud)) }));
    homeAlternates.push({ hreflang: 'x-default', href: absolute(homeUrl(SOURCE_LOCALE, cloud)) });
    for (const l of LOCALES) entries.push({ loc: absolute(homeUrl(l.code, cloud)), alternates: homeAlternates });
  }
  for (const article of kb.articles.values()) {
    for (const variant of article.variants) {
      const cloud = variant.clouds[0];
      if (!cloud) continue;
      const translated = LOCALES.filter((l) => variant.files[l.code] !== undefined);
      const alternates = translated.map((l) => ({ hreflang: l.htmlLang, href: absolute(articleUrl(l.code, cloud, article.slug)) }));
      if (variant.files[SOURCE_LOCALE]) alternates.push({ hreflang: 'x-default', href: absolute(articleUrl(SOURCE_LOCALE, cloud, article.slug)) });
      for (const l of translated) {
        entries.push({ loc: absolute(articleUrl(l.code, cloud, article.slug)), alternates, lastmod: lastmod(variant.files[l.code]!.path) });
      }
    }
  }
  return entries;
}

export function sitemapXml(entries: Entry[]): string {
  const urls = entries.map((e) => {
    const links = e.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`).join('');
    return `<url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod.slice(0, 10))}</lastmod>` : ''}${links}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

