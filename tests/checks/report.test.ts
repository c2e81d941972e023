import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { exitCode, formatGithub, formatHuman, formatJson, formatMarkdownSummary, summaryLine } from '../../src/lib/report/index.ts';

const error: Diagnostic = { file: 'content/en/a.mdx', line: 3, column: 5, severity: 'error', rule: 'link/missing-article', message: 'The link "b.mdx" points to an article "b" that does not exist.', hint: 'Did you mean "c.mdx"?' };
const warning: Diagnostic = { file: 'content/ko/a.mdx', line: 7, column: 1, endLine: 7, endColumn: 9, severity: 'warning', rule: 'translation/stale', message: 'Stale, 100%: yes' };
const info: Diagnostic = { file: 'content/en/a.mdx', line: 1, column: 1, severity: 'info', rule: 'translation/missing', message: 'Not translated into ja.' };

describe('reporters', () => {
  it('human: location, severity, rule, message, an indented hint and a summary', () => {
    expect(formatHuman([error, warning])).toBe(
      'content/en/a.mdx:3:5 error link/missing-article The link "b.mdx" points to an article "b" that does not exist.\n' +
        '  hint: Did you mean "c.mdx"?\n' +
        'content/ko/a.mdx:7:1 warning translation/stale Stale, 100%: yes\n' +
        '1 error, 1 warning\n',
    );
    expect(summaryLine([error, error, warning, info])).toBe('2 errors, 1 warning, 1 info');
    expect(formatHuman([])).toBe('0 errors, 0 warnings\n');
  });

  it('github: workflow commands with escaped properties and data', () => {
    expect(formatGithub([error, warning, info]).split('\n')).toEqual([
      '::error file=content/en/a.mdx,line=3,col=5,title=link/missing-article::The link "b.mdx" points to an article "b" that does not exist.%0Ahint: Did you mean "c.mdx"?',
      '::warning file=content/ko/a.mdx,line=7,endLine=7,col=1,endColumn=9,title=translation/stale::Stale, 100%25: yes',
      '::notice::info translation/missing: 1 file (An article variant has no translation in a locale); npm run check -- --verbose lists them',
      '1 error, 1 warning, 1 info',
      '',
    ]);
    expect(formatGithub([info], { verbose: true }).split('\n')[0]).toBe('::notice file=content/en/a.mdx,line=1,col=1,title=translation/missing::Not translated into ja.');
  });

  it('human: info lines summarized per rule, every one with verbose, errors only with quiet (issue 14, 7)', () => {
    const info2: Diagnostic = { ...info, file: 'content/en/b.mdx' };
    expect(formatHuman([warning, info, info2])).toBe(
      'content/ko/a.mdx:7:1 warning translation/stale Stale, 100%: yes\n' +
        'info translation/missing: 2 files (An article variant has no translation in a locale); npm run check -- --verbose lists them\n' +
        '0 errors, 1 warning, 2 info\n',
    );
    expect(formatHuman([warning, info, info2], { verbose: true })).toContain('content/en/b.mdx:1:1 info translation/missing Not translated into ja.\n');
    expect(formatHuman([error, warning, info], { quiet: true })).toBe(
      'content/en/a.mdx:3:5 error link/missing-article The link "b.mdx" points to an article "b" that does not exist.\n  hint: Did you mean "c.mdx"?\n1 error, 1 warning, 1 info\n',
    );
  });

  it('human: a root names its consequences, and lists them with verbose; the summary names the baseline', () => {
    const root: Diagnostic = { ...error, consequences: [warning] };
    expect(formatHuman([root])).toContain('does not exist (and 1 consequence).\n');
    expect(formatHuman([root], { verbose: true })).toContain('  consequence: content/ko/a.mdx:7:1 warning translation/stale Stale, 100%: yes\n');
    expect(formatHuman([], { baseline: { file: 'content/.check-baseline.json', baselined: 3, stale: 1 } })).toBe(
      '0 errors, 0 warnings; 3 baselined (content/.check-baseline.json); 1 baseline entry no longer occurs: npm run check -- --prune-baseline removes it\n',
    );
  });

  it('json: the diagnostics and counts', () => {
    expect(JSON.parse(formatJson([error, info]))).toEqual({ summary: { errors: 1, warnings: 0, info: 1 }, diagnostics: [error, info] });
  });

  it('markdown: counts and a table, errors first, pipes escaped', () => {
    const md = formatMarkdownSummary([warning, { ...error, message: 'a | b' }]);
    expect(md).toContain('❌ **1** error, **1** warning, **0** info');
    expect(md.indexOf('link/missing-article')).toBeLessThan(md.indexOf('translation/stale'));
    expect(md).toContain('| ❌ | `content/en/a.mdx:3:5` | `link/missing-article` | a \\| b<br>*Did you mean "c.mdx"?* |');
    expect(formatMarkdownSummary([])).toContain('No problems found.');
  });

  it('exit code: errors fail; warnings only with --strict; info never', () => {
    expect(exitCode([error])).toBe(1);
    expect(exitCode([warning])).toBe(0);
    expect(exitCode([warning], { strict: true })).toBe(1);
    expect(exitCode([info], { strict: true })).toBe(0);
    expect(exitCode([])).toBe(0);
  });
});
