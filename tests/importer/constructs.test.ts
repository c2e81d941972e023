import { describe, expect, it } from 'vitest';
import { planImport, rewriteImage, rewriteLink } from '../../src/lib/importer/index.ts';
import { parseMdx } from '../../src/lib/mdx/parse.ts';
import { articleSchema } from '../../src/lib/schema.ts';
import { fixture, lineOf, tempDir } from './helpers.ts';

const input = fixture('constructs.txt');
const plan = planImport([input], { contentDir: tempDir() });
const english = plan.files.find((f) => f.contentPath.startsWith('en/'))!.text;
const korean = plan.files.find((f) => f.contentPath.startsWith('ko/'))!.text;

/** Imports a small DocFX body (given as lines after a standard header) and returns the outputs. */
function importBody(lines: string[]) {
  const header = [
    '---',
    'ms.contentlocale: ko-KR',
    'ms.translationtype: MT',
    '---',
    '# <a name="t"></a><span data-ttu-id="t-1">제목</span><span class="sxs-lookup"><span data-stu-id="t-1">Title</span></span>',
    '',
    '**<span data-ttu-id="t-2">적용 대상</span><span class="sxs-lookup"><span data-stu-id="t-2">Applies to</span></span>**',
    '',
    '- <span data-ttu-id="t-3">파트너 센터</span><span class="sxs-lookup"><span data-stu-id="t-3">Partner Center</span></span>',
    '',
  ];
  const text = [...header, ...lines].join('\n') + '\n';
  const p = planImport([{ file: 'body.txt', text }], { contentDir: tempDir() });
  const body = (locale: string) => {
    const t = p.files.find((f) => f.contentPath.startsWith(`${locale}/`))?.text ?? '';
    return t.slice(t.indexOf('\n---\n') + 5).trim();
  };
  return { plan: p, text, en: body('en'), ko: body('ko') };
}

