/**
 * A customer's journey: search with the keyboard only, in each language, and land on the right
 * article in the reader's cloud. Also the combobox semantics screen readers rely on.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectPath, FIXTURE, formatViolations, newContext, pathOf, preloadAxe, seriousViolations, useBrowser, type Cloud, type Locale } from './helpers.ts';

const browser = useBrowser();

/**
 * Focuses the header search with "/" from the page body, types, and waits for the result list of
 * the whole query: the list shows results while the reader types (the listbox's `data-query` says
 * for which text), and a list of the first characters is not the one the keys then act on.
 */
async function searchByKeyboard(page: Page, query: string): Promise<string[]> {
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  const input = page.locator('form[data-search] input[role="combobox"]');
  await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: 5_000 }).toBe(true);
  await page.keyboard.type(query, { delay: 20 });
  const listbox = page.locator('form[data-search] [role="listbox"]');
  await expect.poll(() => listbox.evaluate((el) => ((el as HTMLElement).dataset['query'] ?? '').replace(/\s/g, '')), { timeout: 10_000 }).toBe(query.replace(/\s/g, ''));
  await page.waitForSelector('form[data-search] [role="listbox"]:not([hidden]) [role="option"]', { timeout: 10_000 });
  return page.$$eval('form[data-search] [role="option"]', (options) => options.map((o) => new URL((o as HTMLAnchorElement).href).pathname));
}

/** Waits for the search page's results; their paths (without the section anchor). */
async function pageResults(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-search="page"] .search-hit-title a', { timeout: 10_000 });
  return page.$$eval('[data-search="page"] .search-hit-title a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

const journeys: { locale: Locale; cloud: Cloud; query: string; slug: string }[] = [
  { locale: 'ko', cloud: 'global', query: '청구', slug: 'provide-billing-support' },
  { locale: 'zh', cloud: 'global', query: '计费', slug: 'provide-billing-support' },
  { locale: 'ja', cloud: 'global', query: '請求', slug: 'provide-billing-support' },
  { locale: 'en', cloud: 'global', query: 'billing', slug: 'provide-billing-support' },
  { locale: 'ko', cloud: 'china', query: '청구', slug: 'provide-billing-support' },
];

describe('customer search journey (keyboard only)', () => {
  test.each(journeys)('$locale/$cloud: "$query" finds $slug; arrows and Enter open it in the same cloud', async ({ locale, cloud, query, slug }) => {
    const context = await newContext(browser());
    const page = await context.newPage();
    try {
      await page.goto(`/${locale}/${cloud}/customer-support/`);
      const results = await searchByKeyboard(page, query);
      expect(results.length).toBeGreaterThan(0);
      for (const path of results) expect(path.startsWith(`/${locale}/${cloud}/`), `${path} is in /${locale}/${cloud}/`).toBe(true);
      const index = results.indexOf(`/${locale}/${cloud}/${slug}/`);
      expect(index, `results: ${results.join(', ')}`).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(3);

      // The screen-reader status says how many results there are.
      await expect.poll(() => page.locator('form[data-search] [role="status"]').textContent()).toMatch(/\d/);
      const input = page.locator('form[data-search] input[role="combobox"]');
      expect(await input.getAttribute('aria-expanded')).toBe('true');

      for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
      const active = await input.getAttribute('aria-activedescendant');
      expect(active).toBeTruthy();
      expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(pathOf(page)).toBe(`/${locale}/${cloud}/${slug}/`);
    } finally {
      await context.close();
    }
  });

  test('Escape closes the list, and the search page works from its URL', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    try {
      await page.goto('/en/usgov/provide-technical-support/');
      await searchByKeyboard(page, 'escalate');
      await page.keyboard.press('Escape');
      const input = page.locator('form[data-search] input[role="combobox"]');
      expect(await input.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('form[data-search] [role="listbox"]').isHidden()).toBe(true);

      // Submitting without script support would land on the search page; it reads ?q= and searches.
      await page.goto('/en/usgov/search/?q=escalate');
      expect((await pageResults(page))[0]).toBe('/en/usgov/escalate-problems-to-microsoft/');
      await expectPath(page, '/en/usgov/search/');
    } finally {
      await context.close();
    }
  });
});

