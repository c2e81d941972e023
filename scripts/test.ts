/**
 * `npm test`: the whole test run, with nothing to set up by hand first.
 *
 *   npm test                     prerequisites, type check, every vitest project (unit and e2e)
 *   npm test -- <vitest args>    the same with vitest's own arguments (a file, `--project unit`, -t …)
 *   npm test -- --prerequisites-only   step 1 alone
 *
 * 1. Prerequisites, before any test runs: the browser tests need Debian's `chromium` and `fonts-noto-cjk`
 *    (scripts/lib/browser.ts says why). Missing ones are installed with apt-get when running as root;
 *    otherwise one line says what to install and the run exits 1. `--project unit` alone needs neither.
 * 2. `tsc --noEmit -p .`, then `vitest run`.
 * 3. Leftovers: vitest runs with a marker in its environment and its own TMPDIR. Any process that still
 *    carries the marker once vitest has exited (a server, browser or worker a test did not stop), and
 *    anything left in that TMPDIR, fails the run with its name; both are then removed, so a failed run
 *    leaves nothing behind either.
 *
 * Exit code: vitest's, or 1 for missing prerequisites or leftovers; 2 for a bad option of our own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { aptInstall, planBrowserSetup, probeBrowserSetup } from './lib/browser.ts';
import { leftovers, needsBrowser, RUN_MARKER } from './lib/test-run.ts';
import { usageError } from './lib/cli.ts';
import { createCLI } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '..');

const COMMAND = {
  name: 'npm test',
  usage: 'usage: npm test [-- <vitest arguments> | --prerequisites-only]   (prerequisites, tsc --noEmit, vitest run; see scripts/test.ts)\n',
};

function say(line: string): void {
  process.stderr.write(`npm test: ${line}\n`);
}

function prerequisites(): boolean {
  const plan = planBrowserSetup(probeBrowserSetup());
  if (plan.action === 'ready') return true;
  say(plan.message);
  if (plan.action === 'fail') return false;
  try {
    aptInstall(plan.packages);
  } catch (error) {
    say(`${(error as Error).message.split('\n')[0]}: run \`apt-get install -y ${plan.packages.join(' ')}\` by hand, then npm test again.`);
    return false;
  }
  const after = planBrowserSetup(probeBrowserSetup());
  if (after.action !== 'ready') {
    say(`apt-get finished, but ${after.action === 'fail' ? after.message : 'the packages are still missing'}`);
    return false;
  }
  return true;
}

function bin(name: string): string {
  const local = join(ROOT, 'node_modules', '.bin', name);
  return existsSync(local) ? local : name;
}

async function runVitest(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...args], { cwd: ROOT, env, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT')).on('SIGTERM', forward('SIGTERM'));
  return new Promise((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(COMMAND.usage);
    return 0;
  }
  if (args.includes('--prerequisites-only')) return prerequisites() ? 0 : 1;
  // vitest's own arguments are checked by vitest's own command line before anything runs, so that
  // a wrong one is one line and the usage (exit 2), not a stack trace after the type check.
  try {
    const vitest = createCLI();
    vitest.parse(['node', 'vitest', 'run', ...args], { run: false });
    vitest.matchedCommand?.checkUnknownOptions();
  } catch (error) {
    return usageError(COMMAND, `${(error as Error).message} (vitest's options: npx vitest --help)`).exit;
  }
  if (needsBrowser(args) && !prerequisites()) return 1;

  const tsc = spawnSync(bin('tsc'), ['--noEmit', '-p', '.'], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0) return tsc.status ?? 1;

  const runId = randomUUID();
  const runTmp = mkdtempSync(join(tmpdir(), 'partner-kb-test-'));
  // Node's module compile cache is a cache, not a leftover: keep it with the project's other caches.
  const compileCache = join(ROOT, 'node_modules', '.cache', 'node-compile-cache');
  const code = await runVitest(args, { ...process.env, [RUN_MARKER]: runId, TMPDIR: runTmp, NODE_COMPILE_CACHE: compileCache });
  const left = await leftovers(RUN_MARKER, runId, runTmp);
  for (const line of left) say(line);
  if (left.length > 0) {
    say(`${left.length} leftover(s) after the run (removed now): a test or its teardown does not stop what it started.`);
    return code === 0 ? 1 : code;
  }
  return code;
}

process.exitCode = await main(process.argv.slice(2));
