/**
 * Builds a small fixture site with the real pipeline (`astro build` in an isolated root) and checks
 * that the expected pages exist, and that bad content fails the build naming file and field.
 * Page behaviour is tested on the view models (tests/site); this only proves the wiring.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIn, createIsolatedRoot, type IsolatedRoot } from '../../scripts/lib/isolated-build.ts';
import { checkBuiltHtml, pageFacts } from '../../src/lib/checks/html.ts';
import { isReservedId } from '../../src/lib/layout-ids.ts';
import { baselineOf, writeBaseline } from '../../src/lib/checks/baseline.ts';
import { checkProject, readBuiltSite } from '../../src/lib/checks/project.ts';

const fixture = join(import.meta.dirname, 'fixture', 'content');
const roots: IsolatedRoot[] = [];
afterAll(() => roots.forEach((r) => r.remove()));

let out: string;
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

describe('astro build of a fixture site', () => {
  let result: { ok: boolean; output: string };
  beforeAll(async () => {
    const site = createIsolatedRoot(fixture);
    roots.push(site);
    out = site.dist;
    // Editors on Windows save with a byte order mark: the build reads these files as the check does.
    for (const file of ['locales/ja/ui.json', 'content/en/beta.mdx', 'content/navigation.yaml']) {
      writeFileSync(join(site.root, file), '\uFEFF' + readFileSync(join(site.root, file), 'utf8'));
    }
    result = await buildIn(site.root, { KB_SKIP_SEARCH: '1' });
  }, 180_000);

  it('succeeds', () => {
    expect(result.output).not.toMatch(/\[ERROR\]|^\S+:\d+:\d+ error /m);
    expect(result.ok).toBe(true);
  });

  it('prints one route per line while pages render in parallel (src/build-log.ts)', () => {
    const routes = result.output.split('\n').filter((line) => line.includes('├─'));
    expect(routes.length).toBeGreaterThan(10);
    for (const line of routes) expect(line).toMatch(/^\S+ {3}├─ \/\S+$/);
    expect(result.output).not.toMatch(/^\s*\(\+\d/m);
  });

  it('builds every article in every locale and cloud it applies to, and nothing else', () => {
    for (const locale of ['en', 'ko', 'zh', 'ja']) {
      for (const cloud of ['global', 'usgov', 'germany', 'china']) {
        expect(existsSync(join(out, locale, cloud, 'alpha', 'index.html')), `${locale}/${cloud}/alpha`).toBe(true);
        expect(existsSync(join(out, locale, cloud, 'beta', 'index.html')), `${locale}/${cloud}/beta`).toBe(true);
        expect(existsSync(join(out, locale, cloud, 'index.html')), `${locale}/${cloud}/`).toBe(true);
      }
      expect(existsSync(join(out, locale, 'index.html'))).toBe(true);
    }
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, '404.html'))).toBe(true);
  });

  it('forwards the old URL of a moved article to the new one, in the reader\'s locale and cloud', () => {
    const moved = page('ko/china/old-alpha');
    expect(moved).toContain('<meta http-equiv="refresh" content="0; url=/ko/china/alpha/#details">');
    // The canonical URL of what the reader lands on: alpha's china variant is not translated into Korean.
    expect(moved).toMatch(/<link rel="canonical" href="https:\/\/[^"]+\/en\/china\/alpha\/">/);
    expect(moved).toContain('<meta name="robots" content="noindex">');
    expect(moved).toMatch(/<a href="\/ko\/china\/alpha\/#details"[^>]*>/);
  });

  it('puts on an article page no id outside the body that is not in the reserved list the check reads (issue 14, 6)', () => {
    const html = page('en/global/alpha');
    const body = /<article[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
    const sectionIds = pageFacts(body).ids;
    const layoutIds = [...pageFacts(html).ids].filter((id) => !sectionIds.has(id));
    expect(sectionIds.has('details')).toBe(true);
    expect(layoutIds.length).toBeGreaterThan(0);
    expect(layoutIds.filter((id) => !isReservedId(id))).toEqual([]);
  });

  it('sets <html lang> per locale, zh as zh-CN', () => {
    expect(page('zh/global/alpha')).toMatch(/<html lang="zh-CN"/);
    expect(page('ko/global/alpha')).toMatch(/<html lang="ko"/);
    expect(page('ja/global/alpha')).toMatch(/<html lang="ja"/);
  });

  it('renders the china variant for china readers, with facts and links in that cloud', () => {
    const china = page('en/china/alpha');
    expect(china).toContain('China details.');
    expect(china).toContain('Alpha is paid to 21Vianet.');
    const usgov = page('ko/usgov/alpha');
    expect(usgov).toContain('미국 정부 독자 전용입니다.');
    expect(usgov).toContain('href="/ko/usgov/beta/#details"');
    expect(page('ko/global/alpha')).not.toContain('미국 정부 독자 전용입니다.');
  });

  it('links footnote calls and notes both ways, labelled in the reader\'s language (the built-HTML pass found no broken fragment)', () => {
    const html = page('ko/global/beta');
    expect(html).toContain('<a href="#user-content-fn-2" id="user-content-fnref-2" data-footnote-ref aria-describedby="footnote-label">2</a>');
    expect(html).toContain('<li id="user-content-fn-2">');
    expect(html).toContain('<a href="#user-content-fnref-2" data-footnote-backref="" class="data-footnote-backref" aria-label="참조 2(으)로 돌아가기" lang="ko">');
    expect(html).toContain('<h2 class="sr-only" id="footnote-label" lang="ko">각주</h2>');
  });
});

/** The head facts search engines read, from one built page. */
function head(html: string) {
  return {
    canonical: /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1],
    noindex: html.includes('<meta name="robots" content="noindex">'),
    hreflang: [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => ({ lang: m[1]!, href: m[2]! })),
  };
}

