/**
 * A whole DocFX repository as input (issue 13): article ids from file paths (1), 21Vianet variants by
 * file name (2), optional "Applies to" (3), front-matter and pair details (6), and English that never
 * receives translated text (7). The repository is written here, in our own words.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/lib/importer/index.ts';
import { parseImportConfig } from '../../src/lib/importer/config.ts';
import { collectInputs } from '../../src/lib/importer/inputs.ts';
import { parseFrontmatter, parseMdx } from '../../src/lib/mdx/parse.ts';
import { navigationSchema } from '../../src/lib/data-schema.ts';
import { parse as parseYaml } from 'yaml';
import { fixture, lineOf, runCli, tempDir } from './helpers.ts';
import { renderPage } from '../security/helpers.ts';

let pairId = 0;
/** One sentence pair: the translation, then its English. */
export function pair(target: string, source: string): string {
  pairId++;
  return `<span data-ttu-id="p-${pairId}">${target}</span><span class="sxs-lookup"><span data-stu-id="p-${pairId}">${source}</span></span>`;
}

/** A bilingual DocFX article: front matter lines, a `#` title (with an anchor), then body lines. */
export function docfx(options: { title: [string, string]; anchor?: string; frontmatter?: string[]; locale?: string; hash?: string; body?: string[] }): string {
  return [
    '---',
    `title: ${options.title[0]}`,
    `ms.contentlocale: ${options.locale ?? 'ko-KR'}`,
    `ms.openlocfilehash: ${options.hash ?? (pairId + 1).toString(16).padStart(40, '0')}`,
    'ms.translationtype: HT',
    ...(options.frontmatter ?? []),
    '---',
    `# ${options.anchor ? `<a name="${options.anchor}"></a>` : ''}${pair(...options.title)}`,
    '',
    ...(options.body ?? [pair('본문입니다.', 'This is the body.')]),
    '',
  ].join('\n');
}

/** Writes files into a new folder; returns the folder. */
export function writeTree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function importTree(args: string[]) {
  const collected = collectInputs(args, (p) => p);
  const plan = planImport(collected.inputs, { contentDir: tempDir() });
  const file = (path: string): string => {
    const found = plan.files.find((f) => f.contentPath === path);
    if (!found) throw new Error(`${path} was not planned; planned: ${plan.files.map((f) => f.contentPath).join(', ')}`);
    return found.text;
  };
  const fm = (path: string) => parseFrontmatter(file(path)).data as Record<string, unknown>;
  return { collected, plan, file, fm };
}

