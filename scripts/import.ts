/**
 * `npm run import -- <DocFX repository, docset folder or files...> [--dry-run] [--force] [--strict] [--content-dir DIR]`
 *
 * Imports DocFX localized Markdown into content/ (see src/lib/importer). A folder is walked for its
 * Markdown files. Prints the plan and the diagnostics, then a summary: files imported, files
 * skipped and why (by rule). A file with errors is skipped and every other file imported; the exit
 * code is 1 when any file was skipped (with --strict, nothing is written then), 0 otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatDiagnostic, type Diagnostic } from '../src/lib/diagnostics.ts';
import { DEFAULT_IMPORT_CONFIG, parseImportConfig } from '../src/lib/importer/config.ts';
import { applyPlan, planImport } from '../src/lib/importer/index.ts';
import { collectInputs } from '../src/lib/importer/inputs.ts';
import { formatImportReport, importReport, summarizeImport } from '../src/lib/importer/summary.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run import -- <DocFX repository, docset folder or files...> [--dry-run] [--force] [--strict] [--content-dir DIR] [--config FILE] [--assets DIR] [--public-dir DIR] [--report FILE [--format markdown|json]]\n';

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).replace(/\\/g, '/');
}

function printDiagnostic(d: Diagnostic): void {
  const out = d.severity === 'error' ? process.stderr : process.stdout;
  out.write(formatDiagnostic(d) + '\n' + (d.hint ? `  hint: ${d.hint}\n` : ''));
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'content-dir': { type: 'string' },
        config: { type: 'string' },
        assets: { type: 'string' },
        'public-dir': { type: 'string' },
        report: { type: 'string' },
        format: { type: 'string', default: 'markdown' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.format !== 'markdown' && values.format !== 'json') {
    process.stderr.write(`--format must be markdown or json\n${USAGE}`);
    return 2;
  }
  if (values.help || positionals.length === 0) {
    (values.help ? process.stdout : process.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const contentDir = resolve(values['content-dir'] ?? join(projectRoot, 'content'));

  let config = DEFAULT_IMPORT_CONFIG;
  if (values.config) {
    try {
      config = parseImportConfig(readFileSync(values.config, 'utf8'));
    } catch (error) {
      process.stderr.write(`${values.config}:1:1 error import/config ${(error as Error).message}\n`);
      return 2;
    }
  }
  const { inputs, diagnostics: readErrors } = collectInputs(positionals, display, config);

  const plan = planImport(inputs, {
    contentDir,
    force: values.force,
    strict: values.strict,
    displayPath: display,
    publicDir: resolve(values['public-dir'] ?? join(projectRoot, 'public')),
    ...(values.assets ? { assets: resolve(values.assets) } : {}),
  });
  for (const d of [...readErrors, ...plan.diagnostics]) printDiagnostic(d);
  const width = Math.max(0, ...plan.files.map((f) => f.action.length));
  for (const file of plan.files) {
    process.stdout.write(`${file.action.padEnd(width)}  ${file.displayPath}${file.forced ? '  (--force: overwrites an edit)' : ''}\n`);
  }
  const written = values['dry-run'] || !plan.ok ? [] : applyPlan(plan);
  const summary = summarizeImport(plan, [...readErrors, ...plan.diagnostics]);
  if (values.report) {
    const report = importReport(plan, [...readErrors, ...plan.diagnostics], { dryRun: values['dry-run'] });
    writeFileSync(values.report, values.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatImportReport(report));
  }
  process.stdout.write(summary.text);
  if (!plan.ok) process.stderr.write('import failed: nothing was written\n');
  else if (values['dry-run']) process.stdout.write('dry run: nothing was written\n');
  else {
    const count = plan.files.filter((f) => f.action === 'create' || f.action === 'update').length;
    process.stdout.write(`${count} file${count === 1 ? '' : 's'} written${written.length > count ? ', manifest updated' : ''}\n`);
  }
  return summary.skipped > 0 || !plan.ok ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
