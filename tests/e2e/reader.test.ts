/**
 * The reader's article page on a phone (390 px, touch) and a desktop (1280 px): the menu and
 * "On this page" disclosures, the whole sidebar, the ToC entry of the section in view, heading
 * self-links, the pickers' Escape and outside click, and reading without JavaScript.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, useBrowser } from './helpers.ts';

const browser = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;
/** An article with several sections, in a section of the navigation. */
const ARTICLE = '/en/global/report-problems-on-behalf-of-a-customer/';

const isOpen = (page: Page, selector: string) => page.locator(selector).evaluate((el) => (el as HTMLDetailsElement).open);
const focusedMatches = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await focusedMatches(page, selector)) return;
  }
  throw new Error(`${selector} not reached with ${limit} Tab presses`);
}

describe('article on a phone (390 px, touch)', () => {
  test('a menu button and a collapsed "On this page" come before the article; both open from the keyboard', async () => {
    const context = await newContext(browser(), PHONE);
    try {
      const page = await context.newPage();
      await page.goto(ARTICLE);
      const menu = page.locator('nav.sidebar .menu > summary');
      const toc = page.locator('nav.toc .toc-details > summary');
      expect(await menu.isVisible()).toBe(true);
      expect(await toc.isVisible()).toBe(true);
      // Above the article, not below it.
      const mainTop = (await page.locator('main').boundingBox())!.y;
      expect((await menu.boundingBox())!.y).toBeLessThan(mainTop);
      expect((await toc.boundingBox())!.y).toBeLessThan(mainTop);
      // Closed at first: the links are not shown.
      expect(await isOpen(page, 'nav.sidebar .menu')).toBe(false);
      expect(await page.locator('nav.sidebar a[aria-current="page"]').isVisible()).toBe(false);
      expect(await page.locator('nav.toc a').first().isVisible()).toBe(false);
      // The keyboard opens the menu; its links are the next Tab stops.
      await tabTo(page, 'nav.sidebar .menu > summary');
      await page.keyboard.press('Enter');
      expect(await isOpen(page, 'nav.sidebar .menu')).toBe(true);
      expect(await page.locator('nav.sidebar a[aria-current="page"]').isVisible()).toBe(true);
      // "On this page" opens with Space, and a jump closes it again and goes to the section.
      await tabTo(page, 'nav.toc .toc-details > summary');
      await page.keyboard.press('Space');
      expect(await isOpen(page, 'nav.toc .toc-details')).toBe(true);
      const first = page.locator('nav.toc a').first();
      const hash = await first.getAttribute('href');
      await first.click();
      await page.waitForURL((u) => u.hash === hash);
      await expect.poll(() => isOpen(page, 'nav.toc .toc-details')).toBe(false);
    } finally {
      await context.close();
    }
  });

  test.each([390, 320, 700])('each picker opens inside the screen, in every language (%i px)', async (width) => {
    const context = await newContext(browser(), { ...PHONE, viewport: { width, height: 700 } });
    try {
      const page = await context.newPage();
      for (const locale of ['en', 'ko', 'zh', 'ja']) {
        await page.goto(ARTICLE.replace('/en/', `/${locale}/`));
        for (const picker of ['language', 'cloud']) {
          await page.locator(`details[data-picker="${picker}"] > summary`).tap();
          const panel = page.locator(`details[data-picker="${picker}"][open] > ul`);
          const box = (await panel.boundingBox())!;
          expect(box, `${locale} ${picker} picker`).not.toBeNull();
          expect(box.x, `${locale} ${picker} picker's left edge`).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, `${locale} ${picker} picker's right edge`).toBeLessThanOrEqual(width);
          // Every choice is on the screen and is what a tap there reaches.
          for (const item of await panel.locator('li').all()) {
            const b = (await item.boundingBox())!;
            expect(b.x >= 0 && b.x + b.width <= width, `${locale} ${picker}: ${await item.textContent()}`).toBe(true);
          }
          await page.keyboard.press('Escape');
        }
      }
    } finally {
      await context.close();
    }
  });

  test('the "/" search shortcut is not shown on a touch screen', async () => {
    const context = await newContext(browser(), PHONE);
    try {
      const page = await context.newPage();
      await page.goto(ARTICLE);
      expect(await page.locator('.search-kbd').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('article on a desktop (1280 px)', () => {
  test('the sidebar and "On this page" are open columns, with no menu button; Tab reaches their links', async () => {
    const context = await newContext(browser(), DESKTOP);
    try {
      const page = await context.newPage();
      await page.goto(ARTICLE);
      expect(await page.locator('nav.sidebar .menu > summary').isVisible()).toBe(false);
      expect(await page.locator('nav.toc .toc-details > summary').isVisible()).toBe(false);
      expect(await page.locator('nav.toc .toc-title').isVisible()).toBe(true);
      expect(await page.locator('nav.sidebar a[aria-current="page"]').isVisible()).toBe(true);
      expect(await page.locator('nav.toc a').first().isVisible()).toBe(true);
      const main = (await page.locator('main').boundingBox())!;
      expect((await page.locator('nav.toc').boundingBox())!.x).toBeGreaterThan(main.x + main.width - 1);
      await tabTo(page, 'nav.sidebar a[aria-current="page"]');
      await tabTo(page, 'nav.toc a');
    } finally {
      await context.close();
    }
  });

  test('the sidebar shows every section once the reader interacts, the current one open, from one JSON file', async () => {
    const context = await newContext(browser(), DESKTOP);
    try {
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('.json')) fetched.push(new URL(r.url()).pathname);
      });
      await page.goto(ARTICLE);
      const homeSections = await (async () => {
        const home = await context.newPage();
        await home.goto('/en/global/');
        const titles = await home.locator('.card h3').allTextContents();
        await home.close();
        return titles;
      })();
      // In the page itself: only the current section (its weight does not grow with the corpus).
      expect(await page.locator('nav.sidebar .nav-section').count()).toBe(1);
      expect(fetched).toEqual([]);
      await page.mouse.wheel(0, 200);
      await expect.poll(() => page.locator('nav.sidebar .nav-section').count()).toBe(homeSections.length);
      expect(await page.locator('nav.sidebar .nav-section > summary').allTextContents()).toEqual(homeSections);
      expect(fetched).toEqual(['/en/global/nav.json']);
      const open = page.locator('nav.sidebar .nav-section[open]');
      expect(await open.count()).toBe(1);
      expect(await open.locator('a[aria-current="page"]').getAttribute('href')).toBe(ARTICLE);
      // Another section opens on a click and its links stay in the reader's locale and cloud.
      const other = page.locator('nav.sidebar .nav-section:not([open]) > summary').first();
      await other.click();
      const links = await page.locator('nav.sidebar .nav-section[open] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.length).toBeGreaterThan(1);
      for (const href of links) expect(href).toMatch(/^\/en\/global\/[a-z0-9-]+\/$/);
    } finally {
      await context.close();
    }
  });

  test('"On this page" marks the section being read', async () => {
    // A short window, so that every section can be scrolled to the top.
    const context = await newContext(browser(), { viewport: { width: 1280, height: 420 } });
    try {
      const page = await context.newPage();
      await page.goto(ARTICLE);
      const ids = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
      expect(ids.length).toBeGreaterThan(2);
      const current = () => page.evaluate(() => document.querySelector('nav.toc a[aria-current]')?.getAttribute('href') ?? null);
      for (const id of [ids[1]!, ids[0]!, ids[2]!]) {
        await page.evaluate((i) => document.getElementById(i)!.scrollIntoView({ block: 'start' }), id);
        await page.mouse.wheel(0, 1);
        await expect.poll(current).toBe(`#${id}`);
      }
      expect(await page.locator('nav.toc a[aria-current]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  test('a heading has a visible # self-link that goes to its section and copies the URL', async () => {
    const context = await newContext(browser(), DESKTOP);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    try {
      const page = await context.newPage();
      await page.goto(ARTICLE);
      const wrap = page.locator('main .heading-wrap').first();
      const id = await wrap.locator('h2').getAttribute('id');
      const anchor = wrap.locator('a.heading-anchor');
      expect(await anchor.isVisible()).toBe(true);
      expect(await anchor.textContent()).toBe('#');
      expect(await anchor.getAttribute('aria-label')).toContain(await wrap.locator('h2').textContent());
      await anchor.click();
      await page.waitForURL((u) => u.hash === `#${id}`);
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`${ARTICLE}#${id}`, page.url()).href);
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Link copied');
    } finally {
      await context.close();
    }
  });

  test('the pickers: Escape closes one and returns focus to it, a click outside closes it, only one is open', async () => {
    const context = await newContext(browser(), DESKTOP);
    try {
      const page = await context.newPage();
      await page.goto(ARTICLE);
      const language = 'details[data-picker="language"]';
      const cloud = 'details[data-picker="cloud"]';
      await tabTo(page, `${language} > summary`);
      await page.keyboard.press('Enter');
      expect(await isOpen(page, language)).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect.poll(() => isOpen(page, language)).toBe(false);
      expect(await focusedMatches(page, `${language} > summary`)).toBe(true);

      await page.click(`${language} > summary`);
      expect(await isOpen(page, language)).toBe(true);
      await page.click(`${cloud} > summary`);
      await expect.poll(() => isOpen(page, language)).toBe(false);
      expect(await isOpen(page, cloud)).toBe(true);

      await page.click('main h1');
      await expect.poll(() => isOpen(page, cloud)).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  for (const [device, options] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    test(`the article, its menu, "On this page" and the link to every section work (${device})`, async () => {
      const context = await newContext(browser(), { ...options, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(ARTICLE);
        expect(await page.locator('main h1').isVisible()).toBe(true);
        if (device === 'phone') {
          await page.click('nav.sidebar .menu > summary');
          await page.click('nav.toc .toc-details > summary');
        }
        expect(await page.locator('nav.sidebar a[aria-current="page"]').isVisible()).toBe(true);
        expect(await page.locator('nav.toc a').first().isVisible()).toBe(true);
        const all = page.locator('nav.sidebar .other-sections a');
        expect(await all.isVisible()).toBe(true);
        await all.click();
        await page.waitForURL((u) => u.pathname === '/en/global/' && u.hash === '#sections');
        expect(await page.locator('#sections').count()).toBe(1);
      } finally {
        await context.close();
      }
    });
  }
});

describe('Japanese line breaking on a phone (390 px)', () => {
  test('no katakana word (パートナー, センター …) is split across two lines in headings, links and buttons', async () => {
    const context = await newContext(browser(), { ...PHONE, locale: 'ja-JP' });
    const split: string[] = [];
    try {
      const page = await context.newPage();
      for (const path of ['/ja/', '/ja/global/', '/ja/china/provide-billing-support/']) {
        await page.goto(path);
        await page.evaluate(() => document.fonts.ready);
        // As the page shows, then with each picker open: a closed <details>' content has no layout
        // to measure.
        for (const open of [null, 'language', 'cloud']) split.push(
          ...(await page.evaluate(([where, open]) => {
            for (const d of document.querySelectorAll<HTMLDetailsElement>('details[data-picker]')) d.open = d.dataset['picker'] === open;
            const out: string[] = [];
            for (const el of document.querySelectorAll('h1, h2, h3, a, summary, button, .badge')) {
              if (el.closest('details:not([open]) > :not(summary)')) continue;
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const m of node.textContent!.matchAll(/[ァ-ヶー]{3,}/g)) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
                  if (tops.size > 1) out.push(`${where}: "${m[0]}" in <${el.tagName.toLowerCase()}> "${el.textContent!.trim().slice(0, 40)}"`);
                }
              }
            }
            return out;
          }, [path, open] as const)),
        );
      }
    } finally {
      await context.close();
    }
    expect(split, split.join('\n')).toEqual([]);
  });
});
