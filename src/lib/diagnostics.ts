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

/**
 * One literal text change: in `file`, the first occurrence of `find` at or after `line:column`
 * (on that line) becomes `replace`. An empty `find` inserts `replace` at `line:column`; a line one
 * past the end of the file appends.
 */
export interface TextEdit {
  /** Project-relative path; the diagnostic's own file when absent. */
  file?: string;
  line: number;
  column: number;
  find: string;
  replace: string;
}

/**
 * The machine-readable form of a hint that a person can follow literally: text edits, one
 * command run from the project root, or a file to rename (project-relative paths). A diagnostic without a fix needs a human choice (which
 * article to link, what an id should be called); its hint says what to decide.
 */
export type Fix = { edits: TextEdit[] } | { command: string[] } | { rename: { from: string; to: string } };

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
  /** The hint as edits or a command (see `Fix`); applying it makes this finding go away. */
  fix?: Fix;
  /**
   * Findings this one caused (in other files too), folded into it: they go away when it is fixed.
   * Reported as "and N consequences" (listed with `--verbose`).
   */
  consequences?: Diagnostic[];
  /**
   * While checking only (removed before reporting, see `checks/fold.ts`): the things this finding
   * is the root cause for, and the things whose fault would explain this finding. Keys such as
   * `slug:<slug>`, `file:<locale>/<slug>[.<variant>]`, `at:<file>:<line>:<column>`.
   */
  subjects?: string[];
  dependsOn?: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const text = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** File, line, column, rule, message, in code-point order: the same on every machine and locale. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return text(a.file, b.file) || a.line - b.line || a.column - b.column || text(a.rule, b.rule) || text(a.message, b.message);
}

/** Report order: errors first, then warnings, then info; within each, by file and position. */
export function compareForReport(a: Diagnostic, b: Diagnostic): number {
  return RANK[a.severity] - RANK[b.severity] || compareDiagnostics(a, b);
}

/** The message, with ` (and 3 consequences)` before its final period for a root finding. */
export function messageWithConsequences(d: Diagnostic): string {
  const n = d.consequences?.length ?? 0;
  if (n === 0) return d.message;
  const suffix = ` (and ${n} consequence${n === 1 ? '' : 's'})`;
  return d.message.endsWith('.') ? `${d.message.slice(0, -1)}${suffix}.` : `${d.message}${suffix}`;
}

/** `file:line:column severity rule message` (the human format, without the hint). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${messageWithConsequences(d)}`;
}

/**
 * The keys of `Diagnostic.subjects` and `dependsOn`: one vocabulary for the model, every check and
 * the fold, so that a consequence names its cause the way the cause names itself.
 */
export const Subject = {
  /** Any file of an article (a file that did not parse or validate breaks what links to the article). */
  slug: (slug: string): string => `slug:${slug}`,
  /** One article file by identity, whatever folder content lives in: `file:ko/x.china`. */
  file: (locale: string, slug: string, variantKey: string): string => `file:${locale}/${slug}${variantKey ? `.${variantKey}` : ''}`,
  /** A position in a file (every error is the subject of its own position). */
  at: (file: string, position: SourcePosition): string => `at:${file}:${position.line}:${position.column}`,
  /** Any error in a file (a translation of an English file with an error is not yet reviewable). */
  errorsIn: (file: string): string => `errors-in:${file}`,
  /** A heading, by file and line. */
  heading: (file: string, line: number): string => `heading:${file}:${line}`,
};
