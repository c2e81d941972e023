/**
 * Every same-site link a reader can follow from the key pages (header, notices, body, sidebar,
 * footer) leads to a page that exists. Search is left out (not built yet).
 */
import { describe, expect, test } from 'vitest';
import { FIXTURE, LOCALE_CODES, baseURL, newContext, useBrowser } from './helpers.ts';

const browser = useBrowser();

describe('links', () => {
  test('links on the key pages of every locale do not lead to the 404 page', async () => {
    const context = await newContext(browser());
    const found = new Map<string, string>(); // target path → first page linking to it
    try {
      const page = await context.newPage();
      const pages = LOCALE_CODES.flatMap((l) => [
        `/${l}/`,
        `/${l}/global/`,
        `/${l}/china/provide-billing-support/`,
        `/${l}/global/customer-support/`,
        `/${l}/global/${FIXTURE.machine}/`,
        `/${l}/global/${FIXTURE.stale}/`,
        `/${l}/global/${FIXTURE.untranslated}/`,
        `/${l}/china/${FIXTURE.globalOnly}/`,
        `/${l}/status/`,
        ...(l === 'en' ? [] : [`/${l}/global/${FIXTURE.stale}/compare/`]),
      ]);
      for (const path of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) {
          const url = new URL(href);
          if (url.origin !== new URL(baseURL()).origin) continue;
          if (/\/search\/$/.test(url.pathname)) continue;
          if (!found.has(url.pathname)) found.set(url.pathname, path);
        }
      }
    } finally {
      await context.close();
    }
    const broken: string[] = [];
    await Promise.all(
      [...found].map(async ([target, from]) => {
        const response = await fetch(new URL(target, baseURL()), { redirect: 'follow' });
        await response.arrayBuffer();
        if (response.status !== 200) broken.push(`${target} → ${response.status} (linked from ${from})`);
      }),
    );
    broken.sort();
    expect(broken, `${broken.length} broken link target(s) of ${found.size}:\n${broken.join('\n')}`).toEqual([]);
  });
});
