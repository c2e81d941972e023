import { describe, expect, it } from 'vitest';
import { sitemapEntries, sitemapXml } from '../../src/lib/sitemap.ts';
import { mdx, model } from '../model/helpers.ts';

describe('sitemap', () => {
  const { kb } = model({
    'en/a.mdx': mdx({ title: 'A', clouds: '[global, usgov, germany]' }, 'x\n'),
    'en/a.china.mdx': mdx({ title: 'A', clouds: '[china]' }, 'x\n'),
    'ko/a.mdx': mdx({ title: '에이', clouds: '[global, usgov, germany]', translation: '{ sourceHash: "0000000000000000", method: human }' }, 'x\n'),
  });
  const entries = sitemapEntries(kb, 'https://kb.example', (path) => (path === 'content/ko/a.mdx' ? '2026-11-02T10:00:00Z' : undefined));

  it('lists each translated variant once, at its canonical cloud, and no fallback or duplicate cloud URL', () => {
    expect(entries.map((e) => e.loc).filter((l) => l.includes('/a/'))).toEqual([
      'https://kb.example/en/global/a/',
      'https://kb.example/ko/global/a/',
      'https://kb.example/en/china/a/',
    ]);
  });

  it('gives each entry its translations as hreflang alternates plus x-default', () => {
    const ko = entries.find((e) => e.loc === 'https://kb.example/ko/global/a/')!;
    expect(ko.alternates).toEqual([
      { hreflang: 'en', href: 'https://kb.example/en/global/a/' },
      { hreflang: 'ko', href: 'https://kb.example/ko/global/a/' },
      { hreflang: 'x-default', href: 'https://kb.example/en/global/a/' },
    ]);
    expect(ko.lastmod).toBe('2026-11-02T10:00:00Z');
  });

  it('writes valid sitemap XML with xhtml:link alternates', () => {
    const xml = sitemapXml(entries);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/);
    expect(xml).toContain('<url><loc>https://kb.example/ko/global/a/</loc><lastmod>2026-11-02</lastmod><xhtml:link rel="alternate" hreflang="en" href="https://kb.example/en/global/a/"/>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="zh-CN" href="https://kb.example/zh/global/"/>');
  });

  it('lists the home page of every locale and cloud, each with its own cloud\'s alternates', () => {
    const homes = entries.filter((e) => /\/[a-z]+\/[a-z]+\/$/.test(e.loc) && !e.loc.includes('/a/'));
    expect(homes).toHaveLength(16);
    const china = homes.find((e) => e.loc === 'https://kb.example/ko/china/')!;
    expect(china.alternates.map((a) => a.href)).toEqual(['en', 'ko', 'zh', 'ja', 'en'].map((l) => `https://kb.example/${l}/china/`));
  });
});
