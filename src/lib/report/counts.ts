/** Counting diagnostics and the exit-code rule, shared by every reporter and the CLI. */
import type { Diagnostic, Severity } from '../diagnostics.ts';

export interface Counts {
  errors: number;
  warnings: number;
  info: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, info: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.info++;
  }
  return counts;
}

/** 1 on any error; with `strict`, on any warning too. Info lines never fail. */
export function exitCode(diagnostics: readonly Diagnostic[], options: { strict?: boolean } = {}): 0 | 1 {
  const fails = (s: Severity): boolean => s === 'error' || (options.strict === true && s === 'warning');
  return diagnostics.some((d) => fails(d.severity)) ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning` (and `, 3 info` when there are info lines). */
export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const c = countDiagnostics(diagnostics);
  return [plural(c.errors, 'error'), plural(c.warnings, 'warning'), ...(c.info > 0 ? [`${c.info} info`] : [])].join(', ');
}

