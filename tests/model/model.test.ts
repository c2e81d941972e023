import { describe, expect, it } from 'vitest';
import { provenanceHash, provenanceHashOfSource } from '../../src/lib/hash.ts';
import { resolveLink } from '../../src/lib/model/resolve.ts';
import { mdx, model } from './helpers.ts';

const billingEn = mdx(
  { title: 'Provide billing support', clouds: '[global, usgov, germany]' },
  '## Billing disputes {/* #billingdisputes */}\n\nText.\n\n## Microsoft resources {/* #microsoftresources */}\n\nMore.\n',
);
const billingChinaEn = mdx(
  { title: 'Provide billing support', clouds: '[china]' },
  '## Escalate billing disputes to 21Vianet {/* #billingdisputes */}\n\nText.\n',
);
const supportEn = mdx(
  { title: 'Customer support', clouds: '[global, usgov, germany, china]' },
  'See [billing](provide-billing-support.mdx#billingdisputes) and [resources](provide-billing-support.md#microsoftresources).\n',
);
const globalOnly = mdx({ title: 'Global only', clouds: '[global]' }, 'Hello.\n');

function kbWithKorean() {
  const source = model({ 'en/provide-billing-support.mdx': billingEn }).kb.article('provide-billing-support')!.variants[0]!.files.en!;
  const billingKo = mdx(
    { title: '청구 지원 제공', clouds: '[global, usgov, germany]', translation: `{ sourceHash: ${source.hash}, method: human }` },
    '## 청구 분쟁 {/* #billingdisputes */}\n\n텍스트.\n\n## Microsoft 리소스 {/* #microsoftresources */}\n\n더 보기.\n',
  );
  return model(
    {
      'en/provide-billing-support.mdx': billingEn,
      'en/provide-billing-support.china.mdx': billingChinaEn,
      'en/customer-support.mdx': supportEn,
      'en/global-only.mdx': globalOnly,
      'ko/provide-billing-support.mdx': billingKo,
    },
    { redirects: { path: 'content/redirects.yaml', text: 'old-billing: provide-billing-support\n' }, assets: ['/media/flow.png'] },
  );
}

describe('variant selection per cloud', () => {
  it('gives each cloud the variant that lists it', () => {
    const { kb, diagnostics } = kbWithKorean();
    expect(diagnostics).toEqual([]);
    expect(kb.variantFor('provide-billing-support', 'global')?.key).toBe('');
    expect(kb.variantFor('provide-billing-support', 'usgov')?.key).toBe('');
    expect(kb.variantFor('provide-billing-support', 'china')?.key).toBe('china');
    expect(kb.article('provide-billing-support')?.clouds).toEqual(['global', 'usgov', 'germany', 'china']);
  });

  it('shows the translation where it exists and falls back to English where it does not', () => {
    const { kb } = kbWithKorean();
    const ko = kb.page('ko', 'usgov', 'provide-billing-support')!;
    expect(ko.file.path).toBe('content/ko/provide-billing-support.mdx');
    expect(ko.fallback).toBe(false);
    expect(ko.canonicalCloud).toBe('global');
    const koChina = kb.page('ko', 'china', 'provide-billing-support')!;
    expect(koChina.file.path).toBe('content/en/provide-billing-support.china.mdx');
    expect(koChina.fallback).toBe(true);
    expect(koChina.canonicalCloud).toBe('china');
  });

  it('has no page for an article outside its clouds', () => {
    const { kb } = kbWithKorean();
    expect(kb.page('en', 'china', 'global-only')).toBeUndefined();
    const pages = kb.pages().filter((p) => p.article.slug === 'global-only');
    expect(pages.map((p) => `${p.locale}/${p.cloud}`)).toEqual(['en/global', 'ko/global', 'zh/global', 'ja/global']);
  });
});

