/**
 * A translator's pages: the status page (one row per article variant, one cell per locale,
 * colour plus text, totals equal to the cells, a cloud filter, each cell linking to its compare
 * view) and the compare view (status at the top, what changed in English marked, links kept,
 * equal columns), reached from the article's notices.
 */
import { describe, expect, test } from 'vitest';
import { FIXTURE, newContext, pathOf, useBrowser } from './helpers.ts';

const browser = useBrowser();

describe('translator pages', () => {
  test('the status page: a cell per locale in words and colour, totals equal to the cells, filtered by cloud', async () => {
    const context = await newContext(browser());
    try {
      const page = await context.newPage();
      await page.goto('/ko/status/');
      const cells = page.locator('.status-table td[data-state]');
      const count = await cells.count();
      const totals = await page.locator('.status-totals [data-count]').allTextContents();
      expect(totals.map(Number).reduce((a, b) => a + b, 0)).toBe(count);
      expect(Number(await page.locator('.status-totals').getAttribute('data-cells'))).toBe(count);
      // One row per variant: provide-billing-support has two, three cells each (ko, zh, ja).
      expect(await page.locator('tr[data-slug="provide-billing-support"]').count()).toBe(2);
      expect(await page.locator('tr[data-slug="provide-billing-support"]').first().locator('td[data-state]').count()).toBe(3);
      // Each cell says its state in words, in a colour of its own.
      const stale = page.locator(`tr[data-slug="${FIXTURE.stale}"] td[data-locale="ko"]`);
      expect(await stale.getAttribute('data-state')).toBe('stale');
      expect((await stale.textContent())?.trim()).toBe('오래됨');
      const colour = (state: string) => page.locator(`.status-table td[data-state="${state}"] a`).first().evaluate((a) => getComputedStyle(a).color);
      expect(new Set([await colour('stale'), await colour('missing'), await colour('machine'), await colour('current')]).size).toBe(4);
      // The cell leads to the compare view.
      await stale.locator('a').click();
      await page.waitForURL((u) => u.pathname.endsWith('/compare/'));
      expect(pathOf(page)).toBe(`/ko/global/${FIXTURE.stale}/compare/`);

      await page.goto('/ko/status/china/');
      expect(await page.locator('.status-filter a[aria-current="page"]').textContent()).toBe('21Vianet');
      expect(await page.locator(`tr[data-slug="${FIXTURE.globalOnly}"]`).count()).toBe(0);
      expect(await page.locator('tr[data-slug="provide-billing-support"]').count()).toBe(1);
      const chinaCells = await page.locator('.status-table td[data-state]').count();
      const chinaTotals = await page.locator('.status-totals [data-count]').allTextContents();
      expect(chinaTotals.map(Number).reduce((a, b) => a + b, 0)).toBe(chinaCells);
      expect(chinaCells).toBeLessThan(count);
    } finally {
      await context.close();
    }
  });

  test('the compare view of an outdated translation: status at the top, the English change marked, equal columns', async () => {
    const context = await newContext(browser(), { viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      // Reached from the outdated notice.
      await page.goto(`/ko/global/${FIXTURE.stale}/`);
      await page.locator(`[data-notice="stale"] a[href="/ko/global/${FIXTURE.stale}/compare/"]`).click();
      await page.waitForURL((u) => u.pathname.endsWith('/compare/'));
      const status = page.locator('.compare-status');
      expect(await status.getAttribute('data-state')).toBe('stale');
      expect(await status.getAttribute('data-method')).toBe('human');
      // Outdated since the commit that changed the English (the fixture's second commit, 2025-01-15).
      expect(await status.textContent()).toMatch(/2025년 1월 15일에 바뀌었습니다\(커밋 [0-9a-f]{7}\)/);
      const intro = page.locator('tr#section-intro');
      expect(await intro.getAttribute('data-change')).toBe('changed');
      // "The English text before it changed." → "The English text changed after this article was translated."
      expect(await intro.locator('.english-change del').allTextContents()).toEqual(['before it ']);
      expect(await intro.locator('.english-change ins').allTextContents()).toEqual(['after this article was translated']);
      expect(await page.locator('tr#section-current').getAttribute('data-change')).toBe('same');
      const removed = page.locator('tr#section-old');
      expect(await removed.getAttribute('data-change')).toBe('removed');
      expect(await removed.locator('.english-change del').allTextContents()).toEqual(['This section was removed from the English.']);
      // Equal columns.
      const [a, b] = await Promise.all([intro.locator('td').nth(0).boundingBox(), intro.locator('td').nth(1).boundingBox()]);
      expect(Math.abs(a!.width - b!.width)).toBeLessThanOrEqual(1);

      await page.goto(`/zh/global/${FIXTURE.stale}/compare/`);
      expect(await page.locator('.compare-status').textContent()).toContain('没有与此翻译匹配的已提交英文文本');
    } finally {
      await context.close();
    }
  });

  test('the compare view keeps links and is linked from the machine-translation notice', async () => {
    const context = await newContext(browser());
    try {
      const page = await context.newPage();
      await page.goto(`/ko/global/${FIXTURE.machine}/`);
      expect(await page.locator(`[data-notice="machine"] a[href="/ko/global/${FIXTURE.machine}/compare/"]`).count()).toBe(1);
      await page.goto('/ko/china/provide-billing-support/compare/');
      expect(await page.locator('.compare-status').getAttribute('data-method')).toBe('machine');
      expect(await page.locator('.compare-status').getAttribute('data-state')).toBe('current');
      expect(await page.locator('.compare-table td[lang="ko"] a[href^="/ko/china/"]').count()).toBeGreaterThan(0);
      expect(await page.locator('.compare-table td[lang="en"] a[href^="/en/china/"]').count()).toBeGreaterThan(0);
      expect(await page.locator('.compare-table .english-change').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
