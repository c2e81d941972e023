/**
 * Reporters: each formats the one `Diagnostic` type and nothing else. Checking lives in
 * `src/lib/checks/`; these only decide how a list of diagnostics reads.
 */
import type { Diagnostic, Severity } from '../diagnostics.ts';

export type Format = 'human' | 'github' | 'json';
export const FORMATS: readonly Format[] = ['human', 'github', 'json'];

export { countDiagnostics, exitCode, summaryLine, type Counts } from './counts.ts';
import { countDiagnostics, summaryLine } from './counts.ts';

/** `file:line:column severity rule-id message`, an indented `hint:` line, and a summary line. */
export function formatHuman(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
    if (d.hint) lines.push(`  hint: ${d.hint}`);
  }
  lines.push(summaryLine(diagnostics));
  return lines.join('\n') + '\n';
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub workflow commands: one `::error file=…,line=…,col=…,title=rule::message` per diagnostic. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  const lines = diagnostics.map((d) => {
    const props = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      ...(d.endLine !== undefined ? [`endLine=${d.endLine}`] : []),
      `col=${d.column}`,
      ...(d.endColumn !== undefined && (d.endLine === undefined || d.endLine === d.line) ? [`endColumn=${d.endColumn}`] : []),
      `title=${escapeProperty(d.rule)}`,
    ];
    const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
    return `::${command[d.severity]} ${props.join(',')}::${escapeData(message)}`;
  });
  lines.push(summaryLine(diagnostics));
  return lines.join('\n') + '\n';
}

/** `{ "summary": {errors, warnings, info}, "diagnostics": [...] }`. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ summary: countDiagnostics(diagnostics), diagnostics }, null, 2) + '\n';
}

export function format(diagnostics: readonly Diagnostic[], kind: Format): string {
  switch (kind) {
    case 'github':
      return formatGithub(diagnostics);
    case 'json':
      return formatJson(diagnostics);
    case 'human':
      return formatHuman(diagnostics);
  }
}

export { formatMarkdownSummary } from './markdown.ts';
