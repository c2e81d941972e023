import { describe, expect, it } from 'vitest';
import { check, mdx, ofRule, translationOf } from './helpers.ts';

const english = mdx({ clouds: ['global'], body: 'Billing questions go to your Partner Center.\n' });
const files = {
  'content/en/billing.mdx': english,
  'content/zh/billing.mdx': translationOf(english, { clouds: ['global'], body: '计费问题由你回答。\n' }),
};

describe('search/unknown-synonym', () => {
  const terminology = (zh: string) => `forbidden: {}\nsynonyms:\n  en:\n    - [billing, invoicing]\n  zh:\n${zh}`;

  it('fires at a group none of whose words the locale\'s articles use', () => {
    const text = terminology('    - [计费, 账单]\n    - [账单, 帐单]\n');
    expect(ofRule(check({ files, terminology: text }), 'search/unknown-synonym')).toEqual([
      {
        file: 'content/terminology.yaml',
        line: 7,
        column: 7,
        rule: 'search/unknown-synonym',
        message: 'No zh article has any of the synonyms "账单" and "帐单", so searching for them finds nothing.',
      },
    ]);
    expect(check({ files, terminology: text }).find((d) => d.rule === 'search/unknown-synonym')?.hint).toBe(
      'Check the spelling, or add to the group the word the zh articles use for it.',
    );
  });

  it('is silent when a word of each group appears (the hint, followed: the articles\' 计费 added)', () => {
    expect(ofRule(check({ files, terminology: terminology('    - [计费, 账单]\n    - [账单, 帐单, 计费]\n') }), 'search/unknown-synonym')).toEqual([]);
  });

  // Issue 14 review, item 6: the words are unknown only because the file that has them did not parse.
  it('is folded into the error of a file of the locale that did not parse', () => {
    const broken = { ...files, 'content/zh/billing.mdx': files['content/zh/billing.mdx'].replace('计费问题由你回答。', '计费问题 { 未闭合') };
    const found = check({ files: broken, terminology: terminology('    - [计费, 账单]\n') });
    expect(found.filter((d) => d.severity !== 'info').map((d) => `${d.file} ${d.rule}`)).toEqual(['content/zh/billing.mdx content/mdx-syntax']);
    expect(found[0]!.consequences?.map((d) => d.rule)).toContain('search/unknown-synonym');
  });

  it('counts the English text readers of a locale see for an untranslated article', () => {
    const untranslated = { 'content/en/billing.mdx': english };
    expect(ofRule(check({ files: untranslated, terminology: 'synonyms:\n  ko:\n    - [Billing, 청구]\n' }), 'search/unknown-synonym')).toEqual([]);
  });
});