describe('what search engines read: the sitemap and the page heads agree', () => {
  const sitemap = () => readFileSync(join(out, 'sitemap.xml'), 'utf8');
  const pages = () =>
    readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => ({ path: '/' + relative(out, join(e.parentPath, e.name)).split('\\').join('/').replace(/index\.html$/, ''), ...head(readFileSync(join(e.parentPath, e.name), 'utf8')) }));

  it('lists only canonical, self-referencing, indexable pages, and every hreflang target of the sitemap and of any page head', () => {
    const xml = sitemap();
    const listed = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    expect(listed.size).toBeGreaterThan(0);
    const built = new Map(pages().map((p) => [p.path, p]));
    for (const loc of listed) {
      const page = built.get(new URL(loc).pathname);
      expect(page, `${loc} is a built page`).toBeDefined();
      expect(page!.canonical, `${loc} names itself as canonical`).toBe(loc);
      expect(page!.noindex, `${loc} is indexable`).toBe(false);
    }
    for (const m of xml.matchAll(/hreflang="[^"]+" href="([^"]+)"/g)) expect(listed.has(m[1]!), `sitemap hreflang target ${m[1]}`).toBe(true);
    for (const page of built.values()) {
      for (const alt of page.hreflang) expect(listed.has(alt.href), `${page.path}: hreflang="${alt.lang}" ${alt.href} is in the sitemap`).toBe(true);
      if (page.canonical && !page.noindex) expect(listed.has(page.canonical), `${page.path}: canonical ${page.canonical} is in the sitemap`).toBe(true);
    }
  });

  it('points a usgov copy of a global page at the global URLs only', () => {
    const usgov = head(page('ko/usgov/alpha'));
    expect(usgov.canonical).toMatch(/\/ko\/global\/alpha\/$/);
    expect(usgov.hreflang.length).toBeGreaterThan(1);
    for (const alt of usgov.hreflang) expect(alt.href, `${alt.lang}`).toMatch(/\/(en|ko|zh|ja)\/global\/alpha\/$/);
  });

  it('gives an untranslated page served under /ko/ the English page as canonical, and never claims it is Korean', () => {
    const fallback = head(page('ko/global/beta'));
    expect(fallback.canonical).toMatch(/\/en\/global\/beta\/$/);
    expect(fallback.hreflang.map((a) => a.lang)).toEqual(['en', 'x-default']);
    for (const p of pages()) {
      for (const alt of p.hreflang) if (alt.lang === 'ko') expect(alt.href, `${p.path} claims ${alt.href} is Korean`).not.toMatch(/\/beta\/$/);
    }
  });

  it('asks on every article whether it helped, with a link to a prefilled issue naming page, locale and cloud', () => {
    const href = /<p class="feedback">[^<]*<a href="([^"]+)"/.exec(page('ko/usgov/alpha'))?.[1]?.replace(/&amp;/g, '&');
    expect(href).toBeDefined();
    const url = new URL(href!);
    expect(url.pathname).toMatch(/\/issues\/new$/);
    expect(url.searchParams.get('body')).toMatch(/^Page: https:\/\/[^\n]+\/ko\/usgov\/alpha\/\n[\s\S]*Locale: ko\nCloud: usgov\nSection: basics\n/);
  });

  it('gives every cloud home page its own title, naming its language and cloud', () => {
    const titles = ['en', 'ko'].flatMap((l) => ['global', 'usgov', 'germany', 'china'].map((c) => /<title>([^<]+)<\/title>/.exec(page(`${l}/${c}`))![1]!));
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles[3]).toContain('Partner Center operated by 21Vianet');
    expect(titles[3]).toContain('English');
    expect(titles[4]).toContain('파트너 센터');
    expect(titles[4]).toContain('한국어');
  });
});

