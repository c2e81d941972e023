/** Shared helpers of the e2e tests: the browser connection, contexts, URLs and axe. */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CLOUDS, LOCALES, type Cloud, type Locale } from '../../src/lib/site.ts';

export { CLOUDS, LOCALES, type Cloud, type Locale };
export const LOCALE_CODES = LOCALES.map((l) => l.code);

/** Fixture articles (tests/e2e/fixture-content/always). */
export const FIXTURE = {
  untranslated: 'e2e-untranslated',
  machine: 'e2e-machine',
  stale: 'e2e-stale',
  globalOnly: 'e2e-global-only',
} as const;

export function baseURL(): string {
  const url = inject('e2eBaseURL');
  if (!url) throw new Error('No e2eBaseURL: run the e2e tests with tests/e2e/global-setup.ts as globalSetup (see tests/e2e/vitest.e2e.config.ts).');
  return url;
}

/**
 * Connects to the one Chromium started by global-setup for the duration of a test file and returns
 * a getter (the connection only exists once beforeAll ran).
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    const ws = inject('e2eWsEndpoint');
    if (!ws) throw new Error('No e2eWsEndpoint: run with tests/e2e/global-setup.ts as globalSetup.');
    browser = await chromium.connect(ws);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is not connected yet');
    return browser;
  };
}

/** A fresh context (empty localStorage) with the site's base URL; closes with the test's finally. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseURL(), locale: 'en-US', colorScheme: 'light', ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/**
 * Waits (briefly) for the page to reach `path`, then asserts it, so a missing redirect fails with
 * "expected '/ko/' to be '/ko/china/'" rather than a bare timeout.
 */
export async function expectPath(page: Page, path: string, message?: string, timeout = 5_000): Promise<void> {
  try {
    await page.waitForURL((u) => u.pathname === path, { timeout });
  } catch {
    // Reported by the assertion below.
  }
  expect(pathOf(page), message ?? `page should be at ${path}`).toBe(path);
}

export function cloudName(cloud: Cloud, locale: Locale): string {
  return CLOUDS.find((c) => c.id === cloud)!.name[locale];
}

export function htmlLang(locale: Locale): string {
  return LOCALES.find((l) => l.code === locale)!.htmlLang;
}

export function nativeName(locale: Locale): string {
  return LOCALES.find((l) => l.code === locale)!.nativeName;
}

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary: string | undefined }[];
}

/**
 * Makes axe-core present in every page of a context from the start (much faster than injecting it
 * into each page afterwards: the audit of ~60 pages is ~40 % quicker).
 */
export async function preloadAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: AXE_PATH });
}

/** Runs axe-core on the page; returns the violations of impact serious or critical. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function formatViolations(url: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${url}: no serious or critical violations`;
  return [
    `${url}: ${violations.length} serious/critical axe violation(s)`,
    ...violations.map((v) =>
      [
        `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
        ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
      ].join('\n'),
    ),
  ].join('\n');
}

/** Serves `/` without its forwarding script, so the page itself can be inspected. */
export async function withoutRootRedirect(page: Page): Promise<void> {
  await page.route(/^[^?#]*\/\/[^/]+\/(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script>(?:(?!<\/script>)[\s\S])*location\.replace(?:(?!<\/script>)[\s\S])*<\/script>/, '');
    await route.fulfill({ response, body });
  });
}
