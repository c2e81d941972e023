/**
 * Worker thread of `html-parallel.ts`. Reads its share of the units (built pages, and templates with
 * their clouds' pages, which it writes when told to) and posts their pages' ids; then, given the ids
 * of every page, checks its pages' ids and links and posts the diagnostics, with the fragment checks
 * a shard leaves to the merge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { checkUnitPage, pageFactsOf, readUnit, type DeferredFragment, type DerivedPages, type PassUnit } from './html.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { append } from '../append.ts';

const { absolute, dir, files, elsewhere, units, derived } = workerData as { absolute: string; dir: string; files: string[]; elsewhere: string[] | undefined; units: PassUnit[]; derived: DerivedPages | undefined };
const site = { absolute, read: (path: string): string => readFileSync(join(absolute, path), 'utf8'), ...(derived ? { derived } : {}) };
const read = units.map((unit) => readUnit(unit, site));
// A set shared by a template's pages is posted once (structured cloning keeps shared objects shared).
const posted = new Map<ReadonlySet<string>, string[]>();
const list = (ids: ReadonlySet<string>): string[] => posted.get(ids) ?? posted.set(ids, [...ids]).get(ids)!;
parentPort!.postMessage(read.flatMap((done) => [...done.ids].map(([path, ids]): [string, string[]] => [path, list(ids)])));

parentPort!.once('message', (ids: Map<string, string[]>) => {
  const known = { dir, files: new Set(files), elsewhere: elsewhere && new Set(elsewhere) };
  // One set per posted list: a template's pages share theirs.
  const sets = new Map<string[], ReadonlySet<string>>();
  const none: ReadonlySet<string> = new Set();
  const idsOf = (path: string): ReadonlySet<string> => {
    const list = ids.get(path);
    if (!list) return none;
    let set = sets.get(list);
    if (!set) sets.set(list, (set = new Set(list)));
    return set;
  };
  const diagnostics: Diagnostic[] = [];
  const deferred: DeferredFragment[] = [];
  for (const done of read) {
    for (const page of done.pages) append(diagnostics, checkUnitPage(done.unit, page, pageFactsOf(done, page), known, idsOf, site, (d) => deferred.push(d)));
  }
  parentPort!.postMessage({ diagnostics, deferred });
});
