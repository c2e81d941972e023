/**
 * Excerpts and sections of a search result, from a result's data as Pagefind 1.6 stores it:
 * Chinese and Japanese words separated by U+200B, other languages by spaces, Korean particles
 * outside the index words (src/lib/search/korean.ts).
 */
import { describe, expect, it } from 'vitest';
import type { PagefindResultData } from '../../src/lib/search/engine.ts';
import { resultView, type ExcerptPart } from '../../src/lib/search/excerpt.ts';
import { encodeForIndex } from '../../src/lib/search/korean.ts';

function data(words: string[], segmented: boolean, anchors: PagefindResultData['anchors'] = [], title = words[0]!): PagefindResultData {
  const content = words.join(segmented ? '\u200B' : ' ');
  return { url: '/x/global/page/', raw_content: content, content: content.replace(/\u200B/g, ''), meta: { title }, filters: {}, anchors, locations: [] };
}

const render = (parts: ExcerptPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('excerpts', () => {
  it('show whole sentences when they fit, and highlight only what matched', () => {
    // 计费支持. 你与客户之间存在计费关系。
    const words = ['计费', '支持', '. ', '你', '与', '客户', '之间', '存在', '计费', '关系', '。'];
    const view = resultView(data(words, true, [], '计费支持'), [8], '/zh/global/page/', { locale: 'zh', terms: ['计', '费'] });
    expect(render(view.excerpt)).toBe('你与客户之间存在[计费]关系。');
  });

  it('write the full stop Pagefind puts between Chinese and Japanese blocks as 。, not as ". "', () => {
    // Two list items: 问题仍然存在 / 问题影响大量用户. Pagefind ends each block that has no full stop with ". ".
    const words = ['标题', '. ', '问题', '仍然', '存在', '. ', '问题', '影响', '大量', '用户', '. '];
    const view = resultView(data(words, true, [], '标题'), [2], '/zh/global/page/', { locale: 'zh', terms: ['问题'] });
    expect(render(view.excerpt)).toBe('[问题]仍然存在。问题影响大量用户。');
    const ja = resultView(data(['見出し', '. ', '請求', 'を', '確認', '. ', 'English', '. ', '次'], true, [], '見出し'), [2], '/ja/global/page/', { locale: 'ja', terms: ['請求'] });
    expect(render(ja.excerpt)).toBe('[請求]を確認。English. 次');
  });

  it('cut a sentence longer than the excerpt at word boundaries, with an ellipsis', () => {
    const sentence = ['如果', '你', '无法', '自行', '解决', '计费', '争议', '或', '其他', '计费', '问题', '，', '请', '代表', '客户', '报告', '问题', '并', '将', '其', '升级', '到', '世纪', '互', '联', '以便', '尽快', '处理', '。'];
    const view = resultView(data(['标题', '. ', ...sentence], true, [], '标题'), [7], '/zh/global/page/', { locale: 'zh', terms: ['计', '费'], width: 30 });
    expect(render(view.excerpt)).toBe('… 解决[计费]争议或其他计费问题，请 …');
  });

  it('highlight a Korean stem, not its particle or the punctuation around it', () => {
    const stored = encodeForIndex('제목. 이 경우(청구를) 먼저 확인합니다.').split(' ');
    const view = resultView(data(stored, false, [], '제목'), [2], '/ko/global/page/', { locale: 'ko', terms: ['청구'] });
    expect(render(view.excerpt)).toBe('이 경우([청구]를) 먼저 확인합니다.');
  });

  it('highlight the part of a word that starts with a term (customer\'s → customer)', () => {
    const view = resultView(data('Title. Ask for the customer\'s agreement first.'.split(' '), false, [], 'Title'), [4], '/en/global/page/', { locale: 'en', terms: ['customer'] });
    expect(render(view.excerpt)).toBe('Ask for the [customer]\'s agreement first.');
  });

  it('highlight the whole word when the match was by stem (escalating → escalate)', () => {
    const view = resultView(data('Title. When escalating, say why.'.split(' '), false, [], 'Title'), [2], '/en/global/page/', { locale: 'en', terms: ['escalate'] });
    expect(render(view.excerpt)).toBe('When [escalating], say why.');
  });
});

describe('sections (deep links)', () => {
  const words = 'Title. Intro text about billing. Severity. Choose the severity from the business impact. Other. Nothing here about billing.'.split(' ');
  const anchors = [
    { element: 'h2', id: 'severity', text: 'Severity', location: 5 },
    { element: 'h2', id: 'other', text: 'Other', location: 13 },
  ];

  it('link the section with the most matches, a match in its heading counting twice', () => {
    const view = resultView(data(words, false, anchors, 'Title'), [4, 5, 8, 17], '/en/global/page/', { locale: 'en', terms: ['severity', 'billing'] });
    expect(view.url).toBe('/en/global/page/#severity');
    expect(view.sections.map((s) => [s.title, s.url, s.hits])).toEqual([
      ['Severity', '/en/global/page/#severity', 3],
      ['Title', '/en/global/page/', 1],
      ['Other', '/en/global/page/#other', 1],
    ]);
    // The excerpt is the section's text, without its heading.
    expect(render(view.excerpt)).toBe('Choose the [severity] from the business impact.');
  });

  it('link the page itself when the matches come before the first heading', () => {
    const view = resultView(data(words, false, anchors, 'Title'), [4], '/en/global/page/', { locale: 'en', terms: ['billing'] });
    expect(view.url).toBe('/en/global/page/');
    expect(render(view.excerpt)).toBe('Intro text about [billing].');
  });
});
