/**
 * axe-core on every page type in every locale, light and dark, desktop and phone: no violation of
 * impact serious or critical.
 * `/` and the 404 page are English-only pages (one HTML file each); they are audited once, and the
 * 404 page once more under each locale's path, as a reader who mistyped a URL would meet it.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FIXTURE, LOCALE_CODES, formatViolations, newContext, preloadAxe, seriousViolations, useBrowser, withoutRootRedirect, type Locale } from './helpers.ts';

const browser = useBrowser();

interface Audit {
  name: string;
  path: string;
  status: number;
  /** Serve `/` without its forwarding script. */
  root?: boolean;
}

function pagesOf(locale: Locale): Audit[] {
  const pages: Audit[] = [
    { name: 'locale cloud chooser', path: `/${locale}/`, status: 200 },
    { name: 'home', path: `/${locale}/global/`, status: 200 },
    { name: 'article (china variant)', path: `/${locale}/china/provide-billing-support/`, status: 200 },
    { name: 'article (machine notice)', path: `/${locale}/global/${FIXTURE.machine}/`, status: 200 },
    { name: 'article (stale notice)', path: `/${locale}/usgov/${FIXTURE.stale}/`, status: 200 },
    { name: 'not-in-cloud page', path: `/${locale}/china/${FIXTURE.globalOnly}/`, status: 200 },
    { name: '404', path: `/${locale}/no-such-page/`, status: 404 },
  ];
  // English is the source language: it never has a fallback page.
  if (locale !== 'en') pages.push({ name: 'fallback article', path: `/${locale}/germany/${FIXTURE.untranslated}/`, status: 200 });
  return pages;
}

/** The translator's pages: the status page (whole and per cloud) and the compare views. */
function translatorPagesOf(locale: Locale): Audit[] {
  const pages: Audit[] = [
    { name: 'translation status', path: `/${locale}/status/`, status: 200 },
    { name: 'translation status (one cloud)', path: `/${locale}/status/china/`, status: 200 },
  ];
  if (locale !== 'en') {
    pages.push(
      { name: 'compare view (English changed)', path: `/${locale}/global/${FIXTURE.stale}/compare/`, status: 200 },
      { name: 'compare view (links, facts)', path: `/${locale}/china/provide-billing-support/compare/`, status: 200 },
    );
  }
  return pages;
}

const DEVICES = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;
type Device = keyof typeof DEVICES;

async function audit(b: Browser, pages: Audit[], colorScheme: 'light' | 'dark', device: Device = 'desktop'): Promise<string[]> {
  const context = await newContext(b, { colorScheme, ...DEVICES[device] });
  await preloadAxe(context);
  const failures: string[] = [];
  try {
    const page: Page = await context.newPage();
    for (const p of pages) {
      if (p.root) await withoutRootRedirect(page);
      const response = await page.goto(p.path);
      expect(response?.status(), `${p.path} status`).toBe(p.status);
      expect(new URL(page.url()).pathname, `${p.path} should not redirect during the audit`).toBe(p.path);
      // On a phone the menu and "On this page" are collapsed: open them, so their links are audited too.
      if (device === 'phone') await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('details.collapsible').forEach((d) => (d.open = true)));
      const violations = await seriousViolations(page);
      if (violations.length > 0) failures.push(`${p.name} (${colorScheme}, ${device}) ${formatViolations(p.path, violations)}`);
    }
  } finally {
    await context.close();
  }
  return failures;
}

describe.concurrent('accessibility (axe-core: no serious or critical violations)', () => {
  test('root page (without its forwarding script)', async () => {
    const failures = await audit(browser(), [{ name: 'root', path: '/', status: 200, root: true }], 'light');
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  for (const locale of LOCALE_CODES) {
    for (const device of ['desktop', 'phone'] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        test(`every page type in ${locale}, ${colorScheme} theme, ${device}`, { timeout: 120_000 }, async () => {
          const failures = await audit(browser(), pagesOf(locale), colorScheme, device);
          expect(failures, failures.join('\n\n')).toEqual([]);
        });
        test(`translation status and compare views in ${locale}, ${colorScheme} theme, ${device}`, { timeout: 120_000 }, async () => {
          const failures = await audit(browser(), translatorPagesOf(locale), colorScheme, device);
          expect(failures, failures.join('\n\n')).toEqual([]);
        });
      }
    }
  }
});