const repository = writeTree({
  '.openpublishing.publish.config.json': '{}\n',
  'README.md': '# About this repository\n',
  'docs/docfx.json': '{ "build": { "dest": "docs" } }\n',
  'docs/TOC.yml': [
    '- name: 문서 홈',
    '  href: index.yml',
    '- name: 암호',
    '  href: reset-a-password.md',
    '  items:',
    '    - name: 도움말',
    '      href: help-me.md',
    '      displayName: help',
    '- name: 소식',
    '  items:',
    '    - name: 5월',
    '      href: news/TOC.md',
    '- name: 다른 사이트',
    '  href: /other-docs/overview',
    '',
  ].join('\n'),
  'docs/news/TOC.md': '# [5월](2020-may.md)\n',
  'store/TOC.yml': '- name: 상점\n  items:\n    - name: 지원\n      href: get-help.md\n',
  'Archive/TOC.md': '# [21Vianet](index.md)\n## [암호](reset-a-password.md)\n## [여기만](only-here.md)\n',
  '.openpublishing.redirection.json': JSON.stringify({
    redirections: [
      { source_path: 'docs/old-password.md', redirect_url: '/docs/reset-a-password', redirect_document_id: false },
      { source_path: 'docs/older-password.md', redirect_url: '/docs/old-password', redirect_document_id: false },
      { source_path: 'docs/moved-away.md', redirect_url: 'https://example.com/elsewhere', redirect_document_id: false },
    ],
  }),
  'docs/reset-a-password.md': docfx({
    title: ['암호 재설정', 'Reset a password'],
    anchor: 'a-section-anchor',
    body: [
      `- [${pair('도움말', 'Help')}](Help-Me.md)`,
      `- [${pair('쿼리', 'Query')}](/docs/help-me?context=docs/context)`,
      `- [${pair('절', 'Section')}](/Docs/help-me.md#sec)`,
      `- [${pair('역슬래시', 'Backslash')}](.\\help-me.md)`,
      `- [${pair('소식', 'News')}](news/2020-may.md)`,
      `- [${pair('다른 문서', 'Other docs')}](/other-docs/overview)`,
      `- [${pair('상점', 'Store')}](../store/get-help.md)`,
      `- [${pair('개발자', 'Developers')}](/docs/develop/get-started)`,
      `- [${pair('개발자 홈', 'Developer home')}](/docs/develop/)`,
      `- [${pair('없음', 'Missing')}](/docs/news/2020-june)`,
    ],
  }),
  'docs/help-me.md': docfx({ title: ['도움말', 'Help me'], frontmatter: ['Description: 설명입니다.', 'MS.Topic: article', 'ms.assetid: '] }),
  'docs/news/2020-may.md': docfx({ title: ['5월', 'May'] }),
  'store/docfx.json': '{ "build": { "dest": "store" } }\n',
  'store/get-help.md': docfx({ title: ['지원', 'Get help'] }),
  'Archive/China-reset-a-password.md': docfx({
    title: ['암호 재설정 (21Vianet에서 운영하는 파트너 센터)', 'Reset a password'],
    body: [pair('[도움말](help-me.md)을 참조하세요.', 'See [help](help-me.md).')],
  }),
  'Archive/China-help-me.md': docfx({ title: ['도움말', 'Help me'] }),
  'Archive/China-only-here.md': docfx({ title: ['여기만', 'Only here'] }),
  'Archive/index.md': docfx({ title: ['21Vianet 홈', '21Vianet home'] }),
});

