/** Keyboard use: the skip link, and the language and cloud pickers without a mouse. */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, useBrowser } from './helpers.ts';

const browser = useBrowser();

/** A description of the focused element, for assertions and messages. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', id: '', text: '', picker: null as string | null, inPickerList: false, skip: false, href: null as string | null };
    const details = el.closest('details[data-picker]');
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? '').trim().slice(0, 60),
      picker: details?.getAttribute('data-picker') ?? null,
      inPickerList: !!el.closest('details[data-picker] ul'),
      skip: el.classList.contains('skip-link'),
      href: el.getAttribute('href'),
    };
  });
}

/** Presses Tab until the focus is on `selector` (at most `limit` times); returns the stops passed. */
async function tabTo(page: Page, selector: string, limit = 15): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return stops;
    const f = await focused(page);
    stops.push(`${f.tag}${f.id ? '#' + f.id : ''} "${f.text}"`);
  }
  throw new Error(`${selector} not reached with ${limit} Tab presses; passed: ${stops.join(' → ')}`);
}

describe('keyboard', () => {
  for (const path of ['/ko/china/provide-billing-support/', '/en/global/', '/ja/']) {
    test(`the skip link is the first Tab stop and moves focus to main (${path})`, async () => {
      const context = await newContext(browser());
      const page = await context.newPage();
      try {
        await page.goto(path);
        await page.keyboard.press('Tab');
        const first = await focused(page);
        expect(first.skip, `first Tab stop is ${JSON.stringify(first)}`).toBe(true);
        expect(first.href).toBe('#content');
        // Visible while focused (it sits off-screen otherwise).
        const box = await page.locator('.skip-link').boundingBox();
        expect(box && box.y >= 0 && box.height > 0, `skip link box ${JSON.stringify(box)}`).toBe(true);
        await page.keyboard.press('Enter');
        const after = await focused(page);
        expect(after).toMatchObject({ tag: 'main', id: 'content' });
        // The next Tab continues inside main, not back at the header.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
      } finally {
        await context.close();
      }
    });
  }

  test('the pickers open with Enter and Space on their summary and their links are reachable by Tab', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    try {
      await page.goto('/ko/china/provide-billing-support/');
      const language = page.locator('details[data-picker="language"]');
      const cloud = page.locator('details[data-picker="cloud"]');
      const isOpen = (d: typeof language) => d.evaluate((el) => (el as HTMLDetailsElement).open);

      // Language picker: Tab to its summary, Enter opens it, Tab walks its links in order.
      await tabTo(page, 'details[data-picker="language"] > summary');
      expect(await isOpen(language)).toBe(false);
      await page.keyboard.press('Enter');
      expect(await isOpen(language)).toBe(true);
      const languageLinks = await language.locator('ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(languageLinks).toEqual(['/en/china/provide-billing-support/', '/ko/china/provide-billing-support/', '/zh/china/provide-billing-support/', '/ja/china/provide-billing-support/']);
      for (const href of languageLinks) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        expect(f, `Tab should reach the language link ${href}`).toMatchObject({ tag: 'a', picker: 'language', inPickerList: true, href });
      }
      // Back to the summary and close it with Enter.
      for (let i = 0; i < languageLinks.length; i++) await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).picker).toBe('language');
      await page.keyboard.press('Enter');
      expect(await isOpen(language)).toBe(false);

      // Cloud picker: Space opens it; every cloud that has the article is a reachable link.
      await tabTo(page, 'details[data-picker="cloud"] > summary');
      expect(await isOpen(cloud)).toBe(false);
      await page.keyboard.press('Space');
      expect(await isOpen(cloud)).toBe(true);
      const cloudLinks = await cloud.locator('ul a[data-cloud]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(cloudLinks.length).toBeGreaterThanOrEqual(2);
      expect(cloudLinks).toContain('/ko/china/provide-billing-support/');
      for (const href of cloudLinks) {
        await page.keyboard.press('Tab');
        expect(await focused(page), `Tab should reach the cloud link ${href}`).toMatchObject({ tag: 'a', picker: 'cloud', inPickerList: true, href });
      }
      // Enter on a focused link follows it.
      const target = cloudLinks.at(-1)!;
      await Promise.all([page.waitForURL((u) => u.pathname === target), page.keyboard.press('Enter')]);
    } finally {
      await context.close();
    }
  });
});
