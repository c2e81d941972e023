/**
 * axe-core on every page type in every locale: no violation of impact serious or critical.
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

async function audit(b: Browser, pages: Audit[], colorScheme: 'light' | 'dark'): Promise<string[]> {
  const context = await newContext(b, { colorScheme });
  await preloadAxe(context);
  const failures: string[] = [];
  try {
    const page: Page = await context.newPage();
    for (const p of pages) {
      if (p.root) await withoutRootRedirect(page);
      const response = await page.goto(p.path);
      expect(response?.status(), `${p.path} status`).toBe(p.status);
      expect(new URL(page.url()).pathname, `${p.path} should not redirect during the audit`).toBe(p.path);
      const violations = await seriousViolations(page);
      if (violations.length > 0) failures.push(`${p.name} (${colorScheme}) ${formatViolations(p.path, violations)}`);
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
    test(`every page type in ${locale}, light theme`, async () => {
      const failures = await audit(browser(), pagesOf(locale), 'light');
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
  }

  // Dark mode has its own colours (notices, badges, links): audit the pages that use them all.
  test('article pages with notices and the home page, dark theme, every locale', async () => {
    const pages = LOCALE_CODES.flatMap((l) => pagesOf(l).filter((p) => /article|home|not-in-cloud/.test(p.name)));
    const failures = await audit(browser(), pages, 'dark');
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
