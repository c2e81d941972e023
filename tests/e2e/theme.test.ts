/**
 * The theme toggle: switches `data-theme` on <html>, and the choice survives a reload. The toggle is
 * handled by the page module, loaded by that first click, so the checks wait for it (expect.poll).
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, useBrowser } from './helpers.ts';

const browser = useBrowser();

const theme = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(13, 17, 23)';

describe('theme toggle', () => {
  test('light system theme: toggling to dark sets data-theme, applies, and survives reloads and other pages', async () => {
    const context = await newContext(browser(), { colorScheme: 'light' });
    const page = await context.newPage();
    try {
      await page.goto('/en/global/provide-billing-support/');
      expect(await theme(page)).toBeNull();
      await expect.poll(() => background(page)).toBe(LIGHT_BG);

      await page.click('#theme-toggle');
      await expect.poll(() => theme(page)).toBe('dark');
      await expect.poll(() => background(page)).toBe(DARK_BG);

      await page.reload();
      await expect.poll(() => theme(page)).toBe('dark');
      await expect.poll(() => background(page)).toBe(DARK_BG);

      await page.goto('/ja/china/');
      await expect.poll(() => theme(page)).toBe('dark');

      await page.click('#theme-toggle');
      await expect.poll(() => theme(page)).toBe('light');
      await page.reload();
      await expect.poll(() => theme(page)).toBe('light');
      await expect.poll(() => background(page)).toBe(LIGHT_BG);
    } finally {
      await context.close();
    }
  });

  test('dark system theme: the first toggle goes to light, and light wins over the system after a reload', async () => {
    const context = await newContext(browser(), { colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      await page.goto('/ko/global/');
      expect(await theme(page)).toBeNull();
      await expect.poll(() => background(page)).toBe(DARK_BG);
      await page.click('#theme-toggle');
      await expect.poll(() => theme(page)).toBe('light');
      await expect.poll(() => background(page)).toBe(LIGHT_BG);
      await page.reload();
      await expect.poll(() => theme(page)).toBe('light');
      await expect.poll(() => background(page)).toBe(LIGHT_BG);
    } finally {
      await context.close();
    }
  });

  test('the toggle is a button with an accessible name, operable from the keyboard', async () => {
    const context = await newContext(browser(), { colorScheme: 'light' });
    const page = await context.newPage();
    try {
      await page.goto('/zh/global/');
      const name = await page.locator('#theme-toggle').getAttribute('aria-label');
      expect(name?.trim().length).toBeGreaterThan(0);
      await page.focus('#theme-toggle');
      await page.keyboard.press('Enter');
      await expect.poll(() => theme(page)).toBe('dark');
      await page.keyboard.press('Space');
      await expect.poll(() => theme(page)).toBe('light');
    } finally {
      await context.close();
    }
  });
});
