/**
 * The hostile-fixture browser test of the hardening issue: every body of tests/security/hostile.ts
 * is an article of one small site, built (`astro build`) and served by `npm run dev`, and each page
 * is opened in Chromium, hovered and given time; the sentinel `window.kbPwned` that every hostile
 * body tries to set stays undefined, in the page and in any frame.
 *
 * The build must not stop at the check, or the renderer would never meet the bodies: the site's
 * check baseline accepts every finding (a pull request can add one). One more article is carried by
 * a poisoned parse cache: its valid, verifying cache entry holds a script and an `onerror` image
 * (CI restores that cache folder), and a marker that proves the build used the entry.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIn, createIsolatedRoot, devIn, type DevServer, type IsolatedRoot } from '../../scripts/lib/isolated-build.ts';
import { baselineOf, writeBaseline } from '../../src/lib/checks/baseline.ts';
import { cacheDir, checkProject } from '../../src/lib/checks/project.ts';
import { cacheKey, encodeEntry, parseEntry } from '../../src/lib/model/parse-cache.ts';
import { HOSTILE, SENTINEL } from '../security/hostile.ts';
import { useBrowser } from './helpers.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const FRONT = (title: string): string => `---\ntitle: ${title}\nclouds: [global]\n---\n\n`;
/** Unique to this run, so the poisoned cache entry (keyed by the text) serves no other build. */
const CARRIER_MARK = `carrier-${process.pid}-${Date.now()}`;
const CARRIER_TEXT = `${FRONT('Cache carrier')}Harmless text ${CARRIER_MARK}.\n`;
const USED_MARK = 'the poisoned cache entry was used';
const SLUGS = [...HOSTILE.map((h) => `hostile-${h.name}`), 'hostile-cache-carrier'];

let site: IsolatedRoot;
let dist: StaticServer;
let dev: DevServer;
let poisoned: string;
const getBrowser = useBrowser();

beforeAll(async () => {
  site = createIsolatedRoot(undefined, 'kb-hostile-');
  // The files the bodies name (not images: a broken image is what fires onerror).
  for (const asset of ['none.png', 'media/none.png', 'media/x.png', 'media/none.mp4']) {
    mkdirSync(join(site.root, 'public', asset, '..'), { recursive: true });
    writeFileSync(join(site.root, 'public', asset), 'not an image\n');
  }
  const en = join(site.content, 'en');
  mkdirSync(en, { recursive: true });
  for (const h of HOSTILE) writeFileSync(join(en, `hostile-${h.name}.mdx`), FRONT(`Hostile ${h.name}`) + h.body);
  writeFileSync(join(en, 'hostile-cache-carrier.mdx'), CARRIER_TEXT);
  writeFileSync(join(site.content, 'navigation.yaml'), `sections:\n  - id: hostile\n    title: { en: Hostile, ko: Hostile, zh: Hostile, ja: Hostile }\n    items:\n${SLUGS.map((s) => `      - ${s}\n`).join('')}`);

  // The carrier's cache entry: what the parser gives, plus script, and valid as the cache checks it.
  const entry = parseEntry(CARRIER_TEXT);
  if (!entry.ok) throw new Error('the carrier does not parse');
  const tree = entry.parsed.hast as { children: unknown[] };
  tree.children.push(
    { type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: `window.${SENTINEL}='cache-script'` }] },
    { type: 'element', tagName: 'img', properties: { src: '/none.png', onError: `window.${SENTINEL}='cache-img'`, alt: '' }, children: [] },
    { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: USED_MARK }] },
  );
  const key = cacheKey(CARRIER_TEXT);
  poisoned = join(cacheDir(site.root, 'parse'), `${key}.json`);
  mkdirSync(cacheDir(site.root, 'parse'), { recursive: true });
  writeFileSync(poisoned, encodeEntry(key, JSON.stringify(entry)));

  // A baseline that accepts every finding, so the build renders every body.
  const checked = await checkProject({ root: site.root, useBaseline: false });
  writeBaseline(baselineOf(checked.all, checked.baseline.path, site.root, checked.lineText));
  const built = await buildIn(site.root);
  if (!built.ok) throw new Error(`the hostile site did not build:\n${built.output.slice(-4000)}`);
  dist = await serveStatic(site.dist);
  dev = await devIn(site.root);
}, 600_000);

afterAll(async () => {
  await dev?.stop();
  await dist?.close();
  if (poisoned) rmSync(poisoned, { force: true });
  site?.remove();
});

/** Opens `url`, hovers over the page and waits a moment; the sentinel's value in every frame. */
async function sentinelAfterVisit(browser: Browser, url: string): Promise<{ values: unknown[]; html: string }> {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page: Page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    for (let y = 40; y < 700; y += 110) for (let x = 40; x < 1200; x += 280) await page.mouse.move(x, y);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(200);
    const values = await Promise.all(page.frames().map((frame) => frame.evaluate((name) => (window as unknown as Record<string, unknown>)[name], SENTINEL).catch(() => undefined)));
    return { values, html: await page.content() };
  } finally {
    await context.close();
  }
}

describe.each([
  ['the built site', () => dist.url],
  ['npm run dev', () => dev.url],
])('hostile articles in %s', (_where, base) => {
  it.each(SLUGS)('%s runs no script', async (slug) => {
    const { values, html } = await sentinelAfterVisit(getBrowser(), `${base()}/en/global/${slug}/`);
    expect(values.filter((v) => v !== undefined), slug).toEqual([]);
    if (slug === 'hostile-cache-carrier' && base() === dist.url) expect(html).toContain(USED_MARK);
  }, 60_000);
});

it('the built carrier page came from the poisoned entry, and its script is not in the HTML', () => {
  const html = readFileSync(join(site.dist, 'en', 'global', 'hostile-cache-carrier', 'index.html'), 'utf8');
  expect(html).toContain(USED_MARK);
  expect(html).not.toContain(`${SENTINEL}='cache`);
});
