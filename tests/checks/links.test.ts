import { describe, expect, it } from 'vitest';
import { at, brief, check, lineOf, mdx, ofRule, problems, translationOf } from './helpers.ts';

const target = mdx({
  title: 'Billing',
  clouds: ['global', 'usgov', 'germany', 'china'],
  body: '## Billing disputes {/* #billingdisputes */}\n\nText.\n',
});

describe('links', () => {
  it('stays silent for article, relative, .md, anchor-only, asset and external links that resolve', () => {
    const page = mdx({
      body: [
        '## Here {/* #here */}',
        '',
        '[a](billing.mdx#billingdisputes) [b](./billing.mdx) [c](billing.md) [d](#here)',
        '[e](https://example.com/x) ![f](/media/x.png) [g](mailto:someone@example.com)',
        '',
      ].join('\n'),
    });
    const d = check({ files: { 'content/en/page.mdx': page, 'content/en/billing.mdx': target }, assets: ['/media/x.png'] });
    expect(problems(d)).toEqual([]);
  });

  it('reports a missing article with a did-you-mean suggestion', () => {
    const page = mdx({ body: 'See [billing](biling.mdx) now.\n' });
    const d = check({ files: { 'content/en/page.mdx': page, 'content/en/billing.mdx': target } });
    expect(ofRule(d, 'link/missing-article')).toEqual([
      { file: 'content/en/page.mdx', ...at(page, '[billing]'), rule: 'link/missing-article', message: 'The link "biling.mdx" points to an article "biling" that does not exist.' },
    ]);
    expect(d.find((x) => x.rule === 'link/missing-article')?.hint).toBe('Replace "biling.mdx" with "billing.mdx".');
  });

  it('reports a missing anchor once, whichever reader meets it, naming the article', () => {
    const page = mdx({ clouds: ['global', 'usgov'], body: 'See [it](billing.mdx#disputes).\n' });
    const d = check({ files: { 'content/en/page.mdx': page, 'content/en/billing.mdx': target } });
    expect(ofRule(d, 'link/missing-anchor')).toEqual([
      {
        file: 'content/en/page.mdx',
        ...at(page, '[it]'),
        rule: 'link/missing-anchor',
        message: 'The link "billing.mdx#disputes" points to a section "#disputes" that no file of "billing" has.',
      },
    ]);
    expect(d.find((x) => x.rule === 'link/missing-anchor')?.hint).toBe('Replace "billing.mdx#disputes" with "billing.mdx#billingdisputes".');
  });

  it('reports a missing anchor of a translated target once, not once per locale of the target (issue 14, 4)', () => {
    // An untranslated page is read in every locale; each locale's reader reaches another file of the target.
    const page = mdx({ body: 'See [c](billing.mdx#Setup).\n' });
    const billing = mdx({ body: '## Setup {/* #setup */}\n' });
    const ko = translationOf(billing, { title: '청구', body: '## 설정 {/* #setup */}\n' });
    const zh = translationOf(billing, { title: '账单', body: '## 设置 {/* #setup */}\n' });
    const d = check({ files: { 'content/en/page.mdx': page, 'content/en/billing.mdx': billing, 'content/ko/billing.mdx': ko, 'content/zh/billing.mdx': zh } });
    expect(ofRule(d, 'link/missing-anchor')).toEqual([
      { file: 'content/en/page.mdx', ...at(page, '[c]'), rule: 'link/missing-anchor', message: 'The link "billing.mdx#Setup" points to a section "#Setup" that no file of "billing" has.' },
    ]);
    expect(d.filter((x) => x.severity === 'error')).toHaveLength(1);
  });

  it('reports a link to an article not published in the page\'s cloud', () => {
    const globalOnly = mdx({ clouds: ['global'], body: 'Global only.\n' });
    const page = mdx({ clouds: ['global', 'china'], body: 'See [it](global-only.mdx).\n' });
    const d = check({ files: { 'content/en/page.mdx': page, 'content/en/global-only.mdx': globalOnly } });
    expect(ofRule(d, 'link/not-in-cloud')).toEqual([
      {
        file: 'content/en/page.mdx',
        ...at(page, '[it]'),
        rule: 'link/not-in-cloud',
        message: 'The link "global-only.mdx" points to "global-only", which is not published for the cloud of this page (it is for global only) (for readers of china in en, ko, zh, ja).',
      },
    ]);
  });

  it('warns when the target is not translated into the page\'s locale, and not when it is', () => {
    const en = mdx({ body: 'See [it](billing.mdx).\n' });
    const ko = translationOf(en, { body: '참조 [it](billing.mdx).\n' });
    const d = check({ files: { 'content/en/page.mdx': en, 'content/ko/page.mdx': ko, 'content/en/billing.mdx': target } });
    expect(ofRule(d, 'link/fallback')).toEqual([
      {
        file: 'content/ko/page.mdx',
        ...at(ko, '[it]'),
        rule: 'link/fallback',
        message: 'The link "billing.mdx" points to "billing", which is not translated into ko; readers get the English page (for readers of global, usgov, germany, china in ko).',
      },
    ]);
    const translated = check({
      files: { 'content/en/page.mdx': en, 'content/ko/page.mdx': ko, 'content/en/billing.mdx': target, 'content/ko/billing.mdx': translationOf(target, { title: '청구', body: '## 청구 분쟁 {/* #billingdisputes */}\n' }) },
    });
    expect(ofRule(translated, 'link/fallback')).toEqual([]);
  });

  it('reports missing assets, redirects, unsafe, malformed, empty and hard-coded site URLs at the link', () => {
    const page = mdx({
      body: [
        '![pic](/media/missing.png)',
        '[old](old-billing.mdx#billingdisputes)',
        '[js](javascript:alert(1))',
        '[bad](https://intranet/x)',
        '[empty]()',
        '[abs](/en/global/billing/#billingdisputes)',
        '',
      ].join('\n'),
    });
    const d = check({ files: { 'content/en/page.mdx': page, 'content/en/billing.mdx': target }, redirects: 'old-billing: billing\n' });
    const file = 'content/en/page.mdx';
    expect(ofRule(d, 'link/missing-asset')).toEqual([{ file, ...at(page, '![pic]'), rule: 'link/missing-asset', message: 'The file "/media/missing.png" does not exist in public/ (looked for public/media/missing.png).' }]);
    expect(ofRule(d, 'link/redirected')).toEqual([{ file, ...at(page, '[old]'), rule: 'link/redirected', message: 'The link "old-billing.mdx#billingdisputes" points to "old-billing", which has moved to "billing".' }]);
    expect(d.find((x) => x.rule === 'link/redirected')?.hint).toBe('Replace "old-billing.mdx#billingdisputes" with "billing.mdx#billingdisputes".');
    expect(ofRule(d, 'link/unsafe-url')).toEqual([{ file, ...at(page, '[js]'), rule: 'link/unsafe-url', message: 'The link "javascript:alert(1)" uses the "javascript:" scheme, which content may not use.' }]);
    expect(ofRule(d, 'link/malformed-url')).toEqual([{ file, ...at(page, '[bad]'), rule: 'link/malformed-url', message: 'The URL "https://intranet/x" is malformed: "intranet" is not a full host name.' }]);
    expect(ofRule(d, 'link/empty')).toEqual([{ file, ...at(page, '[empty]'), rule: 'link/empty', message: 'The link has an empty URL.' }]);
    expect(ofRule(d, 'link/absolute-internal')).toEqual([{ file, ...at(page, '[abs]'), rule: 'link/absolute-internal', message: 'The link "/en/global/billing/#billingdisputes" hard-codes a site URL, so it leaves the reader\'s language and cloud.' }]);
    expect(d.find((x) => x.rule === 'link/absolute-internal')?.hint).toBe('Replace "/en/global/billing/#billingdisputes" with "billing.mdx#billingdisputes".');
  });

  it('checks an English page shown as a fallback in the reader\'s locale against that locale\'s target', () => {
    // page.mdx is not translated: a ko reader sees it in English, and its link leads to the ko billing page.
    const page = mdx({ clouds: ['global'], body: 'See [it](billing.mdx#billingdisputes).\n' });
    const koBilling = translationOf(target, { title: '청구', body: '## 청구 분쟁 {/* #other */}\n' });
    const d = check({ files: { 'content/en/page.mdx': page, 'content/en/billing.mdx': target, 'content/ko/billing.mdx': koBilling } });
    // The id exists in English, so the ko target dropped it: reported at the target, not the link,
    // once: the translation's id differs from its source's, and the broken link is a consequence.
    expect(ofRule(d, 'link/missing-anchor')).toEqual([]);
    const errors = d.filter((x) => x.severity === 'error');
    expect(errors.map(brief)).toEqual([
      {
        file: 'content/ko/billing.mdx',
        ...at(koBilling, '## 청구 분쟁'),
        rule: 'translation/anchors',
        message: `The English source gives this section the id "#billingdisputes" (content/en/billing.mdx:${lineOf(target, '#billingdisputes')}); this translation has "#other".`,
      },
    ]);
    expect(errors[0]!.consequences?.map(brief)).toEqual([
      {
        file: 'content/ko/billing.mdx',
        ...at(koBilling, '## 청구 분쟁'),
        rule: 'variant/anchor',
        message: `This file has no section "#billingdisputes", which content/en/billing.mdx has and content/en/page.mdx:${lineOf(page, '[it]')} links to (for readers of global in ko).`,
      },
    ]);
  });
});
