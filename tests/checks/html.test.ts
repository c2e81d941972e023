import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBuiltHtml } from '../../src/lib/checks/html.ts';
import { checkBuiltHtmlInParallel } from '../../src/lib/checks/html-parallel.ts';
import { readBuiltSite } from '../../src/lib/checks/project.ts';
import { at, ofRule } from './helpers.ts';

const root = fileURLToPath(new URL('./fixtures/site/', import.meta.url));
const billingPath = 'built/en/global/billing/index.html';
const billing = readFileSync(root + billingPath, 'utf8');

describe('built-HTML link pass', () => {
  const d = checkBuiltHtml(readBuiltSite(root, 'built'));

  it('reports hrefs to pages that were not built, at the attribute', () => {
    expect(ofRule(d, 'html/broken-link')).toEqual([
      { file: billingPath, ...at(billing, 'href="/en/global/missing-page/"'), rule: 'html/broken-link', message: 'The link "/en/global/missing-page/" points to /en/global/missing-page/, which was not built.' },
    ]);
  });

  it('reports #fragments missing on the target page, and accepts those present (relative and same-page too)', () => {
    expect(ofRule(d, 'html/broken-fragment')).toEqual([
      { file: billingPath, ...at(billing, 'href="/en/global/escalate/#nowhere"'), rule: 'html/broken-fragment', message: 'The link "/en/global/escalate/#nowhere" points to "#nowhere", which is not an id on built/en/global/escalate/index.html.' },
    ]);
  });

  it('reports javascript: URLs in built pages', () => {
    expect(ofRule(d, 'html/unsafe-url')).toEqual([
      { file: billingPath, ...at(billing, 'href="javascript'), rule: 'html/unsafe-url', message: 'The built page has a link with a javascript: URL.' },
    ]);
  });

  it('stays silent on a page whose links all resolve', () => {
    expect(d.filter((x) => x.file.includes('escalate'))).toEqual([]);
    expect(d).toHaveLength(3);
  });

  it('finds the same faults when the pages are read on worker threads, where a fragment target is in the other thread\'s share', async () => {
    const site = readBuiltSite(root, 'built');
    const parallel = await checkBuiltHtmlInParallel(site, { workers: 2, minPagesPerWorker: 1 });
    expect(parallel.map((x) => x.rule).sort()).toEqual(['html/broken-fragment', 'html/broken-link', 'html/unsafe-url']);
    expect(parallel).toEqual([...d].sort((a, b) => a.line - b.line));
  });
});

describe('built-HTML duplicate ids (issue 14, 6)', () => {
  it('reports an id a page has twice, at the second; the content of a <template> is not the page', async () => {
    const { pageFacts } = await import('../../src/lib/checks/html.ts');
    const page = '<main id="content"><h2 id="content">Content</h2></main><template id="t"><main id="content"></main></template><p id="t">x</p>';
    const facts = pageFacts(page);
    expect(facts.duplicateIds.map((d) => ({ id: d.id, at: page.slice(d.offset, d.offset + 12) }))).toEqual([
      { id: 'content', at: 'id="content"' },
      { id: 't', at: 'id="t">x</p>' },
    ]);
    expect(facts.duplicateIds[0]!.offset).toBe(page.indexOf('<h2') + 4);
  });
});
