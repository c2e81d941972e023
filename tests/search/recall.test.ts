/**
 * The search faults of issue 15, each as the query that showed it, against the real content (and a
 * small fixture for what the content does not have), indexed as the build indexes it and searched
 * with Pagefind's own engine as the search UI searches (query plan, ranking, excerpts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../scripts/lib/isolated-build.ts';
import { serveStatic } from '../../src/lib/bench/search-cost.ts';
import { resultView, type ExcerptPart } from '../../src/lib/search/excerpt.ts';
import { buildLocalSearchSite, type LocalSearchSite } from '../../src/lib/search/local-index.ts';
import { siteSearch, type SearchHit, type SiteSearch } from '../../src/lib/search/node-search.ts';
import { planQuery } from '../../src/lib/search/query.ts';
import type { Cloud, Locale } from '../../src/lib/site.ts';

interface Searched {
  site: LocalSearchSite;
  server: { url: string; close(): Promise<void> };
  search: SiteSearch;
}

async function open(root: string): Promise<Searched> {
  const site = await buildLocalSearchSite(root);
  const server = await serveStatic(site.dir);
  return { site, server, search: await siteSearch(site.dir, server.url) };
}

async function shut(s: Searched | undefined): Promise<void> {
  await s?.search.close();
  await s?.server.close();
  s?.site.remove();
}

let content: Searched;
let fixture: Searched;

beforeAll(async () => {
  [content, fixture] = await Promise.all([open(PROJECT_ROOT), open(join(PROJECT_ROOT, 'tests', 'search', 'fixture'))]);
}, 120_000);

afterAll(async () => {
  await shut(content);
  await shut(fixture);
});

const slugOf = (hit: SearchHit) => new URL(hit.url).pathname.split('/')[3];
const cloudOf = (hit: SearchHit) => new URL(hit.url).pathname.split('/')[2];
const find = (locale: Locale, query: string, cloud: Cloud = 'global', limit = 10) => content.search.search(locale, cloud, query, limit);
const marked = (parts: ExcerptPart[]) => parts.filter((p) => p.mark).map((p) => p.text);
const shown = (parts: ExcerptPart[]) => parts.map((p) => p.text).join('');

describe('everyday words and spelling variants (synonyms in content/terminology.yaml)', () => {
  it.each([
    ['zh', '账单', 'provide-billing-support'],
    ['zh', '对账', 'report-problems-on-behalf-of-a-customer'],
    ['ko', '마이크로소프트', 'escalate-problems-to-microsoft'],
    ['ja', 'マイクロソフト', 'escalate-problems-to-microsoft'],
  ] as const)('%s "%s" finds %s', async (locale, query, slug) => {
    const hits = await find(locale, query);
    expect(hits.map(slugOf), query).toContain(slug);
  });
});

describe('questions', () => {
  it.each([
    ['en', 'china', 'when should I escalate', 'escalate-problems-to-microsoft'],
    ['en', 'global', 'why do my customers get messages from Microsoft', 'customer-communication-from-microsoft'],
    ['zh', 'china', '怎么把问题升级到世纪互联', 'escalate-problems-to-microsoft'],
    ['zh', 'global', '如何将问题升级到 Microsoft', 'escalate-problems-to-microsoft'],
    ['ja', 'china', 'いつエスカレートすべきですか', 'escalate-problems-to-microsoft'],
    ['ja', 'global', '問題をエスカレートする方法', 'escalate-problems-to-microsoft'],
    ['ko', 'global', '청구 분쟁을 에스컬레이션하는 방법', 'provide-billing-support'],
  ] as const)('%s/%s "%s" finds %s first, with every word that is not a question word', async (locale, cloud, query, slug) => {
    const hits = await find(locale, query, cloud);
    expect(hits.map(slugOf)[0], hits.map(slugOf).join(', ')).toBe(slug);
    expect(hits[0]!.partial, 'a complete match').toBe(false);
  });

  it('falls back to the best partial match rather than nothing', async () => {
    const hits = await find('en', 'escalate zqxwv');
    expect(hits.length).toBeGreaterThan(0);
    expect(slugOf(hits[0]!)).toBe('escalate-problems-to-microsoft');
    expect(hits[0]!.partial).toBe(true);
    // Two words no page has together: pages with one of them.
    const apart = await find('en', 'zebrafish escalate');
    expect(apart.length).toBeGreaterThan(0);
  });
});

describe('Korean stems', () => {
  it('문의 finds the page that says 문의해야, first', async () => {
    const hits = await find('ko', '문의');
    expect(hits.map(slugOf)).toEqual(['non-payment-fraud-or-misuse']);
  });

  it('결과 finds pages with 결과, never a page for 결제 first', async () => {
    const hits = await find('ko', '결과');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.content, slugOf(hit)).toContain('결과');
  });

  // Pagefind backs a query word that no index word begins with off to a shorter prefix (주의 → 주,
  // 인보이스 → 인): such a word is not on any page, and must neither match nor be highlighted.
  it('주의 (on no page) finds nothing, never a page with 주는', async () => {
    expect((await find('ko', '주의')).map(slugOf)).toEqual([]);
  });

  it.each([
    ['ko', '청구서'],
    ['ko', '인보이스'],
    ['ko', '주의 청구서'],
    ['ko', '마이크로소프트로부터'],
    ['ja', '請求書の誤り'],
  ] as const)('%s "%s" highlights only words that begin with a term looked up', async (locale, query) => {
    const hits = await find(locale, query);
    expect(hits.length, query).toBeGreaterThan(0);
    for (const hit of hits) {
      const terms = hit.terms;
      const v = resultView(hit.data, hit.locations, hit.url, { locale, terms });
      for (const text of marked(v.excerpt)) expect(terms.some((t) => text.toLowerCase().startsWith(t)), `${slugOf(hit)}: ${shown(v.excerpt)}`).toBe(true);
    }
  });

  it.each([
    ['마이크로소프트로부터', 'escalate-problems-to-microsoft'],
    ['Microsoft로부터 메시지를 받는 이유', 'customer-communication-from-microsoft'],
  ])('a compound particle (로부터) leaves the word and its synonyms: %s finds %s', async (query, slug) => {
    expect((await find('ko', query)).map(slugOf), query).toContain(slug);
  });

  it('a noun and its particle forms are one term (청구, 청구를, 청구의)', async () => {
    const slugs = async (q: string) => (await find('ko', q)).map(slugOf);
    expect(await slugs('청구를')).toEqual(await slugs('청구'));
    expect(await slugs('청구의')).toEqual(await slugs('청구'));
  });
});

describe('whole-term matches rank first', () => {
  it.each([
    ['ja', '顧客アカウント'],
    ['zh', '客户帐户'],
    ['ko', '고객 계정'],
    ['zh', '计费争议'],
  ] as const)('%s "%s": every page with the whole term comes before any without it', async (locale, query) => {
    const hits = await find(locale, query);
    const whole = hits.map((h) => h.content.replace(/\s+/g, '').includes(query.replace(/\s+/g, '')));
    expect(whole[0], hits.map(slugOf).join(', ')).toBe(true);
    expect(whole.indexOf(false) === -1 || whole.lastIndexOf(true) < whole.indexOf(false), whole.join(' ')).toBe(true);
  });
});

describe('English terms', () => {
  it('US Government: pages with the whole term come first, the acronym is not a stop word', async () => {
    const hits = await find('en', 'US Government', 'usgov');
    expect(hits.length).toBeGreaterThan(0);
    const v = resultView(hits[0]!.data, hits[0]!.locations, hits[0]!.url, { locale: 'en', terms: hits[0]!.terms });
    expect(marked(v.excerpt), `${slugOf(hits[0]!)}: ${shown(v.excerpt)}`).toEqual(expect.arrayContaining(['US', 'Government']));
  });
});

describe('excerpts', () => {
  const view = async (locale: Locale, query: string) => {
    const [hit] = await find(locale, query, 'global', 1);
    const terms = planQuery(locale, query).variants.flatMap((v) => v.terms);
    return resultView(hit!.data, hit!.locations, hit!.url, { locale, terms });
  };

  it('highlight the matched words only, never the punctuation around them (경우(청구)', async () => {
    for (const [locale, query] of [['ko', '청구'], ['en', 'billing'], ['zh', '计费'], ['ja', '請求']] as const) {
      const v = await view(locale, query);
      expect(marked(v.excerpt).length, `${locale} ${shown(v.excerpt)}`).toBeGreaterThan(0);
      for (const text of marked(v.excerpt)) expect(text, `${locale}: ${shown(v.excerpt)}`).toMatch(/^[\p{L}\p{N}]+$/u);
    }
  });

  it('link to the section that matches (deep link)', async () => {
    const hits = await find('en', 'severity business impact');
    const v = resultView(hits[0]!.data, hits[0]!.locations, hits[0]!.url, { locale: 'en', terms: ['severity', 'business', 'impact'] });
    expect(new URL(v.url).hash).toBe('#severity');
  });
});

describe('every page a reader can open is findable in its language and cloud', () => {
  it('an untranslated article is in the Korean index, marked as English', async () => {
    const hits = await fixture.search.search('ko', 'global', 'zebrafish', 5);
    expect(hits.map(slugOf)).toEqual(['untranslated']);
    expect(new URL(hits[0]!.url).pathname).toBe('/ko/global/untranslated/');
    expect(hits[0]!.data.meta['fallback']).toBe('en');
  });

  it('text for one cloud is found by that cloud\'s readers only', async () => {
    for (const locale of ['en', 'ko'] as const) {
      const usgov = await fixture.search.search(locale, 'usgov', 'FedRAMP', 5);
      expect(usgov.map(slugOf), locale).toEqual(['invoices']);
      expect(cloudOf(usgov[0]!)).toBe('usgov');
      expect(await fixture.search.search(locale, 'global', 'FedRAMP', 5), locale).toEqual([]);
    }
  });

  it('excerpts use the reader\'s cloud\'s wording', async () => {
    const [usgov] = await fixture.search.search('en', 'usgov', 'invoices', 1);
    expect(usgov!.content).toContain('Partner Center for Microsoft Cloud for US Government');
    const [global] = await fixture.search.search('en', 'global', 'invoices', 1);
    expect(global!.content).not.toContain('US Government');
    expect(cloudOf(global!)).toBe('global');
  });
});

describe('results stay in the reader\'s cloud', () => {
  it('a 21Vianet term finds the 21Vianet variants, linked in the 21Vianet cloud', async () => {
    for (const [locale, term] of [['zh', '世纪互联'], ['en', '21Vianet'], ['ko', '21Vianet에'], ['ja', '21Vianet']] as const) {
      const hits = await find(locale, term, 'china', 5);
      expect(hits.slice(0, 3).map(slugOf), `${locale}: ${term}`).toContain('escalate-problems-to-microsoft');
      for (const hit of hits) {
        expect(cloudOf(hit)).toBe('china');
        expect(hit.clouds).toContain('china');
      }
    }
  });

  it('the global escalation article is not returned to a 21Vianet reader, and vice versa', async () => {
    const china = await find('en', 'escalate', 'china');
    expect(china.every((h) => !h.content.includes('Microsoft Partner Support'))).toBe(true);
    for (const hit of await find('en', 'escalate', 'global')) {
      expect(hit.clouds).toContain('global');
      expect(hit.clouds).not.toEqual(['china']);
    }
  });
});