describe('DocFX constructs', () => {
  it('produce valid MDX with valid front matter, matching the snapshots', async () => {
    expect(plan.ok).toBe(true);
    for (const f of plan.files) {
      const parsed = parseMdx(f.text);
      expect(articleSchema.safeParse(parsed.frontmatter.data).success).toBe(true);
      await expect(f.text).toMatchFileSnapshot(`__snapshots__/constructs/${f.contentPath}`);
    }
  });

  it('names a variant without global after its first cloud, in registry order', () => {
    expect(plan.files.map((f) => f.contentPath).sort()).toEqual(['en/docfx-constructs.usgov.mdx', 'ko/docfx-constructs.usgov.mdx']);
    expect(english).toContain('clouds: [usgov, china]');
  });

  it('turns every callout kind into <Callout>', () => {
    for (const type of ['note', 'tip', 'important', 'warning', 'caution']) expect(english).toContain(`<Callout type="${type}">`);
    expect(english).toContain('<Callout type="note">\n  A note in other case.\n</Callout>');
    expect(korean).toContain('<Callout type="note">\n  참고 내용입니다.\n</Callout>');
    expect(english).not.toContain('[!');
  });

  it('keeps pipe tables, with span pairs, bold, links and <br /> in cells', () => {
    expect(english).toMatch(/^\| Name +\| Description +\|$/m);
    expect(english).toMatch(/^\| \*\*First\*\* +\| One line<br \/>two lines \|$/m);
    expect(english).toMatch(/^\| \[Link\]\(other-article\.mdx#section\) +\| +\|$/m);
    expect(korean).toMatch(/^\| 이름 +\| 설명 +\|$/m);
  });

  it('converts :::image to a Markdown image under /media/', () => {
    expect(english).toContain('![Partner Center dashboard](/media/partner-center.png)');
  });

  it('rewrites .md links, keeps absolute URLs and anchors', () => {
    expect(english).toContain('[external link](https://example.com/docs?a=1#b)');
    expect(english).toContain('[anchor](#tables)');
    expect(english).toContain('[another article](../other/deep.mdx)');
    expect(korean).toContain('[외부 링크](https://example.com/docs?a=1#b)');
    expect(rewriteLink('foo.md')).toBe('foo.mdx');
    expect(rewriteLink('foo.md#bar')).toBe('foo.mdx#bar');
    expect(rewriteLink('https://x.example/a.md')).toBe('https://x.example/a.md');
    expect(rewriteLink('#top')).toBe('#top');
    expect(rewriteLink('foo.mdx')).toBe('foo.mdx');
    expect(rewriteImage('./media/a.png')).toBe('/media/a.png');
    expect(rewriteImage('images/a.png')).toBe('/media/a.png');
  });

  it('turns anchors (inside or outside the spans, or on the line before) into heading ids; a heading without one gets DocFX\'s', () => {
    expect(english).toContain('## Callouts {/* #callouts */}');
    expect(english).toContain('## Tables {/* #tables */}');
    expect(korean).toContain('## 표 {/* #tables */}');
    expect(english).toContain('### Standalone anchor {/* #standalone */}');
    expect(english).toMatch(/^## Images and links \{\/\* #images-and-links \*\/\}$/m);
    expect(english).not.toMatch(/^# /m);
    expect(english).toContain('title: DocFX constructs');
    expect(korean).toContain('title: DocFX 구성 요소');
  });

  it('decodes entities and &nbsp; and escapes what MDX would read as syntax', () => {
    expect(english).toContain('First paragraph & entities \\<b> and \\{braces}. Second sentence.');
    expect(english).toContain('Prices are 5 \\< 10 and a\\<b here.');
    expect(korean).toContain('두 번째 문장 입니다.');
    expect(english).toContain('description: First paragraph & entities <b> and {braces}. Second sentence.');
    expect(english).not.toMatch(/&nbsp;|\u00a0/);
  });

  it('drops trailing lines of white space and &nbsp;', () => {
    expect(english.endsWith('\n') && !english.endsWith('\n\n')).toBe(true);
    expect(english.trimEnd().split('\n').at(-1)).toBe(':::zone-end');
  });

  it('keeps what it cannot convert as text and warns with the line', () => {
    const warnings = plan.diagnostics.map((d) => ({ rule: d.rule, line: d.line, severity: d.severity, file: d.file }));
    expect(warnings).toEqual([
      { rule: 'import/unknown-directive', line: lineOf(input.text, ':::zone pivot'), severity: 'warning', file: input.file },
      { rule: 'import/unknown-directive', line: lineOf(input.text, ':::zone-end'), severity: 'warning', file: input.file },
    ]);
  });

  it('converts raw HTML to Markdown: blocks, inline elements, and tables with lists in cells (item 4)', () => {
    expect(english).toContain('\nraw html\n');
    const r = importBody([
      '<span data-ttu-id="t-4">이것은 <kbd>Ctrl</kbd> 키</span><span class="sxs-lookup"><span data-stu-id="t-4">Press <kbd>Ctrl</kbd> and <strong>bold</strong>, x<sup>2</sup>, <a href="other.md">a link</a>.</span></span>',
      '',
      '<table>',
      '<colgroup><col width="40%" /><col width="60%" /></colgroup>',
      '<tbody>',
      '<tr><td><span data-ttu-id="t-5">날짜</span><span class="sxs-lookup"><span data-stu-id="t-5">Dates</span></span></td><td><ul><li><span data-ttu-id="t-6">하나</span><span class="sxs-lookup"><span data-stu-id="t-6">One</span></span></li><li><span data-ttu-id="t-7">둘</span><span class="sxs-lookup"><span data-stu-id="t-7">Two</span></span></li></ul></td></tr>',
      '<tr><td><p>First</p><p>Second<br/>line</p></td><td><a name="in-table"></a>Value <token></td></tr>',
      '</tbody>',
      '</table>',
      '',
      '<details><summary>More</summary>',
      '',
      'Hidden text.',
      '',
      '</details>',
    ]);
    expect(r.en).toContain('Press `Ctrl` and **bold**, x2, [a link](other.mdx).');
    expect(r.en).toMatch(/^\| Dates +\| • One<br \/>• Two +\|$/m);
    expect(r.en).toMatch(/^\| First<br \/>Second<br \/>line +\| \{\/\* #in-table \*\/\}Value \\<token> +\|$/m);
    expect(r.en).toContain('**More**\n\nHidden text.');
    expect(r.ko).toMatch(/^\| 날짜 +\| • 하나<br \/>• 둘 +\|$/m);
    expect(r.plan.diagnostics.map((d) => [d.rule, d.line])).toEqual([['import/unconverted-html', lineOf(r.text, '<token>')]]);
    for (const f of r.plan.files) expect(() => parseMdx(f.text)).not.toThrow();
  });

  it('handles several pairs per line, bold around and inside pairs, and pairs in link text', () => {
    const r = importBody([
      '<span data-ttu-id="t-4">하나.</span><span class="sxs-lookup"><span data-stu-id="t-4">One.</span></span> <span data-ttu-id="t-5">둘.</span><span class="sxs-lookup"><span data-stu-id="t-5">Two.</span></span>',
      '',
      '<span data-ttu-id="t-6">**굵게**</span><span class="sxs-lookup"><span data-stu-id="t-6">**Bold**</span></span> **<span data-ttu-id="t-7">역시</span><span class="sxs-lookup"><span data-stu-id="t-7">too</span></span>**',
      '',
      '1. [<span data-ttu-id="t-8">링크</span><span class="sxs-lookup"><span data-stu-id="t-8">Link</span></span>](a.md#b)',
    ]);
    expect(r.en).toBe('One. Two.\n\n**Bold** **too**\n\n1. [Link](a.mdx#b)');
    expect(r.ko).toBe('하나. 둘.\n\n**굵게** **역시**\n\n1. [링크](a.mdx#b)');
  });

  it('keeps code blocks as they are', () => {
    const r = importBody(['```json', '{ "a": "<b>" }', ':::not-a-directive', '```']);
    expect(r.en).toBe('```json\n{ "a": "<b>" }\n:::not-a-directive\n```');
    expect(r.plan.diagnostics).toEqual([]);
  });

  it('warns about a complex :::image and an unknown [!TYPE] block', () => {
    const r = importBody([':::image type="complex" source="media/a.png" alt-text="A":::', '', '> [!VIDEO https://example.com/v]', '', '> [!div class="nextstepaction"]', '> [Next](next.md)']);
    const lines = r.plan.diagnostics.map((d) => [d.rule, d.line]);
    expect(lines).toContainEqual(['import/unknown-directive', lineOf(r.text, ':::image')]);
    expect(lines).toContainEqual(['import/unknown-directive', lineOf(r.text, '[!div')]);
    expect(() => parseMdx(r.plan.files[0]!.text)).not.toThrow();
  });

  it('falls back to the file name for the slug, with a warning', () => {
    const text = ['---', 'ms.contentlocale: ja-JP', '---', '# <span data-ttu-id="t-1">タイトル</span><span class="sxs-lookup"><span data-stu-id="t-1">Title</span></span>', '', '**Applies to**', '', '- Partner Center', ''].join('\n');
    const p = planImport([{ file: 'dir/My_Article.txt', text }], { contentDir: tempDir() });
    expect(p.files.map((f) => f.contentPath).sort()).toEqual(['en/my-article.mdx', 'ja/my-article.mdx']);
    expect(p.diagnostics).toEqual([expect.objectContaining({ rule: 'import/slug-from-file-name', severity: 'warning', line: lineOf(text, 'タイトル') })]);
  });
});

describe('headings without an anchor (DocFX gives every heading an id from its text)', () => {
  const pair = (id: string, target: string, source: string) => `<span data-ttu-id="${id}">${target}</span><span class="sxs-lookup"><span data-stu-id="${id}">${source}</span></span>`;
  const { plan, en, ko } = importBody([
    `## ${pair('h-1', '개요', 'Overview')}`,
    '',
    `## ${pair('h-2', '설정 & 구성 (1단계)', 'Set up & configure (step 1)')}`,
    '',
    `## ${pair('h-3', '개요', 'Overview')}`,
    '',
    `### <a name="kept"></a>${pair('h-4', '앵커', 'Anchored')}`,
    '',
    `> [!NOTE]`,
    `> ### ${pair('h-5', '참고 제목', 'Note_title for users')}`,
    '',
    `See [the set-up](#set-up--configure-step-1). <a name="summary"></a>${pair('h-6', '요약은 아래에 있습니다.', 'The summary is below.')}`,
    '',
    `## ${pair('h-7', '요약', 'Summary')}`,
  ]);

  it('get the id DocFX computed from the English text, in every locale (the GitHub rule; repeats numbered from 1)', () => {
    expect(plan.ok).toBe(true);
    expect(en).toContain('## Overview {/* #overview */}');
    expect(en).toContain('## Set up & configure (step 1) {/* #set-up--configure-step-1 */}');
    expect(en).toContain('## Overview {/* #overview-1 */}');
    expect(en).toContain('### Anchored {/* #kept */}');
    expect(en).toContain('  ### Note_title for users {/* #note_title-for-users */}');
    expect(ko).toContain('## 개요 {/* #overview */}');
    expect(ko).toContain('## 설정 & 구성 (1단계) {/* #set-up--configure-step-1 */}');
    expect(ko).toContain('## 개요 {/* #overview-1 */}');
    expect(ko).toContain('  ### 참고 제목 {/* #note_title-for-users */}');
  });

  it('leave an id an anchor of the page has to the anchor (links reached the first element), numbering none', () => {
    expect(en).toMatch(/^## Summary$/m);
    expect(ko).toMatch(/^## 요약$/m);
    expect(plan.diagnostics.filter((d) => d.rule === 'import/duplicate-anchor')).toEqual([]);
  });

  it('so that a link to the heading DocFX wrote resolves after the import', () => {
    const ids = parseMdx(plan.files.find((f) => f.contentPath.startsWith('ko/'))!.text).headings.map((h) => h.id);
    expect(ids).toContain('set-up--configure-step-1');
  });

  it('are ASCII: accents removed, other letters dropped', async () => {
    const { asciiSectionId, docfxHeadingIds } = await import('../../src/lib/importer/heading-ids.ts');
    const ids = docfxHeadingIds();
    expect(ids.next('This - is a &@! heading _ with . and ! -')).toBe('this---is-a--heading-_-with--and---');
    expect(ids.next('')).toBe('section');
    expect(ids.next('Section')).toBe('section-1');
    expect(asciiSectionId('café-résumé')).toBe('cafe-resume');
    expect(asciiSectionId('개요')).toBeUndefined();
    expect(asciiSectionId('-x')).toBe('x');
  });
});

describe('translated text outside the pairs in raw HTML (item 7)', () => {
  const pair = (id: string, target: string, source: string) => `<span data-ttu-id="${id}">${target}</span><span class="sxs-lookup"><span data-stu-id="${id}">${source}</span></span>`;
  const { plan, en, ko } = importBody([
    '<table>',
    `<tr><th>${pair('r-1', '이름', 'Name')}</th><th>설명</th></tr>`,
    `<tr><td><a href="other.md">${pair('r-2', '값', 'Value')}</a></td><td>번역된 셀 <strong>강조</strong> ${pair('r-3', '문장', 'Sentence')}</td></tr>`,
    '</table>',
    '',
    '<p>번역된 단락</p>',
    '',
    `<details><summary>번역된 요약</summary>`,
    '',
    pair('r-4', '내용', 'Content'),
    '',
    '</details>',
  ]);

  it('is kept in the translation, tags and pairs converted as elsewhere', () => {
    expect(plan.ok).toBe(true);
    expect(ko).toMatch(/^\| 이름 +\| 설명 +\|$/m);
    expect(ko).toMatch(/^\| \[값\]\(other\.mdx\) \| 번역된 셀 \*\*강조\*\* 문장 \|$/m);
    expect(ko).toContain('번역된 단락');
    expect(ko).toContain('번역된 요약');
  });

  it('is left out of the English, which keeps the table, the pairs\' English and the links', () => {
    expect(en).not.toMatch(/\p{Script=Hangul}/u);
    expect(en).toMatch(/^\| Name +\| +\|$/m);
    expect(en).toMatch(/^\| \[Value\]\(other\.mdx\) \| Sentence +\|$/m);
    expect(en).toContain('Content');
    expect(plan.diagnostics.filter((d) => d.rule === 'import/translated-outside-pairs')).toHaveLength(1);
  });
});

describe(':::image paths', () => {
  it('are trimmed: a space written after the file name is not part of it', () => {
    const { plan, en } = importBody([':::image type="content" source="images/a.png " alt-text="A" lightbox="images/a-large.png ":::']);
    expect(plan.ok).toBe(true);
    expect(en).toContain('[![A](/media/a.png)](/media/a-large.png)');
  });
});
