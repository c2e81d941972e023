/**
 * Item 6 of the hardening issue: one file with 200,000 broken links is 200,000 findings, not
 * `RangeError: Maximum call stack size exceeded` from `push(...array)`. (The issue's links to a
 * missing anchor take the same path; empty links keep the test quick.) The human and GitHub
 * reports list the first `LISTED_FINDINGS` and count the rest; the exit code and the summary
 * count every one, and JSON lists every one.
 */
import { expect, it } from 'vitest';
import { exitCode, format, LISTED_FINDINGS } from '../../src/lib/report/index.ts';
import { check } from '../checks/helpers.ts';
import { FRONT_MATTER } from './helpers.ts';

it('200,000 broken links in one file are reported, each at its link; the reports list the first and count the rest', () => {
  const links = Array.from({ length: 200_000 }, () => '[x]()').join('\n');
  const all = check({ files: { 'content/en/page.mdx': FRONT_MATTER + '## A {/* #a */}\n\n' + links + '\n' } });
  const empty = all.filter((d) => d.rule === 'link/empty');
  expect(empty).toHaveLength(200_000);
  expect(empty[1]).toMatchObject({ file: 'content/en/page.mdx', line: 9, column: 1, rule: 'link/empty' });
  expect(exitCode(all)).toBe(1);

  const human = format(all, 'human').trimEnd().split('\n');
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  expect(human.filter((l) => / error link\/empty /.test(l))).toHaveLength(LISTED_FINDINGS);
  expect(human.at(0)).toMatch(/^content\/en\/page\.mdx:8:1 error link\/empty /);
  expect(human.find((l) => l.startsWith('… and'))).toBe(`… and ${(errors + warnings - LISTED_FINDINGS).toLocaleString('en')} more (${(errors - LISTED_FINDINGS).toLocaleString('en')} errors${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}) not listed; npm run check -- --format json lists every finding.`);
  expect(human.at(-1)).toMatch(new RegExp(`^${errors} errors, ${warnings} warnings?`));

  const github = format(all, 'github').trimEnd().split('\n');
  expect(github.filter((l) => l.startsWith('::error '))).toHaveLength(LISTED_FINDINGS);
  expect(github.some((l) => l.startsWith(`::notice::… and ${(errors + warnings - LISTED_FINDINGS).toLocaleString('en')} more`))).toBe(true);

  expect(JSON.parse(format(all, 'json')).diagnostics).toHaveLength(all.length);
}, 300_000);

it('a short report is listed whole, and the limit can be set', () => {
  const links = Array.from({ length: 5 }, () => '[x]()').join('\n');
  const all = check({ files: { 'content/en/page.mdx': FRONT_MATTER + links + '\n' } });
  expect(format(all, 'human')).not.toContain('not listed');
  const cut = format(all, 'human', { limit: 2 }).trimEnd().split('\n');
  expect(cut.filter((l) => / error link\/empty /.test(l))).toHaveLength(2);
  expect(cut.find((l) => l.startsWith('… and'))).toBe('… and 3 more (3 errors) not listed; npm run check -- --format json lists every finding.');
});
