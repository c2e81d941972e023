/**
 * An author previewing with `npm run dev`, in a copy of the real content: an edit to an article
 * shows on the next request, and so does a new article, without restarting the server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedRoot, devIn, PROJECT_ROOT, type DevServer, type IsolatedRoot } from '../../scripts/lib/isolated-build.ts';

let site: IsolatedRoot;
let dev: DevServer;

beforeAll(async () => {
  site = createIsolatedRoot(join(PROJECT_ROOT, 'content'), 'kb-dev-');
  dev = await devIn(site.root);
}, 120_000);

afterAll(async () => {
  await dev?.stop();
  site?.remove();
});

async function page(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(dev.url + path);
  return { status: response.status, html: await response.text() };
}

/** The page once it satisfies `ready` (the watcher sees a save within a moment), or the last one. */
async function pageWhen(path: string, ready: (html: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const { status, html } = await page(path);
    last = `${status}\n${html}`;
    if (status === 200 && ready(html)) return html;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return last;
}

describe('npm run dev', () => {
  it('shows an edit to an article on the next request', async () => {
    const before = await page('/en/global/customer-support/');
    expect(before.status).toBe(200);
    expect(before.html).toMatch(/<h2 id="customer-support"[^>]*>Customer support</);

    const file = join(site.content, 'en', 'customer-support.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Customer support {', '## Customer support desk {'));
    const after = await pageWhen('/en/global/customer-support/', (html) => html.includes('Customer support desk'));
    expect(after).toMatch(/<h2 id="customer-support"[^>]*>Customer support desk</);
  }, 60_000);

  it('serves a new article at its URL without a restart', async () => {
    const source = readFileSync(join(site.content, 'en', 'customer-support.mdx'), 'utf8');
    const text = source
      .replace(/^title: .*$/m, 'title: Preview a new article')
      .replace(/^assetId: .*$/m, 'assetId: 0F6C1C52-9E8B-4A1D-B5E6-0D3A5C1E2F70');
    writeFileSync(join(site.content, 'en', 'preview-a-new-article.mdx'), text);
    const html = await pageWhen('/en/global/preview-a-new-article/', (h) => h.includes('Preview a new article'));
    expect(html).toMatch(/<h1[^>]*>Preview a new article</);
  }, 60_000);
});
