/**
 * Emphasis in Korean, Chinese and Japanese text: the one parser (src/lib/mdx/parse.ts) follows the
 * CJK-friendly amendment of CommonMark, and `content/literal-emphasis` warns about any `**` or `__`
 * that still reaches readers as literal characters.
 */
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/lib/mdx/parse.ts';
import { at, check, mdx, ofRule, problems } from './helpers.ts';

const html = (body: string) => toHtml(parseMdx(body).hast);
const file = 'content/en/page.mdx';
const run = (body: string) => {
  const text = mdx({ body });
  return { text, d: check({ files: { [file]: text } }) };
};

/** Sentences of the kind translators write, where CommonMark alone leaves the `**` as text. */
const CJK = {
  ko: '청구 문의는 **파트너 센터(Partner Center)**에서 확인합니다.',
  ja: '請求の問い合わせは**「パートナー センター」**で確認します。',
  zh: '请先在**合作伙伴中心（Partner Center）**提交请求。',
};

describe('CJK-friendly emphasis in the shared parser', () => {
  it('makes strong text of ** after punctuation and before a CJK letter, in Korean, Japanese and Chinese', () => {
    expect(html(CJK.ko)).toBe('<p>청구 문의는 <strong>파트너 센터(Partner Center)</strong>에서 확인합니다.</p>');
    expect(html(CJK.ja)).toBe('<p>請求の問い合わせは<strong>「パートナー センター」</strong>で確認します。</p>');
    expect(html(CJK.zh)).toBe('<p>请先在<strong>合作伙伴中心（Partner Center）</strong>提交请求。</p>');
  });

  it('does the same for GFM strikethrough, and leaves English emphasis as CommonMark has it', () => {
    expect(html('这是~~旧的（删除）~~文本。')).toBe('<p>这是<del>旧的（删除）</del>文本。</p>');
    expect(html('Use **bold** and *this*.')).toBe('<p>Use <strong>bold</strong> and <em>this</em>.</p>');
    expect(html('Not **this (x)**y.')).toBe('<p>Not **this (x)**y.</p>');
  });
});

describe('content/literal-emphasis', () => {
  it('stays silent for paired emphasis in every script, escapes, character references and code', () => {
    const { d } = run([CJK.ko, '', CJK.ja, '', CJK.zh, '', 'Use **bold**, __strong__ and `a**b`.', '', '\\*\\*literal\\*\\* and &#42;&#42;x&#42;&#42; and \\_\\_init\\_\\_', '', '```', 'x ** y', '```', ''].join('\n'));
    expect(problems(d)).toEqual([]);
  });

  it('warns at each literal run, with its own position, in headings, lists and tables too', () => {
    const body = ['Power: 2**10 bytes.', '', '- item **unclosed', '', '## Title __x {/* #t */}', '', '| a |', '|---|', '| b ** c |', '', 'Not **this (x)**y.', ''].join('\n');
    const { text, d } = run(body);
    const message = (r: string) => `"${r}" is shown to readers as it is: it does not pair up with another "${r}" as emphasis.`;
    expect(ofRule(d, 'content/literal-emphasis')).toEqual([
      { file, ...at(text, '**10'), rule: 'content/literal-emphasis', message: message('**') },
      { file, ...at(text, '**unclosed'), rule: 'content/literal-emphasis', message: message('**') },
      { file, ...at(text, '__x'), rule: 'content/literal-emphasis', message: message('__') },
      { file, ...at(text, '** c'), rule: 'content/literal-emphasis', message: message('**') },
      { file, ...at(text, '**this'), rule: 'content/literal-emphasis', message: message('**') },
      { file, ...at(text, '**y'), rule: 'content/literal-emphasis', message: message('**') },
    ]);
    expect(d.find((x) => x.rule === 'content/literal-emphasis')?.severity).toBe('warning');
  });

  it('gives a hint that, followed literally (escape the characters), makes the check pass', () => {
    const { d } = run('Power: 2**10 bytes.\n');
    const [warning] = d.filter((x) => x.rule === 'content/literal-emphasis');
    expect(warning?.hint).toBe('Write the emphasis as **text** in one paragraph, with no space just inside the markers; if you mean the characters, escape them: \\*\\*.');
    const escaped = warning!.hint!.match(/escape them: (.+)\.$/)![1]!;
    expect(problems(run(`Power: 2${escaped}10 bytes.\n`).d)).toEqual([]);
  });
});
