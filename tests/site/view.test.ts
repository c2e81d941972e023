import { describe, expect, it } from 'vitest';
import { parseGitLog } from '../../src/lib/git-dates.ts';
import { articleView, homeView, movedPaths, notInCloudPaths, notInCloudView } from '../../src/lib/view.ts';
import { mdx, model } from '../model/helpers.ts';

const nav = {
  path: 'content/navigation.yaml',
  text: [
    'sections:',
    '  - id: support',
    '    title: { en: Support, ko: 지원, zh: 支持, ja: サポート }',
    '    items: [first, second, global-only, third]',
    '  - id: more',
    '    title: { en: More, ko: 더 보기, zh: 更多, ja: その他 }',
    '    items: [fourth]',
  ].join('\n'),
};
const all = '[global, usgov, germany, china]';
const article = (title: string, clouds = all) => mdx({ title, clouds }, '## Section {/* #section */}\n\nText.\n');

function kb(koHash?: (enHash: string) => string, method = 'human') {
  const first = model({ 'en/first.mdx': article('First') }).kb.article('first')!.variants[0]!.files.en!.hash;
  const ko = mdx(
    { title: '첫 번째', clouds: all, translation: `{ sourceHash: ${koHash ? koHash(first) : first}, method: ${method} }` },
    '## 섹션 {/* #section */}\n\n텍스트.\n',
  );
  return model(
    {
      'en/first.mdx': article('First'),
      'ko/first.mdx': ko,
      'en/second.mdx': article('Second'),
      'en/global-only.mdx': article('Global only', '[global]'),
      'en/third.mdx': article('Third'),
      'en/fourth.mdx': article('Fourth'),
      'en/unlisted.mdx': article('Unlisted'),
    },
    { navigation: nav },
  ).kb;
}

