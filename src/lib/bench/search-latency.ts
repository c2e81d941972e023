/**
 * What a reader waits for and downloads when searching, measured in Chromium as a reader meets it:
 * an article page is open; the reader focuses the header search (which loads the search module,
 * Pagefind's engine and the search data: the "preload"), then types a query key by key. Reported:
 * the bytes of the preload, the bytes transferred from the first keystroke until the results of the
 * whole query are shown (index chunks, filter, the shown results' fragments), and the time from the
 * last keystroke to those results on the page.
 *
 * The network is Chrome DevTools' "Fast 4G" profile, applied with the DevTools protocol's
 * `Network.emulateNetworkConditions` (request-level throttling, as DevTools itself does it); bytes
 * are each response's encoded body and headers (what crossed the wire). Every measurement is a
 * first visit, in a new browser context.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';

/** Chrome DevTools' "Fast 4G" preset (`Fast4GConditions` in devtools-frontend's NetworkManager.ts). */
export const FAST_4G = {
  offline: false,
  latency: 60 * 2.75,
  downloadThroughput: ((9 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((1.5 * 1000 * 1000) / 8) * 0.9,
} as const;

export interface TypedSearchCost {
  locale: string;
  query: string;
  /** Bytes fetched after the search field got focus, before the first keystroke. */
  preloadBytes: number;
  preloadRequests: number;
  /** Bytes fetched from the first keystroke until the results of the whole query were shown. */
  queryBytes: number;
  queryRequests: number;
  /** `queryBytes` by kind of file: Pagefind's index chunks, filter, fragments (page data), other. */
  queryParts: Record<'index' | 'filter' | 'fragment' | 'other', number>;
  /** Milliseconds from the last keystroke to the results of the whole query on the page. */
  firstResultsMs: number;
  /** Results the page says it found. */
  results: number;
}

interface Counter {
  inFlight: Set<Request>;
  /** Bytes and requests finished since the last `take`, and resets them. */
  take(): Promise<{ bytes: number; requests: number; parts: TypedSearchCost['queryParts'] }>;
}

/**
 * Counts what crosses the wire for the whole browser context (Pagefind fetches from its shared
 * worker, whose requests the page's own DevTools session does not see): each finished request's
 * encoded body and headers.
 */
function countBytes(context: BrowserContext): Counter {
  const inFlight = new Set<Request>();
  let sizes: Promise<{ url: string; bytes: number }>[] = [];
  context.on('request', (r) => void inFlight.add(r));
  context.on('requestfailed', (r) => void inFlight.delete(r));
  context.on('requestfinished', (r) => {
    inFlight.delete(r);
    sizes.push(r.sizes().then((s) => ({ url: r.url(), bytes: s.responseBodySize + s.responseHeadersSize })));
  });
  return {
    inFlight,
    async take() {
      const mine = sizes;
      sizes = [];
      const all = await Promise.all(mine);
      const parts = { index: 0, filter: 0, fragment: 0, other: 0 };
      for (const { url, bytes } of all) parts[(/\/pagefind\/(index|filter|fragment)\//.exec(url)?.[1] as keyof typeof parts | undefined) ?? 'other'] += bytes;
      return { bytes: all.reduce((a, b) => a + b.bytes, 0), requests: all.length, parts };
    },
  };
}

/** Resolves once no request has been in flight for `quietMs`. */
async function networkIdle(counter: Counter, quietMs = 400, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  let quietSince = Date.now();
  while (Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 50));
    if (counter.inFlight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
  }
  throw new Error(`the network did not go quiet within ${timeoutMs} ms`);
}

/**
 * Measures one typed search on `${baseUrl}${articlePath}` (a page with the header search box) in a
 * fresh browser context. `keyDelayMs` is the pause between keystrokes (a reader's typing speed);
 * `throttle: false` measures without the network profile (what the machine alone takes).
 */
export async function measureTypedSearch(
  browser: Browser,
  baseUrl: string,
  articlePath: string,
  locale: string,
  query: string,
  options: { keyDelayMs?: number; throttle?: boolean } = {},
): Promise<TypedSearchCost> {
  const { keyDelayMs = 150, throttle = true } = options;
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    const counter = countBytes(context);
    // Applied to the page's session; Chromium throttles the shared worker it starts the same way.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (throttle) await cdp.send('Network.emulateNetworkConditions', FAST_4G);
    await page.goto(baseUrl + articlePath, { waitUntil: 'load' });
    await networkIdle(counter);
    // When the list first shows the results of the whole query, and the last keystroke.
    await page.evaluate(() => {
      const w = window as unknown as { kbLastInput: number; kbShown: Record<string, number> };
      w.kbShown = {};
      const input = document.querySelector('form[data-search="box"] input')!;
      input.addEventListener('input', () => (w.kbLastInput = performance.now()), { capture: true });
      const results = document.querySelector('form[data-search="box"] [data-search-results]')!;
      new MutationObserver(() => {
        const shown = (results as HTMLElement).dataset['query'];
        if (shown !== undefined && !(shown in w.kbShown)) w.kbShown[shown] = performance.now();
      }).observe(results, { childList: true, attributes: true, attributeFilter: ['data-query'] });
    });
    await counter.take();
    await page.locator('form[data-search="box"] input').focus();
    await networkIdle(counter);
    const preload = await counter.take();
    await page.keyboard.type(query, { delay: keyDelayMs });
    await page.waitForFunction((q) => q in ((window as unknown as { kbShown: Record<string, number> }).kbShown ?? {}), query.normalize('NFKC').replace(/\s+/g, ' ').trim(), { timeout: 60_000 });
    await networkIdle(counter);
    const typed = await counter.take();
    const timing = await page.evaluate((q) => {
      const w = window as unknown as { kbLastInput: number; kbShown: Record<string, number> };
      return w.kbShown[q]! - w.kbLastInput;
    }, query.normalize('NFKC').replace(/\s+/g, ' ').trim());
    const status = (await page.locator('form[data-search="box"] [data-search-status]').textContent()) ?? '';
    return {
      locale,
      query,
      preloadBytes: preload.bytes,
      preloadRequests: preload.requests,
      queryBytes: typed.bytes,
      queryRequests: typed.requests,
      queryParts: typed.parts,
      firstResultsMs: timing,
      results: Number(/\d[\d,]*/.exec(status)?.[0]?.replace(/,/g, '') ?? 0),
    };
  } finally {
    await context.close();
  }
}
