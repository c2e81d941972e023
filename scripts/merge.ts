/**
 * `npm run build:merge -- <shard folder>... [--out dist]`: joins the folders that
 * `npm run build -- --shard K/N --outDir <folder>` wrote into the site a single `npm run build`
 * writes (src/lib/build/merge.ts), checks the links between pages of different shards (less what
 * the check baseline accepts, as the single build's pass does), and exits 1 on a broken one or on
 * shards that do not make one build.
 */
import { relative, resolve } from 'node:path';
import { mergeShards } from '../src/lib/build/merge.ts';
import { applyBaseline, readBaseline } from '../src/lib/checks/baseline.ts';
import { contentDirectory } from '../src/lib/model/load.ts';
import { exitCode, format } from '../src/lib/report/index.ts';
import { parseCommandLine, usageError } from './lib/cli.ts';

const COMMAND = {
  name: 'npm run build:merge',
  usage: 'usage: npm run build:merge -- <folder of shard 1> … <folder of shard N> [--out dist]\n',
  options: { out: { type: 'string', default: 'dist' } },
  allowPositionals: true,
} as const;

function main(argv: string[]): number {
  const line = parseCommandLine(argv, COMMAND);
  if ('exit' in line) return line.exit;
  const { values, positionals } = line;
  if (positionals.length === 0) return usageError(COMMAND, 'no shard folder given').exit;
  const out = resolve(values.out);
  const started = performance.now();
  const root = process.cwd();
  const merged = mergeShards(positionals.map((dir) => resolve(dir)), out, relative(root, out) || '.');
  // Built-HTML findings have no source line: the baseline matches them by rule, file and message.
  const { reported: diagnostics } = applyBaseline(merged.diagnostics, readBaseline(contentDirectory(root)), root, () => undefined);
  const files = merged.files;
  process.stdout.write(format(diagnostics, 'human'));
  process.stderr.write(`[merge] ${positionals.length} shard(s) joined into ${values.out}: ${files} files in ${Math.round(performance.now() - started)} ms\n`);
  return exitCode(diagnostics);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`npm run build:merge: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
