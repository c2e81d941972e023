/**
 * Reporters: each formats the one `Diagnostic` type and nothing else. Checking lives in
 * `src/lib/checks/`; these only decide how a list of diagnostics reads.
 *
 * Findings arrive in report order (errors, then warnings, then info; by file and position within
 * each). Info lines are for translators' to-do lists: the human and GitHub formats summarize them
 * in one line per rule unless asked for every line (`verbose`); `quiet` keeps errors only.
 */
import { formatDiagnostic, messageWithConsequences, type Diagnostic, type Severity } from '../diagnostics.ts';
import { RULES } from '../rules.ts';

export type Format = 'human' | 'github' | 'json';
export const FORMATS: readonly Format[] = ['human', 'github', 'json'];

export { countDiagnostics, exitCode, summaryLine, type Counts } from './counts.ts';
import { countDiagnostics, summaryLine } from './counts.ts';

export interface ReportOptions {
  /** Errors only. */
  quiet?: boolean | undefined;
  /** Every info line, and under each root the consequences folded into it. */
  verbose?: boolean | undefined;
  /** What the baseline left out (see checks/baseline.ts). */
  baseline?: { file: string; baselined: number; stale: number } | undefined;
  /** How many findings the human and GitHub reports list one by one (default `LISTED_FINDINGS`). */
  limit?: number | undefined;
}

/**
 * How many findings the human and GitHub reports list; the rest are counted in one line
 * (`… and 99,000 more`). One mistake repeated 100,000 times (a broken link in a generated file)
 * would otherwise print 100,000 lines to a terminal or annotations to a pull request. The summary
 * line and the exit code still count every finding; `--format json` lists every one.
 */
export const LISTED_FINDINGS = 1000;

/** `… and 99,000 more (98,000 errors, 1,000 warnings) not listed; …`, for findings past the limit. */
function notListed(rest: readonly Diagnostic[], what = 'more'): string {
  const c = countDiagnostics(rest);
  const counts = [c.errors && `${c.errors.toLocaleString('en')} error${c.errors === 1 ? '' : 's'}`, c.warnings && `${c.warnings.toLocaleString('en')} warning${c.warnings === 1 ? '' : 's'}`, c.info && `${c.info.toLocaleString('en')} info`].filter(Boolean);
  return `… and ${rest.length.toLocaleString('en')} ${what} (${counts.join(', ')}) not listed; npm run check -- --format json lists every finding.`;
}

/** The findings a report shows line by line. */
function shown(diagnostics: readonly Diagnostic[], options: ReportOptions): Diagnostic[] {
  if (options.quiet) return diagnostics.filter((d) => d.severity === 'error');
  if (options.verbose) return [...diagnostics];
  return diagnostics.filter((d) => d.severity !== 'info');
}

/** `info translation/machine: 42 (A machine translation …) — --verbose lists them`, one per rule. */
function infoSummaries(diagnostics: readonly Diagnostic[], options: ReportOptions): string[] {
  if (options.quiet || options.verbose) return [];
  const byRule = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'info') byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
  return [...byRule].map(([rule, n]) => `info ${rule}: ${n} file${n === 1 ? '' : 's'} (${(RULES as Record<string, { summary: string }>)[rule]?.summary.replace(/\.$/, '') ?? rule}); npm run check -- --verbose lists them`);
}

/** The summary line: counts, then what the baseline left out. */
export function reportSummary(diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  const b = options.baseline;
  if (!b) return summaryLine(diagnostics);
  const parts = [summaryLine(diagnostics), `${b.baselined} baselined (${b.file})`];
  if (b.stale > 0) parts.push(`${b.stale} baseline entr${b.stale === 1 ? 'y no longer occurs' : 'ies no longer occur'}: npm run check -- --prune-baseline removes ${b.stale === 1 ? 'it' : 'them'}`);
  return parts.join('; ');
}

/** `file:line:column severity rule-id message`, an indented `hint:` line, and a summary line. */
export function formatHuman(diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  const lines: string[] = [];
  const listed = shown(diagnostics, options);
  const limit = options.limit ?? LISTED_FINDINGS;
  for (const d of listed.slice(0, limit)) {
    lines.push(formatDiagnostic(d));
    if (d.hint) lines.push(`  hint: ${d.hint}`);
    if (!options.verbose) continue;
    const consequences = d.consequences ?? [];
    for (const c of consequences.slice(0, limit)) lines.push(`  consequence: ${formatDiagnostic(c)}`);
    if (consequences.length > limit) lines.push(`  ${notListed(consequences.slice(limit), 'more consequences')}`);
  }
  if (listed.length > limit) lines.push(notListed(listed.slice(limit)));
  for (const line of infoSummaries(diagnostics, options)) lines.push(line);
  lines.push(reportSummary(diagnostics, options));
  return lines.join('\n') + '\n';
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub workflow commands: one `::error file=…,line=…,col=…,title=rule::message` per diagnostic. */
export function formatGithub(diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  const listed = shown(diagnostics, options);
  const limit = options.limit ?? LISTED_FINDINGS;
  const lines = listed.slice(0, limit).map((d) => {
    const props = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      ...(d.endLine !== undefined ? [`endLine=${d.endLine}`] : []),
      `col=${d.column}`,
      ...(d.endColumn !== undefined && (d.endLine === undefined || d.endLine === d.line) ? [`endColumn=${d.endColumn}`] : []),
      `title=${escapeProperty(d.rule)}`,
    ];
    const message = `${messageWithConsequences(d)}${d.hint ? `\nhint: ${d.hint}` : ''}`;
    return `::${command[d.severity]} ${props.join(',')}::${escapeData(message)}`;
  });
  if (listed.length > limit) lines.push(`::notice::${escapeData(notListed(listed.slice(limit)))}`);
  for (const summary of infoSummaries(diagnostics, options)) lines.push(`::notice::${escapeData(summary)}`);
  lines.push(reportSummary(diagnostics, options));
  return lines.join('\n') + '\n';
}

/**
 * `{ "summary": {errors, warnings, info}, "baseline": {…}, "diagnostics": [...] }`: every finding
 * (info too; errors only with `quiet`), each root with its `consequences` and any `fix`.
 */
export function formatJson(diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  const list = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  return JSON.stringify({ summary: countDiagnostics(diagnostics), ...(options.baseline ? { baseline: options.baseline } : {}), diagnostics: list }, null, 2) + '\n';
}

export function format(diagnostics: readonly Diagnostic[], kind: Format, options: ReportOptions = {}): string {
  switch (kind) {
    case 'github':
      return formatGithub(diagnostics, options);
    case 'json':
      return formatJson(diagnostics, options);
    case 'human':
      return formatHuman(diagnostics, options);
  }
}

export { formatMarkdownSummary } from './markdown.ts';
