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
      '::notice file=content/en/a.mdx,line=1,col=1,title=translation/missing::Not translated into ja.',
      '1 error, 1 warning, 1 info',
      '',
    ]);
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
