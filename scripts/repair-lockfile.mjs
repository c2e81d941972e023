#!/usr/bin/env node
/**
 * Makes package-lock.json installable with `npm ci` on this project's machines.
 *
 * The npm registry these machines reach lags behind for some other platforms' optional binaries
 * (for example @pagefind/darwin-arm64@1.6.0, @astrojs/compiler-binding-win32-x64-msvc): `npm install`
 * cannot resolve them, leaves them out of the lock, but keeps the edges that name them, and
 * `npm ci` then refuses the lock ("Missing: … from lock file"). This removes exactly those
 * dangling optional edges — never a package that is in the lock. Run after `npm install`
 * (`npm run lock:repair`); `tests/lockfile.test.ts` fails while a dangling edge is left.
 *
 * Plain JavaScript so that it runs on any Node, before dependencies are installed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The optional edges that name a package the lock does not contain, as "holder → name". */
export function danglingOptionalEdges(lock) {
  const packages = lock.packages ?? {};
  const found = [];
  for (const [holder, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      // Node's resolution: the nearest node_modules up from the holder.
      const base = holder === '' ? [] : holder.split('/node_modules/').map((p, i) => (i === 0 ? p : 'node_modules/' + p));
      let resolved = false;
      for (let i = base.length; i >= 0 && !resolved; i--) {
        const prefix = base.slice(0, i).join('/');
        resolved = packages[`${prefix ? prefix + '/' : ''}node_modules/${name}`] !== undefined;
      }
      if (!resolved) found.push({ holder, name });
    }
  }
  return found;
}

export function repair(lock) {
  const dangling = danglingOptionalEdges(lock);
  for (const { holder, name } of dangling) {
    const entry = lock.packages[holder];
    delete entry.optionalDependencies[name];
    if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
  }
  return dangling;
}

const USAGE = 'usage: npm run lock:repair [-- <package-lock.json>]   (removes dangling optional edges; see scripts/repair-lockfile.mjs)\n';

/**
 * The lock file to repair from the command line; `--help` prints the usage (exit 0), a wrong option
 * or a second file one line and the usage (exit 2), as scripts/lib/cli.ts does for the TypeScript
 * scripts (this file stays plain JavaScript, so it cannot import that one).
 */
function commandLine(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return { exit: 0 };
  }
  try {
    const { positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true });
    if (positionals.length > 1) throw new Error(`one lock file at a time (got ${positionals.length})`);
    return { path: positionals[0] ?? 'package-lock.json' };
  } catch (error) {
    process.stderr.write(`npm run lock:repair: ${String(error.message).split('\n')[0].replace(/\. To specify a positional argument.*$/, '')}\n${USAGE}`);
    return { exit: 2 };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const line = commandLine(process.argv.slice(2));
  if ('exit' in line) process.exit(line.exit);
  const { path } = line;
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  const removed = repair(lock);
  writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
  for (const { holder, name } of removed) console.log(`removed dangling optional edge ${holder || '(root)'} → ${name}`);
  console.log(removed.length ? `${removed.length} edge(s) removed from ${path}` : `${path}: nothing to repair`);
}
