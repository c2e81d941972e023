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

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? 'package-lock.json';
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  const removed = repair(lock);
  writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
  for (const { holder, name } of removed) console.log(`removed dangling optional edge ${holder || '(root)'} → ${name}`);
  console.log(removed.length ? `${removed.length} edge(s) removed from ${path}` : `${path}: nothing to repair`);
}
