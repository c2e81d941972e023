/**
 * An author previewing with `npm run dev`, in a copy of the real content: an edit to an article
 * shows on the next request, and so does a new article, without restarting the server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedRoot, devIn, PROJECT_ROOT, type DevServer, type IsolatedRoot } from '../../scripts/lib/isolated-build.ts';
import { baselineOf, writeBaseline } from '../../src/lib/checks/baseline.ts';
import { checkProject } from '../../src/lib/checks/project.ts';

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
async function pageWhen(path: string, ready: (html: string) => boolean, timeoutMs = 20_000, status = 200): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const response = await page(path);
    last = `${response.status}\n${response.html}`;
    if (response.status === status && ready(response.html)) return response.html;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return last;
}

/** 1-based line and column of `text` in a file. */
function positionIn(path: string, text: string): string {
  const lines = readFileSync(path, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  return `${line + 1}:${lines[line]!.indexOf(text) + 1}`;
}

/** What a page says, as text: tags removed (the dev server adds attributes to them), entities decoded. */
const text = (html: string): string =>
  html.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

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

describe('npm run dev reports content problems where the author looks (issue 14, 8)', () => {
  it('a broken link: in the terminal and on the page, with the real reason', async () => {
    const file = join(site.content, 'en', 'customer-support.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n## /, '\nSee [the desk](customer-desk.mdx).\n\n## '));
    const where = `content/en/customer-support.mdx:${positionIn(file, '[the desk]')}`;
    const html = await pageWhen('/en/global/customer-support/', (h) => h.includes('the desk'));
    // (Its consequences: the translations and the China variant of an English file with an error wait for it.)
    expect(text(html)).toContain(`${where} error link/missing-article The link "customer-desk.mdx" points to an article "customer-desk" that does not exist`);
    expect(html).toMatch(/<span class="unavailable-link" title="Broken link: the page it points to does not exist"[^>]*>the desk<\/span>/);
    expect(html).not.toContain('not available in');
    expect(dev.output()).toContain(`${where} error link/missing-article`);
  }, 60_000);

  it('an MDX syntax error: that page shows the content file, line and column; the other pages keep working', async () => {
    const file = join(site.content, 'en', 'customer-self-support.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## What customers can do themselves', 'An unclosed {brace here.\n\n## What customers can do themselves'));
    const where = `content/en/customer-self-support.mdx:${positionIn(file, '{brace')}`;
    const html = text(await pageWhen('/en/global/customer-self-support/', (h) => h.includes('content errors'), 20_000, 500));
    expect(html).toContain(`${where} error content/mdx-syntax`);
    expect((await page('/en/global/provide-billing-support/')).status).toBe(200);
    expect(dev.output()).toContain(`${where} error content/mdx-syntax`);
  }, 60_000);

  it('a translation that does not parse shows its diagnostics, not the English as if it were untranslated', async () => {
    const file = join(site.content, 'ko', 'provide-billing-support.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n열린 중괄호 {닫히지 않음\n`);
    const where = `content/ko/provide-billing-support.mdx:${positionIn(file, '{닫히지')}`;
    const html = text(await pageWhen('/ko/global/provide-billing-support/', (h) => h.includes('content errors'), 20_000, 500));
    expect(html).toContain(`${where} error content/mdx-syntax`);
    // The other languages of the article keep working.
    expect((await page('/zh/global/provide-billing-support/')).status).toBe(200);
  }, 60_000);

  it('a file with a safety error shows the diagnostics instead of the page', async () => {
    const file = join(site.content, 'en', 'provide-technical-support.mdx');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n<script>window.stolen = 1</script>\n');
    const html = await pageWhen('/en/global/provide-technical-support/', (h) => h.includes('content errors'), 20_000, 500);
    expect(text(html)).toMatch(/content\/en\/provide-technical-support\.mdx:\d+:1 error safety\/script Content may not contain a <script> element/);
    expect(html).not.toMatch(/<script[^>]*>window\.stolen/);
  }, 60_000);
});

describe('npm run dev honours the check baseline (issue 13, 10), as check and build do', () => {
  it('a finding the baseline accepts is neither printed nor shown on its page, and the terminal says how many it accepts', async () => {
    const file = join(site.content, 'en', 'increasing-adoption-and-satisfaction.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n## /, '\nSee [the old survey](old-survey.mdx).\n\n## '));
    const finding = `content/en/increasing-adoption-and-satisfaction.mdx:${positionIn(file, '[the old survey]')} error link/missing-article`;
    expect(text(await pageWhen('/en/global/increasing-adoption-and-satisfaction/', (h) => text(h).includes(finding)))).toContain(finding);

    // The team accepts that one finding (as `npm run check -- --update-baseline` would write it).
    const checked = await checkProject({ root: site.root, diskCache: false, useBaseline: false });
    const accepted = checked.all.filter((d) => d.file === 'content/en/increasing-adoption-and-satisfaction.mdx' && d.rule === 'link/missing-article');
    expect(accepted).toHaveLength(1);
    const printedBefore = dev.output().length;
    writeBaseline(baselineOf(accepted, checked.baseline.path, site.root, checked.lineText));

    const html = await pageWhen('/en/global/increasing-adoption-and-satisfaction/', (h) => !text(h).includes(finding));
    expect(text(html)).not.toContain(finding);
    expect(html).toContain('the old survey');
    const deadline = Date.now() + 20_000;
    while (!/1 baselined \(content\/\.check-baseline\.json\)/.test(dev.output().slice(printedBefore)) && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 250));
    const printed = dev.output().slice(printedBefore);
    expect(printed).toMatch(/1 baselined \(content\/\.check-baseline\.json\)/);
    expect(printed).not.toContain(finding);
  }, 90_000);
});
