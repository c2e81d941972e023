import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/lib/model/build.ts';
import { diffSections } from '../../src/lib/model/section-diff.ts';
import { at, check, hashOf, mdx, modelInput, ofRule, problems, translationOf } from './helpers.ts';

const base = mdx({ title: 'Billing', clouds: ['global', 'usgov'], body: '## Disputes {/* #disputes */}\n\nOpen a request with Microsoft.\n' });
const chinaBody = '## Disputes {/* #disputes */}\n\nOpen a request with 21Vianet.\n';

/** The 21Vianet variant of `base`, reconciled with it. */
const chinaVariant = (): string => mdx({ title: 'Billing', clouds: ['china'], extra: `baseHash: ${hashOf(base)}`, body: chinaBody });

/** Korean translations of `base` (global and usgov) and of its 21Vianet variant `china`. */
const koreanOfBoth = (china: string): Record<string, string> => ({
  'content/ko/billing.mdx': translationOf(base, { title: '청구', clouds: ['global', 'usgov'], body: '## 분쟁 {/* #disputes */}\n' }),
  'content/ko/billing.china.mdx': translationOf(china, { title: '청구', clouds: ['china'], body: '## 분쟁 {/* #disputes */}\n' }),
});

describe('cloud variants', () => {
  it('stays silent for disjoint, reconciled variants translated with the same clouds', () => {
    const china = chinaVariant();
    const d = check({ files: { 'content/en/billing.mdx': base, 'content/en/billing.china.mdx': china, ...koreanOfBoth(china) } });
    expect(problems(d)).toEqual([]);
  });

  // Issue 14 review, item 5: one overlap at the English file an author added the cloud to, not at
  // the variant that always had it, with its translations' clouds and that cloud's terms folded in.
  it('reports an overlap at the file whose translations leave the cloud out, with the consequences folded', () => {
    const china = chinaVariant();
    const added = base.replace('clouds: [global, usgov]', 'clouds: [global, usgov, china]');
    const d = check({
      files: { 'content/en/billing.mdx': added, 'content/en/billing.china.mdx': china, ...koreanOfBoth(china) },
      terminology: 'forbidden:\n  china:\n    en:\n      - term: Microsoft\n        use: 21Vianet\n',
    });
    expect(problems(d).map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([`content/en/billing.mdx:${at(added, 'clouds:').line}:1 variant/overlap`]);
    expect(d.find((x) => x.rule === 'variant/overlap')!.consequences!.map((c) => c.rule).sort()).toEqual(['translation/clouds', 'variant/terminology']);
  });

  it('reports overlapping variants at the clouds line of the second', () => {
    const china = mdx({ title: 'Billing', clouds: ['usgov', 'china'], extra: `baseHash: ${hashOf(base)}`, body: chinaBody });
    const d = check({ files: { 'content/en/billing.mdx': base, 'content/en/billing.china.mdx': china } });
    expect(ofRule(d, 'variant/overlap')).toEqual([
      { file: 'content/en/billing.china.mdx', ...at(china, 'clouds:'), rule: 'variant/overlap', message: 'This variant and content/en/billing.mdx both serve usgov; a reader of usgov can only see one.' },
    ]);
  });

  it('reports a locale variant English does not have, and a locale whose clouds differ', () => {
    const koExtra = translationOf(base, { title: '청구', clouds: ['germany'], body: '## 분쟁 {/* #disputes */}\n' });
    const koBase = translationOf(base, { title: '청구', clouds: ['global'], body: '## 분쟁 {/* #disputes */}\n' });
    const d = check({ files: { 'content/en/billing.mdx': base, 'content/ko/billing.mdx': koBase, 'content/ko/billing.germany.mdx': koExtra } });
    // Each is the consequence of a finding that names its cause (issue 14: one fault, one diagnostic).
    const noSource = d.find((x) => x.rule === 'translation/no-source')!;
    expect(noSource.file).toBe('content/ko/billing.germany.mdx');
    expect(ofRule(noSource.consequences ?? [], 'variant/locale-set')).toEqual([
      { file: 'content/ko/billing.germany.mdx', line: 1, column: 1, rule: 'variant/locale-set', message: 'This ko file is a variant "germany" that English does not have.' },
    ]);
    expect(ofRule(d, 'translation/clouds')).toEqual([
      { file: 'content/ko/billing.mdx', ...at(koBase, 'clouds:'), rule: 'translation/clouds', message: 'This translation lists clouds global, but its English source content/en/billing.mdx lists global and usgov.' },
    ]);
    expect(ofRule(d.find((x) => x.rule === 'translation/clouds')!.consequences ?? [], 'variant/coverage')).toEqual([
      { file: 'content/ko/billing.mdx', ...at(koBase, 'clouds:'), rule: 'variant/coverage', message: 'The ko variants of "billing" cover global and germany, but English covers global and usgov (misses usgov, adds germany).' },
    ]);
    expect(ofRule(d, 'variant/locale-set')).toEqual([]);
    expect(ofRule(d, 'variant/coverage')).toEqual([]);
  });

  it('reports a stale variant and one without a baseHash, and not a current one', () => {
    const stale = mdx({ title: 'Billing', clouds: ['china'], extra: 'baseHash: aaaaaaaaaaaaaaaa', body: chinaBody });
    const d = check({ files: { 'content/en/billing.mdx': base, 'content/en/billing.china.mdx': stale } });
    expect(ofRule(d, 'variant/stale')).toEqual([
      { file: 'content/en/billing.china.mdx', ...at(stale, 'baseHash:'), rule: 'variant/stale', message: `The base variant content/en/billing.mdx changed since this variant was reconciled with it (recorded aaaaaaaaaaaaaaaa, now ${hashOf(base)}).` },
    ]);
    const none = mdx({ title: 'Billing', clouds: ['china'], body: chinaBody });
    const d2 = check({ files: { 'content/en/billing.mdx': base, 'content/en/billing.china.mdx': none } });
    expect(ofRule(d2, 'variant/no-base-hash')).toEqual([
      { file: 'content/en/billing.china.mdx', ...at(none, 'clouds:'), rule: 'variant/no-base-hash', message: 'This variant records no baseHash, so nobody can tell when content/en/billing.mdx changes under it.' },
    ]);
    expect(ofRule(d2, 'variant/stale')).toEqual([]);
  });

  it('reports a linked-to section id missing in the variant a reader of that cloud reaches', () => {
    const china = mdx({ title: 'Billing', clouds: ['china'], extra: `baseHash: ${hashOf(base)}`, body: '## Escalate {/* #escalate */}\n' });
    const page = mdx({ title: 'Page', clouds: ['global', 'china'], body: 'See [disputes](billing.mdx#disputes).\n' });
    const d = check({ files: { 'content/en/billing.mdx': base, 'content/en/billing.china.mdx': china, 'content/en/page.mdx': page } });
    expect(ofRule(d, 'variant/anchor')).toEqual([
      {
        file: 'content/en/billing.china.mdx',
        line: 1,
        column: 1,
        rule: 'variant/anchor',
        message: `This file has no section "#disputes", which content/en/billing.mdx has and content/en/page.mdx:${at(page, '[disputes]').line} links to (for readers of china in en, ko, zh, ja).`,
      },
    ]);
    expect(ofRule(d, 'link/missing-anchor')).toEqual([]);
  });

  it('reports forbidden terms per cloud and locale at their position, case-insensitively, except in <CloudOnly> for other clouds', () => {
    const china = mdx({
      title: 'Billing',
      clouds: ['china'],
      extra: `baseHash: ${hashOf(base)}`,
      body: ['Intro.', '', 'Contact MICROSOFT support here.', '', '<CloudOnly clouds="global">Microsoft support is global only.</CloudOnly>', ''].join('\n'),
    });
    const terminology = 'forbidden:\n  china:\n    en:\n      - term: Microsoft support\n        use: 21Vianet support\n';
    const d = check({ files: { 'content/en/billing.mdx': base, 'content/en/billing.china.mdx': china }, terminology });
    expect(ofRule(d, 'variant/terminology')).toEqual([
      { file: 'content/en/billing.china.mdx', ...at(china, 'MICROSOFT support'), rule: 'variant/terminology', message: '"Microsoft support" must not appear in text for readers of china (en).' },
    ]);
    expect(d.find((x) => x.rule === 'variant/terminology')?.hint).toBe('Replace "MICROSOFT support" with "21Vianet support".');
    const titled = mdx({ title: 'Contact Microsoft Support', clouds: ['china'], extra: `baseHash: ${hashOf(base)}`, body: 'x\n' });
    const d3 = check({ files: { 'content/en/billing.mdx': base, 'content/en/billing.china.mdx': titled }, terminology });
    expect(ofRule(d3, 'variant/terminology')).toEqual([
      { file: 'content/en/billing.china.mdx', ...at(titled, 'Microsoft Support'), rule: 'variant/terminology', message: '"Microsoft support" must not appear in text for readers of china (en).' },
    ]);
    // The base variant serves global and usgov, where the rule does not apply.
    const silent = check({ files: { 'content/en/billing.mdx': mdx({ clouds: ['global'], body: 'Microsoft support.\n' }) }, terminology });
    expect(ofRule(silent, 'variant/terminology')).toEqual([]);
  });

  it('diffs two variants section by section', () => {
    const china = mdx({ title: 'Billing', clouds: ['china'], body: chinaBody + '\n## Only here {/* #onlyhere */}\n\nX.\n' });
    const { kb } = buildModel(modelInput({ files: { 'content/en/billing.mdx': base + '\n## Base only {/* #baseonly */}\n\nY.\n', 'content/en/billing.china.mdx': china } }));
    const [a, b] = kb.article('billing')!.variants.map((v) => v.files.en!);
    const diff = diffSections(a!.parsed.sections, b!.parsed.sections, 'en');
    expect(diff.map((s) => [s.id, s.status])).toEqual([['disputes', 'changed'], ['onlyhere', 'added'], ['baseonly', 'removed']]);
    expect(diff[0]!.lines).toEqual([
      { op: 'changed', words: [{ op: '=', text: 'Open a request with ' }, { op: '-', text: 'Microsoft' }, { op: '+', text: '21Vianet' }, { op: '=', text: '.' }] },
    ]);
  });
});