describe('link resolution per locale and cloud', () => {
  const { kb } = kbWithKorean();
  const at = (locale: 'en' | 'ko', cloud: 'global' | 'china' | 'usgov', href: string) =>
    resolveLink(kb, { locale, cloud, slug: 'customer-support' }, href);

  it('writes the reader\'s locale and cloud into the URL, for .mdx, .md and bare forms', () => {
    expect(at('ko', 'usgov', 'provide-billing-support.mdx#billingdisputes')).toMatchObject({
      kind: 'article', status: 'ok', href: '/ko/usgov/provide-billing-support/#billingdisputes', fallback: false,
    });
    expect(at('en', 'global', './provide-billing-support.md')).toMatchObject({ status: 'ok', href: '/en/global/provide-billing-support/' });
    expect(at('en', 'global', 'provide-billing-support')).toMatchObject({ status: 'ok', href: '/en/global/provide-billing-support/' });
  });

  it('checks the anchor in the variant the reader of that cloud sees', () => {
    expect(at('en', 'global', 'provide-billing-support.mdx#microsoftresources')).toMatchObject({ status: 'ok' });
    expect(at('en', 'china', 'provide-billing-support.mdx#microsoftresources')).toMatchObject({
      status: 'missing-anchor', target: { path: 'content/en/provide-billing-support.china.mdx' },
    });
  });

  it('marks English fallback targets', () => {
    expect(at('ko', 'china', 'provide-billing-support.mdx#billingdisputes')).toMatchObject({ status: 'ok', fallback: true });
  });

  it('reports a target outside the reader\'s cloud and a missing article with suggestions', () => {
    expect(at('en', 'china', 'global-only.mdx')).toMatchObject({ status: 'not-in-cloud' });
    expect(at('en', 'global', 'provide-biling-support.mdx')).toMatchObject({
      status: 'missing-article', suggestions: ['provide-billing-support'],
    });
    expect(at('en', 'global', 'provide-billing-support.mdx#billingdispute')).toMatchObject({
      status: 'missing-anchor', suggestions: ['billingdisputes'],
    });
  });

  it('follows redirects, resolves same-page anchors and classifies other URLs', () => {
    expect(at('en', 'global', 'old-billing.mdx#billingdisputes')).toMatchObject({
      status: 'ok', slug: 'provide-billing-support', redirectedFrom: 'old-billing',
    });
    expect(resolveLink(kb, { locale: 'en', cloud: 'global', slug: 'provide-billing-support' }, '#billingdisputes')).toMatchObject({
      status: 'ok', href: '/en/global/provide-billing-support/#billingdisputes',
    });
    expect(at('en', 'global', 'https://learn.microsoft.com/partner-center/')).toEqual({ kind: 'external', href: 'https://learn.microsoft.com/partner-center/' });
    expect(at('en', 'global', ' JavaScript:alert(1)')).toMatchObject({ kind: 'unsafe', scheme: 'javascript' });
    expect(at('en', 'global', 'java\tscript:alert(1)')).toMatchObject({ kind: 'unsafe' });
    expect(at('en', 'global', 'data:text/html,x')).toMatchObject({ kind: 'unsafe', scheme: 'data' });
    expect(at('en', 'global', '/media/flow.png')).toEqual({ kind: 'asset', href: '/media/flow.png', exists: true });
    expect(at('en', 'global', '/media/missing.png')).toMatchObject({ kind: 'asset', exists: false });
    expect(at('en', 'global', '/en/global/customer-support/')).toMatchObject({ kind: 'site-path' });
    expect(at('en', 'global', 'https://intranet/')).toMatchObject({ kind: 'malformed' });
  });
});

describe('provenance hashing', () => {
  it('is stable across line endings and trailing spaces, and changes with the text', () => {
    const a = provenanceHash({ title: 'T', description: 'D', body: 'Line one\nLine two\n' });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(provenanceHash({ title: 'T', description: 'D', body: 'Line one  \r\nLine two' })).toBe(a);
    expect(provenanceHash({ title: 'T', description: 'D', body: 'Line one\nLine 2\n' })).not.toBe(a);
    expect(provenanceHash({ title: 'T2', description: 'D', body: 'Line one\nLine two\n' })).not.toBe(a);
  });

  it('ignores bookkeeping front matter, so acknowledging never makes anything stale', () => {
    const plain = mdx({ title: 'T', clouds: '[china]' }, 'Body\n');
    const acked = mdx({ title: 'T', clouds: '[china]', baseHash: '0123456789abcdef' }, 'Body\n');
    expect(provenanceHashOfSource(acked)).toBe(provenanceHashOfSource(plain));
  });

  it('tells current, stale, machine and missing translations apart', () => {
    const { kb } = kbWithKorean();
    const base = kb.article('provide-billing-support')!.variants[0]!;
    expect(kb.translationState(base, 'ko')).toEqual({ state: 'current', machine: false });
    expect(kb.translationState(base, 'ja')).toEqual({ state: 'missing' });
    expect(kb.translationState(base, 'en')).toEqual({ state: 'source' });
    const edited = model({
      'en/provide-billing-support.mdx': billingEn.replace('Text.', 'Changed text.'),
      'ko/provide-billing-support.mdx': kb.article('provide-billing-support')!.variants[0]!.files.ko!.parsed.body
        ? `---\ntitle: 청구\nclouds: [global, usgov, germany]\ntranslation: { sourceHash: ${base.files.en!.hash}, method: machine }\n---\n\n## 청구 분쟁 {/* #billingdisputes */}\n`
        : '',
    }).kb;
    const state = edited.translationState(edited.article('provide-billing-support')!.variants[0]!, 'ko');
    expect(state).toMatchObject({ state: 'stale', machine: true, recorded: base.files.en!.hash });
  });
});

