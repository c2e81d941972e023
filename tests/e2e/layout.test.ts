/**
 * Page layout on a desktop screen: the main content of every page type gets the width of the page,
 * not a sidebar-sized column.
 */
import { describe, expect, test } from 'vitest';
import { FIXTURE, LOCALE_CODES, newContext, useBrowser, withoutRootRedirect } from './helpers.ts';

const browser = useBrowser();

describe('layout (desktop 1280×900)', () => {
  test('main content is at least half the viewport wide on every page type', async () => {
    const context = await newContext(browser(), { viewport: { width: 1280, height: 900 } });
    const narrow: string[] = [];
    try {
      const page = await context.newPage();
      await withoutRootRedirect(page);
      const paths = [
        '/',
        ...LOCALE_CODES.flatMap((l) => [
          `/${l}/`,
          `/${l}/global/`,
          `/${l}/china/provide-billing-support/`,
          `/${l}/china/${FIXTURE.globalOnly}/`,
          `/${l}/no-such-page/`,
        ]),
      ];
      for (const path of paths) {
        await page.goto(path);
        const { main, viewport } = await page.evaluate(() => ({
          main: Math.round(document.querySelector('main')!.getBoundingClientRect().width),
          viewport: window.innerWidth,
        }));
        if (main < viewport / 2) narrow.push(`${path}: <main> is ${main}px wide in a ${viewport}px viewport`);
      }
    } finally {
      await context.close();
    }
    expect(narrow, narrow.join('\n')).toEqual([]);
  });
});
