/**
 * `npm run import -- <DocFX repository, docset folder or files...> [--dry-run] [--force] [--strict] [--content-dir DIR]`
 *
 * Imports DocFX localized Markdown into content/ (see src/lib/importer). A folder is walked for its
 * Markdown files. Prints the plan and the diagnostics, then a summary: files imported, files
 * skipped and why (by rule). A file with errors is skipped and every other file imported; the exit
 * code is 1 when any file was skipped (with --strict, nothing is written then), 0 otherwise.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatDiagnostic, type Diagnostic } from '../src/lib/diagnostics.ts';
import { applyPlan, decodeUtf8, planImport, type InputFile } from '../src/lib/importer/index.ts';
import { summarizeImport } from '../src/lib/importer/summary.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run import -- <DocFX repository, docset folder or files...> [--dry-run] [--force] [--strict] [--content-dir DIR]\n';

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).replace(/\\/g, '/');
}

function printDiagnostic(d: Diagnostic): void {
  const out = d.severity === 'error' ? process.stderr : process.stdout;
  out.write(formatDiagnostic(d) + '\n' + (d.hint ? `  hint: ${d.hint}\n` : ''));
}

/** The Markdown files of a folder, in path order; hidden folders and files are not content. */
function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(path));
    else if (entry.isFile() && /\.md$/i.test(entry.name)) out.push(path);
  }
  return out;
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
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? process.stdout : process.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const contentDir = resolve(values['content-dir'] ?? join(projectRoot, 'content'));

  const inputs: InputFile[] = [];
  const readErrors: Diagnostic[] = [];
  const read = (path: string, explicit: boolean): void => {
    const file = display(resolve(path));
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      readErrors.push({ file, line: 1, column: 1, severity: 'error', rule: 'import/read', message: `cannot read the file: ${(error as Error).message}`, hint: 'Check the path and that the file is readable.' });
      return;
    }
    const decoded = decodeUtf8(bytes, file);
    if ('error' in decoded) {
      readErrors.push(decoded.error);
      return;
    }
    // In a folder, a Markdown file without front matter is not an article (README.md, TOC.md …).
    if (!explicit && !/^\uFEFF?---\r?\n/.test(decoded.text)) {
      readErrors.push({ file, line: 1, column: 1, severity: 'info', rule: 'import/not-an-article', message: 'has no front matter, so it is not a DocFX article; not imported' });
      return;
    }
    inputs.push({ file, text: decoded.text });
  };
  for (const arg of positionals) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // read() reports it.
    }
    if (isDir) for (const path of markdownFiles(arg)) read(path, false);
    else read(arg, true);
  }

  const plan = planImport(inputs, { contentDir, force: values.force, strict: values.strict, displayPath: display });
  for (const d of [...readErrors, ...plan.diagnostics]) printDiagnostic(d);
  const width = Math.max(0, ...plan.files.map((f) => f.action.length));
  for (const file of plan.files) {
    process.stdout.write(`${file.action.padEnd(width)}  ${file.displayPath}${file.forced ? '  (--force: overwrites an edit)' : ''}\n`);
  }
  const written = values['dry-run'] || !plan.ok ? [] : applyPlan(plan);
  const summary = summarizeImport(plan, [...readErrors, ...plan.diagnostics]);
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
