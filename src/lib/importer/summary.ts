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

/** The import report (`--report FILE`): what `npm run import` did, for people (Markdown) and machines (JSON). */
export interface ImportReport {
  dryRun: boolean;
  imported: number;
  /** Files per locale and set of clouds (`en` → `global+usgov` → 12). */
  files: Record<string, Record<string, number>>;
  /** Skipped input files with the errors that skipped them. */
  skipped: { file: string; errors: { line: number; column: number; rule: string; message: string }[] }[];
  /** Warnings and info lines by rule, most frequent first. */
  notes: { rule: string; severity: string; count: number }[];
  /** Constructs kept as text (raw HTML, DocFX extensions), with where. */
  notConverted: { file: string; line: number; rule: string; message: string }[];
  links: { articles: number; external: number; kept: number };
  redirects: number;
  navigationSections: number;
  imagesCopied: number;
}

const NOT_CONVERTED = new Set(['import/unconverted-html', 'import/unknown-directive']);

export function importReport(plan: ImportPlan, diagnostics: readonly Diagnostic[], options: { dryRun: boolean }): ImportReport {
  const files: ImportReport['files'] = {};
  for (const file of plan.files) {
    if (!file.clouds) continue;
    const locale = file.contentPath.split('/')[0]!;
    const clouds = file.clouds.join('+');
    (files[locale] ??= {})[clouds] = (files[locale][clouds] ?? 0) + 1;
  }
  const summary = summarizeImport(plan, diagnostics);
  const skippedFiles = [...new Set([...plan.skipped, ...diagnostics.filter((d) => d.severity === 'error' && (d.rule === 'import/read' || d.rule === 'import/encoding')).map((d) => d.file)])];
  const notes = new Map<string, { severity: string; count: number }>();
  for (const d of diagnostics) {
    if (d.severity === 'error') continue;
    const note = notes.get(d.rule) ?? { severity: d.severity, count: 0 };
    note.count++;
    notes.set(d.rule, note);
  }
  const data = (name: string): string | undefined => plan.files.find((f) => f.contentPath === name)?.text;
  return {
    dryRun: options.dryRun,
    imported: summary.imported,
    files,
    skipped: skippedFiles.map((file) => ({
      file,
      errors: diagnostics.filter((d) => d.file === file && d.severity === 'error').map((d) => ({ line: d.line, column: d.column, rule: d.rule, message: d.message })),
    })),
    notes: [...notes].map(([rule, n]) => ({ rule, ...n })).sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1)),
    notConverted: diagnostics.filter((d) => NOT_CONVERTED.has(d.rule)).map((d) => ({ file: d.file, line: d.line, rule: d.rule, message: d.message })),
    links: plan.links,
    redirects: data('redirects.yaml')?.split('\n').filter((l) => /^[a-z0-9]/.test(l)).length ?? 0,
    navigationSections: data('navigation.yaml')?.split('\n').filter((l) => /^ {2}- id: /.test(l)).length ?? 0,
    imagesCopied: plan.assets.length,
  };
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report as Markdown. */
export function formatImportReport(report: ImportReport): string {
  const out: string[] = ['# Import report', ''];
  out.push(`${report.dryRun ? 'Dry run: nothing was written. ' : ''}${report.imported} input files imported, ${report.skipped.length} skipped.`, '');
  out.push('## Files by locale and cloud', '', '| locale | clouds | files |', '| --- | --- | --- |');
  for (const [locale, byClouds] of Object.entries(report.files).sort()) {
    for (const [clouds, count] of Object.entries(byClouds).sort()) out.push(`| ${locale} | ${clouds} | ${count} |`);
  }
  out.push('', '## Skipped files', '');
  if (report.skipped.length === 0) out.push('None.');
  for (const s of report.skipped) for (const e of s.errors) out.push(`- \`${s.file}:${e.line}:${e.column}\` ${e.rule}: ${e.message}`);
  out.push('', '## Warnings and notes by rule', '', '| rule | severity | count |', '| --- | --- | --- |');
  for (const n of report.notes) out.push(`| ${n.rule} | ${n.severity} | ${n.count} |`);
  out.push('', '## Not converted (kept as text)', '');
  if (report.notConverted.length === 0) out.push('Nothing.');
  for (const n of report.notConverted) out.push(`- \`${n.file}:${n.line}\` ${cell(n.message)}`);
  out.push(
    '',
    '## Links, redirects, navigation, images',
    '',
    `- Links rewritten to articles: ${report.links.articles}; to other documentation sites: ${report.links.external}; kept as written: ${report.links.kept}`,
    `- Redirects created: ${report.redirects}`,
    `- Sidebar sections: ${report.navigationSections}`,
    `- Images copied: ${report.imagesCopied}`,
    '',
  );
  return out.join('\n');
}