describe('article view', () => {
  it('shows no notice on an up-to-date human translation, and the translation is the canonical, indexable page', () => {
    const k = kb();
    const view = articleView(k, k.page('ko', 'global', 'first')!);
    expect(view.notices).toEqual([]);
    expect(view.contentLocale).toBe('ko');
    expect(view.canonicalPath).toBe('/ko/global/first/');
    expect(view.indexable).toBe(true);
    expect(view.edit).toEqual({ kind: 'edit', href: 'https://github.com/partner-kb/partner-kb/edit/main/content/ko/first.mdx' });
  });

  it('pages of other clouds served by the same variant point to one canonical URL and are not indexed', () => {
    const k = kb();
    const view = articleView(k, k.page('ko', 'usgov', 'first')!);
    expect(view.canonicalPath).toBe('/ko/global/first/');
    expect(view.indexable).toBe(false);
  });

  it('on a missing translation: English content, a fallback notice, not indexed, and an edit link that starts the translation', () => {
    const k = kb();
    const view = articleView(k, k.page('ja', 'china', 'second')!);
    expect(view.notices).toEqual([{ kind: 'fallback' }]);
    expect(view.contentLocale).toBe('en');
    expect(view.indexable).toBe(false);
    // The copy names the English page as canonical and is never claimed as Japanese.
    expect(view.canonicalPath).toBe('/en/global/second/');
    expect(view.hreflang).toEqual([{ locale: 'en', href: '/en/global/second/' }]);
    expect(view.edit).toEqual({
      kind: 'translate',
      href: 'https://github.com/partner-kb/partner-kb/new/main?filename=content%2Fja%2Fsecond.mdx',
    });
  });

  it('flags machine translations with a link to English and the side-by-side view', () => {
    const k = kb(undefined, 'machine');
    expect(articleView(k, k.page('ko', 'china', 'first')!).notices).toEqual([
      { kind: 'machine', englishHref: '/en/china/first/', compareHref: '/ko/global/first/compare/' },
    ]);
  });

  it('says once, with one link to English, that a machine translation is also outdated', () => {
    const k = kb(() => 'ffffffffffffffff', 'machine');
    expect(articleView(k, k.page('ko', 'china', 'first')!).notices).toEqual([
      { kind: 'stale', machine: true, englishHref: '/en/china/first/', compareHref: '/ko/global/first/compare/', sourcePath: 'content/en/first.mdx' },
    ]);
  });

  it('lists as hreflang alternates the canonical URL of each translation, on every cloud\'s copy', () => {
    const k = kb();
    for (const cloud of ['global', 'usgov', 'germany', 'china'] as const) {
      expect(articleView(k, k.page('ko', cloud, 'first')!).hreflang).toEqual([
        { locale: 'en', href: '/en/global/first/' },
        { locale: 'ko', href: '/ko/global/first/' },
      ]);
    }
  });

  it('links "Was this page helpful?" to a new issue prefilled with page, locale, cloud and section', () => {
    const k = kb();
    const href = new URL(articleView(k, k.page('ko', 'china', 'first')!).feedback.href);
    expect(href.origin + href.pathname).toBe('https://github.com/partner-kb/partner-kb/issues/new');
    expect(href.searchParams.get('title')).toBe('Feedback: 첫 번째');
    expect(href.searchParams.get('body')).toBe(
      'Page: https://partner-kb.example/ko/china/first/\nArticle: first (content/ko/first.mdx)\nLocale: ko\nCloud: china\nSection: support\n\nWhat was missing, wrong or unclear?\n',
    );
  });

  it('flags a translation whose English source changed', () => {
    const k = kb(() => 'ffffffffffffffff');
    expect(articleView(k, k.page('ko', 'global', 'first')!).notices).toEqual([
      { kind: 'stale', englishHref: '/en/global/first/', compareHref: '/ko/global/first/compare/', sourcePath: 'content/en/first.mdx' },
    ]);
  });

  it('keeps every navigation link in the reader\'s locale and cloud, marks untranslated targets and skips other clouds\' articles', () => {
    const k = kb();
    const view = articleView(k, k.page('ko', 'china', 'second')!);
    expect(view.sidebar.sectionTitle).toBe('지원');
    expect(view.sidebar.items).toEqual([
      { href: '/ko/china/first/', label: '첫 번째' },
      { href: '/ko/china/second/', label: 'Second', fallback: true, current: true },
      { href: '/ko/china/third/', label: 'Third', fallback: true },
    ]);
    expect(view.sidebar.allSectionsHref).toBe('/ko/china/#sections');
    expect(view.previous).toEqual({ href: '/ko/china/first/', label: '첫 번째' });
    expect(view.next).toEqual({ href: '/ko/china/third/', label: 'Third', fallback: true });
    expect(view.breadcrumbs).toEqual([{ href: '/ko/china/', label: '' }, { href: '/ko/china/#support', label: '지원' }]);
  });

  it('offers the same article in every locale and the clouds where it exists', () => {
    const k = kb();
    const view = articleView(k, k.page('en', 'global', 'global-only')!);
    expect(view.alternates.map((a) => a.href)).toEqual(['/en/global/global-only/', '/ko/global/global-only/', '/zh/global/global-only/', '/ja/global/global-only/']);
    expect(view.clouds).toEqual([
      { cloud: 'global', href: '/en/global/global-only/' },
      { cloud: 'usgov', href: undefined },
      { cloud: 'germany', href: undefined },
      { cloud: 'china', href: undefined },
    ]);
    expect(view.toc).toEqual([{ id: 'section', text: 'Section', depth: 2 }]);
  });

  it('says where an article exists when visited in a cloud it does not apply to', () => {
    const k = kb();
    expect(notInCloudView(k, 'ko', 'china', 'global-only')?.availableIn).toEqual([{ cloud: 'global', href: '/ko/global/global-only/' }]);
    expect(notInCloudView(k, 'ko', 'global', 'global-only')).toBeUndefined();
    expect(notInCloudPaths(k).filter((p) => p.locale === 'en')).toEqual([
      { locale: 'en', cloud: 'usgov', slug: 'global-only' },
      { locale: 'en', cloud: 'germany', slug: 'global-only' },
      { locale: 'en', cloud: 'china', slug: 'global-only' },
    ]);
  });
});

