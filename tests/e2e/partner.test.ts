/**
 * A partner's journey: a Korean reader in the 21Vianet cloud finds the billing article, reads the
 * 21Vianet guidance, follows links, switches language, and comes back later.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE, cloudName, expectPath, htmlLang, newContext, pathOf, useBrowser } from './helpers.ts';

const browser = useBrowser();

async function storage(page: Page) {
  return page.evaluate(() => ({ locale: localStorage.getItem('kb-locale'), cloud: localStorage.getItem('kb-cloud') }));
}

/** Clicks and waits for the resulting page load; returns its HTTP status. */
async function follow(page: Page, selector: string): Promise<number | undefined> {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(selector).first().click()]);
  return response?.status();
}

/** Links inside the article body (not the notices' links, not in-page anchors). */
async function bodyLinks(page: Page): Promise<string[]> {
  return page.$$eval('main article a[href]', (links) =>
    links
      .filter((a) => !a.closest('[data-notice]') && !a.getAttribute('href')!.startsWith('#'))
      .map((a) => a.getAttribute('href')!),
  );
}

describe('partner journey (ko-KR browser, 21Vianet)', () => {
  test('lands in Korean, picks 21Vianet, reads the china variant, keeps locale and cloud across links, languages and visits', async () => {
    const context = await newContext(browser(), { locale: 'ko-KR' });
    const page = await context.newPage();
    try {
      // `/` forwards by browser language; nothing remembered yet, so to the cloud chooser.
      await page.goto('/');
      await expectPath(page, '/ko/', '`/` should forward a ko-KR browser to /ko/');
      expect(await page.getAttribute('html', 'lang')).toBe('ko');

      // Choose a cloud on the chooser, then switch to 21Vianet with the header's cloud picker.
      await follow(page, 'main a[data-cloud="global"]');
      expect(pathOf(page)).toBe('/ko/global/');
      const cloudPicker = page.locator('details[data-picker="cloud"]');
      await cloudPicker.locator('summary').click();
      expect(await cloudPicker.getAttribute('open')).not.toBeNull();
      expect(await follow(page, 'details[data-picker="cloud"] a[data-cloud="china"]')).toBe(200);
      expect(pathOf(page)).toBe('/ko/china/');
      expect(await storage(page)).toEqual({ locale: 'ko', cloud: 'china' });
      expect(await page.locator('details[data-picker="cloud"] a[aria-current="true"]').getAttribute('data-cloud')).toBe('china');

      // Open the billing article from the home page: the 21Vianet variant.
      expect(await follow(page, 'main a[href="/ko/china/provide-billing-support/"]')).toBe(200);
      expect(pathOf(page)).toBe('/ko/china/provide-billing-support/');
      expect(await page.locator('.applies-to .badge').allTextContents()).toEqual([cloudName('china', 'ko')]);
      expect(await page.locator('.applies-to .badge').first().getAttribute('aria-current')).toBe('true');

      // Every link in the body stays in Korean and 21Vianet; following one lands on a real page.
      const links = await bodyLinks(page);
      expect(links.length, 'the china variant should link to another article').toBeGreaterThan(0);
      for (const href of links.filter((h) => h.startsWith('/'))) expect(href).toMatch(/^\/ko\/china\/[a-z0-9-]+\/(#.*)?$/);
      const firstInternal = links.find((h) => h.startsWith('/'))!;
      const status = await follow(page, `main article a[href="${firstInternal}"]`);
      expect(status).toBe(200);
      expect(pathOf(page)).toBe(firstInternal.replace(/#.*$/, ''));
      expect(pathOf(page).startsWith('/ko/china/')).toBe(true);
      await page.goBack();
      await expectPath(page, '/ko/china/provide-billing-support/');

      // Switch to Japanese: same article, same cloud.
      const languagePicker = page.locator('details[data-picker="language"]');
      await languagePicker.locator('summary').click();
      expect(await follow(page, 'details[data-picker="language"] a[hreflang="ja"]')).toBe(200);
      expect(pathOf(page)).toBe('/ja/china/provide-billing-support/');
      expect(await page.getAttribute('html', 'lang')).toBe(htmlLang('ja'));
      expect(await page.locator('.applies-to .badge').allTextContents()).toEqual([cloudName('china', 'ja')]);
      expect(await storage(page)).toEqual({ locale: 'ja', cloud: 'china' });

      // Coming back: `/` now follows the remembered language and cloud over the browser's language.
      await page.goto('/');
      await expectPath(page, '/ja/china/', '`/` should forward to the remembered language and cloud');

      // `/ko/` forwards to the remembered cloud.
      await page.goto('/ko/');
      await expectPath(page, '/ko/china/', '`/ko/` should forward to the remembered cloud');
      expect(await page.getAttribute('html', 'lang')).toBe('ko');
    } finally {
      await context.close();
    }
  });

  test('a missing translation shows the English article with the fallback notice', async () => {
    const context = await newContext(browser(), { locale: 'ko-KR' });
    const page = await context.newPage();
    try {
      await page.goto('/ko/china/');
      const href = `/ko/china/${FIXTURE.untranslated}/`;
      expect(await follow(page, `main a[href="${href}"]`)).toBe(200);
      expect(pathOf(page)).toBe(href);
      const notice = page.locator('[data-notice="fallback"]');
      expect(await notice.count()).toBe(1);
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.getAttribute('lang')).toBe('ko');
      expect(await page.locator('main article').getAttribute('lang')).toBe('en');
      expect(await page.locator('main h1').textContent()).toBe('Untranslated fixture article');
      // The interface stays Korean and in 21Vianet.
      expect(await page.getAttribute('html', 'lang')).toBe('ko');
      expect(await page.locator('[data-notice="machine"], [data-notice="stale"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('the machine-translation notice links to the English page, in the same cloud', async () => {
    const context = await newContext(browser(), { locale: 'ko-KR' });
    const page = await context.newPage();
    try {
      await page.goto('/ko/china/');
      expect(await follow(page, `main a[href="/ko/china/${FIXTURE.machine}/"]`)).toBe(200);
      const notice = page.locator('[data-notice="machine"]');
      expect(await notice.count()).toBe(1);
      expect(await notice.isVisible()).toBe(true);
      expect(await page.locator('[data-notice="stale"], [data-notice="fallback"]').count()).toBe(0);
      const english = notice.locator('a[hreflang="en"]');
      expect(await english.getAttribute('href')).toBe(`/en/china/${FIXTURE.machine}/`);
      expect(await follow(page, '[data-notice="machine"] a[hreflang="en"]')).toBe(200);
      expect(pathOf(page)).toBe(`/en/china/${FIXTURE.machine}/`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('main h1').textContent()).toBe('Machine-translated fixture article');
      expect(await page.locator('[data-notice]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a translation made from an older English text shows the stale notice', async () => {
    const context = await newContext(browser(), { locale: 'ko-KR' });
    const page = await context.newPage();
    try {
      await page.goto('/ko/china/');
      expect(await follow(page, `main a[href="/ko/china/${FIXTURE.stale}/"]`)).toBe(200);
      const notice = page.locator('[data-notice="stale"]');
      expect(await notice.count()).toBe(1);
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.locator('a[hreflang="en"]').getAttribute('href')).toBe(`/en/china/${FIXTURE.stale}/`);
      // A human translation: stale, but not "machine".
      expect(await page.locator('[data-notice="machine"], [data-notice="fallback"]').count()).toBe(0);
      // The up-to-date human translation next to it has no notice at all.
      await page.goto(`/ko/global/${FIXTURE.globalOnly}/`);
      expect(await page.locator('[data-notice]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
