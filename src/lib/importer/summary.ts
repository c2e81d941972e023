/**
 * The closing lines of `npm run import`: how many input files were imported and skipped, and the
 * errors that skipped them, by rule.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ImportPlan } from './importer.ts';

export interface ImportSummary {
  imported: number;
  /** Input files not imported because of an error (unreadable files included). */
  skipped: number;
  /** Error count by rule, most frequent first. */
  errorsByRule: [rule: string, count: number][];
  text: string;
}

/** Counts a plan's inputs and errors; `diagnostics` are all that were reported (read errors too). */
export function summarizeImport(plan: ImportPlan, diagnostics: readonly Diagnostic[]): ImportSummary {
  const unreadable = new Set(diagnostics.filter((d) => d.severity === 'error' && (d.rule === 'import/read' || d.rule === 'import/encoding')).map((d) => d.file));
  const skipped = new Set([...plan.skipped, ...unreadable]);
  const byRule = new Map<string, Set<string>>();
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    let files = byRule.get(d.rule);
    if (!files) byRule.set(d.rule, (files = new Set()));
    files.add(d.file);
  }
  const errorsByRule = [...byRule].map(([rule, files]): [string, number] => [rule, files.size]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const lines = [`import: ${plan.imported.length} file${plan.imported.length === 1 ? '' : 's'} imported, ${skipped.size} skipped`];
  for (const [rule, count] of errorsByRule) lines.push(`  ${rule}: ${count} file${count === 1 ? '' : 's'}`);
  return { imported: plan.imported.length, skipped: skipped.size, errorsByRule, text: lines.join('\n') + '\n' };
}