describe('a DocFX repository', () => {
  const { collected, plan, file, fm } = importTree([repository]);

  it('imports every article file and lists the Markdown files that are not articles', () => {
    expect(collected.diagnostics.map((d) => [d.rule, d.file.slice(repository.length + 1)])).toEqual([['import/not-an-article', 'README.md']]);
    expect(plan.skipped).toEqual([]);
    expect(plan.files.filter((f) => f.contentPath.startsWith('en/') || !f.contentPath.includes('/')).map((f) => f.contentPath).sort()).toEqual([
      'en/archive--index.china.mdx',
      'en/help-me.china.mdx',
      'en/help-me.mdx',
      'en/news--2020-may.mdx',
      'en/only-here.china.mdx',
      'en/reset-a-password.china.mdx',
      'en/reset-a-password.mdx',
      'en/store--get-help.mdx',
      'navigation.yaml',
      'redirects.yaml',
    ]);
  });

  it('takes the article id from the file path, not from the heading anchor (item 1)', () => {
    expect(file('en/reset-a-password.mdx')).toContain('title: Reset a password');
    expect(plan.diagnostics.filter((d) => d.rule === 'import/slug-from-file-name')).toEqual([]);
  });

  it('resolves relative and site-absolute links in any case, with \\ and ?query, to article links (item 1)', () => {
    const body = file('en/reset-a-password.mdx');
    expect(body).toContain('- [Help](help-me.mdx)');
    expect(body).toContain('- [Query](help-me.mdx)');
    expect(body).toContain('- [Section](help-me.mdx#sec)');
    expect(body).toContain('- [Backslash](help-me.mdx)');
    expect(body).toContain('- [News](news--2020-may.mdx)');
    expect(body).toContain('- [Other docs](https://learn.microsoft.com/other-docs/overview)');
    expect(body).toContain('- [Store](store--get-help.mdx)');
    expect(file('ko/reset-a-password.mdx')).toContain('- [도움말](help-me.mdx)');
  });

  it('sends a site-absolute link into a folder the repository does not have to the published site (another repository published it there); a missing file of a folder it has stays broken', () => {
    const body = file('en/reset-a-password.mdx');
    expect(body).toContain('- [Developers](https://learn.microsoft.com/docs/develop/get-started)');
    expect(body).toContain('- [Developer home](https://learn.microsoft.com/docs/develop/)');
    expect(body).toContain('- [Missing](/docs/news/2020-june)');
  });

  it('makes Archive/China-<slug>.md the china variant of <slug>, or a china-only article (item 2)', () => {
    expect(fm('en/reset-a-password.china.mdx')).toMatchObject({ clouds: ['china'], title: 'Reset a password (Partner Center operated by 21Vianet)' });
    expect(fm('ko/reset-a-password.china.mdx')).toMatchObject({ clouds: ['china'], title: '암호 재설정 (21Vianet에서 운영하는 파트너 센터)' });
    expect(fm('en/reset-a-password.mdx')).toMatchObject({ clouds: ['global'] });
    expect(fm('en/only-here.china.mdx')).toMatchObject({ clouds: ['china'] });
    // Links inside a 21Vianet file name their targets without the prefix: the 21Vianet variant.
    expect(file('en/reset-a-password.china.mdx')).toContain('See [help](help-me.mdx).');
  });

  it('gives an article without "Applies to" the clouds configured for its folder (item 3)', () => {
    expect(fm('en/help-me.mdx')).toMatchObject({ clouds: ['global'] });
    expect(fm('en/archive--index.china.mdx')).toMatchObject({ clouds: ['china'] });
  });

  it('reads front-matter keys in any case and drops an empty ms.assetid (item 6)', () => {
    expect(fm('ko/help-me.mdx')).toMatchObject({ description: '설명입니다.', docfx: expect.objectContaining({ topic: 'article' }) });
    expect(fm('ko/help-me.mdx')).not.toHaveProperty('assetId');
  });

  it('makes the TOCs the navigation: one section per top-level entry, each article once (item 8)', () => {
    const navigation = parseYaml(file('navigation.yaml')) as { sections: { id: string; title: Record<string, string>; items: string[] }[] };
    expect(navigation.sections.map((s) => [s.id, s.title['en'], s.title['ko'], s.items])).toEqual([
      ['reset-a-password', 'Reset a password', '암호', ['reset-a-password', 'help-me']],
      ['news--2020-may', 'May', '소식', ['news--2020-may']],
      ['store--get-help', 'Get help', '상점', ['store--get-help']],
      ['archive--index', '21Vianet home', '21Vianet', ['archive--index', 'only-here']],
    ]);
    expect(navigationSchema.safeParse(navigation).success).toBe(true);
    expect(plan.diagnostics.filter((d) => d.rule === 'import/navigation-title').length).toBeGreaterThan(0);
  });

  it('makes .openpublishing.redirection.json the redirects, chains resolved, other sites left out (item 8)', () => {
    expect(parseYaml(file('redirects.yaml'))).toEqual({ 'old-password': 'reset-a-password', 'older-password': 'reset-a-password' });
    expect(plan.diagnostics.filter((d) => d.rule === 'import/redirects').map((d) => d.message)).toEqual([expect.stringMatching(/^1 redirect leads to another site/)]);
  });

  it('imports a docset folder alone with the same ids', () => {
    const alone = importTree([join(repository, 'docs', 'news')]);
    expect(alone.plan.files.map((f) => f.contentPath).filter((p) => p.endsWith('.mdx')).sort()).toEqual(['en/news--2020-may.mdx', 'ko/news--2020-may.mdx']);
  });
});

describe('"Applies to" (item 3)', () => {
  it('items that are not clouds are info and stay in the text; the clouds come from the others', () => {
    const input = fixture('applies-to-other.txt');
    const plan = planImport([input], { contentDir: tempDir() });
    expect(plan.diagnostics).toEqual([expect.objectContaining({ rule: 'import/applies-to-other', severity: 'info', line: lineOf(input.text, 'Applies to') })]);
    const english = plan.files.find((f) => f.contentPath === 'en/sample.mdx')!.text;
    expect(english).toContain('clouds: [global]');
    expect(english).toContain('Partner Center on Mars');
  });

  it('reads the one-line form **Applies to**: A | B', () => {
    const text = docfx({ title: ['제목', 'Title'], anchor: 'one-line', body: [pair('**적용 대상**: 파트너 센터 | 미국 정부', '**Applies to**: Partner Center | Partner Center for Microsoft Cloud for US Government'), '', pair('본문.', 'Body.')] });
    const plan = planImport([{ file: 'one-line.md', text }], { contentDir: tempDir() });
    const english = plan.files.find((f) => f.contentPath === 'en/one-line.mdx')!.text;
    expect(english).toContain('clouds: [global, usgov]');
    expect(english).not.toContain('Applies to');
    expect(plan.files.find((f) => f.contentPath === 'ko/one-line.mdx')!.text).not.toContain('적용 대상');
  });
});

