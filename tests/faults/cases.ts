/**
 * Single faults, one per case, across every rule an author can meet. Each names the rule of the one
 * finding it must give, the text at which it must be reported (the first character of `at.text` in
 * `at.file`, after the fault), and, when following the hint needs a person, why. Cases taken from
 * issue 14 say where.
 */
import type { RuleId } from '../../src/lib/rules.ts';
import type { Tree } from './harness.ts';

export interface FaultCase {
  name: string;
  rule: RuleId;
  /** Where issue 14 reported this fault. */
  issue?: string;
  inject(tree: Tree): void;
  at: { file: string; text: string };
  /** Why the hint needs a human choice (no automatic fix). */
  human?: string;
}

const EN = 'content/en/billing.mdx';
const CHINA = 'content/en/billing.china.mdx';
const KO = 'content/ko/billing.mdx';
const JA = 'content/ja/billing.mdx';
const NOTES = 'content/en/release-notes.mdx';
const ESC = 'content/en/escalate.mdx';

export const CASES: FaultCase[] = [
  // The model: names, syntax, front matter, data files.
  {
    name: 'file-name-upper-case',
    rule: 'content/file-name',
    inject: (t) => t.rename('content/ja/billing.mdx', 'content/ja/Billing.mdx'),
    at: { file: 'content/ja/Billing.mdx', text: '---' },
  },
  {
    name: 'translation-file-name-misspelled',
    rule: 'translation/no-source',
    issue: '14 review, item 6 (a misspelled translation file name gave 1 error and 10 link/fallback warnings)',
    inject: (t) => t.rename(KO, 'content/ko/biling.mdx'),
    at: { file: 'content/ko/biling.mdx', text: '---' },
  },
  {
    name: 'mdx-unclosed-brace-in-translation',
    rule: 'content/mdx-syntax',
    issue: '1 (a file that fails to parse is then "not translated", with fallback warnings elsewhere)',
    inject: (t) => t.edit(KO, '청구 지원 제공.\n', '청구 지원 제공 {oops.\n'),
    at: { file: KO, text: '{oops' },
  },
  {
    name: 'mdx-html-comment-in-translation',
    rule: 'content/mdx-syntax',
    issue: '3 (an HTML comment gets "use {/* text */}", which then failed safety/expression)',
    inject: (t) => t.edit(JA, '## ', '<!-- 翻訳メモ -->\n\n## '),
    at: { file: JA, text: '<!--' },
  },
  {
    name: 'mdx-wrong-closing-tag',
    rule: 'content/mdx-syntax',
    inject: (t) => t.append(NOTES, '\n<Callout type="tip">\n\nReports are updated daily.\n\n</CloudOnly>\n'),
    at: { file: NOTES, text: '</CloudOnly>' },
  },
  {
    name: 'mdx-unclosed-tag-inside-paragraph',
    rule: 'content/mdx-syntax',
    issue: '14 review, item 2 (the hint said to close it on its own line after a blank line, which gave the same error)',
    inject: (t) => t.append(NOTES, '\nOne more thing.\n<Callout type="note">Remember this.\n'),
    at: { file: NOTES, text: '<Callout type="note">Remember' },
  },
  {
    name: 'nesting-too-deep',
    rule: 'content/nesting-depth',
    issue: '19, item 5 (2,000 nested > overflowed the stack with no file named)',
    inject: (t) => t.append(NOTES, `\n${'>'.repeat(2000)} Quoted.\n`),
    // The leftmost match ends at " Quoted.", so it starts at the 101st ">", where the limit is crossed.
    at: { file: NOTES, text: `${'>'.repeat(1900)} Quoted.` },
    human: 'which levels to remove is the author\'s choice',
  },
  {
    name: 'redirect-loop',
    rule: 'redirect/loop',
    issue: '19, item 10 (a loop passed npm run check)',
    inject: (t) => t.append('content/redirects.yaml', 'first-old: second-old\nsecond-old: first-old\n'),
    at: { file: 'content/redirects.yaml', text: 'first-old: second-old' },
    human: 'which article the old pages moved to is the author\'s knowledge',
  },
  {
    name: 'redirect-missing-target',
    rule: 'redirect/missing-target',
    issue: '19, item 10 (a target that does not exist passed npm run check)',
    inject: (t) => t.append('content/redirects.yaml', 'gone: nowhere\n'),
    at: { file: 'content/redirects.yaml', text: 'nowhere' },
    human: 'which article the old page moved to is the author\'s knowledge',
  },
  {
    name: 'redirect-missing-anchor',
    rule: 'redirect/missing-anchor',
    issue: '19, item 10 (passed npm run check, then failed the build, positioned in dist/)',
    inject: (t) => t.edit('content/redirects.yaml', 'old-escalate: escalate', 'old-escalate: escalate#nosuchsection'),
    at: { file: 'content/redirects.yaml', text: 'escalate#nosuchsection' },
    human: 'which section the old page became is the author\'s knowledge',
  },
  {
    name: 'frontmatter-unknown-cloud',
    rule: 'schema/frontmatter',
    issue: '1 (one unknown cloud in English gave 19 errors, the real one 8th)',
    inject: (t) => t.edit(ESC, 'clouds: [global, usgov, germany, china]', 'clouds: [global, usgov, germany, china, gcchigh]'),
    at: { file: ESC, text: 'gcchigh' },
  },
  {
    name: 'english-clouds-overlap-a-variant',
    rule: 'variant/overlap',
    issue: '14 review, item 5 (an overlap reported at the china variant, plus 3 translation/clouds and 4 variant/terminology)',
    inject: (t) => t.edit(EN, 'clouds: [global, usgov, germany]', 'clouds: [global, usgov, germany, china]'),
    at: { file: EN, text: 'clouds:' },
  },
  {
    name: 'frontmatter-unclosed-quote',
    rule: 'schema/frontmatter',
    issue: '5 (reported two lines further down, with a hint about ":" and "#")',
    inject: (t) => t.edit(EN, 'title: Provide billing support', 'title: "Provide billing support'),
    at: { file: EN, text: '"Provide' },
  },
  {
    name: 'frontmatter-not-closed',
    rule: 'schema/frontmatter',
    issue: '5 (reported as an acorn expression error)',
    inject: (t) => t.edit(EN, 'clouds: [global, usgov, germany]\n---\n', 'clouds: [global, usgov, germany]\n'),
    at: { file: EN, text: '---' },
  },
  {
    name: 'frontmatter-key-misspelled',
    rule: 'schema/frontmatter',
    issue: '14 review, item 7 (an unknown key was reported at 1:1, and title as required, with a hint to read CONTRIBUTING.md)',
    inject: (t) => t.edit(NOTES, 'title: Release notes', 'titel: Release notes'),
    at: { file: NOTES, text: 'titel' },
  },
  {
    name: 'frontmatter-clouds-not-a-list',
    rule: 'schema/frontmatter',
    issue: '14 review, item 7 (clouds: global was reported as "clouds is required")',
    inject: (t) => t.edit(NOTES, 'clouds: [global]', 'clouds: global'),
    at: { file: NOTES, text: 'clouds' },
  },
  {
    name: 'frontmatter-cloud-twice',
    rule: 'schema/frontmatter',
    issue: '14 review, item 7 (a cloud listed twice was reported at the key, with a hint to read CONTRIBUTING.md)',
    inject: (t) => t.edit(NOTES, 'clouds: [global]', 'clouds: [global, global]'),
    at: { file: NOTES, text: 'global]' },
  },
  {
    name: 'frontmatter-no-title',
    rule: 'schema/frontmatter',
    inject: (t) => t.edit(NOTES, 'title: Release notes\n', ''),
    at: { file: NOTES, text: '---' },
    human: 'the title is the author\'s words',
  },
  {
    name: 'data-file-unclosed-list',
    rule: 'schema/data-file',
    inject: (t) => t.edit('content/navigation.yaml', 'title: { en: News, ko: 새 소식, zh: 新闻, ja: ニュース }', 'title: { en: News, ko: 새 소식, zh: 新闻, ja: ニュース'),
    at: { file: 'content/navigation.yaml', text: '{ en: News' },
  },
  {
    name: 'frontmatter-value-with-colon',
    rule: 'schema/frontmatter',
    issue: '14 review, item 8 (YAML errors got one hint about ": " and " #" whatever the error)',
    inject: (t) => t.edit(NOTES, 'title: Release notes', 'title: Release notes: November'),
    at: { file: NOTES, text: 'Release notes: November' },
  },
  {
    name: 'data-file-bad-indentation',
    rule: 'schema/data-file',
    issue: '14 review, item 8 (a key indented one space less got the hint about ": " and " #")',
    inject: (t) => t.edit('content/navigation.yaml', '    items:\n      - release-notes', '   items:\n      - release-notes'),
    at: { file: 'content/navigation.yaml', text: '   items:\n      - release-notes' },
    human: 'the line belongs to the entry above: indent it like that entry\'s other keys',
  },
  {
    name: 'data-file-tab-indentation',
    rule: 'schema/data-file',
    issue: '14 review, item 8 (terminology.yaml)',
    inject: (t) => t.edit('content/terminology.yaml', '  china: { en: Partner Center operated by 21Vianet }', '\tchina: { en: Partner Center operated by 21Vianet }'),
    at: { file: 'content/terminology.yaml', text: '\tchina' },
    human: 'how deep the line belongs (how many spaces) is read from the lines around it',
  },
  {
    name: 'data-file-fact-without-locale',
    rule: 'schema/data-file',
    inject: (t) => t.edit('content/cloud-facts.yaml', 'china: { en: 21Vianet, ko: 21Vianet, zh: 世纪互联, ja: 21Vianet }', 'china: { en: 21Vianet, ko: 21Vianet, zh: 世纪互联 }'),
    at: { file: 'content/cloud-facts.yaml', text: 'china:' },
    human: 'the missing text is a translation',
  },
  {
    name: 'duplicate-heading-id',
    rule: 'content/duplicate-id',
    inject: (t) => t.append(NOTES, '\n## Fixed problems {/* #reports */}\n\nNone this month.\n'),
    at: { file: NOTES, text: '## Fixed' },
  },
  {
    name: 'duplicate-id-in-translation',
    rule: 'content/duplicate-id',
    issue: '14 review, item 1 (in a translation, the English id at that place is the one to use)',
    inject: (t) => t.edit(JA, '## 返金 {/* #refunds */}', '## 返金 {/* #disputes */}'),
    at: { file: JA, text: '## 返金' },
  },

  // Content structure.
  {
    name: 'heading-without-id-accented',
    rule: 'content/missing-heading-id',
    issue: '3 (the hint proposed {/* #résumé-of-options */}, which then failed safety/expression)',
    inject: (t) => t.append(NOTES, '\n## Résumé of options\n\nText.\n'),
    at: { file: NOTES, text: '## Résumé' },
  },
  {
    name: 'heading-id-not-ascii',
    rule: 'content/missing-heading-id',
    issue: '3 (the non-ASCII id a hint proposed, written as told)',
    inject: (t) => t.append(NOTES, '\n## Résumé of options {/* #résumé-of-options */}\n\nText.\n'),
    at: { file: NOTES, text: '## Résumé' },
  },
  {
    name: 'heading-without-id-korean',
    rule: 'content/missing-heading-id',
    issue: '3 (the hint proposed {/* #웹-포털 */})',
    inject: (t) => t.append(KO, '\n### 웹 포털\n\n텍스트.\n'),
    at: { file: KO, text: '### 웹 포털' },
    human: 'a Korean heading with no English counterpart has no ASCII text to derive an id from',
  },
  {
    name: 'heading-id-of-the-layout',
    rule: 'content/reserved-id',
    issue: '6 (## Content gave id="content", the id of <main>, silently)',
    inject: (t) => t.append(NOTES, '\n## Content {/* #content */}\n\nWhat this page covers.\n'),
    at: { file: NOTES, text: '## Content' },
  },
  {
    name: 'heading-id-of-the-layout-in-translation',
    rule: 'content/reserved-id',
    issue: '14 review, item 4 (reserved-id proposed #theme-toggle-section and translation/anchors #refunds: two errors, two answers)',
    inject: (t) => t.edit(JA, '## 返金 {/* #refunds */}', '## 返金 {/* #theme-toggle */}'),
    at: { file: JA, text: '## 返金' },
  },
  {
    name: 'navigation-misspelled-article',
    rule: 'content/navigation',
    inject: (t) => t.edit('content/navigation.yaml', '      - escalate\n', '      - escalte\n'),
    at: { file: 'content/navigation.yaml', text: 'escalte' },
  },
  {
    name: 'article-not-in-navigation',
    rule: 'content/orphan',
    issue: '9 (listed silently under "More articles")',
    inject: (t) => t.edit('content/navigation.yaml', '      - escalate\n', ''),
    at: { file: ESC, text: 'title:' },
  },
  {
    name: 'emphasis-never-closed',
    rule: 'content/literal-emphasis',
    inject: (t) => t.append(NOTES, '\nRefunds are **faster now.\n'),
    at: { file: NOTES, text: '**faster' },
    human: 'emphasis or the characters themselves: the author\'s choice',
  },
  {
    name: 'cloud-block-never-shown',
    rule: 'content/unreachable-cloud-block',
    inject: (t) => t.append(NOTES, '\n<CloudOnly clouds="china">\nOnly in China.\n</CloudOnly>\n'),
    at: { file: NOTES, text: 'clouds="china"' },
    human: 'remove the block or move it to the variant for those clouds: a choice',
  },
  {
    name: 'cloud-fact-misspelled',
    rule: 'content/unknown-fact',
    inject: (t) => t.edit(NOTES, 'What changed in Partner Center this month.', 'What <CloudFact name="operater" /> changed this month.'),
    at: { file: NOTES, text: 'name="operater"' },
  },
  {
    name: 'cloud-fact-misspelled-in-translation',
    rule: 'content/unknown-fact',
    issue: '14 review, item 3 (translation/components came first, the unknown fact second)',
    inject: (t) => t.edit('content/zh/billing.mdx', '<CloudFact name="operator" />', '<CloudFact name="operatr" />'),
    at: { file: 'content/zh/billing.mdx', text: 'name="operatr"' },
  },
  {
    name: 'callout-misspelled-type-in-translation',
    rule: 'content/component-attribute',
    issue: '14 review, item 3 (the same kind: an attribute error in a translation is also a component that differs from English)',
    inject: (t) => t.edit(KO, '<Callout type="note">', '<Callout type="nte">'),
    at: { file: KO, text: 'type="nte"' },
  },
  {
    name: 'cloud-only-misspelled-cloud',
    rule: 'content/unknown-cloud',
    inject: (t) => t.edit(ESC, '<CloudOnly clouds="china">', '<CloudOnly clouds="chna">'),
    at: { file: ESC, text: 'clouds="chna"' },
  },
  {
    name: 'callout-without-type',
    rule: 'content/component-attribute',
    inject: (t) => t.append(NOTES, '\n<Callout>\nReports are updated daily.\n</Callout>\n'),
    at: { file: NOTES, text: '<Callout>' },
  },
  {
    name: 'callout-misspelled-type',
    rule: 'content/component-attribute',
    inject: (t) => t.append(NOTES, '\n<Callout type="tipp">\nReports are updated daily.\n</Callout>\n'),
    at: { file: NOTES, text: 'type="tipp"' },
  },

  // Links.
  {
    name: 'link-misspelled-in-english-source',
    rule: 'link/missing-article',
    issue: '1 and 2 (added 6 translation/links errors, telling translations to "carry over" the misspelled link)',
    inject: (t) => t.edit(EN, '(escalate.mdx#when)', '(escalte.mdx#when)'),
    at: { file: EN, text: '[escalate the problem]' },
  },
  {
    name: 'link-misspelled-in-translation',
    rule: 'link/missing-article',
    inject: (t) => t.edit(KO, '(escalate.mdx#when)', '(escalte.mdx#when)'),
    at: { file: KO, text: '[문제 에스컬레이션]' },
  },
  {
    name: 'link-anchor-wrong-case',
    rule: 'link/missing-anchor',
    issue: '4 (4 identical errors at one position, one per locale of the target)',
    inject: (t) => t.edit(NOTES, '(billing.mdx#refunds)', '(billing.mdx#Refunds)'),
    at: { file: NOTES, text: '[Refunds]' },
  },
  {
    name: 'link-to-article-of-another-cloud',
    rule: 'link/not-in-cloud',
    inject: (t) => t.edit(CHINA, 'issues refunds to you.', 'issues refunds to you. See the [release notes](release-notes.mdx).'),
    at: { file: CHINA, text: '[release notes]' },
    human: 'which clouds the sentence is for is the author\'s choice',
  },
  {
    name: 'image-misspelled-path',
    rule: 'link/missing-asset',
    inject: (t) => t.append(NOTES, '\n![Diagram](/media/diagrm.png)\n'),
    at: { file: NOTES, text: '![Diagram]' },
  },
  {
    name: 'link-to-moved-article',
    rule: 'link/redirected',
    inject: (t) => t.append(NOTES, '\nSee [escalation](old-escalate.mdx#how).\n'),
    at: { file: NOTES, text: '[escalation]' },
  },
  {
    name: 'link-javascript-url',
    rule: 'link/unsafe-url',
    inject: (t) => t.append(NOTES, '\n[Open](javascript:alert(1))\n'),
    at: { file: NOTES, text: '[Open]' },
    human: 'what the link should point to is the author\'s choice',
  },
  {
    name: 'link-host-without-domain',
    rule: 'link/malformed-url',
    inject: (t) => t.append(NOTES, '\n[Intranet](https://intranet/reports)\n'),
    at: { file: NOTES, text: '[Intranet]' },
    human: 'the full host name is not in the text',
  },
  {
    name: 'link-hard-coded-site-url',
    rule: 'link/absolute-internal',
    inject: (t) => t.append(NOTES, '\nSee [billing](/en/global/billing/#disputes).\n'),
    at: { file: NOTES, text: '[billing]' },
  },
  {
    name: 'link-empty',
    rule: 'link/empty',
    inject: (t) => t.append(NOTES, '\nSee [billing]().\n'),
    at: { file: NOTES, text: '[billing]' },
    human: 'the target is not in the text',
  },

  // Cloud variants.
  {
    name: 'variants-overlap',
    rule: 'variant/overlap',
    inject: (t) => t.edit(CHINA, 'clouds: [china]', 'clouds: [china, global]'),
    at: { file: CHINA, text: 'clouds:' },
  },
  {
    name: 'variant-lost-section-id-its-translations-have',
    rule: 'translation/anchors',
    inject: (t) => t.edit(CHINA, '## Billing disputes {/* #disputes */}', '## Billing disputes'),
    at: { file: CHINA, text: '## Billing disputes' },
  },
  {
    name: 'link-to-section-another-variant-has',
    rule: 'variant/anchor',
    // The China variant links to the invoices section, which only the base variant has.
    inject: (t) => t.edit(CHINA, 'issues refunds to you.', 'issues refunds to you. See [invoices](billing.mdx#invoices).'),
    at: { file: CHINA, text: '---' },
    human: 'the China variant has no such section: add one, or link elsewhere',
  },
  {
    name: 'terminology-in-china-variant',
    rule: 'variant/terminology',
    inject: (t) => t.edit(CHINA, 'in Partner Center operated by 21Vianet.', 'in Microsoft Partner Center.'),
    at: { file: CHINA, text: 'Microsoft Partner Center' },
  },
  // Search synonyms.
  {
    name: 'synonym-group-no-article-uses',
    rule: 'search/unknown-synonym',
    inject: (t) => t.append('content/terminology.yaml', 'synonyms:\n  ko:\n    - [인보이스, 빌링]\n'),
    at: { file: 'content/terminology.yaml', text: '[인보이스' },
    human: 'which word the articles use for the same thing is the translator\'s to name',
  },
  {
    name: 'variant-base-hash-wrong',
    rule: 'variant/stale',
    inject: (t) => t.edit(CHINA, /baseHash: [0-9a-f]{16}/, 'baseHash: 0123456789abcdef'),
    at: { file: CHINA, text: 'baseHash' },
  },
  {
    name: 'variant-without-base-hash',
    rule: 'variant/no-base-hash',
    inject: (t) => t.edit(CHINA, /baseHash: [0-9a-f]{16}\n/, ''),
    at: { file: CHINA, text: 'clouds:' },
  },

  // Translations.
  {
    name: 'translation-source-hash-wrong',
    rule: 'translation/stale',
    inject: (t) => t.edit(KO, /sourceHash: [0-9a-f]{16}/, 'sourceHash: 0123456789abcdef'),
    at: { file: KO, text: 'sourceHash' },
  },
  {
    name: 'translation-without-english-file',
    rule: 'translation/no-source',
    inject: (t) => t.write('content/ko/ghost.mdx', '---\ntitle: 유령\nclouds: [global]\ntranslation:\n  sourceHash: 0123456789abcdef\n  method: human\n---\n\n텍스트.\n'),
    at: { file: 'content/ko/ghost.mdx', text: '---' },
    human: 'rename it after its English file, or write the English first: a choice',
  },
  {
    name: 'translation-without-provenance',
    rule: 'translation/missing-provenance',
    inject: (t) => t.edit(KO, /translation:\n {2}sourceHash: [0-9a-f]{16}\n {2}method: human\n/, ''),
    at: { file: KO, text: 'title:' },
  },
  {
    name: 'english-lost-section-id',
    rule: 'translation/anchors',
    issue: '2 (removing an id in English told the three translations to delete their correct id)',
    inject: (t) => t.edit(EN, '## Refunds {/* #refunds */}', '## Refunds'),
    at: { file: EN, text: '## Refunds' },
  },
  {
    name: 'translation-section-id-renamed',
    rule: 'translation/anchors',
    inject: (t) => t.edit(KO, '{/* #refunds */}', '{/* #refund */}'),
    at: { file: KO, text: '## 환불' },
  },
  {
    name: 'translation-link-to-other-section',
    rule: 'translation/links',
    inject: (t) => t.edit(KO, '(escalate.mdx#when)', '(escalate.mdx#how)'),
    at: { file: KO, text: '[문제 에스컬레이션]' },
  },
  {
    name: 'translation-other-callout-type',
    rule: 'translation/components',
    inject: (t) => t.edit(KO, '<Callout type="note">', '<Callout type="tip">'),
    at: { file: KO, text: '<Callout' },
    human: 'which callout the translation keeps is the translator\'s choice',
  },
  {
    name: 'translation-other-clouds',
    rule: 'translation/clouds',
    inject: (t) => t.edit(KO, 'clouds: [global, usgov, germany]', 'clouds: [global, usgov]'),
    at: { file: KO, text: 'clouds:' },
  },
  {
    name: 'translation-machine-made',
    rule: 'translation/machine',
    inject: (t) => t.edit(KO, 'method: human', 'method: machine'),
    at: { file: KO, text: 'method' },
  },
  {
    name: 'english-article-added',
    rule: 'translation/missing',
    inject: (t) => {
      t.write('content/en/faq.mdx', '---\ntitle: Questions and answers\nclouds: [global]\n---\n\n## Invoices {/* #invoices */}\n\nSee [Billing disputes](billing.mdx#disputes).\n');
      t.edit('content/navigation.yaml', '      - release-notes\n', '      - release-notes\n      - faq\n');
    },
    at: { file: 'content/en/faq.mdx', text: '---' },
    human: 'translating is a translator\'s work',
  },

  // Content safety.
  {
    name: 'script-in-english-source',
    rule: 'safety/script',
    issue: '2 (translations were told to "carry over" the <script>)',
    inject: (t) => t.append(EN, '\n<script>alert(1)</script>\n'),
    at: { file: EN, text: '<script>' },
  },
  {
    name: 'event-handler-in-english-source',
    rule: 'safety/event-handler',
    issue: '2 (translations were told to "carry over" the onClick)',
    inject: (t) => t.edit(EN, '<Callout type="note">', '<Callout type="note" onClick="steal()">'),
    at: { file: EN, text: 'onClick' },
  },
  {
    name: 'import-statement',
    rule: 'safety/esm',
    inject: (t) => t.append(NOTES, "\nimport Chart from './chart.js';\n"),
    at: { file: NOTES, text: 'import Chart' },
  },
  {
    name: 'js-expression',
    rule: 'safety/expression',
    inject: (t) => t.append(NOTES, '\nReports cost {1 + 1} credits.\n'),
    at: { file: NOTES, text: '{1 + 1}' },
  },
  {
    name: 'component-misspelled',
    rule: 'safety/component',
    inject: (t) => t.append(NOTES, '\n<Callot type="note">\nReports are updated daily.\n</Callot>\n'),
    at: { file: NOTES, text: '<Callot' },
  },
  {
    name: 'attribute-not-accepted',
    rule: 'safety/attribute',
    inject: (t) => t.append(NOTES, '\n<Callout type="note" class="wide">\nReports are updated daily.\n</Callout>\n'),
    at: { file: NOTES, text: 'class="wide"' },
  },
  {
    name: 'svg-with-script',
    rule: 'safety/svg',
    issue: '19, item 2 (an SVG under public/ ran its script on the site\'s origin when opened)',
    inject: (t) => t.write('public/media/flow.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n  <rect width="10" height="10" />\n  <script>fetch("/api")</script>\n</svg>\n'),
    at: { file: 'public/media/flow.svg', text: '<script>' },
  },
  {
    name: 'html-file-in-public',
    rule: 'safety/asset-type',
    issue: '19, item 2 (public/media/help.html, linked from an article, ran its script on the site\'s origin)',
    inject: (t) => t.write('public/media/help.html', '<p>Help</p><script>fetch("/api")</script>\n'),
    at: { file: 'public/media/help.html', text: '<p>' },
    human: 'deleting a file is not a text edit, and whether its text becomes an article is the author\'s choice',
  },

  // UI strings.
  {
    name: 'ui-string-missing-in-korean',
    rule: 'i18n/missing-key',
    inject: (t) => t.write('locales/ko/ui.json', '{\n  "site": {\n    "name": "파트너 지원"\n  }\n}\n'),
    at: { file: 'src/greeting.ts', text: "'greeting'" },
    human: 'the missing text is a translation',
  },
  {
    name: 'ui-string-unused',
    rule: 'i18n/unused-key',
    inject: (t) => {
      for (const l of ['en', 'ko', 'zh', 'ja']) t.edit(`locales/${l}/ui.json`, '"greeting":', '"farewell": "Bye",\n  "greeting":');
    },
    at: { file: 'locales/en/ui.json', text: '"farewell"' },
    human: 'remove the string or use it: a choice',
  },
  {
    name: 'ui-string-other-variable',
    rule: 'i18n/interpolation',
    inject: (t) => t.edit('locales/ja/ui.json', 'こんにちは、{{name}} さん', 'こんにちは、{{user}} さん'),
    at: { file: 'locales/ja/ui.json', text: '"greeting"' },
    human: 'where the variable goes is the translator\'s choice',
  },
  {
    name: 'ui-strings-trailing-comma',
    rule: 'i18n/syntax',
    inject: (t) => t.edit('locales/zh/ui.json', '"{{name}}，你好"', '"{{name}}，你好",'),
    at: { file: 'locales/zh/ui.json', text: ',\n}' },
  },
];

/** Rules no single fault in content can give alone, and where each is tested instead. */
export const NOT_SINGLE_FAULTS: Partial<Record<RuleId, string>> = {
  'variant/coverage': 'always caused by translation/clouds (folded into it; see the translation-other-clouds case)',
  'variant/locale-set': 'always caused by translation/no-source (folded into it; see the translation-without-english-file case)',
  'link/external-unreachable': 'needs the network (--external); tests/checks/external.test.ts fakes the fetcher',
  'content/encoding': 'bytes that are not UTF-8 cannot be written by the harness\'s text edits; tests/security/files.test.ts writes them',
  'safety/symlink': 'a symbolic link is not a text edit; tests/security/files.test.ts makes real links',
  'link/fallback':
    'a link to an untranslated article: the target\'s translation/missing (info) names the same fact once, and every page that links to it gets this warning by design; tests/checks/links.test.ts',
};
