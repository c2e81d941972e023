/**
 * Item 10 of the hardening issue: `content/redirects.yaml` is checked before the build: a loop, a
 * target that does not exist and a target section that does not exist are errors at the entry's
 * line and column in the redirects file (not, as before, in dist/ after a build, or not at all).
 */
import { describe, expect, it } from 'vitest';
import { check } from '../checks/helpers.ts';
import { FRONT_MATTER } from './helpers.ts';

const files = {
  'content/en/new.mdx': FRONT_MATTER + '## Part {/* #part */}\n',
  'content/en/new.china.mdx': FRONT_MATTER.replace('[global, usgov, germany, china]', '[china]') + '## Other {/* #other */}\n',
  'content/en/other.mdx': FRONT_MATTER + '## Part {/* #part */}\n',
};
const base = { ...files, 'content/en/new.mdx': files['content/en/new.mdx'].replace('[global, usgov, germany, china]', '[global, usgov, germany]') };
const REDIRECTS = 'content/redirects.yaml';
const findings = (redirects: string) =>
  check({ files: base, redirects })
    .filter((d) => d.rule.startsWith('redirect/'))
    .map(({ file, line, column, rule, message }) => ({ file, line, column, rule, message }));

describe('content/redirects.yaml', () => {
  it('a loop is one redirect/loop, at the first entry of the circle', () => {
    expect(findings('start: a\na: b\nb: a\n')).toEqual([
      { file: REDIRECTS, line: 2, column: 1, rule: 'redirect/loop', message: 'The redirects "a" → "b" → "a" lead in a circle: the old URLs reach no article.' },
    ]);
  });

  it('a target that is not an article is redirect/missing-target at the target', () => {
    expect(findings('gone: nowhere\nchained: gone\n')).toEqual([
      { file: REDIRECTS, line: 1, column: 7, rule: 'redirect/missing-target', message: '"gone" redirects to "nowhere", which is not an article.' },
    ]);
  });

  it('a section that a variant of the target lacks is redirect/missing-anchor, naming the files', () => {
    expect(findings('old: new#part\n')).toEqual([
      { file: REDIRECTS, line: 1, column: 6, rule: 'redirect/missing-anchor', message: '"old" redirects to "new#part", but content/en/new.china.mdx has no section #part.' },
    ]);
  });

  it('stays silent for redirects that reach an article and its section, through other redirects too', () => {
    expect(findings('old: other#part\nolder: old\nmoved: new\n')).toEqual([]);
  });
});