describe('two versions of one file whose "Applies to" lists differ (item 3)', () => {
  const appliesTo = (clouds: string) => [pair(`**적용 대상**: ${clouds}`, `**Applies to**: ${clouds}`), '', pair('본문.', 'Body.')];
  const version = (locale: string, hash: string, date: string, clouds: string) =>
    writeTree({ '.openpublishing.publish.config.json': '{}\n', 'docs/docfx.json': '{ "build": { "dest": "docs" } }\n', 'docs/billing.md': docfx({ title: ['청구', 'Billing'], locale, hash, frontmatter: [`ms.date: ${date}`], body: appliesTo(clouds) }) });
  const newer = version('ko-KR', 'a'.repeat(40), '06/01/2021', 'Partner Center | Partner Center for Microsoft Cloud for US Government');
  const older = version('zh-CN', 'b'.repeat(40), '01/01/2021', 'Partner Center for Microsoft Cloud for US Government');
  const { plan, fm } = importTree([older, newer]);

  it('are one English file with the newest version\'s clouds, the older translation stale; not two variants claiming one cloud', () => {
    expect(plan.files.map((f) => f.contentPath).filter((p) => p.endsWith('.mdx')).sort()).toEqual(['en/billing.mdx', 'ko/billing.mdx', 'zh/billing.mdx']);
    expect(fm('en/billing.mdx')).toMatchObject({ clouds: ['global', 'usgov'] });
    expect(fm('zh/billing.mdx')).toMatchObject({ clouds: ['global', 'usgov'] });
    expect(plan.diagnostics.filter((d) => d.rule === 'import/older-english').map((d) => d.file)).toEqual([join(older, 'docs/billing.md')]);
  });
});

describe('sentence pairs split over lines (item 6)', () => {
  it('a pair whose halves run over two lines is read as one sentence', () => {
    const text = docfx({
      title: ['제목', 'Title'],
      anchor: 'split',
      body: ['<span data-ttu-id="s-1">첫 줄', '둘째 줄.</span><span class="sxs-lookup"><span data-stu-id="s-1">First line', 'second line.</span></span> After.'],
    });
    const plan = planImport([{ file: 'split.md', text }], { contentDir: tempDir() });
    expect(plan.diagnostics).toEqual([]);
    const english = plan.files.find((f) => f.contentPath === 'en/split.mdx')!.text;
    expect(english).toContain('First line\nsecond line. After.');
    expect(plan.files.find((f) => f.contentPath === 'ko/split.mdx')!.text).toContain('첫 줄\n둘째 줄. After.');
  });
});

