import type { APIRoute } from 'astro';
import { SITE } from '../lib/site.ts';
import { sitemapEntries, sitemapXml } from '../lib/sitemap.ts';
import { getKb, lastUpdated } from '../site-context.ts';

export const GET: APIRoute = () =>
  new Response(sitemapXml(sitemapEntries(getKb(), SITE.url, lastUpdated)), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