describe('what the reader sees', () => {
  test('the header shows how many results there are, and each result opens the section that matches', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    try {
      await page.goto('/en/global/customer-support/');
      await searchByKeyboard(page, 'severity business impact');
      const status = page.locator('form[data-search="box"] [data-search-status]');
      expect(await status.isVisible()).toBe(true);
      expect(await status.textContent()).toMatch(/^\d+ results?/);
      const first = await page.locator('form[data-search="box"] [role="option"]').first().getAttribute('href');
      expect(first).toBe('/en/global/escalate-problems-to-microsoft/#severity');
    } finally {
      await context.close();
    }
  });

  test('no results says so, with the query, and offers English and every cloud', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    try {
      await page.goto('/ko/china/customer-support/');
      const input = page.locator('form[data-search="box"] input');
      await input.focus();
      await page.keyboard.type('qzxwv', { delay: 20 });
      const status = page.locator('form[data-search="box"] [data-search-status]');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('qzxwv');
      expect(await status.isVisible()).toBe(true);
      const links = await status.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(['/en/china/search/?q=qzxwv', '/ko/china/search/?q=qzxwv&cloud=all']);
    } finally {
      await context.close();
    }
  });

  test('an untranslated article is found in its reader\'s language, marked (EN)', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    try {
      await page.goto('/ja/germany/search/?q=fixture');
      const paths = await pageResults(page);
      expect(paths).toContain(`/ja/germany/${FIXTURE.untranslated}/`);
      const title = page.locator(`.search-hit-title a[href^="/ja/germany/${FIXTURE.untranslated}/"]`);
      expect(await title.locator('.search-fallback').textContent()).toBe('(EN)');
      expect(await title.locator('.search-fallback').getAttribute('lang')).toBe('en');
    } finally {
      await context.close();
    }
  });

  test('the search page keeps query and section in its URL, and the pickers keep them too', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    try {
      await page.goto('/en/global/search/?q=Microsoft');
      const all = await pageResults(page);
      const select = page.getByLabel('Section');
      expect(await select.evaluate((e) => e.tagName)).toBe('SELECT');
      await select.selectOption('report-and-escalate');
      await expect.poll(() => new URL(page.url()).search).toBe('?q=Microsoft&section=report-and-escalate');
      await expect.poll(async () => (await pageResults(page)).length).toBeLessThan(all.length);
      for (const path of await pageResults(page)) {
        expect(['/en/global/report-problems-on-behalf-of-a-customer/', '/en/global/escalate-problems-to-microsoft/', '/en/global/non-payment-fraud-or-misuse/']).toContain(path);
      }
      // The language picker goes to the Korean search page with the same query and section.
      const korean = page.locator('[data-picker="language"] a[hreflang="ko"]');
      expect(await korean.getAttribute('href')).toBe('/ko/global/search/?q=Microsoft&section=report-and-escalate');
      const china = page.locator('[data-picker="cloud"] a[data-cloud="china"]');
      expect(await china.getAttribute('href')).toBe('/en/china/search/?q=Microsoft&section=report-and-escalate');
      await page.goto((await korean.getAttribute('href'))!);
      await pageResults(page);
      expect(await page.locator('[data-search="page"] input').inputValue()).toBe('Microsoft');
      expect(await page.locator('[data-search-section]').inputValue()).toBe('report-and-escalate');
    } finally {
      await context.close();
    }
  });

  test('"all clouds" on the search page finds other clouds\' articles, each linked in its cloud and labelled', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    try {
      // The global articles never name 21Vianet: nothing here, and a way to every cloud.
      await page.goto('/en/global/search/?q=21Vianet');
      const status = page.locator('[data-search-status]');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('No results');
      await Promise.all([page.waitForNavigation(), status.getByText('Search all clouds').click()]);
      expect(new URL(page.url()).search).toBe('?q=21Vianet&cloud=all');
      const all = await pageResults(page);
      expect(all.some((p) => p.startsWith('/en/china/')), all.join(', ')).toBe(true);
      expect(await page.locator('.search-hit-meta').first().textContent()).toContain('Applies to');
      // The way back to one cloud.
      expect(await page.locator('[data-search-status] a').getAttribute('href')).toBe('/en/global/search/?q=21Vianet');
    } finally {
      await context.close();
    }
  });

  test('the search page and the open header list have no accessibility violations', async () => {
    const context = await newContext(browser());
    await preloadAxe(context);
    const page = await context.newPage();
    try {
      await page.goto('/ko/global/search/?q=청구');
      await pageResults(page);
      let violations = await seriousViolations(page);
      expect(violations, formatViolations(page.url(), violations)).toEqual([]);
      await page.goto('/zh/global/customer-support/');
      await searchByKeyboard(page, '计费');
      violations = await seriousViolations(page);
      expect(violations, formatViolations(page.url(), violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
