/**
 * Item 16 of the hardening issue: a `<Callout>` left open is reported at the tag, not at 1:1 (nor
 * at the paragraph that contains it), with the position the parser gives, never searched for.
 */
import { describe, expect, it } from 'vitest';
import { check, ofRule } from '../checks/helpers.ts';
import { FRONT_MATTER } from './helpers.ts';

const PATH = 'content/en/open.mdx';
const syntax = (body: string) => ofRule(check({ files: { [PATH]: FRONT_MATTER + body } }), 'content/mdx-syntax').map(({ line, column, rule }) => ({ line, column, rule }));

describe('an unclosed component', () => {
  it('at the end of the file is reported at its opening tag', () => {
    expect(syntax('Text\n\n<Callout type="note">\n\nbody\n')).toEqual([{ line: 8, column: 1, rule: 'content/mdx-syntax' }]);
  });

  it('inside a paragraph is reported at its opening tag', () => {
    expect(syntax('Some words <Callout type="note">body\n')).toEqual([{ line: 6, column: 12, rule: 'content/mdx-syntax' }]);
  });

  it('closed by another tag is still reported at the closing tag that does not match', () => {
    expect(syntax('<Callout type="note">\n\n<CloudOnly clouds="china">\n\nx\n\n</Callout>\n')).toEqual([{ line: 12, column: 1, rule: 'content/mdx-syntax' }]);
  });
});
