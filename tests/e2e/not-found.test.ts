/**
 * The 404 page: one file served for every missing URL, shown in the reader's language and cloud
 * taken from the path, with search, the pickers and a link to that cloud's home.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO } from './fixture.ts';
import { LOCALE_CODES, newContext, useBrowser, type Locale } from './helpers.ts';

const browser = useBrowser();
/** The 404 heading in each locale, from the UI strings. */
const TITLES = Object.fromEntries(
  LOCALE_CODES.map((l) => [l, (JSON.parse(readFileSync(join(REPO, 'locales', l, 'ui.json'), 'utf8')) as { notFound: { title: string } }).notFound.title]),
) as Record<Locale, string>;

async function notFoundFacts(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelector('main h1')?.textContent,
    home: document.querySelector('main a[data-not-found-home]')?.getAttribute('href'),
    searchActions: [...document.querySelectorAll('form[role="search"]')].map((f) => f.getAttribute('action')),
    languages: [...document.querySelectorAll('details[data-picker="language"] a')].map((a) => a.getAttribute('href')),
    clouds: [...document.querySelectorAll('details[data-picker="cloud"] a')].map((a) => a.getAttribute('href')),
  }));
}

describe('404 page', () => {
  for (const [path, locale, lang, cloud] of [
    ['/ko/china/no-such-page/', 'ko', 'ko', 'china'],
    ['/zh/usgov/gone', 'zh', 'zh-CN', 'usgov'],
    ['/ja/global/a/b/c/', 'ja', 'ja', 'global'],
    ['/en/germany/nothing/', 'en', 'en', 'germany'],
  ] as const) {
    test(`${path}: status 404, in ${locale} for ${cloud}, with search, pickers and that cloud's home`, async () => {
      const context = await newContext(browser());
      try {
        const page = await context.newPage();
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        const facts = await notFoundFacts(page);
        expect(facts.lang).toBe(lang);
        expect(facts.h1).toBe(TITLES[locale]);
        expect(facts.title).toContain(TITLES[locale]);
        expect(facts.home).toBe(`/${locale}/${cloud}/`);
        expect(facts.searchActions).toEqual([`/${locale}/${cloud}/search/`, `/${locale}/${cloud}/search/`]);
        expect(facts.languages).toEqual(['en', 'ko', 'zh', 'ja'].map((l) => `/${l}/${cloud}/`));
        expect(facts.clouds).toEqual(['global', 'usgov', 'germany', 'china'].map((c) => `/${locale}/${c}/`));
        // The page's own search form leads to the search page with the query.
        await page.fill('#not-found-q', 'billing');
        await Promise.all([page.waitForURL((u) => u.pathname === `/${locale}/${cloud}/search/`), page.press('#not-found-q', 'Enter')]);
        expect(new URL(page.url()).searchParams.get('q')).toBe('billing');
      } finally {
        await context.close();
      }
    });
  }

  test('a path with a locale but no cloud uses the cloud the reader chose before; the pickers work', async () => {
    const context = await newContext(browser());
    try {
      const page = await context.newPage();
      await page.goto('/ko/usgov/'); // remembers Korean and US Government
      const response = await page.goto('/ko/some-old-page');
      expect(response?.status()).toBe(404);
      const facts = await notFoundFacts(page);
      expect(facts.h1).toBe(TITLES.ko);
      expect(facts.home).toBe('/ko/usgov/');
      // The header of the reader's page is live: a picker opens and closes with Escape.
      await page.click('details[data-picker="cloud"] > summary');
      expect(await page.locator('details[data-picker="cloud"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('details[data-picker="cloud"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      // It did not become the remembered page: the cloud stays the reader's choice.
      expect(await page.evaluate(() => localStorage.getItem('kb-cloud'))).toBe('usgov');
    } finally {
      await context.close();
    }
  });

  test('without JavaScript it is English, with search, pickers and a way home', async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const response = await page.goto('/ko/china/no-such-page/');
      expect(response?.status()).toBe(404);
      const facts = await notFoundFacts(page);
      expect(facts.lang).toBe('en');
      expect(facts.h1).toBe(TITLES.en);
      expect(facts.home).toBe('/en/global/');
      expect(facts.languages).toEqual(['en', 'ko', 'zh', 'ja'].map((l) => `/${l}/global/`));
      expect(facts.searchActions.length).toBe(2);
    } finally {
      await context.close();
    }
  });
});
