import { describe, expect, it } from 'vitest';
import { ALLOWED_COMPONENTS } from '../../src/lib/checks/index.ts';
import { at, check, lineOf, mdx, ofRule, problems } from './helpers.ts';

const facts = 'operator:\n' + ['global', 'usgov', 'germany', 'china'].map((c) => `  ${c}: { en: Microsoft, ko: Microsoft, zh: Microsoft, ja: Microsoft }`).join('\n') + '\n';
const run = (body: string) => {
  const text = mdx({ body });
  return { text, d: check({ files: { 'content/en/page.mdx': text }, cloudFacts: facts }) };
};
const file = 'content/en/page.mdx';

describe('content safety', () => {
  it('stays silent for the site\'s components, heading ids and plain Markdown', () => {
    const { d } = run(['## Title {/* #title */}', '', '<Callout type="note">Hi <CloudFact name="operator" /></Callout>', '', '<CloudOnly clouds="china usgov">Only.</CloudOnly>', '', '| a |', '|---|', '| x<br />y |', ''].join('\n'));
    expect(problems(d)).toEqual([]);
    expect(Object.keys(ALLOWED_COMPONENTS).sort()).toEqual(['Callout', 'CloudFact', 'CloudOnly', 'br']);
  });

  it('reports import/export and expressions', () => {
    const { text, d } = run(['import X from "./x.js"', '', 'Sum: {1 + 1}', ''].join('\n'));
    expect(ofRule(d, 'safety/esm')).toEqual([{ file, ...at(text, 'import X'), rule: 'safety/esm', message: 'Content may not use import or export ("import X from "./x.js"").' }]);
    expect(ofRule(d, 'safety/expression')).toEqual([{ file, ...at(text, '{1 + 1}'), rule: 'safety/expression', message: 'Content may not contain a JS expression ({1 + 1}).' }]);
  });

  it('reports script-like elements, unknown components, event handlers, expression attributes, spreads and unsafe attribute URLs', () => {
    const { text, d } = run(['<script>alert(1)</script>', '', '<Widget />', '', '<Callout type="note" onClick="x()">a</Callout>', '', '<Callout type={kind}>b</Callout>', '', '<Callout {...props}>c</Callout>', '', '<Callout type="note" title="javascript:alert(1)">d</Callout>', '', '<Callout type="note" color="red">e</Callout>', ''].join('\n'));
    expect(ofRule(d, 'safety/script')).toEqual([{ file, ...at(text, '<script>'), rule: 'safety/script', message: 'Content may not contain a <script> element.' }]);
    expect(ofRule(d, 'safety/component')).toEqual([{ file, ...at(text, '<Widget'), rule: 'safety/component', message: '<Widget> is not a component the site provides.' }]);
    expect(ofRule(d, 'safety/event-handler')).toEqual([{ file, ...at(text, 'onClick'), rule: 'safety/event-handler', message: '<Callout> has an event-handler attribute onClick.' }]);
    expect(ofRule(d, 'safety/attribute')).toEqual([
      { file, ...at(text, 'type={kind}'), rule: 'safety/attribute', message: '<Callout type={…}> has an expression value, which content may not use.' },
      { file, ...at(text, '{...props}'), rule: 'safety/attribute', message: '<Callout> has a spread attribute ({...props}), which content may not use.' },
      { file, ...at(text, 'color='), rule: 'safety/attribute', message: '<Callout> does not accept the attribute color.' },
    ]);
    expect(ofRule(d, 'link/unsafe-url')).toEqual([{ file, ...at(text, 'title="javascript'), rule: 'link/unsafe-url', message: 'The attribute title of <Callout> holds a javascript: URL.' }]);
  });

  it('reports unknown facts, unknown clouds and bad component attributes', () => {
    const { text, d } = run(['<CloudFact name="operater" />', '', '<CloudOnly clouds="china mars">x</CloudOnly>', '', '<Callout type="danger">y</Callout>', '', '<Callout>z</Callout>', ''].join('\n'));
    expect(ofRule(d, 'content/unknown-fact')).toEqual([{ file, ...at(text, 'name="operater"'), rule: 'content/unknown-fact', message: '<CloudFact name="operater"> names a fact that is not in content/cloud-facts.yaml.' }]);
    expect(ofRule(d, 'content/unknown-cloud')).toEqual([{ file, ...at(text, 'clouds="china mars"'), rule: 'content/unknown-cloud', message: '<CloudOnly clouds="china mars"> lists "mars", which is not a cloud of this site.' }]);
    expect(ofRule(d, 'content/component-attribute')).toEqual([
      { file, ...at(text, 'type="danger"'), rule: 'content/component-attribute', message: '<Callout type="danger"> is not a known type.' },
      { file, ...at(text, '<Callout>z'), rule: 'content/component-attribute', message: '<Callout> needs a type attribute.' },
    ]);
  });

  it('warns about a <CloudOnly> block no reader of the variant can see, and not about one they can', () => {
    const body = ['<CloudOnly clouds="china">Never shown.</CloudOnly>', '', '<CloudOnly clouds="usgov china">Shown to usgov.</CloudOnly>', ''].join('\n');
    const text = mdx({ body, clouds: ['global', 'usgov', 'germany'] });
    const d = check({ files: { [file]: text }, cloudFacts: facts });
    expect(ofRule(d, 'content/unreachable-cloud-block')).toEqual([{ file, ...at(text, 'clouds="china"'), rule: 'content/unreachable-cloud-block', message: '<CloudOnly clouds="china"> is never shown: this variant serves global, usgov and germany.' }]);
  });

  it('warns about section headings without an explicit id', () => {
    const { text, d } = run(['## Has id {/* #has */}', '', '### No id here', '', '#### Deep is fine', ''].join('\n'));
    expect(ofRule(d, 'content/missing-heading-id')).toEqual([{ file, ...at(text, '### No id'), rule: 'content/missing-heading-id', message: 'The heading "No id here" has no explicit id, so links to it break when it is reworded or translated.' }]);
    expect(d.find((x) => x.rule === 'content/missing-heading-id')?.hint).toBe(`Add {/* #no-id-here */} at the end of the heading (line ${lineOf(text, '### No id')}).`);
  });

  it('reports navigation entries that are not articles or are listed twice, at their line', () => {
    const navigation = ['sections:', '  - id: support', '    title: { en: Support, ko: 지원, zh: 支持, ja: サポート }', '    items:', '      - page', '      - pag', '      - page', ''].join('\n');
    const d = check({ files: { 'content/en/page.mdx': mdx({ body: 'x\n' }) }, navigation });
    const lines = navigation.split('\n');
    expect(ofRule(d, 'content/navigation')).toEqual([
      { file: 'content/navigation.yaml', line: lines.indexOf('      - pag') + 1, column: 9, rule: 'content/navigation', message: '"pag" is not an article (no content/en/pag.mdx).' },
      { file: 'content/navigation.yaml', line: lines.lastIndexOf('      - page') + 1, column: 9, rule: 'content/navigation', message: '"page" is already listed in section "support".' },
    ]);
    const clean = check({ files: { 'content/en/page.mdx': mdx({ body: 'x\n' }) }, navigation: navigation.replace('      - pag\n      - page\n', '') });
    expect(ofRule(clean, 'content/navigation')).toEqual([]);
  });
});
