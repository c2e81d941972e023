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

/** File, line, column, rule, message, in code-point order: the same on every machine and locale. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const text = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return text(a.file, b.file) || a.line - b.line || a.column - b.column || text(a.rule, b.rule) || text(a.message, b.message);
}

/** `file:line:column severity rule message` (the human format, without the hint). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`;
}
