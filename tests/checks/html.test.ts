import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBuiltHtml } from '../../src/lib/checks/html.ts';
import { checkBuiltHtmlInParallel } from '../../src/lib/checks/html-parallel.ts';
import { readBuiltSite } from '../../src/lib/checks/project.ts';
import { at, brief, ofRule } from './helpers.ts';
import { cloudShortName, currentCloud, fillCloudTokens, newCloudToken } from '../../src/lib/render/cloud-token.ts';

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

describe('built-HTML pass over pages written from a template (src/lib/render/derive.ts)', () => {
  const token = newCloudToken('0123456789abcdef');
  const template = [
    '<html><body>',
    `<nav><a href="/en/${token}/only-global/">${cloudShortName(token, 'en')}</a></nav>`,
    `<main><a href="/en/${token}/y/#a">y</a> <a href="/en/global/y/#a">global y</a></main>`,
    `<ul><li aria-current="${currentCloud('global', token)}">g</li><li aria-current="${currentCloud('usgov', token)}">u</li></ul>`,
    `<p>${cloudShortName(token, 'en')}</p><p id="dup">a</p><p id="dup">b</p>`,
    '</body></html>',
  ].join('\n');
  const files: Record<string, string> = {
    'en/global/x/index.html': template,
    'en/global/only-global/index.html': '<p>only global</p>',
    'en/global/y/index.html': '<h2 id="a">A</h2>',
    'en/usgov/y/index.html': '<h2 id="b">B</h2>',
  };
  const derived = { token, templates: [{ file: 'en/global/x/index.html', locale: 'en' as const, pages: [{ file: 'en/global/x/index.html', cloud: 'global' as const }, { file: 'en/usgov/x/index.html', cloud: 'usgov' as const }] }] };
  const usgov = fillCloudTokens(template, token, 'en', 'usgov');
  const global = fillCloudTokens(template, token, 'en', 'global');
  const duplicate = (file: string, text: string) => ({ file, ...at(text, 'id="dup">b'), rule: 'html/duplicate-id', message: 'The id "dup" is on two elements of this page, so a link to #dup lands on the first.' });

  function onDisk(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kb-derived-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  it('reads each template once and reports a broken link or fragment of a page written from it, at its place in that page', () => {
    const dir = onDisk();
    try {
      const site = { ...readBuiltSite(dir, '.'), derived: { ...derived, write: true } };
      const d = checkBuiltHtml(site);
      expect(d.map(brief)).toEqual([
        duplicate('./en/global/x/index.html', global),
        { file: './en/usgov/x/index.html', ...at(usgov, 'href="/en/usgov/only-global/"'), rule: 'html/broken-link', message: 'The link "/en/usgov/only-global/" points to /en/usgov/only-global/, which was not built.' },
        { file: './en/usgov/x/index.html', ...at(usgov, 'href="/en/usgov/y/#a"'), rule: 'html/broken-fragment', message: 'The link "/en/usgov/y/#a" points to "#a", which is not an id on ./en/usgov/y/index.html.' },
        duplicate('./en/usgov/x/index.html', usgov),
      ]);
      // It wrote every cloud's page, the template's own too.
      expect(readFileSync(join(dir, 'en/usgov/x/index.html'), 'utf8')).toBe(usgov);
      expect(readFileSync(join(dir, 'en/global/x/index.html'), 'utf8')).toBe(global);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the same without writing, and on worker threads', async () => {
    const dir = onDisk();
    try {
      const site = { ...readBuiltSite(dir, '.'), derived: { ...derived, write: false } };
      const once = checkBuiltHtml(site);
      expect(once.map((x) => x.rule)).toEqual(['html/duplicate-id', 'html/broken-link', 'html/broken-fragment', 'html/duplicate-id']);
      expect(existsSync(join(dir, 'en/usgov/x/index.html'))).toBe(false);
      expect(await checkBuiltHtmlInParallel({ ...site, derived: { ...derived, write: true } }, { workers: 2, minPagesPerWorker: 1 })).toEqual(once);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

