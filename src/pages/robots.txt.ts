import type { APIRoute } from 'astro';
import { SITE } from '../lib/site.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\nDisallow: /*/compare/\nDisallow: /*/search/\n\nSitemap: ${new URL('/sitemap.xml', SITE.url).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