describe('the built-HTML pass on a real build', () => {
  it('reports every link to a page that is missing from the build, at the link', () => {
    // Run after the page tests above: remove one built page, as a broken route or layout would.
    rmSync(join(out, 'ko', 'usgov', 'beta'), { recursive: true });
    const diagnostics = checkBuiltHtml(readBuiltSite(out, '.'));
    const broken = diagnostics.filter((d) => d.rule === 'html/broken-link');
    expect(broken.length).toBeGreaterThan(0);
    for (const d of broken) expect(d.message).toContain('/ko/usgov/beta/');
    const alpha = broken.find((d) => d.file.endsWith('ko/usgov/alpha/index.html'))!;
    const html = readFileSync(join(out, 'ko', 'usgov', 'alpha', 'index.html'), 'utf8').split('\n');
    expect(html[alpha.line - 1]!.slice(alpha.column - 1)).toMatch(/^href="\/ko\/usgov\/beta\//);
  });
});

describe('a build with bad content', () => {
  it('prints the diagnostics and one line saying the build stopped, no stack trace (issue 14, 8); a baseline lets it through (issue 13, 10)', async () => {
    const site = createIsolatedRoot(fixture);
    roots.push(site);
    const path = join(site.content, 'en', 'beta.mdx');
    writeFileSync(path, readFileSync(path, 'utf8').replace('clouds: [global, usgov, germany, china]', 'clouds: [global, atlantis]'));
    const result = await buildIn(site.root, { KB_SKIP_SEARCH: '1' });
    expect(result.ok).toBe(false);
    const line = readFileSync(path, 'utf8').split('\n').findIndex((l) => l.startsWith('clouds:')) + 1;
    expect(result.output).toContain(`content/en/beta.mdx:${line}:18 error schema/frontmatter "atlantis" is not a cloud of this site (clouds: global, usgov, germany, china)`);
    expect(result.output).toMatch(/The build stopped: content checks found 1 error \(above; npm run check lists every finding\)\./);
    expect(result.output).not.toMatch(/unhandled error|^\s+at .+:\d+:\d+\)?$/im);

    // Accepted in the baseline, the same fault no longer stops the build, which says so.
    const checked = await checkProject({ root: site.root, diskCache: false });
    writeBaseline(baselineOf(checked.all, checked.baseline.path, site.root, checked.lineText));
    const accepted = await buildIn(site.root, { KB_SKIP_SEARCH: '1' });
    expect(accepted.output).toMatch(/content checks: no errors.*, 1 baselined/);
    expect(accepted.ok).toBe(true);
  }, 360_000);
});
