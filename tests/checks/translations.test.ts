import { describe, expect, it } from 'vitest';
import { at, check, hashOf, lineOf, mdx, ofRule, problems, translationOf } from './helpers.ts';

const en = mdx({
  title: 'Billing',
  clouds: ['global'],
  body: ['## Disputes {/* #disputes */}', '', 'See [escalation](escalate.mdx#how) and <Callout type="note">Note.</Callout>', '', '## Refunds {/* #refunds */}', '', 'Text.', ''].join('\n'),
});
const escalate = mdx({ title: 'Escalate', clouds: ['global'], body: '## How {/* #how */}\n\n## Why {/* #why */}\n' });
const koEscalate = translationOf(escalate, { title: '에스컬레이션', clouds: ['global'], body: '## 방법 {/* #how */}\n\n## 이유 {/* #why */}\n' });
const koBody = ['## 분쟁 {/* #disputes */}', '', '[에스컬레이션](escalate.mdx#how) 및 <Callout type="note">참고.</Callout>', '', '## 환불 {/* #refunds */}', '', '텍스트.', ''].join('\n');
const files = (ko: string): Record<string, string> => ({
  'content/en/billing.mdx': en,
  'content/ko/billing.mdx': ko,
  'content/en/escalate.mdx': escalate,
  'content/ko/escalate.mdx': koEscalate,
});

describe('translations', () => {
  it('stays silent for a current human translation with the same structure', () => {
    const d = check({ files: files(translationOf(en, { title: '청구', clouds: ['global'], body: koBody })) });
    expect(problems(d)).toEqual([]);
    expect(ofRule(d, 'translation/machine')).toEqual([]);
    expect(ofRule(d, 'translation/stale')).toEqual([]);
  });

  it('reports a stale translation at its sourceHash line', () => {
    const ko = mdx({ title: '청구', clouds: ['global'], extra: 'translation:\n  sourceHash: bbbbbbbbbbbbbbbb\n  method: human', body: koBody });
    const d = check({ files: files(ko) });
    expect(ofRule(d, 'translation/stale')).toEqual([
      { file: 'content/ko/billing.mdx', ...at(ko, 'sourceHash:'), rule: 'translation/stale', message: `The English source content/en/billing.mdx changed since this translation was made (recorded bbbbbbbbbbbbbbbb, now ${hashOf(en)}).` },
    ]);
  });

  it('lists machine and missing translations as info', () => {
    const ko = translationOf(en, { title: '청구', clouds: ['global'], body: koBody }, 'machine');
    const d = check({ files: files(ko) });
    expect(ofRule(d, 'translation/machine')).toEqual([
      { file: 'content/ko/billing.mdx', ...at(ko, 'method: machine'), rule: 'translation/machine', message: 'Machine translation that no person has reviewed yet.' },
    ]);
    expect(ofRule(d, 'translation/missing')).toContainEqual({ file: 'content/en/billing.mdx', line: 1, column: 1, rule: 'translation/missing', message: 'Not translated into zh and ja; readers there get this English page.' });
    expect(d.filter((x) => x.rule.startsWith('translation/m')).every((x) => x.severity === 'info')).toBe(true);
  });

  it('reports a translation without source or provenance', () => {
    const orphan = mdx({ title: '고아', clouds: ['global'], extra: 'translation:\n  sourceHash: bbbbbbbbbbbbbbbb\n  method: human', body: 'x\n' });
    const noRecord = mdx({ title: '청구', clouds: ['global'], body: koBody });
    const d = check({ files: { ...files(noRecord), 'content/ko/orphan.mdx': orphan } });
    expect(ofRule(d, 'translation/no-source')).toEqual([
      { file: 'content/ko/orphan.mdx', line: 1, column: 1, rule: 'translation/no-source', message: 'This translation has no English source content/en/orphan.mdx.' },
    ]);
    expect(ofRule(d, 'translation/missing-provenance')).toEqual([
      { file: 'content/ko/billing.mdx', ...at(noRecord, 'title:'), rule: 'translation/missing-provenance', message: 'This translation does not record which English text it was made from.' },
    ]);
  });

  it('reports section ids, link targets and components that differ from the English source', () => {
    const body = ['## 분쟁 {/* #dispute */}', '', '[에스컬레이션](escalate.mdx#why) 및 <Callout type="tip">참고.</Callout>', '', '## 환불 {/* #refunds */}', '', '텍스트.', ''].join('\n');
    const ko = translationOf(en, { title: '청구', clouds: ['global'], body });
    const d = check({ files: files(ko) });
    const file = 'content/ko/billing.mdx';
    const bodyStart = lineOf(ko, '## 분쟁');
    expect(ofRule(d, 'translation/anchors')).toEqual([
      { file, ...at(ko, '## 분쟁'), rule: 'translation/anchors', message: `The English source gives this section the id "#disputes" (content/en/billing.mdx:${lineOf(en, '#disputes')}); this translation has "#dispute".` },
    ]);
    expect(d.find((x) => x.rule === 'translation/anchors')?.fix).toEqual({ edits: [{ ...at(ko, '## 분쟁'), find: '#dispute */}', replace: '#disputes */}' }] });
    expect(ofRule(d, 'translation/links')).toEqual([
      { file, ...at(ko, '[에스컬레이션]'), rule: 'translation/links', message: `A link to "escalate#why" here is a link to "escalate#how" in the English source (content/en/billing.mdx:${lineOf(en, 'escalate.mdx#how')}).` },
    ]);
    expect(d.find((x) => x.rule === 'translation/links')?.hint).toBe('Replace "escalate.mdx#why" with "escalate.mdx#how".');
    expect(ofRule(d, 'translation/components')).toEqual([
      { file, ...at(ko, '<Callout'), rule: 'translation/components', message: `The component <Callout type="tip"> here is the component <Callout type="note"> in the English source (content/en/billing.mdx:${lineOf(en, '<Callout')}).` },
    ]);
    void bodyStart;
  });

  it('asks once, at the body, for what the English source has and the translation lacks', () => {
    const ko = translationOf(en, { title: '청구', clouds: ['global'], body: koBody.replace(/\[[^\]]*\]\(escalate\.mdx#how\)/, '에스컬레이션').replace(/<Callout[^>]*>([\s\S]*?)<\/Callout>/, '$1') });
    const d = check({ files: files(ko) });
    const file = 'content/ko/billing.mdx';
    expect(ofRule(d, 'translation/links')).toEqual([
      { file, line: lineOf(ko, '## '), column: 1, rule: 'translation/links', message: `A link to "escalate#how" (content/en/billing.mdx:${lineOf(en, 'escalate.mdx#how')}) is in the English source but not here.` },
    ]);
    expect(ofRule(d, 'translation/components')).toEqual([
      { file, line: lineOf(ko, '## '), column: 1, rule: 'translation/components', message: `The component <Callout type="note"> (content/en/billing.mdx:${lineOf(en, '<Callout')}) is in the English source but not here.` },
    ]);
  });
});
