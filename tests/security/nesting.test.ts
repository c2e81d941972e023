/**
 * Item 5 of the hardening issue: deeply nested input (2,000 `>`, 10,000 `- `, 5,000 `<Callout>`,
 * 20,000 `*`) is one `content/nesting-depth` error at the file and line where the limit is crossed,
 * never `RangeError: Maximum call stack size exceeded`, in the check, the build's model and the
 * renderer.
 */
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/lib/checks/json-locate.ts';
import { MAX_NESTING_DEPTH } from '../../src/lib/mdx/depth.ts';
import { parseMdx } from '../../src/lib/mdx/parse.ts';
import { renderBody } from '../../src/lib/render/body.ts';
import { buildModel } from '../../src/lib/model/build.ts';
import { check, ofRule } from '../checks/helpers.ts';
import { FRONT_MATTER } from './helpers.ts';

const PATH = 'content/en/deep.mdx';
/** The body starts on line 6 of the file (after FRONT_MATTER). */
const BODY_LINE = 6;

const deep = (body: string) => ofRule(check({ files: { [PATH]: FRONT_MATTER + 'Intro.\n\n' + body } }), 'content/nesting-depth');
const at = (line: number, column: number) => [
  {
    file: PATH,
    line,
    column,
    rule: 'content/nesting-depth',
    message: `Content is nested more than ${MAX_NESTING_DEPTH} levels deep here (lists, block quotes, components or emphasis inside each other).`,
  },
];

describe('deep nesting is one diagnostic at its line', () => {
  it('2,000 nested block quotes', () => {
    expect(deep('>'.repeat(2000) + ' x\n')).toEqual(at(BODY_LINE + 2, MAX_NESTING_DEPTH + 1));
    expect(deep('> '.repeat(2000) + 'x\n')).toEqual(at(BODY_LINE + 2, 2 * MAX_NESTING_DEPTH + 1));
  });

  it('10,000 nested list items', () => {
    expect(deep('- '.repeat(10_000) + 'x\n')).toEqual(at(BODY_LINE + 2, 2 * MAX_NESTING_DEPTH + 1));
  });

  it('5,000 nested <Callout>s (caught in the tree)', () => {
    const [finding] = deep('<Callout type="note">\n'.repeat(5000) + 'x\n' + '</Callout>\n'.repeat(5000));
    // A flow component at the start of a line: the first one past the limit.
    expect(finding).toMatchObject({ line: BODY_LINE + 2 + MAX_NESTING_DEPTH, column: 1, rule: 'content/nesting-depth' });
  }, 60_000);

  it('20,000 nested emphasis markers', () => {
    expect(deep('*'.repeat(20_000) + 'x' + '*'.repeat(20_000) + '\n')).toEqual(at(BODY_LINE + 2, MAX_NESTING_DEPTH + 1));
  });

  it('emphasis nested in the tree past the limit (not in one run of markers)', () => {
    const [finding] = deep('*a '.repeat(MAX_NESTING_DEPTH + 20) + 'b' + ' a*'.repeat(MAX_NESTING_DEPTH + 20) + '\n');
    expect(finding).toMatchObject({ line: BODY_LINE + 2, rule: 'content/nesting-depth' });
  });

  it('stays silent at real depths, and on a long thematic break', () => {
    const body = '> - > 1. *a **b** c*\n\n' + '-'.repeat(300) + '\n\n' + '<Callout type="note">\n<Callout type="tip">\nx\n</Callout>\n</Callout>\n';
    expect(deep(body)).toEqual([]);
    const nested = Array.from({ length: 40 }, (_, i) => '  '.repeat(i) + '- item').join('\n');
    expect(deep(nested + '\n')).toEqual([]);
  });
});

describe('the renderer', () => {
  it('refuses a tree deeper than the parse allows with an error naming the article, not a stack overflow', () => {
    const { kb } = buildModel({ articles: [] });
    let tree: Root = { type: 'root', children: [] };
    let node = tree as unknown as { children: unknown[] };
    for (let i = 0; i < 50_000; i++) {
      const child = { type: 'element', tagName: 'div', properties: {}, children: [] as unknown[] };
      node.children.push(child);
      node = child;
    }
    expect(() => renderBody(tree, { kb, locale: 'en', cloud: 'global', slug: 'deep', t: (k) => k })).toThrow(/The body of deep is nested more than 100 levels deep/);
    tree = parseMdx(FRONT_MATTER + '> '.repeat(MAX_NESTING_DEPTH - 5) + 'x\n').hast;
    expect(renderBody(tree, { kb, locale: 'en', cloud: 'global', slug: 'deep', t: (k) => k })).toContain('<blockquote>');
  });
});

describe('locale JSON', () => {
  const PATH_KO = 'locales/ko/ui.json';
  const syntax = (text: string) => check({ files: {} }, { ui: { sources: [], locales: [{ path: PATH_KO, text }] } }).filter((d) => d.rule === 'i18n/syntax');

  it('nested 100,000 levels deep is one i18n/syntax error at the bracket past the limit, not a stack overflow', () => {
    const text = '{\n  "a": ' + '{"b": '.repeat(100_000) + '"x"' + '}'.repeat(100_000) + '\n}\n';
    const found = syntax(text);
    expect(found.map(({ file, line, column, rule }) => ({ file, line, column, rule }))).toEqual([{ file: PATH_KO, line: 2, column: 8 + 6 * (MAX_JSON_DEPTH - 1), rule: 'i18n/syntax' }]);
    expect(found[0]!.message).toBe(`This file is not valid JSON: objects and arrays nested more than ${MAX_JSON_DEPTH} levels deep.`);
    expect(found[0]!.hint).toContain(`at most ${MAX_JSON_DEPTH} levels deep`);
  });

  it('is silent at the limit', () => {
    const text = '{"a": ' + '{"b": '.repeat(MAX_JSON_DEPTH - 2) + '"x"' + '}'.repeat(MAX_JSON_DEPTH - 2) + '}\n';
    expect(syntax(text).filter((d) => d.message.includes('nested'))).toEqual([]);
  });
});