describe('English never receives translated text (item 7)', () => {
  const image = (alt: string): string => `:::image type="content" source="media/shot.png" alt-text="${alt}":::`;

  it('alt text, list items and table cells translated outside the pairs are left out, with one warning', () => {
    const text = docfx({
      title: ['제목', 'Title'],
      anchor: 'translated',
      body: [image('번역된 대체 텍스트'), '', '- 번역된 목록 항목', `- ${pair('항목', 'Item')}`, '', `| ${pair('이름', 'Name')} | Azure |`, '|---|---|', '| 번역된 셀 | Azure |'],
    });
    const plan = planImport([{ file: 'translated.md', text }], { contentDir: tempDir() });
    const english = plan.files.find((f) => f.contentPath === 'en/translated.mdx')!.text;
    expect(english).not.toMatch(/\p{Script=Hangul}/u);
    expect(english).toContain('![](/media/shot.png)');
    expect(english).toContain('- Item');
    expect(english).toMatch(/\| Name +\| Azure \|/);
    expect(plan.diagnostics).toEqual([expect.objectContaining({ rule: 'import/translated-outside-pairs', severity: 'warning', message: expect.stringMatching(/^3 pieces/) })]);
    expect(plan.files.find((f) => f.contentPath === 'ko/translated.mdx')!.text).toContain('![번역된 대체 텍스트](/media/shot.png)');
  });

  it('two locales whose English differs only outside the pairs do not conflict: that text is left out', () => {
    const body = (alt: string): string[] => [image(alt), '', pair('문장.', 'Sentence.')];
    const ko = docfx({ title: ['제목', 'Title'], anchor: 'two', hash: 'f'.repeat(40), body: body('스크린샷') });
    const zh = docfx({ title: ['标题', 'Title'], anchor: 'two', hash: 'f'.repeat(40), locale: 'zh-CN', body: body('Screenshot of the page') });
    const plan = planImport([{ file: 'ko.md', text: ko }, { file: 'zh.md', text: zh }], { contentDir: tempDir() });
    expect(plan.skipped).toEqual([]);
    expect(plan.files.map((f) => f.contentPath).sort()).toEqual(['en/two.mdx', 'ko/two.mdx', 'zh/two.mdx']);
    expect(plan.files.find((f) => f.contentPath === 'en/two.mdx')!.text).toContain('![](/media/shot.png)');
    expect(plan.diagnostics.map((d) => [d.rule, d.file])).toEqual([
      ['import/translated-outside-pairs', 'ko.md'],
      ['import/translated-outside-pairs', 'zh.md'],
    ]);
  });

  it('pairs with different English for one source hash are a conflict, reported once naming both files', () => {
    const a = docfx({ title: ['제목', 'Title'], anchor: 'three', hash: 'e'.repeat(40), body: [pair('문장.', 'Sentence one.')] });
    const b = docfx({ title: ['标题', 'Title'], anchor: 'three', hash: 'e'.repeat(40), locale: 'zh-CN', body: [pair('句子。', 'Sentence two.')] });
    const plan = planImport([{ file: 'a.md', text: a }, { file: 'b.md', text: b }], { contentDir: tempDir() });
    expect(plan.diagnostics).toEqual([expect.objectContaining({ rule: 'import/english-mismatch', file: 'b.md', line: lineOf(b, 'Sentence two') })]);
    expect(plan.diagnostics[0]!.message).toContain('a.md');
    expect(plan.skipped).toEqual(['b.md']);
  });
});

describe('comments and legacy anchors (item 5)', () => {
  const text = docfx({
    title: ['제목', 'Title'],
    anchor: 'anchors',
    body: [
      '<!-- An editorial note that readers never see. -->',
      '',
      '<a name="before-paragraph"></a>',
      pair('문단.', 'A paragraph.'),
      '',
      `- <a href="" id="in-list"></a>${pair('항목', 'An item')} <!-- inline note -->`,
      '',
      `## <a name="summary"></a><a id="7"/></a>${pair('요약', 'Summary')}`,
      '',
      `## <a name="summary"></a>${pair('다시 요약', 'Summary again')}`,
      '',
      `| <a id="in-cell"></a>${pair('셀', 'Cell')} |`,
      '|---|',
      '| x |',
    ],
  });
  const plan = planImport([{ file: 'anchors.md', text }], { contentDir: tempDir() });
  if (!plan.files.length) throw new Error(JSON.stringify(plan.diagnostics));
  const english = plan.files.find((f) => f.contentPath === 'en/anchors.mdx')!.text;
  const korean = plan.files.find((f) => f.contentPath === 'ko/anchors.mdx')!.text;

  it('drops HTML comments', () => {
    expect(english).not.toMatch(/editorial|inline note|<!--/);
    expect(korean).not.toMatch(/editorial|inline note|<!--/);
  });

  it('turns anchors anywhere into ids of the block they mark, the same in every locale', () => {
    const ids = (t: string) => parseMdx(t).headings.map((h) => [h.depth, h.id]);
    const expected = [[0, 'before-paragraph'], [0, 'in-list'], [2, 'summary'], [0, '7'], [2, 'summary-2'], [0, 'in-cell']];
    expect(ids(english)).toEqual(expected);
    expect(ids(korean)).toEqual(expected);
    expect(english).toContain('{/* #before-paragraph */}A paragraph.');
    const html = JSON.stringify(parseMdx(english).hast);
    expect(html).toContain('"tagName":"p","properties":{"id":"before-paragraph"}');
    expect(html).toContain('"tagName":"th","properties":{"id":"in-cell"}');
    expect(plan.diagnostics.map((d) => d.rule)).toEqual(['import/duplicate-anchor']);
  });

  it('keeps the anchors in the rendered page, through the sanitizing renderer', () => {
    const html = renderPage(english.slice(english.indexOf('\n---\n') + 5));
    for (const id of ['before-paragraph', 'in-list', '7', 'summary', 'summary-2', 'in-cell']) expect(html).toContain(` id="${id}"`);
  });
});

