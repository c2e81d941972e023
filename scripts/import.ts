/**
 * `npm run import -- <files...> [--dry-run] [--force] [--content-dir DIR]`
 *
 * Imports DocFX localized Markdown into content/ (see src/lib/importer). Prints the plan and the
 * diagnostics; exits 1 when there is an error (and then writes nothing), 0 otherwise.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, type Diagnostic } from '../src/lib/diagnostics.ts';
import { applyPlan, planImport, type InputFile } from '../src/lib/importer/index.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).replace(/\\/g, '/');
}

function printDiagnostic(d: Diagnostic): void {
  const out = d.severity === 'error' ? process.stderr : process.stdout;
  out.write(formatDiagnostic(d) + '\n' + (d.hint ? `  hint: ${d.hint}\n` : ''));
}

function usage(): never {
  process.stderr.write('usage: npm run import -- <files...> [--dry-run] [--force] [--content-dir DIR]\n');
  process.exit(1);
}

const args = process.argv.slice(2);
let dryRun = false;
let force = false;
let contentDir = join(projectRoot, 'content');
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--dry-run') dryRun = true;
  else if (arg === '--force') force = true;
  else if (arg === '--content-dir') {
    const dir = args[++i];
    if (!dir) usage();
    contentDir = resolve(dir);
  } else if (arg.startsWith('--content-dir=')) contentDir = resolve(arg.slice('--content-dir='.length));
  else if (arg === '--help' || arg === '-h') usage();
  else if (arg.startsWith('--')) {
    process.stderr.write(`unknown option ${arg}\n`);
    usage();
  } else files.push(arg);
}
if (files.length === 0) usage();

const inputs: InputFile[] = [];
let unreadable = false;
for (const file of files) {
  try {
    inputs.push({ file: display(resolve(file)), text: readFileSync(file, 'utf8') });
  } catch (error) {
    unreadable = true;
    printDiagnostic({ file: display(resolve(file)), line: 1, column: 1, severity: 'error', rule: 'import/read', message: `cannot read the file: ${(error as Error).message}` });
  }
}
if (unreadable) process.exit(1);

const plan = planImport(inputs, { contentDir, force, displayPath: display });
for (const d of plan.diagnostics) printDiagnostic(d);
if (!plan.ok) {
  process.stderr.write('import failed: nothing was written\n');
  process.exit(1);
}
const width = Math.max(...plan.files.map((f) => f.action.length));
for (const file of plan.files) {
  process.stdout.write(`${file.action.padEnd(width)}  ${file.displayPath}${file.forced ? '  (--force: overwrites an edit)' : ''}\n`);
}
if (dryRun) {
  process.stdout.write('dry run: nothing was written\n');
} else {
  const written = applyPlan(plan);
  const count = plan.files.filter((f) => f.action === 'create' || f.action === 'update').length;
  process.stdout.write(`${count} file${count === 1 ? '' : 's'} written${written.length > count ? ', manifest updated' : ''}\n`);
}
process.exit(0);
