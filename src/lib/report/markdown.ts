/**
 * The Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: counts, then the
 * problems grouped by file, errors first. Long lists are cut with a note, so a comment stays
 * under GitHub's size limit.
 */
import { messageWithConsequences, type Diagnostic } from '../diagnostics.ts';
import { countDiagnostics } from './counts.ts';

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

export function formatMarkdownSummary(diagnostics: readonly Diagnostic[], options: { title?: string; limit?: number; baselined?: number } = {}): string {
  const title = options.title ?? 'partner-kb check';
  const limit = options.limit ?? 200;
  const c = countDiagnostics(diagnostics);
  const lines: string[] = [`### ${title}`, ''];
  const baselined = options.baselined ? ` (${options.baselined} accepted in the baseline)` : '';
  if (c.errors === 0 && c.warnings === 0 && c.info === 0) {
    lines.push(`✅ No problems found${baselined}.`, '');
    return lines.join('\n');
  }
  lines.push(
    `${c.errors > 0 ? '❌' : '✅'} **${c.errors}** error${c.errors === 1 ? '' : 's'}, **${c.warnings}** warning${c.warnings === 1 ? '' : 's'}, **${c.info}** info${baselined}`,
    '',
    '| | Location | Rule | Problem |',
    '|---|---|---|---|',
  );
  const sorted = [...diagnostics].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  for (const d of sorted.slice(0, limit)) {
    const problem = d.hint ? `${cell(messageWithConsequences(d))}<br>*${cell(d.hint)}*` : cell(messageWithConsequences(d));
    lines.push(`| ${ICON[d.severity]} | \`${cell(d.file)}:${d.line}:${d.column}\` | \`${d.rule}\` | ${problem} |`);
  }
  if (sorted.length > limit) lines.push('', `… and ${sorted.length - limit} more. Run \`npm run check\` locally for the full list.`);
  lines.push('');
  return lines.join('\n');
}
