/**
 * Screenshots of the key pages for reviewers: home and article, phone and desktop, light and dark,
 * and on a phone the cloud chooser and the 404 page too, in every locale, written to
 * `screenshots/` at the repository root (gitignored). Each shot also checks that nothing overflows
 * the viewport sideways (a phone reader must never scroll sideways).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCALE_CODES, newContext, useBrowser } from './helpers.ts';
import { REPO } from './fixture.ts';

const browser = useBrowser();
const OUT = join(REPO, 'screenshots');

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
} as const;

describe.concurrent('screenshots', () => {
  mkdirSync(OUT, { recursive: true });
  for (const locale of LOCALE_CODES) {
    for (const [device, options] of Object.entries(VIEWPORTS)) {
      test(`key pages in ${locale}, ${device}`, { timeout: 120_000 }, async () => {
        const pages = { home: `/${locale}/global/`, article: `/${locale}/china/provide-billing-support/` };
        // On a phone also the cloud chooser (long cloud names) and the 404 page, first: the chooser
        // forwards a reader who already picked a cloud.
        const phoneOnly = { chooser: `/${locale}/`, 'not-found': `/${locale}/china/no-such-page/` };
        const overflow: string[] = [];
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await newContext(browser(), { ...options, colorScheme });
          try {
            const page = await context.newPage();
            for (const [name, path] of Object.entries(device === 'phone' ? { ...phoneOnly, ...pages } : pages)) {
              await page.goto(path);
              await page.evaluate(() => document.fonts.ready);
              await page.screenshot({ path: join(OUT, `${locale}-${name}-${device}-${colorScheme}.png`), fullPage: true });
              const widths = await page.evaluate(() => {
                const wide = [...document.querySelectorAll('body *')]
                  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
                  .map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`);
                return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide: wide.slice(0, 5) };
              });
              if (widths.scroll > widths.inner) overflow.push(`${path} (${device}, ${colorScheme}): page is ${widths.scroll}px wide in a ${widths.inner}px viewport; wide: ${widths.wide.join(', ')}`);
            }
          } finally {
            await context.close();
          }
        }
        expect(overflow, overflow.join('\n')).toEqual([]);
      });
    }
  }
});