describe('DocFX constructs of real repositories (item 6)', () => {
  const text = docfx({
    title: ['제목', 'Title'],
    anchor: 'constructs',
    body: [
      '## ' + pair('설정', 'Setup'),
      '',
      `# [${pair('포털', 'Portal')}](#tab/portal)`,
      '',
      pair('포털에서.', 'In the portal.'),
      '',
      `# [${pair('API', 'API')}](#tab/api)`,
      '',
      pair('API로.', 'With the API.'),
      '',
      '---',
      '',
      '> [!NOTE]',
      '>',
      '> ' + pair('빈 줄 다음.', 'After an empty line.'),
      '',
      '>[!Important]',
      '>' + pair('붙여 쓴 것.', 'Written without a space.'),
      '',
      '> [!TIP]  ',
      '> ' + pair('줄 바꿈 다음.', 'After a hard line break.') + '  ',
      '',
      ':::image type="content" source="media/small.png" alt-text="Small" lightbox="media/large.png":::',
      '',
      pair('문장', 'A sentence with') + ' :::no-loc text="Azure":::.   ',
    ],
  });
  const plan = planImport([{ file: 'constructs.md', text }], { contentDir: tempDir() });
  const english = plan.files.find((f) => f.contentPath === 'en/constructs.mdx')!.text;

  it('turns DocFX tabs into sections below the current heading, with a warning', () => {
    expect(english).toContain('## Setup {/* #setup */}\n\n### Portal {/* #tab-portal */}\n\nIn the portal.');
    expect(english).toContain('### API {/* #tab-api */}\n\nWith the API.\n\n<Callout');
    expect(english.slice(english.indexOf('\n---\n') + 5)).not.toMatch(/^---$/m);
    expect(plan.diagnostics.map((d) => [d.rule, d.line])).toEqual([['import/tabs', lineOf(text, '#tab/portal')]]);
  });

  it('reads callouts whose first line is empty or has no space, :::image lightbox and :::no-loc', () => {
    expect(english).toContain('<Callout type="note">\n  After an empty line.\n</Callout>');
    expect(english).toContain('<Callout type="important">\n  Written without a space.\n</Callout>');
    // Two trailing spaces after the marker (a hard line break in Markdown) or the text: no empty line.
    expect(english).toContain('<Callout type="tip">\n  After a hard line break.\n</Callout>');
    expect(english).toContain('[![Small](/media/small.png)](/media/large.png)');
    expect(english).toContain('A sentence with Azure.\n');
  });
});

describe('YAML pages (item 8)', () => {
  const faq = [
    '### YamlMime:FAQ',
    'metadata:',
    '  title: Payout questions',
    '  ms.contentlocale: en-us',
    '  ms.openlocfilehash: 0123',
    'title: Common payout questions',
    'summary: Answers about payouts.',
    'sections:',
    '  - name: Profiles',
    '    questions:',
    '      - question: Why are my earnings missing?',
    '        answer: See [the overview](overview.md).',
    '',
  ].join('\n');
  const root = writeTree({
    '.openpublishing.publish.config.json': '{}\n',
    'docs/docfx.json': '{ "build": { "dest": "docs" } }\n',
    'docs/overview.md': docfx({ title: ['개요', 'Overview'], body: [`[${pair('질문', 'Questions')}](payout-faq.yml#why-are-my-earnings-missing-)`] }),
    'docs/payout-faq.yml': faq,
    'docs/translated-faq.yml': faq.replace('ms.contentlocale: en-us', 'ms.contentlocale: ko-KR'),
    'docs/index.yml': '### YamlMime:Landing\ntitle: Home\n',
  });
  const { collected, plan, file } = importTree([root]);

  it('an English FAQ page becomes an article, each question a section with the id DocFX gave it', () => {
    expect(file('en/payout-faq.mdx')).toContain('### Why are my earnings missing? {/* #why-are-my-earnings-missing- */}\n\nSee [the overview](overview.mdx).');
    expect(file('en/overview.mdx')).toContain('[Questions](payout-faq.mdx#why-are-my-earnings-missing-)');
    expect(plan.skipped).toEqual([]);
  });

  it('landing pages and translated-only FAQ pages are listed with an info line', () => {
    expect(collected.diagnostics.map((d) => [d.rule, d.severity, d.file.slice(root.length + 1)])).toEqual([
      ['import/not-imported-page', 'info', 'docs/index.yml'],
      ['import/not-imported-page', 'info', 'docs/translated-faq.yml'],
    ]);
  });
});

