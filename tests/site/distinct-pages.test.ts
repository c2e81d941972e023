/**
 * Which article pages share one rendering, on the fixture that tests/build/derive.test.ts builds
 * both ways: every way a page can differ between clouds splits it, and nothing else does.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/checks/project.ts';
import type { KnowledgeBase } from '../../src/lib/model/kb.ts';
import { newCloudToken } from '../../src/lib/render/cloud-token.ts';
import { distinctPages, type PageGroup } from '../../src/lib/render/distinct-pages.ts';
import { ReaderCloud, sameAnswers } from '../../src/lib/render/reader-cloud.ts';
import { createParseCache } from '../../src/lib/model/parse-cache.ts';

const root = join(import.meta.dirname, '..', 'build', 'derive-fixture');
const token = newCloudToken('00000000000000aa');
let kb: KnowledgeBase;
let groups: PageGroup[];

beforeAll(async () => {
  kb = (await loadProject({ root, parseCache: createParseCache() })).kb;
  groups = distinctPages(kb, () => (key) => key, token);
});

const of = (locale: string, slug: string) => groups.filter((g) => g.locale === locale && g.slug === slug).map((g) => g.clouds);

describe('distinctPages', () => {
  it('gives each article page exactly one group', () => {
    const listed = groups.flatMap((g) => g.clouds.map((c) => `${g.locale}/${c}/${g.slug}`)).sort();
    expect(listed).toEqual(kb.pages().map((p) => `${p.locale}/${p.cloud}/${p.article.slug}`).sort());
  });

  it('renders a variant once for the clouds whose readers get the same page (navigation, neighbours, facts and links alike)', () => {
    expect(of('en', 'epsilon')).toEqual([['global', 'usgov', 'germany']]);
    // A fallback page (English under ko) too.
    expect(of('ko', 'epsilon')).toEqual([['global', 'usgov', 'germany']]);
  });

  it('renders a cloud apart when its page differs: a <CloudOnly> block, a fact, the navigation or the neighbours', () => {
    // usgov has a <CloudOnly> block; germany's sidebar lacks gamma (global and usgov only).
    expect(of('en', 'alpha')).toEqual([['global'], ['usgov'], ['germany'], ['china']]);
    // The phone fact differs for usgov.
    expect(of('ko', 'gamma')).toEqual([['global'], ['usgov']]);
    // germany: no gamma in the sidebar, and delta's previous article is beta, not gamma.
    expect(of('ja', 'delta')).toEqual([['global', 'usgov'], ['germany']]);
    expect(of('zh', 'beta')).toEqual([['global', 'usgov'], ['germany'], ['china']]);
  });
});

describe('ReaderCloud', () => {
  it('records every question a page asks, and another cloud is the same page only if every answer is the same', () => {
    const asking = new ReaderCloud(kb, 'en', 'global', token);
    asking.fact('operator');
    expect(sameAnswers(kb, 'en', 'germany', token, asking.answers)).toBe(true);
    asking.fact('phone');
    expect(sameAnswers(kb, 'en', 'germany', token, asking.answers)).toBe(true);
    expect(sameAnswers(kb, 'en', 'usgov', token, asking.answers)).toBe(false);
    const linking = new ReaderCloud(kb, 'en', 'global', token);
    expect(linking.link('gamma.mdx#steps', 'delta')).toMatchObject({ status: 'ok', href: `/en/${token}/gamma/#steps` });
    expect(sameAnswers(kb, 'en', 'usgov', token, linking.answers)).toBe(true);
    expect(sameAnswers(kb, 'en', 'germany', token, linking.answers)).toBe(false);
    const including = new ReaderCloud(kb, 'en', 'global', token);
    including.includes(['global', 'germany']);
    expect(sameAnswers(kb, 'en', 'germany', token, including.answers)).toBe(true);
    expect(sameAnswers(kb, 'en', 'usgov', token, including.answers)).toBe(false);
  });
});
