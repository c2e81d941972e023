/**
 * Item 6 of the hardening issue: one file with 200,000 broken links is 200,000 findings, not
 * `RangeError: Maximum call stack size exceeded` from `push(...array)`. (The links to a
 * missing anchor take the same path; empty links keep the test quick.)
 */
import { expect, it } from 'vitest';
import { format } from '../../src/lib/report/index.ts';
import { check } from '../checks/helpers.ts';
import { FRONT_MATTER } from './helpers.ts';

it('200,000 broken links in one file are reported, each at its link', () => {
  const links = Array.from({ length: 200_000 }, () => '[x]()').join('\n');
  const all = check({ files: { 'content/en/page.mdx': FRONT_MATTER + '## A {/* #a */}\n\n' + links + '\n' } });
  const empty = all.filter((d) => d.rule === 'link/empty');
  expect(empty).toHaveLength(200_000);
  expect(empty[1]).toMatchObject({ file: 'content/en/page.mdx', line: 9, column: 1, rule: 'link/empty' });
  expect(format(all, 'human').length).toBeGreaterThan(0);
}, 300_000);
