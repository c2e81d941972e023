/**
 * A customer's journey: search with the keyboard only, in each language, and land on the right
 * article in the reader's cloud. Also the combobox semantics screen readers rely on.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectPath, newContext, pathOf, useBrowser, type Cloud, type Locale } from './helpers.ts';

const browser = useBrowser();

/** Focuses the header search with "/" from the page body, types, and waits for the result list. */
async function searchByKeyboard(page: Page, query: string): Promise<string[]> {
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  const input = page.locator('form[data-search] input[role="combobox"]');
  await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: 5_000 }).toBe(true);
  await page.keyboard.type(query, { delay: 20 });
  await page.waitForSelector('form[data-search] [role="listbox"]:not([hidden]) [role="option"]', { timeout: 10_000 });
  return page.$$eval('form[data-search] [role="option"]', (options) => options.map((o) => new URL((o as HTMLAnchorElement).href).pathname));
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
      await page.waitForSelector('[data-search="page"] [role="option"]', { timeout: 10_000 });
      const paths = await page.$$eval('[data-search="page"] [role="option"]', (o) => o.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(paths[0]).toBe('/en/usgov/escalate-problems-to-microsoft/');
      await expectPath(page, '/en/usgov/search/');
    } finally {
      await context.close();
    }
  });
});