describe('bad content is reported with file, line and field', () => {
  it('names the field and its line for schema errors', () => {
    const { diagnostics } = model({
      'en/a.mdx': '---\ntitle: A\nclouds: [global, mars]\n---\n\nBody\n',
      'en/b.mdx': '---\nclouds: [global]\n---\n\nBody\n',
    });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      'content/en/a.mdx:3:18 schema/frontmatter "mars" is not a cloud of this site (clouds: global, usgov, germany, china).',
      'content/en/b.mdx:1:1 schema/frontmatter Front matter has no title.',
    ]);
  });

  it('reports malformed YAML, MDX syntax, bad file names and unknown locales at their position', () => {
    const { diagnostics, kb } = model({
      'en/yaml.mdx': '---\ntitle: [unclosed\nclouds: [global]\n---\n\nBody\n',
      'en/syntax.mdx': '---\ntitle: S\nclouds: [global]\n---\n\nText with <b>unclosed\n',
      'fr/article.mdx': mdx({ title: 'F', clouds: '[global]' }, 'Bonjour\n'),
      'en/Bad_Name.mdx': mdx({ title: 'F', clouds: '[global]' }, 'x\n'),
    });
    const rendered = diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`);
    expect(rendered).toContain('content/en/syntax.mdx:6 content/mdx-syntax');
    expect(rendered).toContain('content/fr/article.mdx:1 content/file-name');
    expect(rendered).toContain('content/en/Bad_Name.mdx:1 content/file-name');
    expect(rendered.some((r) => r.startsWith('content/en/yaml.mdx:') && r.endsWith('schema/frontmatter'))).toBe(true);
    expect(diagnostics.find((d) => d.file === 'content/fr/article.mdx')?.message).toBe('"fr" is not a locale of this site.');
    expect(kb.articles.size).toBe(0);
  });

  it('reports duplicate heading ids at the second heading', () => {
    const text = mdx({ title: 'D', clouds: '[global]' }, '## One {/* #same */}\n\n## Two {/* #same */}\n');
    const { diagnostics } = model({ 'en/dup.mdx': text });
    const line = text.split('\n').indexOf('## Two {/* #same */}') + 1;
    expect(diagnostics).toMatchObject([{ file: 'content/en/dup.mdx', line, column: 1, rule: 'content/duplicate-id' }]);
  });

  // Issue 14 review, item 1: the id a duplicate replaced is what translations and links still use.
  it('proposes, for a duplicated id, the id the translations give that heading', () => {
    const body = (id: string) => `## Set up {/* #setup */}\n\n## Check service health first {/* #${id} */}\n`;
    const { diagnostics } = model({
      'en/self.mdx': mdx({ title: 'S', clouds: '[global]' }, body('setup')),
      'ja/self.mdx': mdx({ title: 'S', clouds: '[global]' }, body('servicehealth')),
    });
    expect(diagnostics).toMatchObject([{ file: 'content/en/self.mdx', rule: 'content/duplicate-id', fix: { edits: [{ find: '#setup', replace: '#servicehealth' }] } }]);
    expect(diagnostics[0]!.hint).toContain('Replace "#setup" with "#servicehealth"');
  });

  it('proposes, for a duplicated id, the id links to the article point to that it lacks', () => {
    const { diagnostics } = model({
      'en/self.mdx': mdx({ title: 'S', clouds: '[global]' }, '## Set up {/* #setup */}\n\n## Check service health first {/* #setup */}\n'),
      'en/other.mdx': mdx({ title: 'O', clouds: '[global]' }, 'See [health](self.mdx#servicehealth) and [setup](self.mdx#setup).\n'),
    });
    expect(diagnostics).toMatchObject([{ file: 'content/en/self.mdx', rule: 'content/duplicate-id', fix: { edits: [{ find: '#setup', replace: '#servicehealth' }] } }]);
  });

  it('reports the data files\' schema errors with their line', () => {
    const { diagnostics } = model(
      {},
      { navigation: { path: 'content/navigation.yaml', text: 'sections:\n  - id: support\n    title: { en: Support }\n    items: [a]\n' } },
    );
    expect(diagnostics[0]).toMatchObject({ file: 'content/navigation.yaml', line: 3, rule: 'schema/data-file' });
    expect(diagnostics[0]!.message).toContain('sections.0.title.ko');
  });
});