describe('home view', () => {
  it('lists the sections in navigation order, only articles of the reader\'s cloud, and unlisted articles last', () => {
    const sections = homeView(kb(), 'ko', 'china');
    expect(sections.map((s) => [s.id, s.items.map((i) => i.href)])).toEqual([
      ['support', ['/ko/china/first/', '/ko/china/second/', '/ko/china/third/']],
      ['more', ['/ko/china/fourth/']],
      ['other-articles', ['/ko/china/unlisted/']],
    ]);
  });
});

describe('last-updated dates from git', () => {
  const log = '\0aaa 2026-11-02T10:00:00+00:00\n\ncontent/en/a.mdx\ncontent/ko/a.mdx\n\0bbb 2026-10-01T09:00:00+00:00\n\ncontent/en/a.mdx\ncontent/en/b.mdx\n';
  it('takes the newest commit of each file', () => {
    expect(Object.fromEntries(parseGitLog(log))).toEqual({
      'content/en/a.mdx': '2026-11-02T10:00:00+00:00',
      'content/ko/a.mdx': '2026-11-02T10:00:00+00:00',
      'content/en/b.mdx': '2026-10-01T09:00:00+00:00',
    });
  });
  it('gives no date on a shallow clone where the newest commit is the boundary', () => {
    expect(Object.fromEntries(parseGitLog(log, new Set(['bbb'])))).toEqual({
      'content/en/a.mdx': '2026-11-02T10:00:00+00:00',
      'content/ko/a.mdx': '2026-11-02T10:00:00+00:00',
    });
  });
});

describe('moved articles', () => {
  const moved = model(
    { 'en/first.mdx': article('First'), 'ko/first.mdx': mdx({ title: '첫 번째', clouds: all }, '## 섹션 {/* #section */}\n\n텍스트.\n'), 'en/global-only.mdx': article('Global only', '[global]') },
    {
      redirects: {
        path: 'content/redirects.yaml',
        // A chain, an anchor, a target in one cloud only, a target that does not exist, and a slug that is still an article.
        text: ['old-first: first', 'older-first: old-first', 'old-section: first#section', 'old-global: global-only', 'old-global-section: global-only#section', 'gone: nowhere', 'first: global-only'].join('\n'),
      },
    },
  ).kb;
  const paths = movedPaths(moved);
  const to = (locale: string, cloud: string, slug: string) => paths.find((p) => p.locale === locale && p.cloud === cloud && p.slug === slug)?.to;

  it('serves every old slug that leads to an article, in every locale and cloud, at the reader\'s URL of the new article', () => {
    expect([...new Set(paths.map((p) => p.slug))].sort()).toEqual(['old-first', 'old-global', 'old-global-section', 'old-section', 'older-first']);
    expect(paths).toHaveLength(5 * 4 * 4);
    expect(to('ko', 'china', 'older-first')).toEqual({ href: '/ko/china/first/', title: '첫 번째' });
    expect(to('en', 'usgov', 'old-section')).toEqual({ href: '/en/usgov/first/#section', title: 'First' });
    // Where the new article does not apply, its "not in this cloud" page says where it does.
    expect(to('ja', 'china', 'old-global')).toEqual({ href: '/ja/china/global-only/', title: 'Global only' });
  });

  it('leads to a section only where the reader\'s page has it: the "not in this cloud" page has none', () => {
    expect(to('en', 'global', 'old-global-section')).toEqual({ href: '/en/global/global-only/#section', title: 'Global only' });
    expect(to('ko', 'china', 'old-global-section')).toEqual({ href: '/ko/china/global-only/', title: 'Global only' });
  });

  it('makes no page for a redirect that leads nowhere, or from a slug that is an article', () => {
    expect(paths.some((p) => p.slug === 'gone' || p.slug === 'first')).toBe(false);
  });
});