describe('images and the import report (items 9, report)', () => {
  it('copies images from the repository and --assets, reports the others once per file, and writes the report', () => {
    const root = writeTree({
      '.openpublishing.publish.config.json': '{}\n',
      'docs/docfx.json': '{ "build": { "dest": "docs" } }\n',
      'docs/media/here.png': 'png-bytes-1',
      'docs/pictures.md': docfx({ title: ['그림', 'Pictures'], body: ['![](media/here.png)', '', '![](media/elsewhere.png)', '', '![](media/nowhere.png)', '', '![](media/nowhere-2.png)'] }),
    });
    const assets = writeTree({ 'elsewhere.png': 'png-bytes-2' });
    const project = tempDir();
    const content = join(project, 'content');
    const report = join(project, 'report.md');
    const collected = collectInputs([root], (p) => p);
    const plan = planImport(collected.inputs, { contentDir: content, publicDir: join(project, 'public'), assets });
    expect(plan.assets.map((a) => a.to.slice(project.length))).toEqual(['/public/media/here.png', '/public/media/elsewhere.png']);
    expect(plan.diagnostics.filter((d) => d.rule === 'import/missing-image').map((d) => d.message)).toEqual([expect.stringMatching(/^2 images are not in the repository nor in .* \(media\/nowhere\.png, media\/nowhere-2\.png\)/)]);

    const cli = runCli([root, '--content-dir', content, '--public-dir', join(project, 'public'), '--assets', assets, '--report', report]);
    expect(cli.status).toBe(0);
    const markdown = readFileSync(report, 'utf8');
    expect(markdown).toContain('| ko | global | 1 |');
    expect(markdown).toContain('| import/missing-image | warning | 1 |');
    expect(markdown).toContain('- Links rewritten to articles: 0');
    const json = runCli([root, '--content-dir', content, '--public-dir', join(project, 'public'), '--assets', assets, '--dry-run', '--report', report, '--format', 'json']);
    expect(readFileSync(join(project, 'public/media/elsewhere.png'), 'utf8')).toBe('png-bytes-2');
    expect(json.status).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ dryRun: true, imported: 1, files: { en: { global: 1 }, ko: { global: 1 } }, skipped: [] });
  });
});

describe('--config (item 2: the variant rule is configuration)', () => {
  it('another repository layout: its own variant pattern and folder clouds', () => {
    const config = parseImportConfig('variants:\n  - pattern: "Legacy/CN-{slug}.md"\n    cloud: china\nclouds:\n  default: [global, usgov]\n');
    const root = writeTree({
      '.openpublishing.publish.config.json': '{}\n',
      'docs/docfx.json': '{ "build": { "dest": "docs" } }\n',
      'docs/billing.md': docfx({ title: ['청구', 'Billing'] }),
      'Legacy/CN-billing.md': docfx({ title: ['청구 (21Vianet)', 'Billing'] }),
    });
    const collected = collectInputs([root], (p) => p, config);
    const plan = planImport(collected.inputs, { contentDir: tempDir() });
    expect(plan.files.filter((f) => f.contentPath.startsWith('en/')).map((f) => [f.contentPath, f.clouds])).toEqual([
      ['en/billing.mdx', ['global', 'usgov']],
      ['en/billing.china.mdx', ['china']],
    ]);
  });

  it('names the field that is wrong', () => {
    expect(() => parseImportConfig('variants:\n  - pattern: "Legacy/CN.md"\n    cloud: mars\n')).toThrow(/variants\.0\.pattern: must contain \{slug\}; variants\.0\.cloud: unknown cloud "mars"/);
  });
});
