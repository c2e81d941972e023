/**
 * The one shape of every problem reported to an author, whatever found it (schema, parser, a check,
 * the importer). Reporters (human, GitHub, JSON, Markdown) format this and nothing else.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface SourcePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic extends SourcePosition {
  /** Path relative to the project root, with forward slashes (`content/ko/customer-support.mdx`). */
  file: string;
  severity: Severity;
  /** A rule id from `RULES` (for example `link/missing-anchor`). */
  rule: string;
  /** One plain sentence saying what is wrong. */
  message: string;
  /** What to do about it, including any "did you mean" suggestion. */
  hint?: string;
}

export const START: SourcePosition = { line: 1, column: 1 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}

/** `file:line:column severity rule message` (the human format, without the hint). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`;
}

/** Thrown where a caller cannot go on (a CLI's bad input); carries the diagnostics to print. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d) + (d.hint ? `\n  hint: ${d.hint}` : '')).join('\n'));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}
